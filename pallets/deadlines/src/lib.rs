//! # Deadline schedule
//!
//! The Assay pallets time their work (an accept window, a commit deadline, a reveal phase) by
//! putting an id into a storage map from block number to a list of ids, and handling that
//! block's list in `on_initialize`. This crate is that one piece of logic, over any such map and
//! a FIFO of overdue ids: [`Deadlines::schedule`] puts an id at its due block;
//! [`Deadlines::unschedule`] takes it out again; [`Deadlines::take_due`] hands `on_initialize`
//! at most `limit` ids, the overdue first, and keeps the rest overdue for the next blocks;
//! [`Deadlines::check`] is the `try_state` invariant of the whole schedule.
//!
//! ## Constant work, never early
//!
//! Scheduling reads and writes one block's list and nothing else: a block's list holds up to
//! `Capacity` ids, and a pallet that keeps **at most one entry per live item** with at most
//! `Capacity` items always has room in any block. What a block can *handle* is bounded
//! separately, by the `limit` its hook passes to [`Deadlines::take_due`]: when more ids fall
//! due than that, the rest wait in the overdue FIFO and are handled first in the next blocks.
//! So a deadline is handled at its block or, under load, a few blocks late, never early, and
//! neither scheduling nor handling walks the schedule (an earlier design searched forward for
//! a block with room: up to `Capacity / limit` reads a call, which no benchmark covered).
//!
//! Until its deadline is handled, an item stays in the phase the deadline ends: a pallet's
//! calls for that phase keep working a little longer under load, as they would have with a
//! later deadline.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

extern crate alloc;

use alloc::{collections::BTreeMap, collections::BTreeSet, vec::Vec};
use codec::FullCodec;
use core::marker::PhantomData;
use frame_support::{
	storage::{IterableStorageMap, StorageMap, StorageValue},
	traits::Get,
	BoundedVec,
};
use sp_runtime::traits::{One, Saturating};

/// A deadline schedule over `Map` (block number `B` → up to `Capacity` ids `Id`) and `Overdue`
/// (the ids that fell due and wait for a block with handling room, oldest first).
pub struct Deadlines<Map, Overdue, B, Id, Capacity>(PhantomData<(Map, Overdue, B, Id, Capacity)>);

impl<Map, Overdue, B, Id, Capacity> Deadlines<Map, Overdue, B, Id, Capacity>
where
	Map: StorageMap<B, BoundedVec<Id, Capacity>, Query = BoundedVec<Id, Capacity>>,
	Overdue: StorageValue<BoundedVec<Id, Capacity>, Query = BoundedVec<Id, Capacity>>,
	B: FullCodec + Copy + Ord + Saturating + One,
	Id: FullCodec + PartialEq + Clone,
	Capacity: Get<u32>,
{
	/// Puts `id` at `due`, or at the block after `now` if `due` is not later (blocks up to
	/// `now` are already handled). Returns the block, or `None` if that block already holds
	/// `Capacity` ids (impossible with one entry per live item and at most `Capacity` items).
	pub fn schedule(id: Id, due: B, now: B) -> Option<B> {
		let block = due.max(now.saturating_add(B::one()));
		Map::try_mutate(block, |entries| entries.try_push(id)).ok().map(|()| block)
	}

	/// Removes `id`, scheduled at `block`, wherever it waits: at `block` until that block's
	/// hook took it, in the overdue FIFO once it fell due (in block `now` itself, either: the
	/// call may come before or after this schedule's hook). Nothing if it is not there.
	pub fn unschedule(id: &Id, block: B, now: B) {
		if block >= now {
			Map::mutate_exists(block, |entries| {
				if let Some(list) = entries {
					list.retain(|entry| entry != id);
					if list.is_empty() {
						*entries = None;
					}
				}
			});
		}
		if block <= now {
			Overdue::mutate(|overdue| overdue.retain(|entry| entry != id));
		}
	}

	/// Takes what is due at `now` for handling: the overdue ids first, then `now`'s own, at
	/// most `limit` of them; the rest stay overdue, in order. Should the rest not fit in the
	/// FIFO (more ids than `Capacity`, which one entry per live item rules out), they are
	/// returned too rather than lost.
	pub fn take_due(now: B, limit: u32) -> Vec<Id> {
		// Read, not take: the FIFO is empty in almost every block, and then stays unwritten.
		let mut due = Overdue::get().into_inner();
		let had_overdue = !due.is_empty();
		due.extend(Map::take(now));
		let to_handle = usize::try_from(limit).unwrap_or(usize::MAX).min(due.len());
		let mut rest = due.split_off(to_handle);
		let room = usize::try_from(Capacity::get()).unwrap_or(usize::MAX).min(rest.len());
		due.extend(rest.split_off(room));
		if !rest.is_empty() {
			Overdue::put(BoundedVec::truncate_from(rest));
		} else if had_overdue {
			Overdue::kill();
		}
		due
	}

	/// Fills `block`'s list with `filler` up to one short of `Capacity`: the longest list a
	/// new entry can join while every live item has one entry. For the benchmarks of calls
	/// that schedule.
	pub fn fill_one_short(block: B, filler: Id) {
		let longest = usize::try_from(Capacity::get().saturating_sub(1)).unwrap_or(usize::MAX);
		Map::mutate(block, |entries| {
			while entries.len() < longest && entries.try_push(filler.clone()).is_ok() {}
		});
	}
}

impl<Map, Overdue, B, Id, Capacity> Deadlines<Map, Overdue, B, Id, Capacity>
where
	Map: StorageMap<B, BoundedVec<Id, Capacity>, Query = BoundedVec<Id, Capacity>>
		+ IterableStorageMap<B, BoundedVec<Id, Capacity>>,
	Overdue: StorageValue<BoundedVec<Id, Capacity>, Query = BoundedVec<Id, Capacity>>,
	B: FullCodec + Copy + Ord + Saturating + One,
	Id: FullCodec + Ord + Clone,
	Capacity: Get<u32>,
{
	/// The schedule's invariant, for a pallet's `try_state`: `expected` names every item that
	/// must be scheduled and its deadline block, and the schedule holds exactly those, once
	/// each: at their block while it is after `now`, in the overdue FIFO once it is not. No
	/// empty list is stored.
	pub fn check(expected: &BTreeMap<Id, B>, now: B) -> Result<(), &'static str> {
		let mut seen = BTreeSet::new();
		for (block, entries) in Map::iter() {
			if block <= now {
				return Err("a schedule entry is at or before the current block");
			}
			if entries.is_empty() {
				return Err("an empty schedule list is stored");
			}
			for id in entries {
				if expected.get(&id) != Some(&block) {
					return Err("a schedule entry is not at its item's deadline");
				}
				if !seen.insert(id) {
					return Err("an item is scheduled twice");
				}
			}
		}
		for id in Overdue::get() {
			if expected.get(&id).is_none_or(|block| *block > now) {
				return Err("an overdue entry is not past its item's deadline");
			}
			if !seen.insert(id) {
				return Err("an item is scheduled twice");
			}
		}
		if seen.len() != expected.len() {
			return Err("an item is not scheduled");
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{
		storage::types::{StorageMap as MapType, StorageValue as ValueType, ValueQuery},
		traits::ConstU32,
		Twox64Concat,
	};

	struct DuePrefix;
	impl frame_support::traits::StorageInstance for DuePrefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Due";
	}
	struct OverduePrefix;
	impl frame_support::traits::StorageInstance for OverduePrefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Overdue";
	}
	type Capacity = ConstU32<4>;
	type Due = MapType<DuePrefix, Twox64Concat, u64, BoundedVec<u32, Capacity>, ValueQuery>;
	type Overdue = ValueType<OverduePrefix, BoundedVec<u32, Capacity>, ValueQuery>;
	type Schedule = Deadlines<Due, Overdue, u64, u32, Capacity>;

	fn expected(items: &[(u32, u64)]) -> BTreeMap<u32, u64> {
		items.iter().copied().collect()
	}

	#[test]
	fn schedules_at_due_never_at_or_before_now() {
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(Schedule::schedule(1, 10, 5), Some(10));
			assert_eq!(Schedule::schedule(2, 10, 5), Some(10));
			// Due in the past or now: the next block.
			assert_eq!(Schedule::schedule(3, 3, 5), Some(6));
			assert_eq!(Schedule::schedule(4, 5, 5), Some(6));
			assert_eq!(Due::get(10).into_inner(), vec![1, 2]);
			assert_eq!(Due::get(6).into_inner(), vec![3, 4]);
			assert_eq!(Schedule::check(&expected(&[(1, 10), (2, 10), (3, 6), (4, 6)]), 5), Ok(()));
		});
	}

	#[test]
	fn a_block_holds_capacity_ids_and_refuses_more() {
		sp_io::TestExternalities::default().execute_with(|| {
			for id in 0..4 {
				assert_eq!(Schedule::schedule(id, 10, 0), Some(10));
			}
			assert_eq!(Schedule::schedule(4, 10, 0), None);
			assert_eq!(Due::get(10).len(), 4);
		});
	}

	#[test]
	fn fill_one_short_leaves_room_for_exactly_one() {
		sp_io::TestExternalities::default().execute_with(|| {
			Schedule::schedule(1, 10, 0);
			Schedule::fill_one_short(10, 9);
			assert_eq!(Due::get(10).into_inner(), vec![1, 9, 9]);
			assert_eq!(Schedule::schedule(2, 10, 0), Some(10));
			assert_eq!(Schedule::schedule(3, 10, 0), None);
		});
	}

	#[test]
	fn take_due_hands_out_at_most_limit_and_keeps_the_rest_overdue_in_order() {
		sp_io::TestExternalities::default().execute_with(|| {
			for id in 0..3 {
				Schedule::schedule(id, 10, 0);
			}
			Schedule::schedule(7, 11, 0);
			assert_eq!(Schedule::take_due(10, 2), vec![0, 1]);
			assert_eq!(Overdue::get().into_inner(), vec![2]);
			assert_eq!(Schedule::check(&expected(&[(2, 10), (7, 11)]), 10), Ok(()));
			// The overdue id comes first, then the block's own.
			assert_eq!(Schedule::take_due(11, 2), vec![2, 7]);
			assert!(Overdue::get().is_empty());
			assert!(!Due::contains_key(10) && !Due::contains_key(11));
			assert_eq!(Schedule::take_due(12, 2), Vec::<u32>::new());
		});
	}

	#[test]
	fn unschedule_finds_an_id_before_and_after_it_fell_due() {
		sp_io::TestExternalities::default().execute_with(|| {
			Schedule::schedule(1, 10, 0);
			Schedule::schedule(2, 10, 0);
			Schedule::schedule(3, 10, 0);
			Schedule::unschedule(&1, 10, 9);
			assert_eq!(Due::get(10).into_inner(), vec![2, 3]);
			// An id that is not there changes nothing.
			Schedule::unschedule(&7, 10, 9);
			assert_eq!(Due::get(10).into_inner(), vec![2, 3]);
			assert_eq!(Schedule::take_due(10, 1), vec![2]);
			// 3 fell due and waits overdue: it is found there.
			Schedule::unschedule(&3, 10, 10);
			assert!(Overdue::get().is_empty());
			assert!(!Due::contains_key(10));
			Schedule::schedule(4, 12, 10);
			Schedule::unschedule(&4, 12, 10);
			assert!(!Due::contains_key(12), "an emptied list is deleted");
			// In the due block before its hook ran, the id is still in the block's list.
			Schedule::schedule(5, 13, 10);
			Schedule::unschedule(&5, 13, 13);
			assert!(!Due::contains_key(13));
		});
	}

	#[test]
	fn ids_that_do_not_fit_overdue_are_handed_out_not_lost() {
		sp_io::TestExternalities::default().execute_with(|| {
			Overdue::put(BoundedVec::truncate_from(vec![1, 2, 3]));
			for id in 4..8 {
				Schedule::schedule(id, 10, 0);
			}
			// Seven ids, a FIFO of four: one beyond the limit is handed out with the first.
			assert_eq!(Schedule::take_due(10, 2), vec![1, 2, 7]);
			assert_eq!(Overdue::get().into_inner(), vec![3, 4, 5, 6]);
		});
	}

	#[test]
	fn check_finds_each_way_the_schedule_can_be_wrong() {
		sp_io::TestExternalities::default().execute_with(|| {
			Schedule::schedule(1, 10, 0);
			Schedule::schedule(2, 10, 0);
			assert_eq!(Schedule::check(&expected(&[(1, 10), (2, 10)]), 5), Ok(()));
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 10)]), 10),
				Err("a schedule entry is at or before the current block")
			);
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 11)]), 5),
				Err("a schedule entry is not at its item's deadline")
			);
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 10), (3, 12)]), 5),
				Err("an item is not scheduled")
			);
			Schedule::schedule(2, 10, 0);
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 10)]), 5),
				Err("an item is scheduled twice")
			);
			Schedule::unschedule(&2, 10, 5);
			Overdue::put(BoundedVec::truncate_from(vec![2]));
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 10)]), 5),
				Err("an overdue entry is not past its item's deadline")
			);
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 4)]), 5),
				Ok(()),
				"an overdue entry past its deadline is where it belongs"
			);
			Due::insert(11, BoundedVec::<u32, Capacity>::new());
			assert_eq!(
				Schedule::check(&expected(&[(1, 10), (2, 4)]), 5),
				Err("an empty schedule list is stored")
			);
		});
	}
}
