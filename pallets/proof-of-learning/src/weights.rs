
//! Weights for `pallet_proof_of_learning`, measured by `assay-node benchmark pallet`.
//!
//! Benchmark CLI 64.0.0, 2026-12-07; steps `10`, repeat `5`;
//! machine `vm` (`AMD EPYC`); wasm execution `Compiled`; chain `Some("dev")`.
//! Re-generate with `scripts/benchmark-pallets.sh pallet_proof_of_learning` after changing the pallet's calls.

// Command:
// /var/tmp/assay-target/debug/assay-node
// benchmark
// pallet
// --runtime-log=warn
// --chain
// dev
// --pallet
// pallet_proof_of_learning
// --extrinsic
// *
// --steps
// 10
// --repeat
// 5
// --output
// /work/main/pallets/proof-of-learning/src/weights.rs
// --template
// /work/main/scripts/frame-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_proof_of_learning`.
pub trait WeightInfo {
	fn commit_checkpoints() -> Weight;
	fn commit_verdict() -> Weight;
	fn reveal_verdict(s: u32, ) -> Weight;
	fn declare_unavailable() -> Weight;
	fn on_initialize_base() -> Weight;
	fn handle_deadline() -> Weight;
	fn handle_unavailability_deadline() -> Weight;
	fn show_checkpoints() -> Weight;
	fn disclose(v: u32, ) -> Weight;
	fn set_forced_error_odds() -> Weight;
}

/// Weights for the runtime, with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1066), added: 3541, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:0 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	fn commit_checkpoints() -> Weight {
		// Proof size: measured `8689`, estimated `11671`.
		// Minimum execution time: 900_399_000 picoseconds.
		Weight::from_parts(1_427_792_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn commit_verdict() -> Weight {
		// Proof size: measured `9788`, estimated `120526`.
		// Minimum execution time: 740_250_000 picoseconds.
		Weight::from_parts(1_116_843_000, 0)
			.saturating_add(Weight::from_parts(0, 120526))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1066), added: 3541, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn reveal_verdict(_s: u32, ) -> Weight {
		// Proof size: measured `15211`, estimated `120526`.
		// Minimum execution time: 1_832_297_000 picoseconds.
		Weight::from_parts(2_533_424_440, 0)
			.saturating_add(Weight::from_parts(0, 120526))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn declare_unavailable() -> Weight {
		// Proof size: measured `10696`, estimated `120526`.
		// Minimum execution time: 1_172_527_000 picoseconds.
		Weight::from_parts(1_398_447_000, 0)
			.saturating_add(Weight::from_parts(0, 120526))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `6`, estimated `11671`.
		// Minimum execution time: 129_271_000 picoseconds.
		Weight::from_parts(137_947_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(2))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1000 w:32)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:32 w:32)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:17)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `144518`, estimated `2577990`.
		// Minimum execution time: 167_268_303_000 picoseconds.
		Weight::from_parts(212_789_298_000, 0)
			.saturating_add(Weight::from_parts(0, 2577990))
			.saturating_add(T::DbWeight::get().reads(1071))
			.saturating_add(T::DbWeight::get().writes(100))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1066), added: 3541, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:176 w:176)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:16 w:16)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:18 w:18)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn handle_unavailability_deadline() -> Weight {
		// Proof size: measured `35311`, estimated `454542`.
		// Minimum execution time: 59_130_199_000 picoseconds.
		Weight::from_parts(73_995_846_000, 0)
			.saturating_add(Weight::from_parts(0, 454542))
			.saturating_add(T::DbWeight::get().reads(220))
			.saturating_add(T::DbWeight::get().writes(220))
	}
	// WIP (forced errors): not yet benchmarked; charged as a commitment and a reveal.
	fn show_checkpoints() -> Weight {
		Self::commit_checkpoints()
	}
	// WIP (forced errors): not yet benchmarked; charged as the costliest deadline.
	fn disclose(_v: u32, ) -> Weight {
		Self::handle_unavailability_deadline().max(Self::handle_deadline())
	}
	// WIP (forced errors): not yet benchmarked.
	fn set_forced_error_odds() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
}

/// The same figures with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1066), added: 3541, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:0 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	fn commit_checkpoints() -> Weight {
		// Proof size: measured `8689`, estimated `11671`.
		// Minimum execution time: 900_399_000 picoseconds.
		Weight::from_parts(1_427_792_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn commit_verdict() -> Weight {
		// Proof size: measured `9788`, estimated `120526`.
		// Minimum execution time: 740_250_000 picoseconds.
		Weight::from_parts(1_116_843_000, 0)
			.saturating_add(Weight::from_parts(0, 120526))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1066), added: 3541, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn reveal_verdict(_s: u32, ) -> Weight {
		// Proof size: measured `15211`, estimated `120526`.
		// Minimum execution time: 1_832_297_000 picoseconds.
		Weight::from_parts(2_533_424_440, 0)
			.saturating_add(Weight::from_parts(0, 120526))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn declare_unavailable() -> Weight {
		// Proof size: measured `10696`, estimated `120526`.
		// Minimum execution time: 1_172_527_000 picoseconds.
		Weight::from_parts(1_398_447_000, 0)
			.saturating_add(Weight::from_parts(0, 120526))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `6`, estimated `11671`.
		// Minimum execution time: 129_271_000 picoseconds.
		Weight::from_parts(137_947_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(2))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1000 w:32)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:32 w:32)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:17)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `144518`, estimated `2577990`.
		// Minimum execution time: 167_268_303_000 picoseconds.
		Weight::from_parts(212_789_298_000, 0)
			.saturating_add(Weight::from_parts(0, 2577990))
			.saturating_add(ParityDbWeight::get().reads(1071))
			.saturating_add(ParityDbWeight::get().writes(100))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117061), added: 119536, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1066), added: 3541, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:176 w:176)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:16 w:16)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:18 w:18)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn handle_unavailability_deadline() -> Weight {
		// Proof size: measured `35311`, estimated `454542`.
		// Minimum execution time: 59_130_199_000 picoseconds.
		Weight::from_parts(73_995_846_000, 0)
			.saturating_add(Weight::from_parts(0, 454542))
			.saturating_add(ParityDbWeight::get().reads(220))
			.saturating_add(ParityDbWeight::get().writes(220))
	}
	// WIP (forced errors): not yet benchmarked; charged as a commitment and a reveal.
	fn show_checkpoints() -> Weight {
		Self::commit_checkpoints()
	}
	// WIP (forced errors): not yet benchmarked; charged as the costliest deadline.
	fn disclose(_v: u32, ) -> Weight {
		Self::handle_unavailability_deadline().max(Self::handle_deadline())
	}
	// WIP (forced errors): not yet benchmarked.
	fn set_forced_error_odds() -> Weight {
		Weight::from_parts(10_000_000, 0)
	}
}
