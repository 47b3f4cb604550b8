
//! Weights for `pallet_task_pool`, measured by `assay-node benchmark pallet`.
//!
//! Benchmark CLI 64.0.0, 2026-12-07; steps `10`, repeat `5`;
//! machine `vm` (`AMD EPYC`); wasm execution `Compiled`; chain `Some("dev")`.
//! Re-generate with `scripts/benchmark-pallets.sh pallet_task_pool` after changing the pallet's calls.

// Command:
// /var/tmp/assay-target/debug/assay-node
// benchmark
// pallet
// --runtime-log=warn
// --chain
// dev
// --pallet
// pallet_task_pool
// --extrinsic
// *
// --steps
// 10
// --repeat
// 5
// --output
// /work/main/pallets/task-pool/src/weights.rs
// --template
// /work/main/scripts/frame-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_task_pool`.
pub trait WeightInfo {
	fn submit_task() -> Weight;
	fn cancel_task() -> Weight;
	fn accept_task() -> Weight;
	fn decline_task() -> Weight;
	fn set_min_price_per_gflop() -> Weight;
	fn on_initialize_base() -> Weight;
	fn handle_deadline() -> Weight;
	fn draw_solver(c: u32, ) -> Weight;
}

/// Weights for the runtime, with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `TaskPool::MinPricePerGflop` (r:1 w:0)
	/// Proof: `TaskPool::MinPricePerGflop` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::LiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::LiveTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::SubmitterLiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::SubmitterLiveTasks` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::NextTaskId` (r:1 w:1)
	/// Proof: `TaskPool::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:0 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	fn submit_task() -> Weight {
		// Proof size: measured `8574`, estimated `11671`.
		// Minimum execution time: 2_404_163_000 picoseconds.
		Weight::from_parts(3_378_680_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(9))
	}
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::ParkedTasks` (r:1 w:1)
	/// Proof: `TaskPool::ParkedTasks` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::LiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::LiveTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::SubmitterLiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::SubmitterLiveTasks` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn cancel_task() -> Weight {
		// Proof size: measured `9424`, estimated `11671`.
		// Minimum execution time: 2_440_842_000 picoseconds.
		Weight::from_parts(2_813_085_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn accept_task() -> Weight {
		// Proof size: measured `9266`, estimated `11671`.
		// Minimum execution time: 1_134_726_000 picoseconds.
		Weight::from_parts(1_334_929_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:2 w:2)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::LastFreeDecline` (r:1 w:0)
	/// Proof: `TaskPool::LastFreeDecline` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn decline_task() -> Weight {
		// Proof size: measured `9860`, estimated `22352`.
		// Minimum execution time: 2_713_129_000 picoseconds.
		Weight::from_parts(3_402_394_000, 0)
			.saturating_add(Weight::from_parts(0, 22352))
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `TaskPool::MinPricePerGflop` (r:0 w:1)
	/// Proof: `TaskPool::MinPricePerGflop` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_min_price_per_gflop() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 155_801_000 picoseconds.
		Weight::from_parts(236_160_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `TaskPool::OverdueDeadlines` (r:1 w:0)
	/// Proof: `TaskPool::OverdueDeadlines` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:0)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::ParkedTasks` (r:1 w:1)
	/// Proof: `TaskPool::ParkedTasks` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `44`, estimated `11671`.
		// Minimum execution time: 217_576_000 picoseconds.
		Weight::from_parts(291_363_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `TaskPool::OverdueDeadlines` (r:1 w:0)
	/// Proof: `TaskPool::OverdueDeadlines` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:2 w:2)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `9786`, estimated `22352`.
		// Minimum execution time: 2_571_694_000 picoseconds.
		Weight::from_parts(3_090_953_000, 0)
			.saturating_add(Weight::from_parts(0, 22352))
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::ParkedTasks` (r:1 w:1)
	/// Proof: `TaskPool::ParkedTasks` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1000 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:2 w:2)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 1000]`.
	fn draw_solver(c: u32, ) -> Weight {
		// Proof size: measured `893`, estimated `35476`.
		// Minimum execution time: 1_289_013_000 picoseconds.
		Weight::from_parts(6_084_498_662, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			// Standard Error: 6_759_832
			.saturating_add(Weight::from_parts(136_924_458, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(Weight::from_parts(0, 2577).saturating_mul(c.into()))
	}
}

/// The same figures with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	/// Storage: `TaskPool::MinPricePerGflop` (r:1 w:0)
	/// Proof: `TaskPool::MinPricePerGflop` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::LiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::LiveTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::SubmitterLiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::SubmitterLiveTasks` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::NextTaskId` (r:1 w:1)
	/// Proof: `TaskPool::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:0 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	fn submit_task() -> Weight {
		// Proof size: measured `8574`, estimated `11671`.
		// Minimum execution time: 2_404_163_000 picoseconds.
		Weight::from_parts(3_378_680_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(9))
			.saturating_add(ParityDbWeight::get().writes(9))
	}
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::ParkedTasks` (r:1 w:1)
	/// Proof: `TaskPool::ParkedTasks` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::PendingTasks` (r:1 w:1)
	/// Proof: `TaskPool::PendingTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::LiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::LiveTasks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::SubmitterLiveTasks` (r:1 w:1)
	/// Proof: `TaskPool::SubmitterLiveTasks` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn cancel_task() -> Weight {
		// Proof size: measured `9424`, estimated `11671`.
		// Minimum execution time: 2_440_842_000 picoseconds.
		Weight::from_parts(2_813_085_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:1)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	fn accept_task() -> Weight {
		// Proof size: measured `9266`, estimated `11671`.
		// Minimum execution time: 1_134_726_000 picoseconds.
		Weight::from_parts(1_334_929_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:2 w:2)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::LastFreeDecline` (r:1 w:0)
	/// Proof: `TaskPool::LastFreeDecline` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn decline_task() -> Weight {
		// Proof size: measured `9860`, estimated `22352`.
		// Minimum execution time: 2_713_129_000 picoseconds.
		Weight::from_parts(3_402_394_000, 0)
			.saturating_add(Weight::from_parts(0, 22352))
			.saturating_add(ParityDbWeight::get().reads(11))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	/// Storage: `TaskPool::MinPricePerGflop` (r:0 w:1)
	/// Proof: `TaskPool::MinPricePerGflop` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_min_price_per_gflop() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Minimum execution time: 155_801_000 picoseconds.
		Weight::from_parts(236_160_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `TaskPool::OverdueDeadlines` (r:1 w:0)
	/// Proof: `TaskPool::OverdueDeadlines` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:1 w:0)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::ParkedTasks` (r:1 w:1)
	/// Proof: `TaskPool::ParkedTasks` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn on_initialize_base() -> Weight {
		// Proof size: measured `44`, estimated `11671`.
		// Minimum execution time: 217_576_000 picoseconds.
		Weight::from_parts(291_363_000, 0)
			.saturating_add(Weight::from_parts(0, 11671))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	/// Storage: `TaskPool::OverdueDeadlines` (r:1 w:0)
	/// Proof: `TaskPool::OverdueDeadlines` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:2 w:2)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	fn handle_deadline() -> Weight {
		// Proof size: measured `9786`, estimated `22352`.
		// Minimum execution time: 2_571_694_000 picoseconds.
		Weight::from_parts(3_090_953_000, 0)
			.saturating_add(Weight::from_parts(0, 22352))
			.saturating_add(ParityDbWeight::get().reads(11))
			.saturating_add(ParityDbWeight::get().writes(10))
	}
	/// Storage: `TaskPool::DrawQueue` (r:1 w:1)
	/// Proof: `TaskPool::DrawQueue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::ParkedTasks` (r:1 w:1)
	/// Proof: `TaskPool::ParkedTasks` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Tasks` (r:1 w:1)
	/// Proof: `TaskPool::Tasks` (`max_values`: None, `max_size`: Some(1083), added: 3558, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:0)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:0)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Bonds` (r:1000 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `TaskPool::Deadlines` (r:2 w:2)
	/// Proof: `TaskPool::Deadlines` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Collateral` (r:1 w:1)
	/// Proof: `RoleStaking::Collateral` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 1000]`.
	fn draw_solver(c: u32, ) -> Weight {
		// Proof size: measured `893`, estimated `35476`.
		// Minimum execution time: 1_289_013_000 picoseconds.
		Weight::from_parts(6_084_498_662, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			// Standard Error: 6_759_832
			.saturating_add(Weight::from_parts(136_924_458, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes(7))
			.saturating_add(Weight::from_parts(0, 2577).saturating_mul(c.into()))
	}
}
