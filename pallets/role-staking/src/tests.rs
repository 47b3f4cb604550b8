//! Tests of the calls, the [`RoleStaking`] implementation and the invariants.

use crate::{
	mock::{RoleStaking, *},
	*,
};
use assay_primitives::RoleStaking as _;
use frame_support::{assert_noop, assert_ok, assert_storage_noop};
use sp_runtime::{traits::BadOrigin, Perbill};

type E = Event<Test>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn issuance() -> Balance {
	Balances::total_issuance()
}

mod genesis {
	use super::*;

	#[test]
	fn genesis_bonds_are_made() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 500)
			.solver(2, 300, GPU_24)
			.build_and_execute(|| {
				assert_eq!(held(1), 500);
				assert_eq!(free(1), ENDOWMENT - 500);
				assert_eq!(bond_of(2, Role::Solver).hardware, Some(GPU_24));
				assert_eq!(members(Role::Verifier), vec![1]);
				assert_eq!(members(Role::Solver), vec![2]);
				assert!(role_events_since_last_call().is_empty());
			});
	}

	#[test]
	#[should_panic(expected = "genesis role bond")]
	fn genesis_refuses_an_invalid_bond() {
		ExtBuilder::default().bond(1, Role::Verifier, 1).build();
	}
}

mod bond {
	use super::*;

	#[test]
	fn bond_holds_the_stake_and_joins_the_draw() {
		ExtBuilder::default().build_and_execute(|| {
			let before = issuance();
			assert_ok!(RoleStaking::bond(signed(1), Role::Verifier, 500, None));

			assert_eq!(held(1), 500);
			assert_eq!(free(1), ENDOWMENT - 500);
			assert_eq!(issuance(), before);
			assert_eq!(
				bond_of(1, Role::Verifier),
				RoleBond {
					amount: 500,
					locked: 0,
					status: BondStatus::Active,
					hardware: None,
					reputation: REPUTATION_ONE,
				}
			);
			assert_eq!(members(Role::Verifier), vec![1]);
			assert!(RoleStaking::is_active(&1, Role::Verifier));
			assert_eq!(RoleStaking::free_stake(&1, Role::Verifier), 500);
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Bonded { who: 1, role: Role::Verifier, amount: 500, hardware: None }]
			);
		});
	}

	#[test]
	fn solver_declares_hardware() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(RoleStaking::bond(signed(1), Role::Solver, 100, Some(GPU_24)));
			assert_eq!(bond_of(1, Role::Solver).hardware, Some(GPU_24));
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Bonded { who: 1, role: Role::Solver, amount: 100, hardware: Some(GPU_24) }]
			);
		});
	}

	#[test]
	fn one_account_holds_several_roles_with_separate_bonds() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(RoleStaking::bond(signed(1), Role::Solver, 100, Some(CPU_4)));
			assert_ok!(RoleStaking::bond(signed(1), Role::Verifier, 200, None));
			assert_ok!(RoleStaking::bond(signed(1), Role::Whistleblower, 300, None));
			assert_eq!(held(1), 600);
			for (role, amount) in
				[(Role::Solver, 100), (Role::Verifier, 200), (Role::Whistleblower, 300)]
			{
				assert_eq!(bond_of(1, role).amount, amount);
				assert_eq!(members(role), vec![1]);
			}
			// Unbonding one role leaves the others alone.
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert!(RoleStaking::is_active(&1, Role::Solver));
			assert!(!RoleStaking::is_active(&1, Role::Verifier));
			assert!(RoleStaking::is_active(&1, Role::Whistleblower));
		});
	}

	#[test]
	fn bond_at_exactly_the_minimum_works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(RoleStaking::bond(signed(1), Role::Whistleblower, 20, None));
			assert!(RoleStaking::is_active(&1, Role::Whistleblower));
		});
	}

	#[test]
	fn bond_below_minimum_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Solver, 99, Some(GPU_8)),
				Error::<Test>::BelowMinimumBond
			);
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Verifier, 0, None),
				Error::<Test>::BelowMinimumBond
			);
		});
	}

	#[test]
	fn double_bonding_is_refused() {
		ExtBuilder::default().bond(1, Role::Verifier, 500).build_and_execute(|| {
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Verifier, 500, None),
				Error::<Test>::AlreadyBonded
			);
			// Also while unbonding: withdraw first.
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Verifier, 500, None),
				Error::<Test>::AlreadyBonded
			);
		});
	}

	#[test]
	fn bond_beyond_free_balance_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			// The existential deposit stays free.
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Verifier, ENDOWMENT, None),
				Error::<Test>::InsufficientBalance
			);
			assert_ok!(RoleStaking::bond(signed(1), Role::Verifier, ENDOWMENT - ED, None));
			// An account that does not exist cannot bond.
			assert_noop!(
				RoleStaking::bond(signed(77), Role::Verifier, 50, None),
				Error::<Test>::InsufficientBalance
			);
		});
	}

	#[test]
	fn solver_without_hardware_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Solver, 100, None),
				Error::<Test>::HardwareRequired
			);
		});
	}

	#[test]
	fn hardware_for_other_roles_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Verifier, 100, Some(GPU_8)),
				Error::<Test>::HardwareNotApplicable
			);
			assert_noop!(
				RoleStaking::bond(signed(1), Role::Whistleblower, 100, Some(CPU_4)),
				Error::<Test>::HardwareNotApplicable
			);
		});
	}

	#[test]
	fn a_full_draw_list_refuses_new_members() {
		ExtBuilder::default()
			.max_members(2)
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_noop!(
					RoleStaking::bond(signed(3), Role::Verifier, 100, None),
					Error::<Test>::TooManyMembers
				);
				// Other roles have their own list.
				assert_ok!(RoleStaking::bond(signed(3), Role::Whistleblower, 100, None));
				// A chilled member makes room.
				assert_ok!(RoleStaking::chill(signed(1), Role::Verifier));
				assert_ok!(RoleStaking::bond(signed(3), Role::Verifier, 100, None));
			});
	}

	#[test]
	fn unsigned_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				RoleStaking::bond(RuntimeOrigin::none(), Role::Verifier, 100, None),
				BadOrigin
			);
		});
	}
}

mod bond_extra {
	use super::*;

	#[test]
	fn bond_extra_adds_stake() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_ok!(RoleStaking::bond_extra(signed(1), Role::Verifier, 50));
			assert_eq!(bond_of(1, Role::Verifier).amount, 150);
			assert_eq!(held(1), 150);
			assert_eq!(free(1), ENDOWMENT - 150);
			assert_eq!(
				role_events_since_last_call(),
				vec![E::BondedExtra { who: 1, role: Role::Verifier, extra: 50, total: 150 }]
			);
		});
	}

	#[test]
	fn bond_extra_does_not_rejoin() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_ok!(RoleStaking::chill(signed(1), Role::Verifier));
			assert_ok!(RoleStaking::bond_extra(signed(1), Role::Verifier, 50));
			assert_eq!(bond_of(1, Role::Verifier).status, BondStatus::Chilled);
			assert!(members(Role::Verifier).is_empty());
		});
	}

	#[test]
	fn bond_extra_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_noop!(
				RoleStaking::bond_extra(signed(2), Role::Verifier, 50),
				Error::<Test>::NotBonded
			);
			assert_noop!(
				RoleStaking::bond_extra(signed(1), Role::Solver, 50),
				Error::<Test>::NotBonded
			);
			assert_noop!(
				RoleStaking::bond_extra(signed(1), Role::Verifier, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				RoleStaking::bond_extra(signed(1), Role::Verifier, ENDOWMENT - 100),
				Error::<Test>::InsufficientBalance
			);
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_noop!(
				RoleStaking::bond_extra(signed(1), Role::Verifier, 50),
				Error::<Test>::IsUnbonding
			);
		});
	}
}

mod unbond {
	use super::*;

	#[test]
	fn unbond_leaves_the_draw_and_starts_the_period() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				run_to_block(5);
				assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
				assert_eq!(bond_of(1, Role::Verifier).status, BondStatus::Unbonding { until: 15 });
				assert_eq!(members(Role::Verifier), vec![2]);
				assert!(!RoleStaking::is_active(&1, Role::Verifier));
				// Still held, still slashable.
				assert_eq!(held(1), 100);
				assert_eq!(
					role_events_since_last_call(),
					vec![E::Unbonded { who: 1, role: Role::Verifier, amount: 100, until: 15 }]
				);
				// No new work while unbonding.
				assert_eq!(
					RoleStaking::lock_collateral(&1, Role::Verifier, 1, 10),
					Err(StakingError::NotActive)
				);
				for s in 0..20u8 {
					assert_eq!(
						RoleStaking::select(Role::Verifier, 1, &[], None, 0, [s; 32]),
						Ok(vec![2])
					);
				}
			});
	}

	#[test]
	fn a_chilled_bond_can_unbond() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_ok!(RoleStaking::chill(signed(1), Role::Verifier));
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_eq!(bond_of(1, Role::Verifier).status, BondStatus::Unbonding { until: 11 });
		});
	}

	#[test]
	fn unbond_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_noop!(RoleStaking::unbond(signed(2), Role::Verifier), Error::<Test>::NotBonded);
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Verifier, 7, 10));
			assert_noop!(
				RoleStaking::unbond(signed(1), Role::Verifier),
				Error::<Test>::CollateralLocked
			);
			assert_eq!(RoleStaking::release_collateral(&1, Role::Verifier, 7), 10);
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_noop!(
				RoleStaking::unbond(signed(1), Role::Verifier),
				Error::<Test>::IsUnbonding
			);
		});
	}
}

mod withdraw_unbonded {
	use super::*;

	#[test]
	fn withdraw_releases_after_the_period() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			run_to_block(11);
			let _ = role_events_since_last_call();
			assert_ok!(RoleStaking::withdraw_unbonded(signed(1), Role::Verifier));
			assert_eq!(held(1), 0);
			assert_eq!(free(1), ENDOWMENT);
			assert!(Bonds::<Test>::get(1, Role::Verifier).is_none());
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Withdrawn { who: 1, role: Role::Verifier, amount: 100 }]
			);
			// And can bond again.
			assert_ok!(RoleStaking::bond(signed(1), Role::Verifier, 60, None));
		});
	}

	#[test]
	fn withdraw_releases_what_is_left_after_a_slash() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 30, None), 30);
			run_to_block(11);
			let _ = role_events_since_last_call();
			assert_ok!(RoleStaking::withdraw_unbonded(signed(1), Role::Verifier));
			assert_eq!(free(1), ENDOWMENT - 30);
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Withdrawn { who: 1, role: Role::Verifier, amount: 70 }]
			);
		});
	}

	#[test]
	fn withdraw_of_a_fully_slashed_bond_removes_it() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 1_000, None), 100);
			run_to_block(11);
			assert_ok!(RoleStaking::withdraw_unbonded(signed(1), Role::Verifier));
			assert!(Bonds::<Test>::get(1, Role::Verifier).is_none());
		});
	}

	#[test]
	fn withdraw_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_noop!(
				RoleStaking::withdraw_unbonded(signed(2), Role::Verifier),
				Error::<Test>::NotBonded
			);
			assert_noop!(
				RoleStaking::withdraw_unbonded(signed(1), Role::Verifier),
				Error::<Test>::NotUnbonding
			);
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			run_to_block(10);
			assert_noop!(
				RoleStaking::withdraw_unbonded(signed(1), Role::Verifier),
				Error::<Test>::StillUnbonding
			);
		});
	}
}

mod chill_and_rejoin {
	use super::*;

	#[test]
	fn chill_leaves_the_draw_and_keeps_the_bond() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::chill(signed(1), Role::Verifier));
				assert_eq!(bond_of(1, Role::Verifier).status, BondStatus::Chilled);
				assert_eq!(held(1), 100);
				assert_eq!(members(Role::Verifier), vec![2]);
				assert!(!RoleStaking::is_active(&1, Role::Verifier));
				assert_eq!(
					RoleStaking::lock_collateral(&1, Role::Verifier, 1, 10),
					Err(StakingError::NotActive)
				);
				assert_eq!(
					role_events_since_last_call(),
					vec![E::Chilled { who: 1, role: Role::Verifier }]
				);

				assert_ok!(RoleStaking::rejoin(signed(1), Role::Verifier));
				assert_eq!(bond_of(1, Role::Verifier).status, BondStatus::Active);
				assert_eq!(members(Role::Verifier), vec![2, 1]);
				assert_eq!(
					role_events_since_last_call(),
					vec![E::Rejoined { who: 1, role: Role::Verifier }]
				);
			});
	}

	#[test]
	fn chill_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_noop!(RoleStaking::chill(signed(2), Role::Verifier), Error::<Test>::NotBonded);
			assert_ok!(RoleStaking::chill(signed(1), Role::Verifier));
			assert_noop!(
				RoleStaking::chill(signed(1), Role::Verifier),
				Error::<Test>::AlreadyChilled
			);
			assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
			assert_noop!(RoleStaking::chill(signed(1), Role::Verifier), Error::<Test>::IsUnbonding);
		});
	}

	#[test]
	fn rejoin_errors() {
		ExtBuilder::default()
			.max_members(1)
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Whistleblower, 100)
			.build_and_execute(|| {
				assert_noop!(
					RoleStaking::rejoin(signed(2), Role::Verifier),
					Error::<Test>::NotBonded
				);
				assert_noop!(
					RoleStaking::rejoin(signed(1), Role::Verifier),
					Error::<Test>::NotChilled
				);
				assert_ok!(RoleStaking::chill(signed(1), Role::Verifier));
				assert_ok!(RoleStaking::bond(signed(3), Role::Verifier, 100, None));
				assert_noop!(
					RoleStaking::rejoin(signed(1), Role::Verifier),
					Error::<Test>::TooManyMembers
				);
				assert_ok!(RoleStaking::unbond(signed(1), Role::Verifier));
				assert_noop!(
					RoleStaking::rejoin(signed(1), Role::Verifier),
					Error::<Test>::IsUnbonding
				);
			});
	}

	#[test]
	fn a_member_slashed_below_minimum_is_chilled_and_tops_up_to_rejoin() {
		ExtBuilder::default().bond(1, Role::Verifier, 60).build_and_execute(|| {
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 20, None), 20);
			assert_eq!(bond_of(1, Role::Verifier).status, BondStatus::Chilled);
			assert!(members(Role::Verifier).is_empty());
			assert_eq!(
				role_events_since_last_call(),
				vec![
					E::Slashed {
						who: 1,
						role: Role::Verifier,
						task: None,
						amount: 20,
						beneficiary: None,
						reward: 0
					},
					E::Chilled { who: 1, role: Role::Verifier },
				]
			);
			assert_noop!(
				RoleStaking::rejoin(signed(1), Role::Verifier),
				Error::<Test>::BelowMinimumBond
			);
			assert_ok!(RoleStaking::bond_extra(signed(1), Role::Verifier, 10));
			assert_ok!(RoleStaking::rejoin(signed(1), Role::Verifier));
			assert!(RoleStaking::is_active(&1, Role::Verifier));
		});
	}
}

mod set_hardware {
	use super::*;

	#[test]
	fn set_hardware_replaces_the_declaration() {
		ExtBuilder::default().solver(1, 100, CPU_4).build_and_execute(|| {
			assert_ok!(RoleStaking::set_hardware(signed(1), GPU_24));
			assert_eq!(bond_of(1, Role::Solver).hardware, Some(GPU_24));
			assert_eq!(
				role_events_since_last_call(),
				vec![E::HardwareSet { who: 1, hardware: GPU_24 }]
			);
		});
	}

	#[test]
	fn set_hardware_errors() {
		ExtBuilder::default()
			.solver(1, 100, CPU_4)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				// Only solver bonds declare hardware.
				assert_noop!(
					RoleStaking::set_hardware(signed(2), GPU_24),
					Error::<Test>::NotBonded
				);
				assert_ok!(RoleStaking::unbond(signed(1), Role::Solver));
				assert_noop!(
					RoleStaking::set_hardware(signed(1), GPU_24),
					Error::<Test>::IsUnbonding
				);
			});
	}
}

mod collateral {
	use super::*;

	#[test]
	fn lock_and_release_move_free_stake() {
		ExtBuilder::default().bond(1, Role::Solver, 1_000).build_and_execute(|| {
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 7, 300));
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 8, 200));
			assert_eq!(RoleStaking::free_stake(&1, Role::Solver), 500);
			assert_eq!(bond_of(1, Role::Solver).locked, 500);
			assert_eq!(Collateral::<Test>::get((1, Role::Solver), 7), Some(300));
			// Nothing leaves the hold.
			assert_eq!(held(1), 1_000);

			assert_eq!(RoleStaking::release_collateral(&1, Role::Solver, 7), 300);
			assert_eq!(RoleStaking::release_collateral(&1, Role::Solver, 7), 0);
			assert_eq!(RoleStaking::free_stake(&1, Role::Solver), 800);
			assert_eq!(
				role_events_since_last_call(),
				vec![
					E::CollateralLocked { who: 1, role: Role::Solver, task: 7, amount: 300 },
					E::CollateralLocked { who: 1, role: Role::Solver, task: 8, amount: 200 },
					E::CollateralReleased { who: 1, role: Role::Solver, task: 7, amount: 300 },
				]
			);
		});
	}

	#[test]
	fn lock_errors_change_nothing() {
		ExtBuilder::default()
			.bond(1, Role::Solver, 1_000)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 7, 300));
				assert_storage_noop!(assert_eq!(
					RoleStaking::lock_collateral(&1, Role::Solver, 7, 1),
					Err(StakingError::CollateralAlreadyLocked)
				));
				assert_storage_noop!(assert_eq!(
					RoleStaking::lock_collateral(&1, Role::Solver, 8, 701),
					Err(StakingError::InsufficientFreeStake)
				));
				assert_storage_noop!(assert_eq!(
					RoleStaking::lock_collateral(&1, Role::Verifier, 8, 1),
					Err(StakingError::NotActive)
				));
				assert_storage_noop!(assert_eq!(
					RoleStaking::lock_collateral(&3, Role::Solver, 8, 1),
					Err(StakingError::NotActive)
				));
				// Zero is a no-op.
				assert_storage_noop!(assert_eq!(
					RoleStaking::lock_collateral(&2, Role::Verifier, 8, 0),
					Ok(())
				));
				// All of the free stake can be locked.
				assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 8, 700));
				assert_eq!(RoleStaking::free_stake(&1, Role::Solver), 0);
			});
	}

	#[test]
	fn collateral_is_released_while_chilled() {
		ExtBuilder::default().bond(1, Role::Solver, 1_000).build_and_execute(|| {
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 7, 300));
			assert_ok!(RoleStaking::chill(signed(1), Role::Solver));
			assert_eq!(RoleStaking::release_collateral(&1, Role::Solver, 7), 300);
			assert_ok!(RoleStaking::unbond(signed(1), Role::Solver));
		});
	}

	#[test]
	fn without_a_bond_there_is_no_stake() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(RoleStaking::free_stake(&1, Role::Solver), 0);
			assert!(!RoleStaking::is_active(&1, Role::Solver));
			assert_eq!(RoleStaking::release_collateral(&1, Role::Solver, 1), 0);
		});
	}
}

mod slash {
	use super::*;

	#[test]
	fn slash_takes_the_task_collateral_first_and_pays_beneficiary_and_treasury() {
		ExtBuilder::default()
			.bond(1, Role::Solver, 1_000)
			.bond(5, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 7, 300));
				let _ = role_events_since_last_call();
				let before = issuance();

				assert_eq!(RoleStaking::slash(&1, Role::Solver, Some(7), 200, Some(&5)), 200);

				let bond = bond_of(1, Role::Solver);
				assert_eq!((bond.amount, bond.locked), (800, 100));
				assert_eq!(Collateral::<Test>::get((1, Role::Solver), 7), Some(100));
				assert_eq!(held(1), 800);
				assert_eq!(free(1), ENDOWMENT - 1_000);
				// 10% to the beneficiary, the rest to the treasury; nothing minted or burned.
				assert_eq!(free(5), ENDOWMENT - 100 + 20);
				assert_eq!(free(TREASURY), ED + 180);
				assert_eq!(issuance(), before);
				assert_eq!(
					role_events_since_last_call(),
					vec![E::Slashed {
						who: 1,
						role: Role::Solver,
						task: Some(7),
						amount: 200,
						beneficiary: Some(5),
						reward: 20,
					}]
				);
			});
	}

	#[test]
	fn slash_beyond_the_task_collateral_takes_free_stake_but_not_other_tasks_collateral() {
		ExtBuilder::default().bond(1, Role::Solver, 1_000).build_and_execute(|| {
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 7, 300));
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 8, 400));

			// 300 from task 7, then the 300 of free stake; task 8's 400 stays.
			assert_eq!(RoleStaking::slash(&1, Role::Solver, Some(7), 5_000, None), 600);
			let bond = bond_of(1, Role::Solver);
			assert_eq!((bond.amount, bond.locked), (400, 400));
			assert_eq!(Collateral::<Test>::get((1, Role::Solver), 7), None);
			assert_eq!(Collateral::<Test>::get((1, Role::Solver), 8), Some(400));
			assert_eq!(free(TREASURY), ED + 600);
			// Nothing more to take outside task 8.
			assert_eq!(RoleStaking::slash(&1, Role::Solver, None, 1, None), 0);
			assert_eq!(RoleStaking::slash(&1, Role::Solver, Some(7), 1, None), 0);
			// Task 8's own slash reaches it.
			assert_eq!(RoleStaking::slash(&1, Role::Solver, Some(8), 1, None), 1);
		});
	}

	#[test]
	fn slash_without_task_takes_free_stake_only() {
		ExtBuilder::default().bond(1, Role::Solver, 1_000).build_and_execute(|| {
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Solver, 7, 300));
			assert_eq!(RoleStaking::slash(&1, Role::Solver, None, 2_000, None), 700);
			let bond = bond_of(1, Role::Solver);
			assert_eq!((bond.amount, bond.locked), (300, 300));
		});
	}

	#[test]
	fn reward_is_rounded_down_and_dust_goes_to_the_treasury() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(5, Role::Whistleblower, 100)
			.build_and_execute(|| {
				let _ = role_events_since_last_call();
				assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 19, Some(&5)), 19);
				assert_eq!(free(5), ENDOWMENT - 100 + 1);
				assert_eq!(free(TREASURY), ED + 18);
				assert_eq!(
					role_events_since_last_call(),
					vec![E::Slashed {
						who: 1,
						role: Role::Verifier,
						task: None,
						amount: 19,
						beneficiary: Some(5),
						reward: 1,
					}]
				);
			});
	}

	#[test]
	fn the_slashed_account_is_never_its_own_beneficiary() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			let _ = role_events_since_last_call();
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 50, Some(&1)), 50);
			assert_eq!(free(1), ENDOWMENT - 100);
			assert_eq!(free(TREASURY), ED + 50);
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Slashed {
					who: 1,
					role: Role::Verifier,
					task: None,
					amount: 50,
					beneficiary: None,
					reward: 0,
				}]
			);
		});
	}

	#[test]
	fn whole_share_to_a_beneficiary() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			SlashRewardShare::set(Perbill::one());
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 40, Some(&9)), 40);
			assert_eq!(free(9), ENDOWMENT + 40);
			assert_eq!(free(TREASURY), ED);
		});
	}

	#[test]
	fn a_share_that_rounds_to_zero_pays_nothing() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			let _ = role_events_since_last_call();
			// 10% of 5 rounds down to zero: the treasury gets all 5.
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 5, Some(&2)), 5);
			assert_eq!(free(2), ENDOWMENT);
			assert_eq!(free(TREASURY), ED + 5);
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Slashed {
					who: 1,
					role: Role::Verifier,
					task: None,
					amount: 5,
					beneficiary: Some(2),
					reward: 0,
				}]
			);
		});
	}

	#[test]
	fn a_beneficiary_that_cannot_receive_leaves_its_share_to_the_treasury() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			ExistentialDeposit::set(10);
			let _ = role_events_since_last_call();
			let before = issuance();
			// Account 500 does not exist and its share, 5, is below the existential deposit.
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 50, Some(&500)), 50);
			assert_eq!(free(500), 0);
			assert_eq!(free(TREASURY), ED + 50);
			assert_eq!(issuance(), before);
			assert_eq!(
				role_events_since_last_call(),
				vec![E::Slashed {
					who: 1,
					role: Role::Verifier,
					task: None,
					amount: 50,
					beneficiary: Some(500),
					reward: 0,
				}]
			);
		});
	}

	#[test]
	fn a_treasury_that_cannot_receive_burns() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			ExistentialDeposit::set(10);
			TreasuryAccount::set(600);
			let before = issuance();
			// The slash still happens; what nobody can receive is burned.
			assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 5, None), 5);
			assert_eq!(free(600), 0);
			assert_eq!(held(1), 95);
			assert_eq!(issuance(), before - 5);
		});
	}

	#[test]
	fn slash_of_nothing_does_nothing() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			assert_storage_noop!(assert_eq!(
				RoleStaking::slash(&2, Role::Verifier, None, 50, None),
				0
			));
			assert_storage_noop!(assert_eq!(
				RoleStaking::slash(&1, Role::Solver, None, 50, None),
				0
			));
			assert_storage_noop!(assert_eq!(
				RoleStaking::slash(&1, Role::Verifier, None, 0, None),
				0
			));
		});
	}

	#[test]
	fn slashing_one_role_leaves_the_others_alone() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(1, Role::Whistleblower, 100)
			.build_and_execute(|| {
				assert_eq!(RoleStaking::slash(&1, Role::Verifier, None, 1_000, None), 100);
				assert_eq!(bond_of(1, Role::Verifier).amount, 0);
				assert_eq!(bond_of(1, Role::Whistleblower).amount, 100);
				assert_eq!(held(1), 100);
			});
	}
}

mod reputation {
	use super::*;

	#[test]
	fn reputation_moves_by_steps_within_bounds() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build_and_execute(|| {
			RoleStaking::reward_reputation(&1, Role::Verifier);
			assert_eq!(bond_of(1, Role::Verifier).reputation, 1_050_000);
			RoleStaking::penalize_reputation(&1, Role::Verifier);
			assert_eq!(bond_of(1, Role::Verifier).reputation, 850_000);
			assert_eq!(
				role_events_since_last_call(),
				vec![
					E::ReputationChanged { who: 1, role: Role::Verifier, reputation: 1_050_000 },
					E::ReputationChanged { who: 1, role: Role::Verifier, reputation: 850_000 },
				]
			);
			for _ in 0..10 {
				RoleStaking::penalize_reputation(&1, Role::Verifier);
			}
			assert_eq!(bond_of(1, Role::Verifier).reputation, 100_000);
			for _ in 0..100 {
				RoleStaking::reward_reputation(&1, Role::Verifier);
			}
			assert_eq!(bond_of(1, Role::Verifier).reputation, 2_000_000);
			let _ = role_events_since_last_call();
			// At a bound nothing changes and nothing is emitted.
			RoleStaking::reward_reputation(&1, Role::Verifier);
			assert!(role_events_since_last_call().is_empty());
		});
	}

	#[test]
	fn reputation_without_a_bond_is_a_no_op() {
		ExtBuilder::default().build_and_execute(|| {
			assert_storage_noop!(RoleStaking::reward_reputation(&1, Role::Verifier));
			assert_storage_noop!(RoleStaking::penalize_reputation(&1, Role::Verifier));
		});
	}

	#[test]
	fn reputation_scales_the_draw_weight() {
		ExtBuilder::default().bond(1, Role::Verifier, 1_000).build_and_execute(|| {
			assert_eq!(RoleStaking::draw_weight(&bond_of(1, Role::Verifier)), 1_000);
			RoleStaking::penalize_reputation(&1, Role::Verifier);
			assert_eq!(RoleStaking::draw_weight(&bond_of(1, Role::Verifier)), 800);
			assert_ok!(RoleStaking::lock_collateral(&1, Role::Verifier, 1, 500));
			assert_eq!(RoleStaking::draw_weight(&bond_of(1, Role::Verifier)), 400);
		});
	}
}

mod select {
	use super::*;

	fn seed(i: u32) -> [u8; 32] {
		sp_io::hashing::blake2_256(&i.to_le_bytes())
	}

	/// How often each account is drawn alone, over `n` seeds.
	fn tally(role: Role, n: u32) -> std::collections::BTreeMap<AccountId, u32> {
		let mut counts = std::collections::BTreeMap::new();
		for i in 0..n {
			let drawn = RoleStaking::select(role, 1, &[], None, 0, seed(i)).unwrap();
			*counts.entry(drawn[0]).or_insert(0) += 1;
		}
		counts
	}

	#[test]
	fn draws_distinct_active_members_deterministically() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 200)
			.bond(3, Role::Verifier, 300)
			.bond(4, Role::Verifier, 400)
			.build_and_execute(|| {
				let mut differs = false;
				for i in 0..50 {
					let drawn =
						RoleStaking::select(Role::Verifier, 3, &[], None, 0, seed(i)).unwrap();
					assert_eq!(drawn.len(), 3);
					let mut sorted = drawn.clone();
					sorted.sort();
					sorted.dedup();
					assert_eq!(sorted.len(), 3);
					assert_eq!(
						RoleStaking::select(Role::Verifier, 3, &[], None, 0, seed(i)).unwrap(),
						drawn
					);
					differs |= drawn
						!= RoleStaking::select(Role::Verifier, 3, &[], None, 0, seed(i + 1000))
							.unwrap();
				}
				assert!(differs);
				// Selection writes nothing and emits nothing.
				assert_storage_noop!(
					RoleStaking::select(Role::Verifier, 2, &[], None, 0, seed(0)).unwrap()
				);
				assert_eq!(
					RoleStaking::select(Role::Verifier, 0, &[], None, 0, seed(0)),
					Ok(vec![])
				);
			});
	}

	#[test]
	fn never_draws_excluded_inactive_or_wrong_role() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 100)
			.bond(3, Role::Verifier, 100)
			.bond(4, Role::Verifier, 100)
			.bond(5, Role::Verifier, 100)
			.bond(6, Role::Whistleblower, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::chill(signed(2), Role::Verifier));
				assert_ok!(RoleStaking::unbond(signed(3), Role::Verifier));
				for i in 0..100 {
					let mut drawn =
						RoleStaking::select(Role::Verifier, 2, &[4], None, 0, seed(i)).unwrap();
					drawn.sort();
					assert_eq!(drawn, vec![1, 5]);
				}
				assert_eq!(
					RoleStaking::select(Role::Verifier, 3, &[4], None, 0, seed(0)),
					Err(StakingError::NotEnoughCandidates)
				);
			});
	}

	#[test]
	fn select_up_to_draws_every_eligible_member_when_there_are_fewer_than_asked() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 100)
			.bond(3, Role::Verifier, 100)
			.bond(4, Role::Verifier, 100)
			.bond(5, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::chill(signed(2), Role::Verifier));
				let up_to = |count, exclude: &[u64], min_free, i| {
					let mut drawn = RoleStaking::select_up_to(
						Role::Verifier,
						count,
						exclude,
						None,
						min_free,
						seed(i),
					);
					drawn.sort();
					drawn
				};
				for i in 0..50 {
					// Three eligible (2 chilled, 4 excluded): asking for five draws all three.
					assert_eq!(up_to(5, &[4], 0, i), vec![1, 3, 5]);
					// Asking for fewer than are eligible draws exactly that many, distinct.
					let two = up_to(2, &[4], 0, i);
					assert_eq!(two.len(), 2);
					assert!(two.windows(2).all(|w| w[0] < w[1]));
					assert!(two.iter().all(|m| [1, 3, 5].contains(m)));
				}
				// The same seed, the same draw.
				assert_eq!(
					RoleStaking::select_up_to(Role::Verifier, 2, &[], None, 0, seed(7)),
					RoleStaking::select_up_to(Role::Verifier, 2, &[], None, 0, seed(7))
				);
				// A member with collateral locked for the task is busy with it.
				assert_ok!(RoleStaking::lock_collateral(&3, Role::Verifier, 9, 10));
				for i in 0..20 {
					let mut drawn =
						RoleStaking::select_up_to(Role::Verifier, 5, &[4], Some(9), 0, seed(i));
					drawn.sort();
					assert_eq!(drawn, vec![1, 5]);
				}
				assert_eq!(up_to(5, &[4], 0, 0), vec![1, 3, 5], "busy only with task 9");
				RoleStaking::release_collateral(&3, Role::Verifier, 9);
				// Nobody eligible, or nobody asked for: empty.
				assert!(up_to(3, &[1, 3, 4, 5], 0, 0).is_empty());
				assert!(up_to(3, &[], 101, 0).is_empty());
				assert!(up_to(0, &[], 0, 0).is_empty());
			});
	}

	#[test]
	fn members_with_no_free_stake_are_not_eligible() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 100)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::lock_collateral(&1, Role::Verifier, 9, 100));
				for i in 0..20 {
					assert_eq!(
						RoleStaking::select(Role::Verifier, 1, &[], None, 0, seed(i)),
						Ok(vec![2])
					);
				}
				assert_eq!(
					RoleStaking::select(Role::Verifier, 2, &[], None, 0, seed(0)),
					Err(StakingError::NotEnoughCandidates)
				);
			});
	}

	#[test]
	fn members_with_less_free_stake_than_asked_are_not_drawn() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 300)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				assert_ok!(RoleStaking::lock_collateral(&1, Role::Verifier, 9, 150));
				assert_eq!(RoleStaking::collateral(&1, Role::Verifier, 9), 150);
				assert_eq!(RoleStaking::collateral(&1, Role::Verifier, 8), 0);
				assert_eq!(RoleStaking::collateral(&2, Role::Verifier, 9), 0);
				// 1 has 150 free, 2 has 100: asking for 120 leaves only 1, for 150 too, for
				// 151 nobody.
				for i in 0..20 {
					assert_eq!(
						RoleStaking::select(Role::Verifier, 1, &[], None, 120, seed(i)),
						Ok(vec![1])
					);
				}
				assert_eq!(
					RoleStaking::select(Role::Verifier, 1, &[], None, 150, seed(0)),
					Ok(vec![1])
				);
				assert_eq!(
					RoleStaking::select(Role::Verifier, 1, &[], None, 151, seed(0)),
					Err(StakingError::NotEnoughCandidates)
				);
				assert_eq!(
					RoleStaking::select(Role::Verifier, 2, &[], None, 100, seed(0))
						.map(|v| v.len()),
					Ok(2)
				);
			});
	}

	#[test]
	fn only_solvers_with_sufficient_hardware_are_drawn() {
		let gpu_16 = HardwareClass { device: assay_primitives::Device::Gpu, memory_gib: 16 };
		let cpu_8 = HardwareClass { device: assay_primitives::Device::Cpu, memory_gib: 8 };
		ExtBuilder::default()
			.solver(1, 100, CPU_4)
			.solver(2, 100, GPU_8)
			.solver(3, 100, GPU_24)
			.bond(4, Role::Verifier, 100)
			.build_and_execute(|| {
				for i in 0..50 {
					assert_eq!(
						RoleStaking::select(Role::Solver, 1, &[], Some(&gpu_16), 0, seed(i)),
						Ok(vec![3])
					);
					// A GPU with enough memory serves a CPU task.
					let mut drawn =
						RoleStaking::select(Role::Solver, 2, &[], Some(&cpu_8), 0, seed(i))
							.unwrap();
					drawn.sort();
					assert_eq!(drawn, vec![2, 3]);
				}
				assert_eq!(
					RoleStaking::select(Role::Solver, 2, &[], Some(&gpu_16), 0, seed(0)),
					Err(StakingError::NotEnoughCandidates)
				);
				assert_eq!(
					RoleStaking::select(Role::Solver, 1, &[3], Some(&gpu_16), 0, seed(0)),
					Err(StakingError::NotEnoughCandidates)
				);
				// Without a requirement, every solver.
				assert_eq!(
					RoleStaking::select(Role::Solver, 3, &[], None, 0, seed(0)).unwrap().len(),
					3
				);
				// Other roles declare no hardware, so a requirement leaves none.
				assert_eq!(
					RoleStaking::select(Role::Verifier, 1, &[], Some(&CPU_4), 0, seed(0)),
					Err(StakingError::NotEnoughCandidates)
				);
				// A declaration upgrade counts at once.
				assert_ok!(RoleStaking::set_hardware(signed(1), GPU_24));
				let mut drawn =
					RoleStaking::select(Role::Solver, 2, &[], Some(&gpu_16), 0, seed(0)).unwrap();
				drawn.sort();
				assert_eq!(drawn, vec![1, 3]);
			});
	}

	#[test]
	fn draws_follow_stake() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 300)
			.bond(2, Role::Verifier, 100)
			.build_and_execute(|| {
				let counts = tally(Role::Verifier, 2_000);
				// Expected 1 500 : 500; 5 standard deviations are about 97.
				let ones = counts[&1];
				assert!((1_400..=1_600).contains(&ones), "{counts:?}");
				assert_eq!(counts[&1] + counts[&2], 2_000);
			});
	}

	#[test]
	fn draws_follow_free_stake_and_reputation() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 400)
			.bond(2, Role::Verifier, 200)
			.build_and_execute(|| {
				// 1: free stake 200 at reputation 0.5 → weight 100; 2: 200 at 1.0 → 200.
				assert_ok!(RoleStaking::lock_collateral(&1, Role::Verifier, 1, 200));
				ReputationPenalty::set(500_000);
				RoleStaking::penalize_reputation(&1, Role::Verifier);
				let counts = tally(Role::Verifier, 2_000);
				// Expected 667 : 1 333; 5 standard deviations are about 105.
				let ones = counts[&1];
				assert!((560..=775).contains(&ones), "{counts:?}");
			});
	}

	#[test]
	fn second_draws_follow_the_remaining_weights() {
		ExtBuilder::default()
			.bond(1, Role::Verifier, 600)
			.bond(2, Role::Verifier, 300)
			.bond(3, Role::Verifier, 100)
			.build_and_execute(|| {
				// With 1 excluded, 2 and 3 share 3 : 1.
				let mut twos = 0;
				for i in 0..2_000 {
					if RoleStaking::select(Role::Verifier, 1, &[1], None, 0, seed(i)).unwrap()
						== vec![2]
					{
						twos += 1;
					}
				}
				assert!((1_400..=1_600).contains(&twos), "{twos}");
			});
	}
}

mod try_state {
	use super::*;

	fn broken(sentence: &'static str) {
		assert_eq!(RoleStaking::do_try_state(), Err(sentence.into()));
	}

	#[test]
	fn detects_a_hold_that_does_not_match_the_bonds() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build().execute_with(|| {
			Bonds::<Test>::mutate(1, Role::Verifier, |b| b.as_mut().unwrap().amount = 90);
			broken("For every account, the balance held under `HoldReason::RoleBond` equals the sum of its role bonds.");
		});
	}

	#[test]
	fn detects_collateral_bookkeeping_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build().execute_with(|| {
			Bonds::<Test>::mutate(1, Role::Verifier, |b| b.as_mut().unwrap().locked = 10);
			broken("The locked collateral of every role bond equals the sum of its `Collateral` entries.");
			Collateral::<Test>::insert((1, Role::Verifier), 3, 10);
			assert_eq!(RoleStaking::do_try_state(), Ok(()));
			Bonds::<Test>::mutate(1, Role::Verifier, |b| b.as_mut().unwrap().locked = 200);
			Collateral::<Test>::insert((1, Role::Verifier), 3, 200);
			broken("No role bond has more collateral locked than its amount.");
			Bonds::<Test>::mutate(1, Role::Verifier, |b| b.as_mut().unwrap().locked = 10);
			Collateral::<Test>::insert((1, Role::Verifier), 3, 10);
			Collateral::<Test>::insert((2, Role::Verifier), 3, 10);
			broken("Every `Collateral` entry is non-zero and belongs to an existing role bond.");
		});
	}

	#[test]
	fn detects_member_list_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build().execute_with(|| {
			Members::<Test>::mutate(Role::Verifier, |m| m.try_push(1).unwrap());
			broken("No account is in `Members` twice for a role.");
			Members::<Test>::mutate(Role::Verifier, |m| m.clear());
			broken("Every active bond is in `Members`.");
			Members::<Test>::mutate(Role::Verifier, |m| m.try_push(2).unwrap());
			broken("Every member in `Members` has an active bond of that role at or above the minimum.");
		});
	}

	#[test]
	fn detects_hardware_and_reputation_errors() {
		ExtBuilder::default().bond(1, Role::Verifier, 100).build().execute_with(|| {
			Bonds::<Test>::mutate(1, Role::Verifier, |b| b.as_mut().unwrap().reputation = 0);
			broken("Every reputation is within `[MinReputation, MaxReputation]`.");
			Bonds::<Test>::mutate(1, Role::Verifier, |b| {
				let b = b.as_mut().unwrap();
				b.reputation = REPUTATION_ONE;
				b.hardware = Some(GPU_8);
			});
			broken("Every solver bond declares hardware, and no other bond does.");
		});
	}
}

#[test]
fn integrity_test_passes() {
	ExtBuilder::default().build_and_execute(|| {
		<RoleStaking as frame_support::traits::Hooks<BlockNumber>>::integrity_test();
	});
}
