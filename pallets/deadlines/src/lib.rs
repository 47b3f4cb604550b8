//! # Deadline schedule
//!
//! The Assay pallets time their work (an accept window, a commit deadline, a reveal phase) by
//! putting an id into a storage map from block number to a bounded list of ids, and handling
//! that block's list in `on_initialize`. This crate is that one piece of logic, over any such
//! map: [`Deadlines::schedule`] puts an id at its due block or, when that block is full, at the
//! first later block with room; [`Deadlines::unschedule`] takes it out again;
//! [`Deadlines::take_due`] hands `on_initialize` what is due.
//!
//! ## Always room
//!
//! A pallet that keeps **at most one entry per live item** and at most `max_items` items, with
//! `per_block` entries allowed per block, always finds room within
//! [`search_span`]`(max_items, per_block)` consecutive blocks: by pigeonhole, that many blocks
//! hold at least `max_items` entries, and at most `max_items − 1` other entries exist. So a
//! deadline is never dropped, only moved later by a few blocks under load, never earlier.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

use codec::FullCodec;
use core::marker::PhantomData;
use frame_support::{storage::StorageMap, traits::Get, BoundedVec};
use sp_runtime::traits::{One, Saturating};

/// The number of consecutive blocks that always have room for one more entry, when at most
/// `max_items` entries exist and a block holds `per_block`: `⌈max_items / per_block⌉`.
pub fn search_span(max_items: u32, per_block: u32) -> u32 {
	max_items.div_ceil(per_block.max(1))
}

/// A deadline schedule over `Map`: block number `B` → up to `PerBlock` ids `Id`.
pub struct Deadlines<Map, B, Id, PerBlock>(PhantomData<(Map, B, Id, PerBlock)>);

impl<Map, B, Id, PerBlock> Deadlines<Map, B, Id, PerBlock>
where
	Map: StorageMap<B, BoundedVec<Id, PerBlock>, Query = BoundedVec<Id, PerBlock>>,
	B: FullCodec + Copy + Ord + Saturating + One,
	Id: FullCodec + PartialEq + Clone,
	PerBlock: Get<u32>,
{
	/// Puts `id` at `due`, or at the first block after it with room, searching `span` blocks;
	/// never at or before `now` (those blocks are already handled). Returns the block, or
	/// `None` if all `span` blocks are full (impossible within [`search_span`], see the crate
	/// docs).
	pub fn schedule(id: Id, due: B, now: B, span: u32) -> Option<B> {
		let mut block = due.max(now.saturating_add(B::one()));
		for _ in 0..span {
			if Map::try_mutate(block, |entries| entries.try_push(id.clone())).is_ok() {
				return Some(block);
			}
			block = block.saturating_add(B::one());
		}
		None
	}

	/// Removes `id` from `block`'s entries (nothing if it is not there), deleting the entry
	/// once empty.
	pub fn unschedule(id: &Id, block: B) {
		Map::mutate_exists(block, |entries| {
			if let Some(list) = entries {
				list.retain(|entry| entry != id);
				if list.is_empty() {
					*entries = None;
				}
			}
		});
	}

	/// Removes and returns everything due at `block`.
	pub fn take_due(block: B) -> BoundedVec<Id, PerBlock> {
		Map::take(block)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{storage::types::ValueQuery, traits::ConstU32, Twox64Concat};

	struct Prefix;
	impl frame_support::traits::StorageInstance for Prefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Due";
	}
	type Due = frame_support::storage::types::StorageMap<
		Prefix,
		Twox64Concat,
		u64,
		BoundedVec<u32, ConstU32<2>>,
		ValueQuery,
	>;
	type Schedule = Deadlines<Due, u64, u32, ConstU32<2>>;

	#[test]
	fn schedules_at_due_then_later_never_at_or_before_now() {
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(Schedule::schedule(1, 10, 5, 4), Some(10));
			assert_eq!(Schedule::schedule(2, 10, 5, 4), Some(10));
			assert_eq!(Schedule::schedule(3, 10, 5, 4), Some(11));
			// Due in the past or now: the next block.
			assert_eq!(Schedule::schedule(4, 3, 5, 4), Some(6));
			assert_eq!(Schedule::schedule(5, 5, 5, 4), Some(6));
			assert_eq!(Due::get(10).into_inner(), vec![1, 2]);
			assert_eq!(Due::get(6).into_inner(), vec![4, 5]);
		});
	}

	#[test]
	fn gives_up_only_after_span_full_blocks() {
		sp_io::TestExternalities::default().execute_with(|| {
			for id in 0..6 {
				assert!(Schedule::schedule(id, 10, 0, 3).is_some());
			}
			assert_eq!(Schedule::schedule(6, 10, 0, 3), None);
			assert_eq!(Schedule::schedule(6, 10, 0, 4), Some(13));
		});
	}

	#[test]
	fn unschedule_and_take() {
		sp_io::TestExternalities::default().execute_with(|| {
			Schedule::schedule(1, 10, 0, 1);
			Schedule::schedule(2, 10, 0, 1);
			Schedule::unschedule(&1, 10);
			assert_eq!(Due::get(10).into_inner(), vec![2]);
			Schedule::unschedule(&7, 10);
			assert_eq!(Due::get(10).into_inner(), vec![2]);
			Schedule::unschedule(&2, 10);
			assert!(!Due::contains_key(10));
			Schedule::schedule(3, 11, 0, 1);
			assert_eq!(Schedule::take_due(11).into_inner(), vec![3]);
			assert!(!Due::contains_key(11));
		});
	}

	#[test]
	fn the_search_span_always_has_room() {
		assert_eq!(search_span(1_024, 32), 32);
		assert_eq!(search_span(10, 3), 4);
		assert_eq!(search_span(5, 0), 5);
		sp_io::TestExternalities::default().execute_with(|| {
			// 7 items, 2 per block: any 4 consecutive blocks have room for the 7th.
			let span = search_span(7, 2);
			for id in 0..6 {
				assert!(Schedule::schedule(id, 100 + u64::from(id % 3), 0, span).is_some());
			}
			assert!(Schedule::schedule(6, 100, 0, span).is_some());
		});
	}
}
