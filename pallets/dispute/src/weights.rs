
//! Weights for `pallet_dispute`, measured by `assay-node benchmark pallet`.
//!
//! Benchmark CLI 64.0.0, 2026-12-07; steps `10`, repeat `5`;
//! machine `vm` (`AMD EPYC`); wasm execution `Compiled`; chain `Some("dev")`.
//! Re-generate with `scripts/benchmark-pallets.sh pallet_dispute` after changing the pallet's calls.

// Command:
// /var/tmp/assay-target/debug/assay-node
// benchmark
// pallet
// --runtime-log=warn
// --chain
// dev
// --pallet
// pallet_dispute
// --extrinsic
// *
// --steps
// 10
// --repeat
// 5
// --output
// /work/main/pallets/dispute/src/weights.rs
// --template
// /work/main/scripts/frame-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_dispute`.
pub trait WeightInfo {
	fn challenge() -> Weight;
	fn commit_challenge() -> Weight;
	fn withdraw_challenge_commitment() -> Weight;
	fn commit_vote() -> Weight;
	fn reveal_vote() -> Weight;
	fn on_initialize_base() -> Weight;
	fn handle_deadline() -> Weight;
}

/// Weights for the runtime, with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:0)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::ChallengeCommitments` (r:1 w:1)
	/// Proof: `Dispute::ChallengeCommitments` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:0)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:0 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	fn challenge() -> Weight {
		// Proof size: measured `12476`, estimated `120595`.
		// Minimum execution time: 1_681_506_000 picoseconds.
		Weight::from_parts(2_085_208_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:0)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:0)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::ChallengeCommitments` (r:1 w:1)
	/// Proof: `Dispute::ChallengeCommitments` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn commit_challenge() -> Weight {
		// Proof size: measured `3377`, estimated `120595`.
		// Minimum execution time: 738_778_000 picoseconds.
		Weight::from_parts(1_003_521_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Dispute::ChallengeCommitments` (r:1 w:1)
	/// Proof: `Dispute::ChallengeCommitments` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:0)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	fn withdraw_challenge_commitment() -> Weight {
		// Proof size: measured `3840`, estimated `120595`.
		// Minimum execution time: 1_079_673_000 picoseconds.
		Weight::from_parts(1_620_501_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:2 w:2)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn commit_vote() -> Weight {
		// Proof size: measured `8785`, estimated `22352`.
		// Minimum execution time: 771_468_000 picoseconds.
		Weight::from_parts(1_142_941_000, 0)
			.saturating_add(Weight::from_parts(0, 22352))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:21 w:21)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:36 w:36)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:23 w:23)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn reveal_vote() -> Weight {
		// Proof size: measured `12179`, estimated `120595`.
		// Minimum execution time: 35_981_187_000 picoseconds.
		Weight::from_parts(49_451_172_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(T::DbWeight::get().reads(91))
			.saturating_add(T::DbWeight::get().writes(91))
	}
	/// Storage: `Dispute::OverdueSchedule` (r:1 w:0)
	/// Proof: `Dispute::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:0)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `76`, estimated `11671`.
		// Minimum execution time: 135_022_000 picoseconds.
		Weight::from_parts(194_984_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(2))
	}
	/// Storage: `Dispute::OverdueSchedule` (r:1 w:0)
	/// Proof: `Dispute::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:2 w:2)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:969 w:6)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:6 w:6)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:3 w:3)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:0)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `133810`, estimated `2498103`.
		// Minimum execution time: 148_961_269_000 picoseconds.
		Weight::from_parts(169_547_043_000, 0)
			.saturating_add(Weight::from_parts(0, 2498103))
			.saturating_add(T::DbWeight::get().reads(989))
			.saturating_add(T::DbWeight::get().writes(22))
	}
}

/// The same figures with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:0)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::ChallengeCommitments` (r:1 w:1)
	/// Proof: `Dispute::ChallengeCommitments` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:0)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Schedule` (r:1 w:1)
	/// Proof: `ProofOfLearning::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:0 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	fn challenge() -> Weight {
		// Proof size: measured `12476`, estimated `120595`.
		// Minimum execution time: 1_681_506_000 picoseconds.
		Weight::from_parts(2_085_208_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(7))
	}
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:0)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:0)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::ChallengeCommitments` (r:1 w:1)
	/// Proof: `Dispute::ChallengeCommitments` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn commit_challenge() -> Weight {
		// Proof size: measured `3377`, estimated `120595`.
		// Minimum execution time: 738_778_000 picoseconds.
		Weight::from_parts(1_003_521_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `Dispute::ChallengeCommitments` (r:1 w:1)
	/// Proof: `Dispute::ChallengeCommitments` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:0)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	fn withdraw_challenge_commitment() -> Weight {
		// Proof size: measured `3840`, estimated `120595`.
		// Minimum execution time: 1_079_673_000 picoseconds.
		Weight::from_parts(1_620_501_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:2 w:2)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn commit_vote() -> Weight {
		// Proof size: measured `8785`, estimated `22352`.
		// Minimum execution time: 771_468_000 picoseconds.
		Weight::from_parts(1_142_941_000, 0)
			.saturating_add(Weight::from_parts(0, 22352))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:1)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:21 w:21)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:36 w:36)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:23 w:23)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::DisputeCount` (r:1 w:1)
	/// Proof: `Dispute::DisputeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:1)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::VerificationCount` (r:1 w:1)
	/// Proof: `ProofOfLearning::VerificationCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn reveal_vote() -> Weight {
		// Proof size: measured `12179`, estimated `120595`.
		// Minimum execution time: 35_981_187_000 picoseconds.
		Weight::from_parts(49_451_172_000, 0)
			.saturating_add(Weight::from_parts(0, 120595))
			.saturating_add(ParityDbWeight::get().reads(91))
			.saturating_add(ParityDbWeight::get().writes(91))
	}
	/// Storage: `Dispute::OverdueSchedule` (r:1 w:0)
	/// Proof: `Dispute::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:1 w:0)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `76`, estimated `11671`.
		// Minimum execution time: 135_022_000 picoseconds.
		Weight::from_parts(194_984_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(2))
	}
	/// Storage: `Dispute::OverdueSchedule` (r:1 w:0)
	/// Proof: `Dispute::OverdueSchedule` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Schedule` (r:2 w:2)
	/// Proof: `Dispute::Schedule` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `Dispute::Disputes` (r:1 w:1)
	/// Proof: `Dispute::Disputes` (`max_values`: None, `max_size`: Some(3725), added: 6200, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:969 w:6)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:6 w:6)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:3 w:3)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProofOfLearning::Verifications` (r:1 w:0)
	/// Proof: `ProofOfLearning::Verifications` (`max_values`: None, `max_size`: Some(117130), added: 119605, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `133810`, estimated `2498103`.
		// Minimum execution time: 148_961_269_000 picoseconds.
		Weight::from_parts(169_547_043_000, 0)
			.saturating_add(Weight::from_parts(0, 2498103))
			.saturating_add(ParityDbWeight::get().reads(989))
			.saturating_add(ParityDbWeight::get().writes(22))
	}
}
