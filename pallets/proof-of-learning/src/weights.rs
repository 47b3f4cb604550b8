
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
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:0 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	fn commit_checkpoints() -> Weight {
		// Proof size: measured `8739`, estimated `11671`.
		// Minimum execution time: 866_266_000 picoseconds.
		Weight::from_parts(1_316_504_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn commit_verdict() -> Weight {
		// Proof size: measured `9857`, estimated `120595`.
		// Minimum execution time: 654_670_000 picoseconds.
		Weight::from_parts(835_468_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn reveal_verdict(_s: u32, ) -> Weight {
		// Proof size: measured `15330`, estimated `120595`.
		// Minimum execution time: 1_393_478_000 picoseconds.
		Weight::from_parts(2_053_724_952, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn declare_unavailable() -> Weight {
		// Proof size: measured `10765`, estimated `120595`.
		// Minimum execution time: 1_102_536_000 picoseconds.
		Weight::from_parts(1_457_077_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `6`, estimated `11671`.
		// Minimum execution time: 117_809_000 picoseconds.
		Weight::from_parts(182_491_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(2))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1000 w:32)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:32 w:32)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:17)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `144587`, estimated `2577990`.
		// Minimum execution time: 151_731_896_000 picoseconds.
		Weight::from_parts(176_270_698_000, 0)
			.saturating_add(Weight::from_parts(0, 2577990))
			.saturating_add(T::DbWeight::get().reads(1071))
			.saturating_add(T::DbWeight::get().writes(100))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:176 w:176)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:16 w:16)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
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
		// Proof size: measured `35449`, estimated `454542`.
		// Minimum execution time: 59_669_044_000 picoseconds.
		Weight::from_parts(63_147_729_000, 0)
			.saturating_add(Weight::from_parts(0, 454542))
			.saturating_add(T::DbWeight::get().reads(220))
			.saturating_add(T::DbWeight::get().writes(220))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn show_checkpoints() -> Weight {
		// Proof size: measured `9377`, estimated `120595`.
		// Minimum execution time: 701_177_000 picoseconds.
		Weight::from_parts(871_104_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Jackpot` (r:1 w:1)
	/// Proof: `TaskPool::Jackpot` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:2 w:2)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:2 w:2)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 16]`.
	fn disclose(_v: u32, ) -> Weight {
		// Proof size: measured `8427`, estimated `120595`.
		// Minimum execution time: 8_559_980_000 picoseconds.
		Weight::from_parts(29_139_194_604, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(73))
			.saturating_add(T::DbWeight::get().writes(73))
	}
	/// Storage: `ProofOfLearning::ForcedErrorOdds` (r:0 w:1)
	/// Proof: `ProofOfLearning::ForcedErrorOdds` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_forced_error_odds() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 151_031_000 picoseconds.
		Weight::from_parts(183_853_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same figures with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:0 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	fn commit_checkpoints() -> Weight {
		// Proof size: measured `8739`, estimated `11671`.
		// Minimum execution time: 866_266_000 picoseconds.
		Weight::from_parts(1_316_504_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn commit_verdict() -> Weight {
		// Proof size: measured `9857`, estimated `120595`.
		// Minimum execution time: 654_670_000 picoseconds.
		Weight::from_parts(835_468_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 64]`.
	fn reveal_verdict(_s: u32, ) -> Weight {
		// Proof size: measured `15330`, estimated `120595`.
		// Minimum execution time: 1_393_478_000 picoseconds.
		Weight::from_parts(2_053_724_952, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn declare_unavailable() -> Weight {
		// Proof size: measured `10765`, estimated `120595`.
		// Minimum execution time: 1_102_536_000 picoseconds.
		Weight::from_parts(1_457_077_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `6`, estimated `11671`.
		// Minimum execution time: 117_809_000 picoseconds.
		Weight::from_parts(182_491_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(2))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:0)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1000 w:32)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:32 w:32)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:17)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `144587`, estimated `2577990`.
		// Minimum execution time: 151_731_896_000 picoseconds.
		Weight::from_parts(176_270_698_000, 0)
			.saturating_add(Weight::from_parts(0, 2577990))
			.saturating_add(ParityDbWeight::get().reads(1071))
			.saturating_add(ParityDbWeight::get().writes(100))
	}
	/// Storage: `ProofOfLearning::OverdueSchedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:176 w:176)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:16 w:16)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
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
		// Proof size: measured `35449`, estimated `454542`.
		// Minimum execution time: 59_669_044_000 picoseconds.
		Weight::from_parts(63_147_729_000, 0)
			.saturating_add(Weight::from_parts(0, 454542))
			.saturating_add(ParityDbWeight::get().reads(220))
			.saturating_add(ParityDbWeight::get().writes(220))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:2 w:2)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn show_checkpoints() -> Weight {
		// Proof size: measured `9377`, estimated `120595`.
		// Minimum execution time: 701_177_000 picoseconds.
		Weight::from_parts(871_104_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Jackpot` (r:1 w:1)
	/// Proof: `TaskPool::Jackpot` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:2 w:2)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:2 w:2)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 16]`.
	fn disclose(_v: u32, ) -> Weight {
		// Proof size: measured `8427`, estimated `120595`.
		// Minimum execution time: 8_559_980_000 picoseconds.
		Weight::from_parts(29_139_194_604, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(73))
			.saturating_add(ParityDbWeight::get().writes(73))
	}
	/// Storage: `ProofOfLearning::ForcedErrorOdds` (r:0 w:1)
	/// Proof: `ProofOfLearning::ForcedErrorOdds` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_forced_error_odds() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 151_031_000 picoseconds.
		Weight::from_parts(183_853_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
}
