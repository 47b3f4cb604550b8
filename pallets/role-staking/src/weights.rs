
//! Weights for `pallet_role_staking`, measured by `assay-node benchmark pallet`.
//!
//! Benchmark CLI 64.0.0, 2026-11-22; steps `50`, repeat `20`;
//! machine `vm` (`AMD EPYC`); wasm execution `Compiled`; chain `Some("dev")`.
//! Re-generate with `scripts/benchmark-pallets.sh pallet_role_staking` after changing the pallet's calls.

// Command:
// /var/tmp/assay-target/debug/assay-node
// benchmark
// pallet
// --runtime-log=warn
// --chain
// dev
// --pallet
// pallet_role_staking
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --output
// /work/main/pallets/role-staking/src/weights.rs
// --template
// /work/main/scripts/frame-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_role_staking`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn bond_extra() -> Weight;
	fn unbond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn chill() -> Weight;
	fn rejoin() -> Weight;
	fn set_hardware() -> Weight;
}

/// Weights for the runtime, with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn bond() -> Weight {
		// Proof size: measured `34432`, estimated `35476`.
		// Minimum execution time: 1_806_317_000 picoseconds.
		Weight::from_parts(1_848_827_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn bond_extra() -> Weight {
		// Proof size: measured `359`, estimated `3593`.
		// Minimum execution time: 1_441_293_000 picoseconds.
		Weight::from_parts(1_480_516_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn unbond() -> Weight {
		// Proof size: measured `33272`, estimated `35476`.
		// Minimum execution time: 618_800_000 picoseconds.
		Weight::from_parts(660_519_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof size: measured `359`, estimated `3593`.
		// Minimum execution time: 1_136_271_000 picoseconds.
		Weight::from_parts(1_165_296_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn chill() -> Weight {
		// Proof size: measured `33272`, estimated `35476`.
		// Minimum execution time: 619_262_000 picoseconds.
		Weight::from_parts(649_958_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn rejoin() -> Weight {
		// Proof size: measured `33240`, estimated `35476`.
		// Minimum execution time: 627_697_000 picoseconds.
		Weight::from_parts(668_614_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	fn set_hardware() -> Weight {
		// Proof size: measured `165`, estimated `3567`.
		// Minimum execution time: 350_968_000 picoseconds.
		Weight::from_parts(369_873_000, 0)
			.saturating_add(Weight::from_parts(0, 3567))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same figures with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn bond() -> Weight {
		// Proof size: measured `34432`, estimated `35476`.
		// Minimum execution time: 1_806_317_000 picoseconds.
		Weight::from_parts(1_848_827_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn bond_extra() -> Weight {
		// Proof size: measured `359`, estimated `3593`.
		// Minimum execution time: 1_441_293_000 picoseconds.
		Weight::from_parts(1_480_516_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn unbond() -> Weight {
		// Proof size: measured `33272`, estimated `35476`.
		// Minimum execution time: 618_800_000 picoseconds.
		Weight::from_parts(660_519_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof size: measured `359`, estimated `3593`.
		// Minimum execution time: 1_136_271_000 picoseconds.
		Weight::from_parts(1_165_296_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn chill() -> Weight {
		// Proof size: measured `33272`, estimated `35476`.
		// Minimum execution time: 619_262_000 picoseconds.
		Weight::from_parts(649_958_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `RoleStaking::Members` (r:1 w:1)
	/// Proof: `RoleStaking::Members` (`max_values`: None, `max_size`: Some(32011), added: 34486, mode: `MaxEncodedLen`)
	fn rejoin() -> Weight {
		// Proof size: measured `33240`, estimated `35476`.
		// Minimum execution time: 627_697_000 picoseconds.
		Weight::from_parts(668_614_000, 0)
			.saturating_add(Weight::from_parts(0, 35476))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	/// Storage: `RoleStaking::Bonds` (r:1 w:1)
	/// Proof: `RoleStaking::Bonds` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	fn set_hardware() -> Weight {
		// Proof size: measured `165`, estimated `3567`.
		// Minimum execution time: 350_968_000 picoseconds.
		Weight::from_parts(369_873_000, 0)
			.saturating_add(Weight::from_parts(0, 3567))
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
}
