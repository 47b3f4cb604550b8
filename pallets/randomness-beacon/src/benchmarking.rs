//! Benchmarks for `pallet_randomness_beacon`: its one hook.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;

#[benchmarks]
mod benchmarks {
	use super::*;

	// A block whose parent carries a VRF output (every block but the first): one fold.
	#[benchmark]
	fn on_initialize() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);
		T::BenchmarkHelper::give_parent_a_vrf_output();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(Accumulator::<T>::get().1, now, "the parent's output was folded in");
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
