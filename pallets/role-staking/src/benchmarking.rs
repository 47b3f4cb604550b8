//! Benchmarks for `pallet_role_staking`, one per call.
//!
//! The worst cases are solver bonds (the largest encoding: they carry hardware) and a draw list
//! ([`Members`]) at or one short of [`Config::MaxMembersPerRole`], since joining or leaving the
//! draw decodes, scans and re-encodes the whole list.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use assay_primitives::Device;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;

const SEED: u32 = 0;
const HARDWARE: HardwareClass = HardwareClass { device: Device::Gpu, memory_gib: 24 };

/// An account with ten minimum bonds of every role and the existential deposit, free.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let per_role = Role::ALL
		.iter()
		.fold(BalanceOf::<T>::zero(), |acc, role| acc.saturating_add(Pallet::<T>::min_bond(*role)));
	let balance = per_role
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, balance);
	who
}

fn hardware_for(role: Role) -> Option<HardwareClass> {
	(role == Role::Solver).then_some(HARDWARE)
}

/// Bonds `who` for `role` at the minimum.
fn bonded<T: Config>(who: &T::AccountId, role: Role) {
	Pallet::<T>::do_bond(who, role, Pallet::<T>::min_bond(role), hardware_for(role))
		.expect("funded accounts can bond the minimum");
}

/// Adds members to `role`'s draw until it has `n`.
fn fill_members<T: Config>(role: Role, n: u32) {
	let mut i = 0;
	while (Members::<T>::decode_len(role).unwrap_or(0) as u32) < n {
		let who = funded::<T>("member", i);
		bonded::<T>(&who, role);
		i += 1;
	}
}

fn max_members<T: Config>() -> u32 {
	T::MaxMembersPerRole::get()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// Worst case: a solver joining a draw list one short of full.
	#[benchmark]
	fn bond() {
		fill_members::<T>(Role::Solver, max_members::<T>().saturating_sub(1));
		let caller = funded::<T>("caller", 0);
		let amount = Pallet::<T>::min_bond(Role::Solver);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Role::Solver, amount, Some(HARDWARE));

		assert!(<Pallet<T> as RoleStaking<_>>::is_active(&caller, Role::Solver));
		assert_eq!(Members::<T>::decode_len(Role::Solver), Some(max_members::<T>() as usize));
	}

	// Worst case: a solver bond (no list change ever happens here).
	#[benchmark]
	fn bond_extra() {
		let caller = funded::<T>("caller", 0);
		bonded::<T>(&caller, Role::Solver);
		let extra = Pallet::<T>::min_bond(Role::Solver);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Role::Solver, extra);

		assert_eq!(
			Bonds::<T>::get(&caller, Role::Solver).map(|b| b.amount),
			Some(extra.saturating_add(extra))
		);
	}

	// Worst case: an active solver leaving a full draw list, last in it.
	#[benchmark]
	fn unbond() {
		fill_members::<T>(Role::Solver, max_members::<T>().saturating_sub(1));
		let caller = funded::<T>("caller", 0);
		bonded::<T>(&caller, Role::Solver);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Role::Solver);

		assert!(Bonds::<T>::get(&caller, Role::Solver).is_some_and(|b| b.is_unbonding()));
		assert!(!Members::<T>::get(Role::Solver).contains(&caller));
	}

	// Worst case: releasing a solver bond (the hold is released, the bond removed).
	#[benchmark]
	fn withdraw_unbonded() {
		let caller = funded::<T>("caller", 0);
		bonded::<T>(&caller, Role::Solver);
		Pallet::<T>::do_unbond(&caller, Role::Solver).expect("no collateral is locked");
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		frame_system::Pallet::<T>::set_block_number(until);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Role::Solver);

		assert!(Bonds::<T>::get(&caller, Role::Solver).is_none());
	}

	// Worst case: an active solver leaving a full draw list, last in it.
	#[benchmark]
	fn chill() {
		fill_members::<T>(Role::Solver, max_members::<T>().saturating_sub(1));
		let caller = funded::<T>("caller", 0);
		bonded::<T>(&caller, Role::Solver);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Role::Solver);

		assert!(!Members::<T>::get(Role::Solver).contains(&caller));
	}

	// Worst case: a chilled solver rejoining a draw list one short of full.
	#[benchmark]
	fn rejoin() {
		let caller = funded::<T>("caller", 0);
		bonded::<T>(&caller, Role::Solver);
		Pallet::<T>::do_chill(&caller, Role::Solver).expect("the bond is active");
		fill_members::<T>(Role::Solver, max_members::<T>().saturating_sub(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Role::Solver);

		assert!(<Pallet<T> as RoleStaking<_>>::is_active(&caller, Role::Solver));
	}

	// Only one case: one solver bond read and written.
	#[benchmark]
	fn set_hardware() {
		let caller = funded::<T>("caller", 0);
		bonded::<T>(&caller, Role::Solver);
		let hardware = HardwareClass { device: Device::Gpu, memory_gib: 80 };

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hardware);

		assert_eq!(Bonds::<T>::get(&caller, Role::Solver).and_then(|b| b.hardware), Some(hardware));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
