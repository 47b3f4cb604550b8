
//! Weights for `pallet_task_pool`: PROVISIONAL, to be replaced by
//! `scripts/benchmark-pallets.sh pallet_task_pool`.

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
	fn submit_task() -> Weight { Weight::from_parts(5_000_000_000, 40_000).saturating_add(T::DbWeight::get().reads_writes(8, 8)) }
	fn cancel_task() -> Weight { Weight::from_parts(5_000_000_000, 40_000).saturating_add(T::DbWeight::get().reads_writes(8, 8)) }
	fn accept_task() -> Weight { Weight::from_parts(5_000_000_000, 40_000).saturating_add(T::DbWeight::get().reads_writes(8, 8)) }
	fn decline_task() -> Weight { Weight::from_parts(5_000_000_000, 40_000).saturating_add(T::DbWeight::get().reads_writes(8, 8)) }
	fn set_min_price_per_gflop() -> Weight { Weight::from_parts(1_000_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
	fn on_initialize_base() -> Weight { Weight::from_parts(1_000_000_000, 40_000).saturating_add(T::DbWeight::get().reads_writes(2, 2)) }
	fn handle_deadline() -> Weight { Weight::from_parts(5_000_000_000, 40_000).saturating_add(T::DbWeight::get().reads_writes(8, 8)) }
	fn draw_solver(c: u32, ) -> Weight { Weight::from_parts(5_000_000_000, 40_000).saturating_add(Weight::from_parts(50_000_000, 3_000).saturating_mul(c.into())).saturating_add(T::DbWeight::get().reads((2_u64).saturating_add(c.into()))) }
}

// For tests.
impl WeightInfo for () {
	fn submit_task() -> Weight { Weight::zero() }
	fn cancel_task() -> Weight { Weight::zero() }
	fn accept_task() -> Weight { Weight::zero() }
	fn decline_task() -> Weight { Weight::zero() }
	fn set_min_price_per_gflop() -> Weight { Weight::zero() }
	fn on_initialize_base() -> Weight { Weight::zero() }
	fn handle_deadline() -> Weight { Weight::zero() }
	fn draw_solver(_c: u32, ) -> Weight { Weight::zero() }
}
