//! Weights for `pallet_role_staking`.
//!
//! PLACEHOLDER FIGURES, NOT BENCHMARK OUTPUT. This file has the layout the benchmark CLI
//! generates, but its numbers were written by hand: they are to be replaced by the output of
//! `scripts/benchmark-pallets.sh pallet_role_staking` once the pallet is in the runtime (the
//! benchmarks in `benchmarking.rs` are ready and pass as tests).
//!
//! Until then each call is charged a conservative flat 50 µs of reference time, plus the
//! database reads and writes counted from the code (listed above each function), plus a
//! conservative proof size: 40 000 bytes for calls that read `Members` (a `MaxMembersPerRole`
//! of 1 000 32-byte accounts), 4 000 bytes for the others.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_role_staking`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn bond_extra() -> Weight;
	fn unbond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn chill() -> Weight;
	fn rejoin() -> Weight;
	fn set_hardware() -> Weight;
}

/// Weights for `pallet_role_staking` (placeholders, see the module docs).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn bond() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	fn unbond() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	fn chill() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	fn rejoin() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	fn set_hardware() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unbond() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn chill() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn rejoin() -> Weight {
		Weight::from_parts(50_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_hardware() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
