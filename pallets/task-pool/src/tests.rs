use crate::{
	mock::{RoleStaking, *},
	Error, Event, *,
};
use assay_primitives::{Layers, ModelSpec, RoleStaking as _, Uri};
use frame_support::traits::Hooks;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{InspectHold, MutateHold},
	BoundedVec,
};
use sp_runtime::{traits::BadOrigin, ArithmeticError};

/// The escrow of [`spec`] with `reward` and a fee of 5 per verifier (3 verifiers).
fn escrow(reward: Balance) -> Balance {
	reward + 3 * 5
}

/// Submits [`spec`] from `who` with `reward` and a fee of 5; returns the task id.
fn submit(who: AccountId, reward: Balance) -> TaskId {
	submit_spec(who, spec(), reward)
}

fn submit_spec(who: AccountId, spec: TaskSpec, reward: Balance) -> TaskId {
	let id = NextTaskId::<Test>::get();
	assert_ok!(TaskPool::submit_task(RuntimeOrigin::signed(who), Box::new(spec), reward, 5));
	id
}

/// The solver `task` is assigned to.
fn assigned_solver(task: TaskId) -> AccountId {
	match state(task) {
		TaskState::Assigned { solver, .. } => solver,
		other => panic!("task {task} is not assigned: {other:?}"),
	}
}

/// Submits from 1 with reward 1000, runs a block, and has the drawn solver accept; returns
/// `(task, solver)`.
fn training_task() -> (TaskId, AccountId) {
	let task = submit(1, 1_000);
	next_block();
	let solver = assigned_solver(task);
	assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(solver), task));
	(task, solver)
}

fn invalid(e: SpecError) -> Error<Test> {
	Error::<Test>::InvalidSpec(InvalidSpecReason(e))
}

mod submit {
	use super::*;

	#[test]
	fn holds_escrow_and_opens_the_task() {
		ExtBuilder::default().build_and_execute(|| {
			let task = submit(1, 1_000);
			assert_eq!(task, 0);
			assert_eq!(escrowed(1), escrow(1_000));
			assert_eq!(deposited(1), DEPOSIT);
			assert_eq!(free(1), ENDOWMENT - escrow(1_000) - DEPOSIT);
			let record = Tasks::<Test>::get(task).unwrap();
			assert_eq!(record.collateral, 500);
			assert_eq!(record.submitted_at, 1);
			assert_eq!(record.expires_at, 1 + 3 * 20);
			assert_eq!(record.state, TaskState::Open { opened_at: 1, expiry_slot: 61 });
			assert_eq!(DrawQueue::<Test>::get().into_inner(), vec![task]);
			assert_eq!(Deadlines::<Test>::get(61).into_inner(), vec![task]);
			assert_eq!(PendingTasks::<Test>::get(), 1);
			assert_eq!(NextTaskId::<Test>::get(), 1);
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::TaskSubmitted {
					task,
					submitter: 1,
					reward: 1_000,
					verifier_fee: 5,
					escrow: escrow(1_000),
					deposit: DEPOSIT,
					expires_at: 61,
				}]
			);
			assert_eq!(submit(1, 1_000), 1);
			assert_eq!(escrowed(1), 2 * escrow(1_000));
		});
	}

	#[test]
	fn bad_specs_are_refused_with_their_reason_and_move_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let mut zero_steps = spec();
			zero_steps.hyper.total_steps = 0;
			let mut uneven = spec();
			uneven.hyper.checkpoint_interval = 30;
			let mut empty_model = spec();
			empty_model.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![64]) };
			let mut bad_uri = spec();
			bad_uri.dataset.uri = Uri::truncate_from(b"ftp://example.org/x".to_vec());
			let mut too_many_verifiers = spec();
			too_many_verifiers.verification.verifiers = 9;
			let mut short_deadline = spec();
			short_deadline.deadline_blocks = 4;
			let mut too_big = spec();
			too_big.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![100_000; 16]) };
			for (bad, reason) in [
				(zero_steps, SpecError::ZeroSteps),
				(uneven, SpecError::IntervalDoesNotDivideSteps),
				(empty_model, SpecError::EmptyModel),
				(bad_uri, SpecError::UnsupportedDatasetUri),
				(too_many_verifiers, SpecError::TooManyVerifiers),
				(short_deadline, SpecError::DeadlineTooShort),
				(too_big, SpecError::TooExpensive),
			] {
				assert_noop!(
					TaskPool::submit_task(RuntimeOrigin::signed(1), Box::new(bad), 1_000, 5),
					invalid(reason)
				);
			}
			assert_eq!(free(1), ENDOWMENT);
		});
	}

	#[test]
	fn invalid_spec_error_encodes_its_reason() {
		use codec::Encode;
		let encoded = invalid(SpecError::ZeroSteps).encode();
		assert_eq!(encoded, vec![0, SpecError::ZeroSteps.encode()[0]]);
	}

	#[test]
	fn reward_must_cover_the_minimum_price() {
		// The spec is 1 GFLOP; at 700 per GFLOP the least reward is 700.
		ExtBuilder::default().min_price(700).build_and_execute(|| {
			assert_eq!(TaskPool::min_reward(&spec()), 700);
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::signed(1), Box::new(spec()), 699, 5),
				Error::<Test>::RewardBelowCost
			);
			submit(1, 700);
		});
	}

	#[test]
	fn every_verifier_fee_is_at_least_the_minimum_share_of_the_reward() {
		// 0.5 % of 1 000 is 5; of 1 001, rounded up, 6. A fee of zero never passes: declaring
		// the artifacts unavailable (unpaid) must never be the cheapest move for a verifier.
		ExtBuilder::default().build_and_execute(|| {
			for (reward, fee) in [(1_000, 4), (1_001, 5), (1_000, 0)] {
				assert_noop!(
					TaskPool::submit_task(RuntimeOrigin::signed(1), Box::new(spec()), reward, fee),
					Error::<Test>::VerifierFeeTooLow
				);
			}
			assert_ok!(TaskPool::submit_task(RuntimeOrigin::signed(1), Box::new(spec()), 1_001, 6));
		});
	}

	#[test]
	fn escrow_must_be_affordable_and_must_not_overflow() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				TaskPool::submit_task(
					RuntimeOrigin::signed(1),
					Box::new(spec()),
					ENDOWMENT,
					ENDOWMENT / 200
				),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				TaskPool::submit_task(
					RuntimeOrigin::signed(1),
					Box::new(spec()),
					1_000,
					Balance::MAX / 2
				),
				ArithmeticError::Overflow
			);
			assert_eq!(free(1), ENDOWMENT);
		});
	}

	#[test]
	fn live_tasks_are_bounded() {
		ExtBuilder::default().build_and_execute(|| {
			for i in 0..MaxLiveTasks::get() {
				submit(1 + u64::from(i) % 2, 1_000);
			}
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::signed(3), Box::new(spec()), 1_000, 5),
				Error::<Test>::TooManyLiveTasks
			);
			// Every expiry shares block 61: a block's list holds one entry per live task.
			assert_eq!(Deadlines::<Test>::get(61).len(), MaxLiveTasks::get() as usize);
		});
	}

	#[test]
	fn committed_tasks_count_until_they_end() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			assert_eq!(PendingTasks::<Test>::get(), 0);
			assert_eq!(LiveTasks::<Test>::get(), 1);
			for i in 1..MaxLiveTasks::get() {
				submit(10 + u64::from(i), 1_000);
			}
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::signed(2), Box::new(spec()), 1_000, 5),
				Error::<Test>::TooManyLiveTasks
			);
			assert_ok!(TaskPool::verified(task));
			assert_ok!(TaskPool::settle(task, &[]));
			assert_eq!(LiveTasks::<Test>::get(), MaxLiveTasks::get() - 1);
			submit(2, 1_000);
		});
	}

	#[test]
	fn unsigned_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::none(), Box::new(spec()), 1_000, 5),
				BadOrigin
			);
		});
	}
}

mod cancel {
	use super::*;

	#[test]
	fn refunds_an_open_task_and_cleans_up() {
		ExtBuilder::default().build_and_execute(|| {
			let task = submit(1, 1_000);
			pool_events_since_last_call();
			assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), task));
			assert_eq!(free(1), ENDOWMENT);
			assert_eq!(escrowed(1), 0);
			assert!(Tasks::<Test>::get(task).is_none());
			assert!(DrawQueue::<Test>::get().is_empty());
			assert_eq!(Deadlines::<Test>::iter().count(), 0);
			assert_eq!(PendingTasks::<Test>::get(), 0);
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::TaskCancelled { task, refunded: escrow(1_000) }]
			);
		});
	}

	#[test]
	fn cancel_errors() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let task = submit(1, 1_000);
			assert_noop!(
				TaskPool::cancel_task(RuntimeOrigin::signed(1), 7),
				Error::<Test>::TaskNotFound
			);
			assert_noop!(
				TaskPool::cancel_task(RuntimeOrigin::signed(2), task),
				Error::<Test>::NotSubmitter
			);
			next_block();
			assert_eq!(assigned_solver(task), 5);
			assert_noop!(
				TaskPool::cancel_task(RuntimeOrigin::signed(1), task),
				Error::<Test>::NotOpen
			);
		});
	}
}

mod draw {
	use super::*;

	#[test]
	fn a_solver_is_drawn_from_the_next_block_on() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let task = submit(1, 1_000);
			// Tasks opened in this block are not drawn by a hook in the same block.
			TaskPool::on_initialize(1);
			assert!(matches!(state(task), TaskState::Open { .. }));
			pool_events_since_last_call();
			next_block();
			assert_eq!(state(task), TaskState::Assigned { solver: 5, accept_by: 5 });
			assert_eq!(Deadlines::<Test>::get(5).into_inner(), vec![task]);
			assert!(Deadlines::<Test>::get(61).is_empty());
			assert!(DrawQueue::<Test>::get().is_empty());
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::TaskAssigned { task, solver: 5, accept_by: 5 }]
			);
		});
	}

	#[test]
	fn never_the_submitter_nor_unfit_hardware_nor_too_little_stake() {
		ExtBuilder::default()
			.solver(1)
			.solver_with(2, SOLVER_BOND, CPU_4)
			.solver_with(3, 400, GPU_16)
			.solver(4)
			.build_and_execute(|| {
				// Collateral 500: solver 3 has 400 free. GPU task: solver 2 is CPU only.
				// Submitted by 1, a solver itself. Only 4 remains, whatever the randomness.
				for _ in 0..5 {
					let task = submit_spec(1, gpu_spec(), 1_000);
					next_block();
					assert_eq!(assigned_solver(task), 4);
					assert_ok!(TaskPool::decline_task(RuntimeOrigin::signed(4), task));
					assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), task));
				}
			});
	}

	#[test]
	fn draws_spread_over_eligible_solvers() {
		ExtBuilder::default().solver(5).solver(6).solver(7).build_and_execute(|| {
			let mut drawn = std::collections::BTreeSet::new();
			for _ in 0..12 {
				let task = submit(1, 1_000);
				next_block();
				drawn.insert(assigned_solver(task));
				assert_ok!(TaskPool::decline_task(
					RuntimeOrigin::signed(assigned_solver(task)),
					task
				));
				assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), task));
			}
			assert_eq!(drawn.into_iter().collect::<Vec<_>>(), vec![5, 6, 7]);
		});
	}

	#[test]
	fn without_solvers_the_task_waits_and_is_drawn_later() {
		ExtBuilder::default().build_and_execute(|| {
			let task = submit(1, 1_000);
			run_to_block(4);
			assert_eq!(state(task), TaskState::Open { opened_at: 4, expiry_slot: 61 });
			// Tried and parked: it is retried in turn, and delays no other task's first draw.
			assert!(DrawQueue::<Test>::get().is_empty());
			assert_eq!(ParkedTasks::<Test>::get().into_inner(), vec![task]);
			assert_ok!(RoleStaking::bond(
				RuntimeOrigin::signed(5),
				Role::Solver,
				SOLVER_BOND,
				Some(GPU_16)
			));
			next_block();
			assert_eq!(assigned_solver(task), 5);
		});
	}

	#[test]
	fn at_most_max_draws_per_block_in_queue_order() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let tasks: Vec<_> = (0..3).map(|_| submit(1, 1_000)).collect();
			next_block();
			assert!(matches!(state(tasks[0]), TaskState::Assigned { .. }));
			assert!(matches!(state(tasks[1]), TaskState::Assigned { .. }));
			assert!(matches!(state(tasks[2]), TaskState::Open { .. }));
			next_block();
			assert!(matches!(state(tasks[2]), TaskState::Assigned { .. }));
		});
	}
}

mod accept_and_decline {
	use super::*;

	#[test]
	fn accept_locks_collateral_and_starts_the_commit_deadline() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let task = submit(1, 1_000);
			next_block();
			pool_events_since_last_call();
			assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(5), task));
			assert_eq!(state(task), TaskState::Training { solver: 5, commit_by: 22 });
			assert_eq!(RoleStaking::collateral(&5, Role::Solver, task), 500);
			assert_eq!(RoleStaking::free_stake(&5, Role::Solver), SOLVER_BOND - 500);
			assert!(Deadlines::<Test>::get(5).is_empty());
			assert_eq!(Deadlines::<Test>::get(22).into_inner(), vec![task]);
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::TaskAccepted { task, solver: 5, collateral: 500, commit_by: 22 }]
			);
		});
	}

	#[test]
	fn accept_and_decline_errors() {
		ExtBuilder::default()
			.solver(5)
			.solver_with(6, 400, GPU_16)
			.build_and_execute(|| {
				let task = submit(1, 1_000);
				for call in [TaskPool::accept_task, TaskPool::decline_task] {
					assert_noop!(call(RuntimeOrigin::signed(5), 9), Error::<Test>::TaskNotFound);
					assert_noop!(call(RuntimeOrigin::signed(5), task), Error::<Test>::NotAssigned);
				}
				next_block();
				assert_eq!(assigned_solver(task), 5);
				for call in [TaskPool::accept_task, TaskPool::decline_task] {
					assert_noop!(
						call(RuntimeOrigin::signed(6), task),
						Error::<Test>::NotAssignedSolver
					);
					assert_noop!(
						call(RuntimeOrigin::signed(1), task),
						Error::<Test>::NotAssignedSolver
					);
				}
				// A solver that chilled after being drawn can no longer take the task.
				assert_ok!(RoleStaking::chill(RuntimeOrigin::signed(5), Role::Solver));
				assert_noop!(
					TaskPool::accept_task(RuntimeOrigin::signed(5), task),
					Error::<Test>::SolverNotActive
				);
				assert_ok!(RoleStaking::rejoin(RuntimeOrigin::signed(5), Role::Solver));
				// Nor one whose free stake no longer covers the collateral.
				assert_ok!(RoleStaking::lock_collateral(&5, Role::Solver, 77, 600));
				assert_noop!(
					TaskPool::accept_task(RuntimeOrigin::signed(5), task),
					Error::<Test>::InsufficientSolverStake
				);
				RoleStaking::release_collateral(&5, Role::Solver, 77);
				assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(5), task));
				assert_noop!(
					TaskPool::accept_task(RuntimeOrigin::signed(5), task),
					Error::<Test>::NotAssigned
				);
				// With collateral locked, the solver cannot unbond.
				assert_noop!(
					RoleStaking::unbond(RuntimeOrigin::signed(5), Role::Solver),
					pallet_role_staking::Error::<Test>::CollateralLocked
				);
			});
	}

	#[test]
	fn decline_is_free_and_the_task_goes_to_another_solver() {
		ExtBuilder::default().solver(5).solver(6).build_and_execute(|| {
			let task = submit(1, 1_000);
			next_block();
			let first = assigned_solver(task);
			let other = if first == 5 { 6 } else { 5 };
			pool_events_since_last_call();
			assert_ok!(TaskPool::decline_task(RuntimeOrigin::signed(first), task));
			assert_eq!(solver_bond(first), SOLVER_BOND);
			assert_eq!(reputation(first), 1_000_000);
			assert_eq!(state(task), TaskState::Open { opened_at: 2, expiry_slot: 61 });
			assert_eq!(Tasks::<Test>::get(task).unwrap().passed_over.into_inner(), vec![first]);
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::SolverPassedOver {
					task,
					solver: first,
					reason: PassReason::Declined,
					slashed: 0
				}]
			);
			next_block();
			assert_eq!(assigned_solver(task), other);
			// Once every solver passed, the task waits for a new one.
			assert_ok!(TaskPool::decline_task(RuntimeOrigin::signed(other), task));
			run_to_block(6);
			assert!(matches!(state(task), TaskState::Open { .. }));
		});
	}
}

mod deadlines {
	use super::*;

	#[test]
	fn a_no_show_is_slashed_and_the_task_redrawn() {
		ExtBuilder::default().solver(5).solver(6).build_and_execute(|| {
			let task = submit(1, 1_000);
			next_block();
			let no_show = assigned_solver(task);
			let submitter_free = free(1);
			let treasury = free(TREASURY);
			pool_events_since_last_call();
			// accept_by is block 5: at block 4 it is still assigned.
			run_to_block(4);
			assert_eq!(assigned_solver(task), no_show);
			next_block();
			// 10 % of the 500 collateral, from free stake; half to the submitter.
			assert_eq!(solver_bond(no_show), SOLVER_BOND - 50);
			assert_eq!(free(1), submitter_free + 25);
			assert_eq!(free(TREASURY), treasury + 25);
			assert_eq!(reputation(no_show), 800_000);
			let events = pool_events_since_last_call();
			assert_eq!(
				events[0],
				Event::SolverPassedOver {
					task,
					solver: no_show,
					reason: PassReason::NoShow,
					slashed: 50
				}
			);
			// Reopened at block 5 and drawn in block 6, to the other solver.
			next_block();
			assert_ne!(assigned_solver(task), no_show);
		});
	}

	/// Attack 7 (issue 13), the no-show slash: a solver drawn for a task stakes everything it
	/// has on another task before its answer is due, then never answers. Before, the slash
	/// came from free stake alone and found none; the no-show stake is now locked at the draw,
	/// so the slash takes it whatever the solver did meanwhile.
	#[test]
	fn a_solver_that_stakes_everything_elsewhere_still_pays_for_its_no_show() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			// Collateral 500: the no-show stake is 50.
			let ignored = submit(1, 1_000);
			next_block();
			assert_eq!(assigned_solver(ignored), 5);
			// A task whose collateral is the solver's whole bond.
			let everything = NextTaskId::<Test>::get();
			let fee = 2 * SOLVER_BOND / 100;
			assert_ok!(TaskPool::submit_task(
				RuntimeOrigin::signed(1),
				Box::new(spec()),
				2 * SOLVER_BOND,
				fee
			));
			next_block();
			if matches!(state(everything), TaskState::Assigned { .. }) {
				assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(5), everything));
			}
			// `ignored` is never answered: its accept deadline is block 5.
			run_to_block(5);
			assert_eq!(solver_bond(5), SOLVER_BOND - 50, "the no-show slash found nothing");
		});
	}

	#[test]
	fn a_missed_commit_deadline_is_slashed_and_the_task_reopens() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let (task, solver) = training_task();
			let submitter_free = free(1);
			run_to_block(21);
			assert!(matches!(state(task), TaskState::Training { .. }));
			pool_events_since_last_call();
			next_block();
			// Half the 500 collateral is slashed, half of that to the submitter; the rest of
			// the collateral is released.
			assert_eq!(solver_bond(solver), SOLVER_BOND - 250);
			assert_eq!(RoleStaking::collateral(&solver, Role::Solver, task), 0);
			assert_eq!(free(1), submitter_free + 125);
			assert_eq!(state(task), TaskState::Open { opened_at: 22, expiry_slot: 61 });
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::SolverPassedOver {
					task,
					solver,
					reason: PassReason::MissedDeadline,
					slashed: 250
				}]
			);
			// The only solver was passed over: nobody is drawn.
			run_to_block(25);
			assert!(matches!(state(task), TaskState::Open { .. }));
		});
	}

	#[test]
	fn an_open_task_expires_with_a_refund() {
		ExtBuilder::default().build_and_execute(|| {
			let task = submit(1, 1_000);
			run_to_block(60);
			assert!(Tasks::<Test>::get(task).is_some());
			pool_events_since_last_call();
			let treasury = free(TREASURY);
			next_block();
			assert!(Tasks::<Test>::get(task).is_none());
			// Nobody could ever take it: the escrow comes back, the deposit does not.
			assert_eq!(free(1), ENDOWMENT - DEPOSIT);
			assert_eq!(deposited(1), 0);
			assert_eq!(free(TREASURY), treasury + DEPOSIT);
			assert_eq!(PendingTasks::<Test>::get(), 0);
			assert!(DrawQueue::<Test>::get().is_empty());
			assert!(ParkedTasks::<Test>::get().is_empty());
			assert_eq!(
				pool_events_since_last_call(),
				vec![
					Event::DepositForfeited { task, submitter: 1, amount: DEPOSIT },
					Event::TaskExpired {
						task,
						reason: ExpiryReason::DeadlinePassed,
						refunded: escrow(1_000)
					}
				]
			);
		});
	}

	#[test]
	fn a_deadline_missed_after_expiry_refunds_the_submitter() {
		ExtBuilder::default().build_and_execute(|| {
			let task = submit(1, 1_000);
			run_to_block(49);
			assert_ok!(RoleStaking::bond(
				RuntimeOrigin::signed(5),
				Role::Solver,
				SOLVER_BOND,
				Some(GPU_16)
			));
			next_block();
			let solver = assigned_solver(task);
			assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(solver), task));
			// commit_by = 70, past the expiry at 61: the attempt keeps its full deadline.
			run_to_block(69);
			assert!(matches!(state(task), TaskState::Training { .. }));
			pool_events_since_last_call();
			next_block();
			assert!(Tasks::<Test>::get(task).is_none());
			assert_eq!(escrowed(1), 0);
			// The refund, plus half the 250 slashed from the solver.
			assert_eq!(free(1), ENDOWMENT + 125);
			let events = pool_events_since_last_call();
			assert_eq!(
				events.last(),
				Some(&Event::TaskExpired {
					task,
					reason: ExpiryReason::DeadlinePassed,
					refunded: escrow(1_000)
				})
			);
		});
	}

	#[test]
	fn too_many_passed_over_solvers_end_the_task() {
		ExtBuilder::default().solver(5).solver(6).solver(7).build_and_execute(|| {
			let task = submit(1, 1_000);
			for _ in 0..2 {
				next_block();
				assert_ok!(TaskPool::decline_task(
					RuntimeOrigin::signed(assigned_solver(task)),
					task
				));
			}
			next_block();
			pool_events_since_last_call();
			assert_ok!(TaskPool::decline_task(RuntimeOrigin::signed(assigned_solver(task)), task));
			assert!(Tasks::<Test>::get(task).is_none());
			assert_eq!(free(1), ENDOWMENT);
			assert_eq!(
				pool_events_since_last_call().last(),
				Some(&Event::TaskExpired {
					task,
					reason: ExpiryReason::TooManyAttempts,
					refunded: escrow(1_000)
				})
			);
		});
	}

	#[test]
	fn deadlines_beyond_a_blocks_handling_limit_are_handled_late_oldest_first() {
		ExtBuilder::default().build_and_execute(|| {
			let tasks: Vec<TaskId> = (0..5).map(|i| submit(1 + i % 2, 1_000)).collect();
			run_to_block(60);
			pool_events_since_last_call();
			let expired_each_block: Vec<Vec<TaskId>> = (0..3)
				.map(|_| {
					next_block();
					pool_events_since_last_call()
						.into_iter()
						.filter_map(|e| match e {
							Event::TaskExpired { task, .. } => Some(task),
							_ => None,
						})
						.collect()
				})
				.collect();
			// Two per block (the mock's MaxDeadlinesPerBlock), in submission order; none early.
			assert_eq!(expired_each_block, vec![vec![0, 1], vec![2, 3], vec![4]]);
			assert!(tasks.iter().all(|task| Tasks::<Test>::get(task).is_none()));
			assert!(OverdueDeadlines::<Test>::get().is_empty());
			// No solver was ever drawn for them: the deposits are forfeited.
			assert_eq!(free(1), ENDOWMENT - 3 * DEPOSIT);
			assert_eq!(free(2), ENDOWMENT - 2 * DEPOSIT);
		});
	}

	#[test]
	fn an_overdue_deadline_leaves_with_its_task() {
		ExtBuilder::default().build_and_execute(|| {
			for _ in 0..3 {
				submit(1, 1_000);
			}
			run_to_block(61);
			// Task 2 fell due at 61 but waits: block 61 handled two.
			assert_eq!(OverdueDeadlines::<Test>::get().into_inner(), vec![2]);
			assert!(matches!(state(2), TaskState::Open { .. }));
			assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), 2));
			assert!(OverdueDeadlines::<Test>::get().is_empty());
			assert_ok!(TaskPool::do_try_state());
			next_block();
			// No solver was ever drawn for any of them (the cancelled one included).
			assert_eq!(free(1), ENDOWMENT - 3 * DEPOSIT);
		});
	}
}

mod lifecycle {
	use super::*;

	#[test]
	fn summary_follows_the_task() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			assert_eq!(TaskPool::summary(3), None);
			let task = submit(1, 1_000);
			let summary = TaskPool::summary(task).unwrap();
			assert_eq!(summary.phase, TaskPhase::Open);
			assert_eq!(summary.solver, None);
			assert_eq!(summary.submitter, 1);
			assert_eq!(summary.spec, spec());
			next_block();
			assert_eq!(TaskPool::summary(task).unwrap().phase, TaskPhase::Assigned);
			assert_eq!(TaskPool::summary(task).unwrap().solver, Some(5));
		});
	}

	#[test]
	fn steps_check_phase_and_solver() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			assert_eq!(TaskPool::committed(9, &5), Err(LifecycleError::UnknownTask));
			let task = submit(1, 1_000);
			assert_eq!(TaskPool::committed(task, &5), Err(LifecycleError::WrongPhase));
			assert_eq!(TaskPool::verified(task), Err(LifecycleError::WrongPhase));
			assert_eq!(TaskPool::disputed(task), Err(LifecycleError::WrongPhase));
			assert_eq!(TaskPool::settle(task, &[]), Err(LifecycleError::WrongPhase));
			assert_eq!(TaskPool::fail(task, None, &[]), Err(LifecycleError::WrongPhase));
			next_block();
			assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(5), task));
			assert_eq!(TaskPool::committed(task, &6), Err(LifecycleError::NotTheSolver));
			assert_eq!(TaskPool::settle(task, &[]), Err(LifecycleError::WrongPhase));
			assert_ok!(TaskPool::committed(task, &5));
			assert_eq!(state(task), TaskState::Verifying { solver: 5 });
			assert_eq!(PendingTasks::<Test>::get(), 0);
			assert_eq!(Deadlines::<Test>::iter().count(), 0);
			assert_eq!(TaskPool::committed(task, &5), Err(LifecycleError::WrongPhase));
			assert_eq!(TaskPool::settle(task, &[]), Err(LifecycleError::WrongPhase));
			assert_eq!(TaskPool::settle(task, &[7, 8, 9, 10]), Err(LifecycleError::WrongPhase));
			assert_ok!(TaskPool::verified(task));
			assert_eq!(TaskPool::verified(task), Err(LifecycleError::WrongPhase));
			assert_ok!(TaskPool::disputed(task));
			assert_eq!(state(task), TaskState::Disputed { solver: 5 });
			// A further dispute keeps it disputed; a won one makes it verified again.
			assert_ok!(TaskPool::disputed(task));
			assert_ok!(TaskPool::verified(task));
			assert_eq!(state(task), TaskState::Verified { solver: 5 });
			assert_ok!(TaskPool::disputed(task));
			// The commit deadline no longer applies once committed.
			run_to_block(30);
			assert_eq!(state(task), TaskState::Disputed { solver: 5 });
		});
	}

	/// Seats drawn beyond the policy's to break a tie between verdicts and declarations are
	/// paid from the same escrow: the verifiers share the fees escrowed, never more.
	#[test]
	fn more_paid_verifiers_than_seats_share_the_escrowed_fees() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			assert_ok!(TaskPool::verified(task));
			let submitter_free = free(1);
			pool_events_since_last_call();
			// Three seats at 5 each: four verifiers get 15 / 4 = 3 each, 3 goes back.
			assert_ok!(TaskPool::settle(task, &[7, 8, 9, 10]));
			for v in [7, 8, 9, 10] {
				assert_eq!(free(v), ENDOWMENT + 3);
			}
			// The deposit comes back with the unpaid fees.
			assert_eq!(free(1), submitter_free + 3 + DEPOSIT);
			assert_eq!(escrowed(1), 0);
			assert_eq!(deposited(1), 0);
			assert!(pool_events_since_last_call().contains(&Event::TaskSettled {
				task,
				solver,
				reward: 1_000,
				collateral_released: 500,
				refunded: 3
			}));
		});
	}

	#[test]
	fn settle_pays_solver_and_verifiers_and_refunds_unpaid_fees() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			assert_ok!(TaskPool::verified(task));
			let solver_free = free(solver);
			let submitter_free = free(1);
			pool_events_since_last_call();
			assert_ok!(TaskPool::settle(task, &[7, 8]));
			assert_eq!(free(solver), solver_free + 1_000);
			assert_eq!(free(7), ENDOWMENT + 5);
			assert_eq!(free(8), ENDOWMENT + 5);
			assert_eq!(free(1), submitter_free + 5 + DEPOSIT);
			assert_eq!(escrowed(1), 0);
			assert_eq!(deposited(1), 0);
			assert_eq!(RoleStaking::collateral(&solver, Role::Solver, task), 0);
			assert_eq!(RoleStaking::free_stake(&solver, Role::Solver), SOLVER_BOND);
			assert_eq!(reputation(solver), 1_050_000);
			assert!(Tasks::<Test>::get(task).is_none());
			assert_eq!(
				pool_events_since_last_call(),
				vec![
					Event::VerifierPaid { task, verifier: 7, fee: 5 },
					Event::VerifierPaid { task, verifier: 8, fee: 5 },
					Event::TaskSettled {
						task,
						solver,
						reward: 1_000,
						collateral_released: 500,
						refunded: 5
					},
				]
			);
			assert_eq!(TaskPool::settle(task, &[]), Err(LifecycleError::UnknownTask));
		});
	}

	#[test]
	fn a_disputed_task_can_still_settle() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			assert_ok!(TaskPool::disputed(task));
			assert_ok!(TaskPool::settle(task, &[]));
			assert_eq!(free(1), ENDOWMENT - 1_000);
		});
	}

	#[test]
	fn a_failed_task_with_time_left_reopens_for_another_solver() {
		ExtBuilder::default().solver(5).solver(6).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			let treasury = free(TREASURY);
			pool_events_since_last_call();
			assert_ok!(TaskPool::fail(task, Some(&7), &[7, 8, 9]));
			// The 500 collateral: half to the finder, half to the treasury.
			assert_eq!(solver_bond(solver), SOLVER_BOND - 500);
			assert_eq!(RoleStaking::collateral(&solver, Role::Solver, task), 0);
			assert_eq!(free(TREASURY), treasury + 250);
			assert_eq!(free(7), ENDOWMENT + 250 + 5);
			assert_eq!(free(8), ENDOWMENT + 5);
			assert_eq!(reputation(solver), 800_000);
			// The fees went to the verifiers who checked; the escrow is whole again for the
			// next round, and the task is back in the draw without the failed solver.
			assert_eq!(escrowed(1), escrow(1_000));
			assert_eq!(free(1), ENDOWMENT - escrow(1_000) - DEPOSIT - 15);
			let record = Tasks::<Test>::get(task).unwrap();
			assert!(matches!(record.state, TaskState::Open { opened_at: 2, .. }));
			assert_eq!(record.passed_over.into_inner(), vec![solver]);
			assert_eq!(DrawQueue::<Test>::get().into_inner(), vec![task]);
			assert_eq!(PendingTasks::<Test>::get(), 1);
			assert_eq!(
				pool_events_since_last_call(),
				vec![
					Event::VerifierPaid { task, verifier: 7, fee: 5 },
					Event::VerifierPaid { task, verifier: 8, fee: 5 },
					Event::VerifierPaid { task, verifier: 9, fee: 5 },
					Event::SolverPassedOver {
						task,
						solver,
						reason: PassReason::TrainingFailed,
						slashed: 500
					},
				]
			);
			next_block();
			let other = assigned_solver(task);
			assert_ne!(other, solver);
		});
	}

	#[test]
	fn a_failed_task_past_its_expiry_ends_and_refunds_the_reward() {
		ExtBuilder::default().solver(5).solver(6).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			run_to_block(61);
			pool_events_since_last_call();
			assert_ok!(TaskPool::fail(task, Some(&7), &[7, 8, 9]));
			assert_eq!(solver_bond(solver), SOLVER_BOND - 500);
			assert_eq!(reputation(solver), 800_000);
			// The reward back; the fees went to the verifiers who checked.
			assert_eq!(free(1), ENDOWMENT - 15);
			assert_eq!(escrowed(1), 0);
			assert!(Tasks::<Test>::get(task).is_none());
			assert_eq!((PendingTasks::<Test>::get(), LiveTasks::<Test>::get()), (0, 0));
			assert_eq!(
				pool_events_since_last_call().last(),
				Some(&Event::TaskFailed { task, solver, slashed: 500, refunded: 1_000 })
			);
		});
	}

	#[test]
	fn a_failed_task_ends_when_the_submitter_cannot_refill_the_escrow() {
		ExtBuilder::default().solver(5).solver(6).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			// The submitter spends all it can outside the escrow.
			use frame_support::traits::{
				fungible::{Inspect, Mutate},
				tokens::{Fortitude, Preservation},
			};
			let spendable =
				Balances::reducible_balance(&1, Preservation::Preserve, Fortitude::Polite);
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&1,
				&2,
				spendable,
				Preservation::Preserve
			));
			let left = free(1);
			assert!(left < 15, "too little left to refill the escrow");
			pool_events_since_last_call();
			assert_ok!(TaskPool::fail(task, None, &[7, 8, 9]));
			assert!(Tasks::<Test>::get(task).is_none());
			assert_eq!(free(1), left + 1_000 + DEPOSIT);
			assert_eq!(
				pool_events_since_last_call().last(),
				Some(&Event::TaskFailed { task, solver, slashed: 500, refunded: 1_000 })
			);
		});
	}

	#[test]
	fn the_last_attempt_fails_the_task_for_good() {
		ExtBuilder::default().solver(5).solver(6).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			// Two solvers already passed over: the third (the mock's MaxSolverAttempts) was
			// the last attempt.
			Tasks::<Test>::mutate(task, |record| {
				let record = record.as_mut().unwrap();
				for filler in 100..102 {
					record.passed_over.try_push(filler).unwrap();
				}
			});
			pool_events_since_last_call();
			assert_ok!(TaskPool::fail(task, None, &[]));
			assert!(Tasks::<Test>::get(task).is_none());
			assert!(matches!(
				pool_events_since_last_call().last(),
				Some(&Event::TaskFailed { refunded: 1_015, .. })
			));
		});
	}

	#[test]
	fn an_abandoned_task_returns_everything_and_slashes_nobody() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let (task, solver) = training_task();
			assert_eq!(TaskPool::abandon(task), Err(LifecycleError::WrongPhase));
			assert_ok!(TaskPool::committed(task, &solver));
			pool_events_since_last_call();
			assert_ok!(TaskPool::abandon(task));
			assert_eq!(free(1), ENDOWMENT);
			assert_eq!(solver_bond(solver), SOLVER_BOND);
			assert_eq!(RoleStaking::collateral(&solver, Role::Solver, task), 0);
			assert_eq!(reputation(solver), 1_000_000);
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::TaskAbandoned {
					task,
					solver,
					collateral_released: 500,
					refunded: escrow(1_000)
				}]
			);
			assert_eq!(TaskPool::abandon(task), Err(LifecycleError::UnknownTask));
		});
	}

	#[test]
	fn an_unpayable_verifier_fee_stays_with_the_submitter() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			ExistentialDeposit::set(10);
			let (task, solver) = training_task();
			assert_ok!(TaskPool::committed(task, &solver));
			assert_ok!(TaskPool::verified(task));
			// Account 50 does not exist and a fee of 5 is below the existential deposit.
			assert_ok!(TaskPool::settle(task, &[50]));
			assert_eq!(free(50), 0);
			assert_eq!(free(1), ENDOWMENT - 1_000);
			ExistentialDeposit::set(ED);
		});
	}
}

/// Issue 14, "spam and steering cost money": each attack as the sequence of calls a spammer or
/// a cartel would make.
mod spam_and_steering {
	use super::*;
	use assay_primitives::{Device, HardwareClass};

	/// A spec only a 64 GiB GPU can train: nobody in these tests has one.
	fn untakeable_spec() -> TaskSpec {
		TaskSpec { hardware: HardwareClass { device: Device::Gpu, memory_gib: 64 }, ..spec() }
	}

	/// Before: a task nobody could take held a live-task slot until it expired, and its
	/// submitter got everything back. Now its deposit goes to the treasury.
	#[test]
	fn a_task_nobody_can_take_costs_its_deposit_even_when_cancelled() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let task = submit_spec(1, untakeable_spec(), 1_000);
			next_block();
			assert_eq!(Tasks::<Test>::get(task).unwrap().draws, DrawHistory::NobodyEligible);
			let treasury = free(TREASURY);
			pool_events_since_last_call();
			assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), task));
			assert_eq!(free(1), ENDOWMENT - DEPOSIT);
			assert_eq!(free(TREASURY), treasury + DEPOSIT);
			assert_eq!(
				pool_events_since_last_call(),
				vec![
					Event::DepositForfeited { task, submitter: 1, amount: DEPOSIT },
					Event::TaskCancelled { task, refunded: escrow(1_000) },
				]
			);
		});
	}

	/// A submitter that changes its mind before any draw, or whose task a solver was drawn
	/// for, gets its deposit back however the task ends.
	#[test]
	fn the_deposit_comes_back_unless_no_solver_was_ever_drawn() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let cancelled_early = submit(1, 1_000);
			assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), cancelled_early));
			assert_eq!(free(1), ENDOWMENT);

			// Drawn once, then nobody left to draw (the only solver declined): it expires with
			// its deposit returned.
			let declined = submit(1, 1_000);
			next_block();
			assert_ok!(TaskPool::decline_task(RuntimeOrigin::signed(5), declined));
			run_to_block(10);
			assert_eq!(ParkedTasks::<Test>::get().into_inner(), vec![declined]);
			let record = Tasks::<Test>::get(declined).unwrap();
			assert_eq!(record.draws, DrawHistory::SolverDrawn);
			run_to_block(record.expires_at + 1);
			assert!(Tasks::<Test>::get(declined).is_none());
			assert_eq!(free(1), ENDOWMENT);
			assert_eq!(deposited(1), 0);
		});
	}

	#[test]
	fn the_deposit_must_be_affordable_with_the_escrow() {
		ExtBuilder::default().build_and_execute(|| {
			use frame_support::traits::{fungible::Mutate, tokens::Preservation};
			// Account 3 keeps the escrow and a little less than the deposit.
			let keep = escrow(1_000) + DEPOSIT - 1 + ED;
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&3,
				&4,
				ENDOWMENT - keep,
				Preservation::Preserve
			));
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::signed(3), Box::new(spec()), 1_000, 5),
				Error::<Test>::InsufficientBalance
			);
		});
	}

	/// One account can no longer fill the live-task slots by itself.
	#[test]
	fn a_submitter_holds_at_most_its_share_of_the_live_tasks() {
		ExtBuilder::default().build_and_execute(|| {
			let cap = MaxLiveTasksPerSubmitter::get();
			let tasks: Vec<TaskId> = (0..cap).map(|_| submit(1, 1_000)).collect();
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::signed(1), Box::new(spec()), 1_000, 5),
				Error::<Test>::TooManyTasksOfSubmitter
			);
			assert_eq!(SubmitterLiveTasks::<Test>::get(1), Some(cap));
			// Others are not held back, and an ended task frees its submitter's slot.
			submit(2, 1_000);
			assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), tasks[0]));
			submit(1, 1_000);
			for task in &tasks[1..] {
				assert_ok!(TaskPool::cancel_task(RuntimeOrigin::signed(1), *task));
			}
			assert_eq!(SubmitterLiveTasks::<Test>::get(1), Some(1));
		});
	}

	/// Before: declining was free, so a solver (or a cartel of them) could pass a task on
	/// until a member got it, or until it ran out of attempts, at no cost. Now only the first
	/// decline in a window is free; each later one is slashed from the stake locked at the
	/// draw, half to the submitter.
	#[test]
	fn only_the_first_decline_in_a_window_is_free() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let declines = |task| {
				next_block();
				assert_eq!(assigned_solver(task), 5);
				pool_events_since_last_call();
				assert_ok!(TaskPool::decline_task(RuntimeOrigin::signed(5), task));
				match pool_events_since_last_call().first() {
					Some(Event::SolverPassedOver {
						reason: PassReason::Declined, slashed, ..
					}) => *slashed,
					other => panic!("not a decline: {other:?}"),
				}
			};
			let first = submit(1, 1_000);
			assert_eq!(declines(first), 0);
			assert_eq!(LastFreeDecline::<Test>::get(5), Some(2));
			// Within the window (10 blocks): 2 % of the 500 collateral.
			let submitter_free = free(2);
			let treasury = free(TREASURY);
			let second = submit(2, 1_000);
			assert_eq!(declines(second), 10);
			assert_eq!(solver_bond(5), SOLVER_BOND - 10);
			assert_eq!(free(2), submitter_free - escrow(1_000) - DEPOSIT + 5);
			assert_eq!(free(TREASURY), treasury + 5);
			// Declining costs stake, not reputation.
			assert_eq!(reputation(5), 1_000_000);
			// From block 12 on, a decline is free again.
			run_to_block(11);
			let third = submit(3, 1_000);
			assert_eq!(declines(third), 0);
			assert_eq!(LastFreeDecline::<Test>::get(5), Some(12));
		});
	}

	/// Before: the draw queue was one list, retried in order: a thousand tasks nobody can take
	/// (hardware nobody declares) held every other task back by five hundred blocks (two draws
	/// a block here). Now a task whose draw found nobody is parked, and the parked tasks go
	/// first only every other block: a new task is drawn at most a block after its delay,
	/// whatever is parked.
	#[test]
	fn a_thousand_untakeable_tasks_never_delay_a_takeable_one() {
		MaxLiveTasks::set(1_100);
		MaxLiveTasksPerSubmitter::set(100);
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let long = TaskSpec { deadline_blocks: 1_000, ..untakeable_spec() };
			for i in 0..1_000u64 {
				let id = NextTaskId::<Test>::get();
				assert_ok!(TaskPool::submit_task(
					RuntimeOrigin::signed(1 + i % 10),
					Box::new(long.clone()),
					100,
					5
				));
				assert_eq!(id, i);
			}
			// Each is tried once.
			while !DrawQueue::<Test>::get().is_empty() {
				next_block();
			}
			// Due in consecutive blocks (one of each parity): each drawn a block late at most.
			let first = submit(11, 1_000);
			next_block();
			let second = submit(12, 1_000);
			next_block();
			next_block();
			assert_eq!(assigned_solver(first), 5);
			assert_eq!(assigned_solver(second), 5);
			// They wait apart, retried in turn: two a block while no new task is due.
			assert!(DrawQueue::<Test>::get().is_empty());
			let before = ParkedTasks::<Test>::get();
			assert_eq!(before.len(), 1_000);
			next_block();
			let after = ParkedTasks::<Test>::get();
			assert_eq!(after[..998], before[2..]);
			assert_eq!(after[998..], before[..2]);
		});
	}
}

/// Issue 14, the jackpot: a tax on settled rewards pays the finders of forced errors.
mod jackpot {
	use super::*;

	fn settled_with_tax(percent: u32) -> AccountId {
		JackpotTax::set(Perbill::from_percent(percent));
		let (task, solver) = training_task();
		assert_ok!(TaskPool::committed(task, &solver));
		assert_ok!(TaskPool::verified(task));
		assert_ok!(TaskPool::settle(task, &[]));
		solver
	}

	#[test]
	fn a_settled_task_pays_its_tax_into_the_jackpot_from_the_reward() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			let solver_free = free(5);
			let solver = settled_with_tax(10);
			assert_eq!(free(solver), solver_free + 900);
			assert_eq!(Jackpot::<Test>::get(), 100);
			assert_eq!(free(JACKPOT), ED + 100);
			assert!(pool_events_since_last_call()
				.contains(&Event::JackpotTaxed { task: 0, amount: 100 }));
		});
	}

	const ALWAYS: u32 = 1_000_000_000;

	#[test]
	fn the_finders_share_the_jackpot_up_to_the_cap() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			settled_with_tax(25);
			assert_eq!(Jackpot::<Test>::get(), 250);
			let task = submit(1, 1_000);
			// Forced at 100 %: half the task's tax (125) would do; the cap (100) is lower. Two
			// finders get 50 each, 150 stays.
			assert_eq!(TaskPool::pay_jackpot(task, &[7, 8], ALWAYS), 100);
			assert_eq!(free(7), ENDOWMENT + 50);
			assert_eq!(free(8), ENDOWMENT + 50);
			assert_eq!(Jackpot::<Test>::get(), 150);
			assert_eq!(free(JACKPOT), ED + 150);
			// Nobody found it: nothing paid.
			assert_eq!(TaskPool::pay_jackpot(task, &[], ALWAYS), 0);
		});
	}

	/// The attack: a solver tells its accomplice verifier where it was forced, and the
	/// accomplice collects the jackpot without replaying. Each forced error pays at most half
	/// the tax its task owes divided by the odds, so on average the pair wins back half what
	/// the solver pays in, never more.
	#[test]
	fn a_forced_error_pays_at_most_half_its_tax_over_the_odds() {
		ExtBuilder::default().solver(5).build_and_execute(|| {
			settled_with_tax(25);
			JackpotTax::set(Perbill::from_percent(2));
			let task = submit(1, 1_000);
			// Tax 20, odds 10 %: the prize is at most 20 / 0.1 / 2 = 100, here the cap too.
			assert_eq!(TaskPool::pay_jackpot(task, &[7], ALWAYS / 10), 100);
			// Odds 50 %: at most 20.
			assert_eq!(TaskPool::pay_jackpot(task, &[7], ALWAYS / 2), 20);
			// Never forced, never paid.
			assert_eq!(TaskPool::pay_jackpot(task, &[7], 0), 0);
		});
	}

	#[test]
	fn an_empty_jackpot_pays_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let task = submit(1, 1_000);
			pool_events_since_last_call();
			assert_eq!(TaskPool::pay_jackpot(task, &[7], ALWAYS), 0);
			assert_eq!(free(7), ENDOWMENT);
			assert!(pool_events_since_last_call().is_empty());
		});
	}

	#[test]
	fn try_state_catches_a_jackpot_account_short_of_its_books() {
		ExtBuilder::default().build_and_execute(|| {
			Jackpot::<Test>::put(5);
			assert!(TaskPool::do_try_state().is_err());
			Jackpot::<Test>::put(0);
		});
	}
}

mod admin {
	use super::*;

	#[test]
	fn root_sets_the_minimum_price() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(TaskPool::set_min_price_per_gflop(RuntimeOrigin::signed(1), 5), BadOrigin);
			assert_ok!(TaskPool::set_min_price_per_gflop(RuntimeOrigin::root(), 2_000));
			assert_eq!(MinPricePerGflop::<Test>::get(), 2_000);
			assert_eq!(
				pool_events_since_last_call(),
				vec![Event::MinPricePerGflopSet { price: 2_000 }]
			);
			assert_noop!(
				TaskPool::submit_task(RuntimeOrigin::signed(1), Box::new(spec()), 1_999, 5),
				Error::<Test>::RewardBelowCost
			);
		});
	}

	#[test]
	fn escrow_hold_is_separate_from_role_bonds() {
		ExtBuilder::default().solver(1).build_and_execute(|| {
			submit(1, 1_000);
			assert_eq!(escrowed(1), escrow(1_000));
			assert_eq!(
				Balances::balance_on_hold(&pallet_role_staking::HoldReason::RoleBond.into(), &1),
				SOLVER_BOND
			);
		});
	}
}

mod invariants {
	use super::*;

	#[test]
	fn try_state_catches_broken_bookkeeping() {
		ExtBuilder::default().solver(5).build().execute_with(|| {
			let (training, _) = training_task();
			let open = submit(1, 1_000);
			assert_ok!(TaskPool::do_try_state());

			// An open task missing from the draw queue.
			DrawQueue::<Test>::kill();
			assert!(TaskPool::do_try_state().is_err());
			DrawQueue::<Test>::put(BoundedVec::truncate_from(vec![open]));
			assert_ok!(TaskPool::do_try_state());

			// A pending task without its deadline entry.
			let slot = state(training).deadline_slot().unwrap();
			Deadlines::<Test>::remove(slot);
			assert!(TaskPool::do_try_state().is_err());
			Deadlines::<Test>::insert(slot, BoundedVec::truncate_from(vec![training]));
			assert_ok!(TaskPool::do_try_state());

			// Escrow held that no task accounts for.
			assert_ok!(Balances::hold(&HoldReason::TaskEscrow.into(), &1, 1));
			assert!(TaskPool::do_try_state().is_err());
			assert_ok!(Balances::release(
				&HoldReason::TaskEscrow.into(),
				&1,
				1,
				frame_support::traits::tokens::Precision::Exact
			));
			assert_ok!(TaskPool::do_try_state());

			// A training solver whose collateral is gone.
			RoleStaking::release_collateral(&5, Role::Solver, training);
			assert!(TaskPool::do_try_state().is_err());
		});
	}
}
