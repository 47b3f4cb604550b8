//! # Randomness beacon pallet
//!
//! The randomness every Assay draw reads: solver draws, segment sampling, verifier and jury
//! draws. Each block folds its parent's VRF output into one accumulator, so the value a draw
//! reads depends on the VRF output of **every** block since any earlier moment, not on one
//! block alone.
//!
//! - [`Config`]
//! - [`Pallet`] implements [`Randomness`]
//!
//! ## Why
//!
//! A block's VRF output is unknown before the block exists, except to its author, who knows it
//! for its own slots well ahead (BABE's epoch randomness fixes them about two epochs early).
//! A draw that read only the parent block's output could therefore be known, at the moment a
//! party commits, by any validator that authors that one parent block: a solver that is also a
//! validator could learn its sampled segments before committing its checkpoints, and a
//! challenger which block draws its jury.
//!
//! With the accumulator, a draw made `d` blocks after the block that holds a commitment reads
//! the VRF outputs of all `d` blocks from that one on. To know it when committing, a party must
//! author every one of them; to steer it, the author of the last of them can only withhold its
//! block (losing its reward and its slot), which swaps a value it knows for one it does not.
//! `docs/protocol.md` § Security states what that leaves an attacker and what it costs.
//!
//! ## How to use
//!
//! Set a pallet's `Randomness` to this pallet, and make its draws at least the runtime's
//! randomness delay after whatever a party committed to (the market pallets take the delay as
//! a `Config` constant). Place this pallet before the pallets that draw in `on_initialize`, so
//! that a block's draws already include its parent's output.
//!
//! ## Design
//!
//! - **One storage value**: the accumulator `blake2_256(previous ‖ parent's VRF output)` and
//!   the block it was last folded at; no history is kept.
//! - **A block without a parent VRF output** (the first after genesis) folds nothing.
//! - [`Randomness::random`] returns `hash(subject ‖ accumulator)` and, as the block it is
//!   known since, the parent block.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic))]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use codec::Encode;
use frame_support::traits::Randomness;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Hash, Saturating};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The VRF output of the parent block, hashed with the subject (BABE's
		/// `ParentBlockRandomness` in the runtime); `None` where the parent has none.
		type ParentBlockVrf: Randomness<Option<Self::Hash>, BlockNumberFor<Self>>;
		/// Weights of this pallet's hook.
		type WeightInfo: WeightInfo;
		/// Gives the benchmarked block's parent a VRF output (the hook's worst case).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// What the benchmarks need from the runtime.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper {
		/// Makes [`Config::ParentBlockVrf`] return an output in the current block.
		fn give_parent_a_vrf_output();
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl BenchmarkHelper for () {
		fn give_parent_a_vrf_output() {}
	}

	/// Every parent VRF output so far, folded in: `blake2_256(previous ‖ output)`, and the
	/// block that folded the last one in.
	#[pallet::storage]
	pub type Accumulator<T: Config> = StorageValue<_, ([u8; 32], BlockNumberFor<T>), ValueQuery>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::fold_parent_output(now);
			T::WeightInfo::on_initialize()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Folds the parent block's VRF output into the accumulator at block `now`.
	fn fold_parent_output(now: BlockNumberFor<T>) {
		let (Some(output), _) = T::ParentBlockVrf::random(b"assay/beacon") else { return };
		Accumulator::<T>::mutate(|(accumulator, folded_at)| {
			*accumulator = sp_io::hashing::blake2_256(&(*accumulator, output).encode());
			*folded_at = now;
		});
	}

	/// Ensure the correctness of the state of this pallet.
	///
	/// ## Invariants:
	///
	/// * The accumulator was last folded at a block no later than the current one.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let (_, folded_at) = Accumulator::<T>::get();
		frame_support::ensure!(
			folded_at <= frame_system::Pallet::<T>::block_number(),
			"the accumulator was folded in the future"
		);
		Ok(())
	}
}

impl<T: Config> Randomness<T::Hash, BlockNumberFor<T>> for Pallet<T> {
	/// `hash(subject ‖ accumulator)`, known since the parent block (whose output was the last
	/// folded in).
	fn random(subject: &[u8]) -> (T::Hash, BlockNumberFor<T>) {
		let (accumulator, _) = Accumulator::<T>::get();
		let known_since = frame_system::Pallet::<T>::block_number().saturating_sub(1u32.into());
		(T::Hashing::hash(&(subject, accumulator).encode()), known_since)
	}
}
