use crate::{
	mock::{RoleStaking, *},
	Error, Event, *,
};
use assay_primitives::{Distance, DistanceMetric, RoleStaking as _, VerificationMode};
use frame_support::{assert_noop, assert_ok};

const EXACT: VerificationMode = VerificationMode::Exact;

fn uri() -> Uri {
	Uri::truncate_from(b"http://solver.example/ckpt".to_vec())
}

/// Everyone in `verifiers` commits to and then reveals `verdicts[i]`.
fn commit_and_reveal(task: TaskId, verifiers: &[AccountId], verdicts: &[Verdict]) {
	for (v, d) in verifiers.iter().zip(verdicts) {
		commit(task, *v, d);
	}
	for (v, d) in verifiers.iter().zip(verdicts) {
		assert_ok!(reveal(task, *v, d));
	}
}

mod commit_checkpoints {
	use super::*;

	#[test]
	fn the_solver_commits_and_sampling_follows_from_a_later_block() {
		ExtBuilder::default().build_and_execute(|| {
			let task = training_task(3, EXACT);
			events_since_last_call();
			commit_sealed(task);
			let now = System::block_number();
			assert_eq!(task_phase(task), Some(TaskPhase::Verifying));
			assert_eq!(
				events_since_last_call(),
				vec![Event::CheckpointsCommitted {
					task,
					solver: SOLVER,
					commitment: sealed(task),
					artifact_uri: uri(),
					sampling_at: now + 2,
				}]
			);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.phase, Phase::Sampling { at: now + 2 });
			assert!(record.slots.is_empty());

			run_to_block(now + 2);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.phase, Phase::Committing { until: now + 7 });
			assert_eq!(record.segments.len(), 2);
			assert!(record.segments[0] < record.segments[1] && record.segments[1] < 10);
			let mut drawn: Vec<_> = record.slots.iter().map(|s| s.verifier).collect();
			drawn.sort();
			assert_eq!(drawn, VERIFIERS[..3].to_vec());
			for v in &drawn {
				assert_eq!(RoleStaking::collateral(v, Role::Verifier, task), COLLATERAL);
			}
			// The test solver showed its root in the block its segments were sampled in.
			assert!(matches!(
				events_since_last_call().as_slice(),
				[
					Event::ShowDue { show_by, .. },
					Event::CheckpointsShown { root, .. },
					Event::VerificationStarted { commit_by, .. },
				] if *show_by == now + 5 && *root == commitment().root && *commit_by == now + 7
			));
		});
	}

	#[test]
	fn commit_errors() {
		ExtBuilder::default().build_and_execute(|| {
			let c = sealed(pallet_task_pool::NextTaskId::<Test>::get());
			assert_noop!(
				ProofOfLearning::commit_checkpoints(RuntimeOrigin::signed(SOLVER), 9, c, uri()),
				Error::<Test>::TaskNotFound
			);
			let open = pallet_task_pool::NextTaskId::<Test>::get();
			assert_ok!(TaskPool::submit_task(
				RuntimeOrigin::signed(SUBMITTER),
				Box::new(spec(3, EXACT)),
				REWARD,
				FEE
			));
			assert_noop!(
				ProofOfLearning::commit_checkpoints(RuntimeOrigin::signed(SOLVER), open, c, uri()),
				Error::<Test>::NotTraining
			);
			next_block();
			assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(SOLVER), open));
			assert_noop!(
				ProofOfLearning::commit_checkpoints(RuntimeOrigin::signed(2), open, c, uri()),
				Error::<Test>::NotTheSolver
			);
			let short = SealedCommitment { checkpoints: 10, ..c };
			assert_noop!(
				ProofOfLearning::commit_checkpoints(
					RuntimeOrigin::signed(SOLVER),
					open,
					short,
					uri()
				),
				Error::<Test>::WrongCheckpointCount
			);
			let ftp = Uri::truncate_from(b"ftp://x".to_vec());
			assert_noop!(
				ProofOfLearning::commit_checkpoints(RuntimeOrigin::signed(SOLVER), open, c, ftp),
				Error::<Test>::UnsupportedArtifactUri
			);
			assert_ok!(ProofOfLearning::commit_checkpoints(
				RuntimeOrigin::signed(SOLVER),
				open,
				c,
				uri()
			));
			assert_noop!(
				ProofOfLearning::commit_checkpoints(RuntimeOrigin::signed(SOLVER), open, c, uri()),
				Error::<Test>::NotTraining
			);
		});
	}

	#[test]
	fn neither_solver_nor_submitter_verifies() {
		// The submitter and the solver are bonded verifiers too; four verifiers are wanted
		// but only three others are eligible: all three are drawn, and no one else.
		ExtBuilder::default()
			.verifiers(&[SUBMITTER, SOLVER, 10, 11, 12])
			.build_and_execute(|| {
				let (_, _, mut verifiers) = verifying_task(4, EXACT);
				verifiers.sort();
				assert_eq!(verifiers, vec![10, 11, 12]);
			});
	}
}

mod outcomes {
	use super::*;

	#[test]
	fn an_honest_task_settles_and_everyone_is_paid() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			let solver_free = free(SOLVER);
			commit_and_reveal(task, &verifiers, &[honest.clone(), honest.clone(), honest]);
			let record = Verifications::<Test>::get(task).unwrap();
			let Phase::ChallengeWindow { until } = record.phase else {
				panic!("{:?}", record.phase)
			};
			assert_eq!(task_phase(task), Some(TaskPhase::Verified));

			run_to_block(until);
			assert!(Verifications::<Test>::get(task).is_none());
			assert_eq!(task_phase(task), None);
			assert_eq!(free(SOLVER), solver_free + REWARD);
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
				assert_eq!(RoleStaking::collateral(v, Role::Verifier, task), 0);
				assert_eq!(bond(*v, Role::Verifier), BOND);
			}
			assert_eq!(free(SUBMITTER), ENDOWMENT - REWARD - 3 * FEE);
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
			assert!(events_since_last_call()
				.contains(&Event::VerificationClosed { task, solver_paid: true }));
		});
	}

	#[test]
	fn a_faked_segment_goes_to_a_dispute_and_a_lost_one_fails_the_task() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let caught = verdict(&segments, &[segments[1]]);
			let treasury = free(TREASURY);
			commit_and_reveal(task, &verifiers, &[caught.clone(), caught.clone(), caught]);
			// Even a unanimous failure lets the solver defend: a dispute, challenger the first
			// finder.
			assert_eq!(
				opened_disputes(),
				vec![(task, Subject::Segment(segments[1]), verifiers[0], SOLVER)]
			);
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[1]),
				JuryVote::Wrong,
				&verifiers[0]
			));
			cancel_reopened(task);
			assert!(Verifications::<Test>::get(task).is_none());
			// Collateral is half the reward (300): half to the finder, half to the treasury.
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			assert_eq!(free(verifiers[0]), ENDOWMENT - BOND + FEE + REWARD / 4);
			assert_eq!(free(verifiers[1]), ENDOWMENT - BOND + FEE);
			assert_eq!(free(TREASURY), treasury + REWARD / 4);
			// The submitter gets its reward back and pays the verifiers who checked.
			assert_eq!(free(SUBMITTER), ENDOWMENT - 3 * FEE);
			let events = events_since_last_call();
			assert!(events.contains(&Event::VerificationFailed {
				task,
				subject: Subject::Segment(segments[1]),
				finder: verifiers[0]
			}));
			assert!(events.contains(&Event::VerificationClosed { task, solver_paid: false }));
		});
	}

	#[test]
	fn a_wrong_initial_state_is_disputed_first_and_costs_every_verifier_that_passed_it() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			// One verifier fails a segment, one h_0, one nothing: on a tie the initial state
			// goes first.
			commit_and_reveal(
				task,
				&verifiers,
				&[
					verdict(&segments, &[segments[0]]),
					verdict_failing_initial_state(&segments, &[]),
					verdict(&segments, &[]),
				],
			);
			assert_eq!(
				opened_disputes(),
				vec![(task, Subject::InitialState, verifiers[1], SOLVER)]
			);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::InitialState,
				JuryVote::Holds,
				&verifiers[1]
			));
			// h_0 held: its accuser is slashed, the others keep their stake, and the segment
			// claim is disputed next.
			assert_eq!(bond(verifiers[1], Role::Verifier), BOND - COLLATERAL);
			assert_eq!(bond(verifiers[0], Role::Verifier), BOND);
			assert_eq!(bond(verifiers[2], Role::Verifier), BOND);
			assert_eq!(
				opened_disputes().last(),
				Some(&(task, Subject::Segment(segments[0]), verifiers[0], SOLVER))
			);
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
		});
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let chosen = verdict_failing_initial_state(&segments, &[]);
			let passes = verdict(&segments, &[]);
			commit_and_reveal(task, &verifiers, &[passes.clone(), chosen, passes]);
			assert_eq!(
				opened_disputes(),
				vec![(task, Subject::InitialState, verifiers[1], SOLVER)]
			);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::InitialState,
				JuryVote::Wrong,
				&verifiers[1]
			));
			cancel_reopened(task);
			// Every verdict vouched for h_0: both that passed it lose their collateral.
			assert_eq!(bond(verifiers[0], Role::Verifier), BOND - COLLATERAL);
			assert_eq!(bond(verifiers[1], Role::Verifier), BOND);
			assert_eq!(bond(verifiers[2], Role::Verifier), BOND - COLLATERAL);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			assert!(events_since_last_call().contains(&Event::VerificationFailed {
				task,
				subject: Subject::InitialState,
				finder: verifiers[1]
			}));
		});
	}

	#[test]
	fn a_segment_found_right_costs_every_verifier_that_failed_it() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			let fails = verdict(&segments, &[segments[0]]);
			commit_and_reveal(task, &verifiers, &[fails.clone(), fails, honest]);
			assert_eq!(
				opened_disputes(),
				vec![(task, Subject::Segment(segments[0]), verifiers[0], SOLVER)]
			);
			// The jury replayed the committed segment and found it right: both accusers were
			// wrong against committed data, not only the one that challenged.
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[0]),
				JuryVote::Holds,
				&verifiers[0]
			));
			assert_eq!(bond(verifiers[0], Role::Verifier), BOND - COLLATERAL);
			assert_eq!(bond(verifiers[1], Role::Verifier), BOND - COLLATERAL);
			assert_eq!(bond(verifiers[2], Role::Verifier), BOND);
			assert_eq!(opened_disputes().len(), 1, "nothing left to dispute");
			assert_eq!(task_phase(task), Some(TaskPhase::Verified));
			// The slashed accusers are former verifiers: never drawn again, never jurors.
			let mut of_task = ProofOfLearning::verifiers_of(task);
			of_task.sort();
			let mut expected = verifiers.clone();
			expected.sort();
			assert_eq!(of_task, expected);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.former_verifiers.to_vec(), vec![verifiers[0], verifiers[1]]);
		});
	}

	#[test]
	fn conflicting_verdicts_open_a_dispute() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			let accuse = verdict(&segments, &[segments[0]]);
			commit_and_reveal(task, &verifiers, &[honest.clone(), accuse, honest]);
			assert_eq!(
				opened_disputes(),
				vec![(task, Subject::Segment(segments[0]), verifiers[1], SOLVER)]
			);
			assert_eq!(Verifications::<Test>::get(task).unwrap().phase, Phase::Disputed);
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
			assert!(events_since_last_call().contains(&Event::VerificationDisputed {
				task,
				subject: Some(Subject::Segment(segments[0]))
			}));
			// A disputed verification waits for the dispute, whatever the block.
			run_to_block(System::block_number() + 20);
			assert_eq!(Verifications::<Test>::get(task).unwrap().phase, Phase::Disputed);
		});
	}

	#[test]
	fn a_false_accusation_is_slashed_and_the_task_settles() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			let accuse = verdict(&segments, &[segments[0]]);
			commit_and_reveal(task, &verifiers, &[honest.clone(), accuse, honest]);
			let solver_free = free(SOLVER);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[0]),
				JuryVote::Holds,
				&verifiers[1]
			));
			// The accuser loses its collateral, half to the solver; the rest pass, so the
			// challenge window opens again, and then the task settles.
			assert_eq!(bond(verifiers[1], Role::Verifier), BOND - COLLATERAL);
			let Phase::ChallengeWindow { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!("not in the challenge window")
			};
			assert_eq!(task_phase(task), Some(TaskPhase::Verified));
			run_to_block(until);
			assert_eq!(free(SOLVER), solver_free + REWARD + COLLATERAL / 2);
			assert_eq!(free(verifiers[0]), ENDOWMENT - BOND + FEE);
			assert_eq!(free(verifiers[1]), ENDOWMENT - BOND);
			// The accuser's fee goes back to the submitter.
			assert_eq!(free(SUBMITTER), ENDOWMENT - REWARD - 2 * FEE);
			assert!(Verifications::<Test>::get(task).is_none());
			assert_eq!(
				ProofOfLearning::resolved(
					task,
					Subject::Segment(segments[0]),
					JuryVote::Holds,
					&verifiers[1]
				),
				Err(DisputeError::NotDisputable)
			);
		});
	}

	#[test]
	fn checkpoints_the_jury_could_not_fetch_fail_the_solver_and_no_verifier() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let passes = verdict(&segments, &[]);
			let fails = verdict(&segments, &[segments[1]]);
			commit_and_reveal(task, &verifiers, &[passes.clone(), fails, passes]);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[1]),
				JuryVote::Unavailable,
				&verifiers[1]
			));
			assert!(events_since_last_call().contains(&Event::ArtifactsUnavailable { task }));
			cancel_reopened(task);
			// Nothing about the segment was shown: every verifier keeps its stake and its fee.
			for v in &verifiers {
				assert_eq!(bond(*v, Role::Verifier), BOND);
			}
			assert_eq!(free(verifiers[0]), ENDOWMENT - BOND + FEE);
			assert_eq!(free(verifiers[1]), ENDOWMENT - BOND + FEE + REWARD / 4);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
		});
	}

	#[test]
	fn lazy_verifiers_who_passed_a_wrong_segment_are_slashed() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let lazy = verdict(&segments, &[]);
			let caught = verdict(&segments, &[segments[1]]);
			commit_and_reveal(task, &verifiers, &[lazy.clone(), caught, lazy]);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[1]),
				JuryVote::Wrong,
				&verifiers[1]
			));
			cancel_reopened(task);
			for lazy in [verifiers[0], verifiers[2]] {
				assert_eq!(bond(lazy, Role::Verifier), BOND - COLLATERAL);
				assert_eq!(free(lazy), ENDOWMENT - BOND);
			}
			// The finder: its fee, half of each lazy verifier's collateral, half the solver's.
			assert_eq!(
				free(verifiers[1]),
				ENDOWMENT - BOND + FEE + 2 * (COLLATERAL / 2) + REWARD / 4
			);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			assert_eq!(free(SUBMITTER), ENDOWMENT - FEE);
		});
	}

	#[test]
	fn tolerance_mode_judges_by_distance() {
		ExtBuilder::default().build_and_execute(|| {
			let mode = VerificationMode::Tolerance {
				metric: DistanceMetric::L2,
				threshold: Distance::from_parts(5_000),
			};
			let (task, segments, verifiers) = verifying_task(1, mode);
			// Not bitwise, but within the threshold: passes.
			let close = Verdict::Checked {
				initial_state: initial_state(checkpoints()[0]),
				segments: SegmentReports::truncate_from(
					segments
						.iter()
						.map(|s| report(*s, [0xee; 32], Distance::from_parts(5_000)))
						.collect::<Vec<_>>(),
				),
			};
			commit_and_reveal(task, &verifiers, &[close]);
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
		});
	}

	#[test]
	fn a_full_dispute_pallet_is_retried_next_block() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			DISPUTES_FULL.with(|f| *f.borrow_mut() = true);
			let honest = verdict(&segments, &[]);
			let accuse = verdict(&segments, &[segments[0]]);
			commit_and_reveal(task, &verifiers, &[honest, accuse]);
			assert!(opened_disputes().is_empty());
			let at = System::block_number() + 1;
			assert_eq!(Verifications::<Test>::get(task).unwrap().phase, Phase::Deciding { at });
			DISPUTES_FULL.with(|f| *f.borrow_mut() = false);
			next_block();
			assert_eq!(opened_disputes().len(), 1);
			assert_eq!(Verifications::<Test>::get(task).unwrap().phase, Phase::Disputed);
		});
	}
}

mod challenges {
	use super::*;

	#[test]
	fn a_passed_verification_can_be_challenged_only_in_its_window() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(1, EXACT);
			assert_eq!(ProofOfLearning::challengeable(task), None);
			assert_eq!(ProofOfLearning::challenged(task), Err(DisputeError::NotDisputable));
			commit_and_reveal(task, &verifiers, &[verdict(&segments, &[])]);
			assert_eq!(
				ProofOfLearning::challengeable(task),
				Some(Challengeable {
					solver: SOLVER,
					submitter: SUBMITTER,
					commitment: commitment(),
					mode: EXACT,
				})
			);
			assert_ok!(ProofOfLearning::challenged(task));
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
			assert_eq!(ProofOfLearning::challenged(task), Err(DisputeError::AlreadyDisputed));
			assert_eq!(ProofOfLearning::challengeable(task), None);
			// No settlement while disputed.
			run_to_block(System::block_number() + 10);
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
			// The whistleblower lost: the window opens again for anyone else, then it settles.
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[0]),
				JuryVote::Holds,
				&WHISTLEBLOWER
			));
			assert_eq!(task_phase(task), Some(TaskPhase::Verified));
			assert!(ProofOfLearning::challengeable(task).is_some());
			run_to_block(System::block_number() + ChallengeWindow::get());
			assert_eq!(task_phase(task), None);
		});
	}

	#[test]
	fn a_whistleblower_proving_an_unsampled_segment_wrong_fails_the_task() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			commit_and_reveal(
				task,
				&verifiers,
				&[verdict(&segments, &[]), verdict(&segments, &[])],
			);
			let unsampled = (0..10).find(|s| !segments.contains(s)).unwrap();
			assert_ok!(ProofOfLearning::challenged(task));
			let whistleblower_free = free(WHISTLEBLOWER);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(unsampled),
				JuryVote::Wrong,
				&WHISTLEBLOWER
			));
			cancel_reopened(task);
			// Nobody was asked about that segment: no verifier loses anything, both are paid.
			for v in &verifiers {
				assert_eq!(bond(*v, Role::Verifier), BOND);
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
			}
			// The solver's collateral: half to the whistleblower.
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			assert_eq!(free(WHISTLEBLOWER), whistleblower_free + REWARD / 4);
			assert_eq!(free(SUBMITTER), ENDOWMENT - 2 * FEE);
			assert_eq!(task_phase(task), None);
		});
	}

	#[test]
	fn the_window_closing_settles() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(1, EXACT);
			commit_and_reveal(task, &verifiers, &[verdict(&segments, &[])]);
			run_to_block(System::block_number() + ChallengeWindow::get());
			assert_eq!(ProofOfLearning::challenged(task), Err(DisputeError::NotDisputable));
			assert_eq!(task_phase(task), None);
		});
	}
}

mod no_shows {
	use super::*;

	#[test]
	fn a_verifier_that_does_not_commit_is_slashed_and_replaced() {
		ExtBuilder::default().verifiers(&VERIFIERS).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let spare = *VERIFIERS.iter().find(|v| !verifiers.contains(v)).unwrap();
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[0], &honest);
			commit(task, verifiers[1], &honest);
			let Phase::Committing { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!()
			};
			events_since_last_call();
			run_to_block(until);
			assert_eq!(bond(verifiers[2], Role::Verifier), BOND - COLLATERAL / 10);
			assert_eq!(RoleStaking::collateral(&verifiers[2], Role::Verifier, task), 0);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.former_verifiers.to_vec(), vec![verifiers[2]]);
			assert_eq!(record.slots.len(), 3);
			assert_eq!(record.slots[2].verifier, spare);
			assert_eq!(record.phase, Phase::Committing { until: until + 5 });
			let events = events_since_last_call();
			assert!(events.contains(&Event::VerifierDropped {
				task,
				verifier: verifiers[2],
				slashed: COLLATERAL / 10
			}));
			// The replacement commits; everyone reveals; the task passes.
			commit(task, spare, &honest);
			for v in [verifiers[0], verifiers[1], spare] {
				assert_ok!(reveal(task, v, &honest));
			}
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
		});
	}

	#[test]
	fn without_a_replacement_the_committed_verifiers_reveal() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[0], &honest);
			let Phase::Committing { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!()
			};
			run_to_block(until);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.slots.len(), 1);
			assert!(matches!(record.phase, Phase::Revealing { .. }));
			assert_ok!(reveal(task, verifiers[0], &honest));
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
		});
	}

	#[test]
	fn a_verifier_that_does_not_reveal_is_slashed_and_the_rest_decide() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let caught = verdict(&segments, &[segments[0]]);
			for v in &verifiers {
				commit(task, *v, &caught);
			}
			assert_ok!(reveal(task, verifiers[0], &caught));
			assert_ok!(reveal(task, verifiers[1], &caught));
			let Phase::Revealing { until } = Verifications::<Test>::get(task).unwrap().phase else {
				panic!()
			};
			run_to_block(until);
			// Committed and withheld: the whole collateral, as a wrong verdict costs.
			assert_eq!(bond(verifiers[2], Role::Verifier), BOND - COLLATERAL);
			assert_eq!(
				opened_disputes(),
				vec![(task, Subject::Segment(segments[0]), verifiers[0], SOLVER)]
			);
			assert_ok!(ProofOfLearning::resolved(
				task,
				Subject::Segment(segments[0]),
				JuryVote::Wrong,
				&verifiers[0]
			));
			cancel_reopened(task);
			assert!(Verifications::<Test>::get(task).is_none());
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			// The silent verifier is not paid; its fee returns to the submitter.
			assert_eq!(free(SUBMITTER), ENDOWMENT - 2 * FEE);
		});
	}

	#[test]
	fn if_nobody_reveals_a_fresh_set_is_drawn() {
		ExtBuilder::default().verifiers(&VERIFIERS).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(1, EXACT);
			commit(task, verifiers[0], &verdict(&segments, &[]));
			let Phase::Revealing { until } = Verifications::<Test>::get(task).unwrap().phase else {
				panic!()
			};
			run_to_block(until);
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(matches!(record.phase, Phase::Committing { .. }));
			assert_eq!(record.slots.len(), 1);
			assert_ne!(record.slots[0].verifier, verifiers[0]);
		});
	}

	#[test]
	fn a_verification_nobody_judges_is_abandoned_without_slashing() {
		ExtBuilder::default().verifiers(&[]).build_and_execute(|| {
			let task = training_task(2, EXACT);
			commit_sealed(task);
			// The first draw, then two redraws (MaxVerificationRounds = 3), all finding nobody.
			run_to_block(System::block_number() + SamplingDelay::get() + 3 * CommitWindow::get());
			assert!(Verifications::<Test>::get(task).is_none());
			assert_eq!(task_phase(task), None);
			assert_eq!(free(SUBMITTER), ENDOWMENT);
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
			assert_eq!(RoleStaking::collateral(&SOLVER, Role::Solver, task), 0);
			assert_eq!(VerificationCount::<Test>::get(), 0);
			assert!(events_since_last_call().contains(&Event::VerificationAbandoned { task }));
		});
	}

	#[test]
	fn with_no_verifier_bonded_the_draw_waits() {
		ExtBuilder::default().verifiers(&[]).build_and_execute(|| {
			let task = training_task(2, EXACT);
			commit_sealed(task);
			run_to_block(System::block_number() + SamplingDelay::get());
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(record.slots.is_empty());
			let Phase::Committing { until } = record.phase else { panic!() };
			assert!(events_since_last_call()
				.contains(&Event::VerifiersUnavailable { task, retry_at: until }));
			assert_ok!(RoleStaking::bond(RuntimeOrigin::signed(10), Role::Verifier, BOND, None));
			run_to_block(until);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.slots.iter().map(|s| s.verifier).collect::<Vec<_>>(), vec![10]);
		});
	}
}

mod unavailable_artifacts {
	use super::*;

	/// Runs to the end of a phase a declaration or the last reveal cut short: the randomness
	/// delay later, whose hook judges the round and draws empty seats again.
	fn after_the_delay() {
		run_to_block(System::block_number() + SamplingDelay::get());
	}

	/// `who` declares the checkpoints of `task` unavailable.
	fn declare(task: TaskId, who: AccountId) {
		assert_ok!(ProofOfLearning::declare_unavailable(RuntimeOrigin::signed(who), task));
	}

	/// Whether any verdict of `task` has been revealed.
	fn any_revealed(task: TaskId) -> bool {
		Verifications::<Test>::get(task).is_some_and(|r| r.slots.iter().any(|s| s.failed.is_some()))
	}

	#[test]
	fn a_declaration_frees_the_verifier_and_its_seat_is_drawn_again_before_the_reveals() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[1], &honest);
			declare(task, verifiers[0]);
			assert!(events_since_last_call().contains(&Event::ArtifactsDeclaredUnavailable {
				task,
				verifier: verifiers[0],
				declarations: 1
			}));
			// Neither slashed nor still locked.
			assert_eq!(bond(verifiers[0], Role::Verifier), BOND);
			assert_eq!(RoleStaking::collateral(&verifiers[0], Role::Verifier, task), 0);
			// The empty seat is drawn again by the hook the randomness delay later, while the
			// other verdict is still only a commitment: the newcomer has nothing to copy.
			after_the_delay();
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(matches!(record.phase, Phase::Committing { .. }), "{:?}", record.phase);
			assert_eq!(record.slots.len(), 2);
			assert!(!any_revealed(task));
			let newcomer = record.slots.iter().map(|s| s.verifier).find(|v| *v != verifiers[1]);
			let newcomer = newcomer.unwrap();
			assert!(!verifiers.contains(&newcomer));
			commit(task, newcomer, &honest);
			assert_ok!(reveal(task, verifiers[1], &honest));
			assert_ok!(reveal(task, newcomer, &honest));
			let Phase::ChallengeWindow { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!()
			};
			run_to_block(until);
			assert_eq!(task_phase(task), None);
			// The declarer did no checking it could prove: not paid, and outvoted, it lost
			// standing.
			assert_eq!(free(verifiers[0]), ENDOWMENT - BOND);
			assert!(reputation(verifiers[0]) < pallet_role_staking::REPUTATION_ONE);
			assert_eq!(free(verifiers[1]), ENDOWMENT - BOND + FEE);
			assert_eq!(free(newcomer), ENDOWMENT - BOND + FEE);
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
		});
	}

	#[test]
	fn enough_declarations_fail_the_task_and_slash_the_solver() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, _, verifiers) = verifying_task(2, EXACT);
			let submitter_free = free(SUBMITTER);
			declare(task, verifiers[0]);
			declare(task, verifiers[1]);
			// Judged by the hook the randomness delay later.
			assert_eq!(task_phase(task), Some(TaskPhase::Verifying));
			after_the_delay();
			assert!(events_since_last_call().contains(&Event::ArtifactsUnavailable { task }));
			assert!(Verifications::<Test>::get(task).is_none());
			cancel_reopened(task);
			assert_eq!(task_phase(task), None);
			// The solver committed to checkpoints it would not serve: its collateral is gone,
			// the submitter has its reward and fees back, the declarers lose nothing, and the
			// majority they formed earns them standing.
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			assert_eq!(free(SUBMITTER), submitter_free + REWARD + 2 * FEE);
			for v in &verifiers {
				assert_eq!(bond(*v, Role::Verifier), BOND);
				assert_eq!(free(*v), ENDOWMENT - BOND);
				assert!(
					reputation(*v) > pallet_role_staking::REPUTATION_ONE,
					"verifier {v} earned no standing"
				);
			}
		});
	}

	#[test]
	fn declarations_outnumbered_by_verdicts_do_not_fail_the_solver() {
		// One of three verifiers declares: its seat is drawn again before the reveals, and
		// the three verdicts outnumber the declaration and decide.
		ExtBuilder::default().verifiers(&VERIFIERS).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			declare(task, verifiers[0]);
			commit(task, verifiers[1], &honest);
			commit(task, verifiers[2], &honest);
			after_the_delay();
			assert!(!events_since_last_call().contains(&Event::ArtifactsUnavailable { task }));
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(matches!(record.phase, Phase::Committing { .. }), "{:?}", record.phase);
			assert_eq!(record.declarations(), 1);
			let newcomer = record
				.slots
				.iter()
				.map(|s| s.verifier)
				.find(|v| !verifiers.contains(v))
				.unwrap();
			commit(task, newcomer, &honest);
			for v in [verifiers[1], verifiers[2], newcomer] {
				assert_ok!(reveal(task, v, &honest));
			}
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
		});
	}

	#[test]
	fn declarations_that_outnumber_the_verdicts_fail_the_solver() {
		// Two verifiers could not fetch the checkpoints, one could: the solver showed them to
		// a minority of its verifiers (an accomplice, say), which must not be enough. Nobody
		// more is drawn; the one verdict is revealed and paid, then the task fails.
		ExtBuilder::default().verifiers(&VERIFIERS).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[0], &honest);
			declare(task, verifiers[1]);
			declare(task, verifiers[2]);
			after_the_delay();
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(matches!(record.phase, Phase::Revealing { .. }), "{:?}", record.phase);
			assert_eq!(record.slots.len(), 1, "nobody was drawn in the declarers' seats");
			assert_ok!(reveal(task, verifiers[0], &honest));
			after_the_delay();
			assert!(events_since_last_call().contains(&Event::ArtifactsUnavailable { task }));
			cancel_reopened(task);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			// The verifier that revealed a verdict did its work and is paid; nobody is slashed.
			assert_eq!(free(verifiers[0]), ENDOWMENT - BOND + FEE);
			for v in &verifiers {
				assert_eq!(bond(*v, Role::Verifier), BOND);
			}
		});
	}

	#[test]
	fn one_declaration_alone_never_fails_a_solver() {
		// The one verifier of the task declares. One verdict against one declaration would be
		// a tie, no majority either way, so two seats are drawn in its place; their verdicts
		// outnumber the declaration and decide, and they share the one fee escrowed.
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(1, EXACT);
			declare(task, verifiers[0]);
			after_the_delay();
			let record = Verifications::<Test>::get(task).unwrap();
			let newcomers: Vec<AccountId> = record.slots.iter().map(|s| s.verifier).collect();
			assert_eq!(newcomers.len(), 2, "one seat more than the declarations");
			assert!(!newcomers.contains(&verifiers[0]));
			let honest = verdict(&segments, &[]);
			for v in &newcomers {
				commit(task, *v, &honest);
			}
			for v in &newcomers {
				assert_ok!(reveal(task, *v, &honest));
			}
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
			let solver_free = free(SOLVER);
			while Verifications::<Test>::get(task).is_some() {
				next_block();
			}
			assert_eq!(free(SOLVER), solver_free + REWARD);
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
			for v in &newcomers {
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE / 2, "the fee is shared");
			}
		});
	}

	#[test]
	fn a_tie_with_nobody_left_to_draw_is_abandoned_unrevealed() {
		// Two seats and only two verifiers in the draw: one commits, one declares. One seat
		// committed cannot outnumber the declaration, so its verdict is never revealed (a
		// seat drawn later could copy it); nobody can break the tie, the rounds run out, and
		// the solver is neither paid nor slashed.
		ExtBuilder::default().verifiers(&VERIFIERS[..2]).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			commit(task, verifiers[0], &verdict(&segments, &[]));
			declare(task, verifiers[1]);
			let solver_free = free(SOLVER);
			while let Some(record) = Verifications::<Test>::get(task) {
				assert!(matches!(record.phase, Phase::Committing { .. }), "{:?}", record.phase);
				next_block();
			}
			assert!(events_since_last_call().contains(&Event::VerificationAbandoned { task }));
			assert_eq!(task_phase(task), None);
			assert_eq!(free(SOLVER), solver_free);
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
			for v in verifiers {
				assert_eq!(bond(v, Role::Verifier), BOND);
			}
		});
	}

	#[test]
	fn a_verifier_joining_late_is_seated_before_any_verdict_is_revealed() {
		// As above, but a verifier joins the pool while the tie waits: it is drawn into the
		// declarer's seat while the other verdict is still only a commitment.
		ExtBuilder::default().verifiers(&VERIFIERS[..2]).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[0], &honest);
			declare(task, verifiers[1]);
			after_the_delay();
			let late = VERIFIERS[2];
			assert_ok!(RoleStaking::bond(RuntimeOrigin::signed(late), Role::Verifier, BOND, None));
			let seated =
				|task| Verifications::<Test>::get(task).is_some_and(|r| r.slot_of(&late).is_some());
			for _ in 0..100 {
				if seated(task) {
					break;
				}
				assert!(!any_revealed(task));
				next_block();
			}
			assert!(seated(task), "the late verifier was never drawn");
			assert!(!any_revealed(task), "a verdict was revealed before the seat was filled");
			commit(task, late, &honest);
			assert_ok!(reveal(task, verifiers[0], &honest));
			assert_ok!(reveal(task, late, &honest));
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
		});
	}

	#[test]
	fn silent_seats_never_count_for_the_declarers() {
		// Of four seats two declare, one commits and one stays silent. The silent seat is
		// drawn again before anything is judged: two declarations against one commitment do
		// not fail the solver while seats can still be filled.
		let pool = [10, 11, 12, 13, 14, 16, 17, 18];
		ExtBuilder::default().verifiers(&pool).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(4, EXACT);
			let honest = verdict(&segments, &[]);
			declare(task, verifiers[0]);
			declare(task, verifiers[1]);
			commit(task, verifiers[2], &honest);
			let Phase::Committing { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!()
			};
			run_to_block(until);
			assert!(!events_since_last_call().contains(&Event::ArtifactsUnavailable { task }));
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(matches!(record.phase, Phase::Committing { .. }), "{:?}", record.phase);
			let newcomers: Vec<AccountId> = record
				.slots
				.iter()
				.map(|s| s.verifier)
				.filter(|v| !verifiers.contains(v))
				.collect();
			assert_eq!(newcomers.len(), 3, "the silent seat and the declarers' were drawn again");
			for v in &newcomers {
				commit(task, *v, &honest);
			}
			for v in newcomers.iter().chain([&verifiers[2]]) {
				assert_ok!(reveal(task, *v, &honest));
			}
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
		});
	}

	#[test]
	fn a_silent_seat_never_shields_a_solver_its_declarers_outnumber() {
		// Of three seats two declare and one stays silent: even had it committed, the
		// declarations would outnumber it, so the task fails at once.
		ExtBuilder::default().build_and_execute(|| {
			let (task, _, verifiers) = verifying_task(3, EXACT);
			declare(task, verifiers[0]);
			declare(task, verifiers[1]);
			let Phase::Committing { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!()
			};
			run_to_block(until);
			assert!(events_since_last_call().contains(&Event::ArtifactsUnavailable { task }));
			cancel_reopened(task);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
		});
	}

	#[test]
	fn one_committed_accomplice_among_silent_seats_is_never_paid() {
		// The solver serves its accomplice only and stalls everyone else, whose seats stay
		// silent round after round. The last round has one commitment against silent seats
		// that outnumber it: no majority, so the task is abandoned, the solver unpaid.
		let pool = [10, 11, 12, 13, 14, 16, 17, 18];
		ExtBuilder::default().verifiers(&pool).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(3, EXACT);
			let accomplice = verifiers[0];
			commit(task, accomplice, &verdict(&segments, &[]));
			let solver_free = free(SOLVER);
			while let Some(record) = Verifications::<Test>::get(task) {
				assert!(matches!(record.phase, Phase::Committing { .. }), "{:?}", record.phase);
				next_block();
			}
			assert!(events_since_last_call().contains(&Event::VerificationAbandoned { task }));
			assert_eq!(free(SOLVER), solver_free, "the solver was paid");
			assert_eq!(bond(accomplice, Role::Verifier), BOND);
		});
	}

	#[test]
	fn declarations_in_the_last_round_never_abandon_a_committed_majority() {
		// Five seats: one declares and four commit; the declarer's seat goes to a cartel
		// member twice more, each declaring. The rounds run out with four commitments against
		// three declarations: the four verdicts decide rather than the task being abandoned.
		let pool = [10, 11, 12, 13, 14, 16, 17, 18];
		ExtBuilder::default().verifiers(&pool).build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(5, EXACT);
			let honest = verdict(&segments, &[]);
			declare(task, verifiers[0]);
			for v in &verifiers[1..] {
				commit(task, *v, &honest);
			}
			for _ in 0..2 {
				after_the_delay();
				let record = Verifications::<Test>::get(task).unwrap();
				let newcomer = record.slots.iter().find(|s| s.commitment.is_none()).unwrap();
				declare(task, newcomer.verifier);
			}
			after_the_delay();
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(matches!(record.phase, Phase::Revealing { .. }), "{:?}", record.phase);
			assert_eq!(record.declarations(), 3);
			for v in &verifiers[1..] {
				assert_ok!(reveal(task, *v, &honest));
			}
			assert!(matches!(
				Verifications::<Test>::get(task).unwrap().phase,
				Phase::ChallengeWindow { .. }
			));
		});
	}

	#[test]
	fn a_declaration_is_refused_outside_its_seats_commit_phase() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			let honest = verdict(&segments, &[]);
			let declare_as = |who: AccountId, task: TaskId| {
				ProofOfLearning::declare_unavailable(RuntimeOrigin::signed(who), task)
			};
			assert_noop!(declare_as(verifiers[0], 77), Error::<Test>::NoVerification);
			assert_noop!(declare_as(SOLVER, task), Error::<Test>::NotAVerifier);
			commit(task, verifiers[0], &honest);
			// A verdict committed is revealed (or its whole collateral lost), never swapped for
			// a declaration once the others can be seen.
			assert_noop!(declare_as(verifiers[0], task), Error::<Test>::AlreadyCommitted);
			commit(task, verifiers[1], &honest);
			assert_noop!(declare_as(verifiers[1], task), Error::<Test>::NotCommitting);
		});
	}
}

mod bad_input {
	use super::*;

	#[test]
	fn commit_verdict_errors() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			assert_noop!(
				ProofOfLearning::commit_verdict(RuntimeOrigin::signed(10), 77, [0; 32]),
				Error::<Test>::NoVerification
			);
			assert_noop!(
				ProofOfLearning::commit_verdict(RuntimeOrigin::signed(SOLVER), task, [0; 32]),
				Error::<Test>::NotAVerifier
			);
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[0], &honest);
			assert_noop!(
				ProofOfLearning::commit_verdict(RuntimeOrigin::signed(verifiers[0]), task, [1; 32]),
				Error::<Test>::AlreadyCommitted
			);
			// Revealing before everyone committed is refused.
			assert_noop!(reveal(task, verifiers[0], &honest), Error::<Test>::NotRevealing);
			commit(task, verifiers[1], &honest);
			assert_noop!(
				ProofOfLearning::commit_verdict(RuntimeOrigin::signed(verifiers[1]), task, [1; 32]),
				Error::<Test>::NotCommitting
			);
		});
	}

	#[test]
	fn reveal_errors_change_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			let honest = verdict(&segments, &[]);
			let other_segments: Vec<u32> =
				(0..10).filter(|s| !segments.contains(s)).take(2).collect();
			let unassigned = verdict(&other_segments, &[]);
			let mut bad_proof = honest.clone();
			let Verdict::Checked { segments, .. } = &mut bad_proof;
			segments[0].start_proof = segments[1].start_proof.clone();
			commit(task, verifiers[0], &unassigned);
			commit(task, verifiers[1], &bad_proof);
			let before = Verifications::<Test>::get(task).unwrap();

			assert_noop!(reveal(task, SOLVER, &honest), Error::<Test>::NotAVerifier);
			// Not what was committed to.
			assert_noop!(reveal(task, verifiers[0], &honest), Error::<Test>::CommitmentMismatch);
			assert_noop!(
				ProofOfLearning::reveal_verdict(
					RuntimeOrigin::signed(verifiers[0]),
					task,
					unassigned.clone(),
					[0; 32]
				),
				Error::<Test>::CommitmentMismatch
			);
			// What was committed to, but about segments nobody asked for.
			assert_noop!(reveal(task, verifiers[0], &unassigned), Error::<Test>::WrongSegments);
			// What was committed to, with a proof that does not match the solver's root.
			assert_noop!(reveal(task, verifiers[1], &bad_proof), Error::<Test>::InvalidProof);
			assert_eq!(Verifications::<Test>::get(task).unwrap(), before);
		});
	}

	#[test]
	fn a_verdict_is_revealed_once_and_not_after_the_deadline() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, segments, verifiers) = verifying_task(2, EXACT);
			let honest = verdict(&segments, &[]);
			commit(task, verifiers[0], &honest);
			commit(task, verifiers[1], &honest);
			assert_ok!(reveal(task, verifiers[0], &honest));
			assert_noop!(reveal(task, verifiers[0], &honest), Error::<Test>::AlreadyRevealed);
			let Phase::Revealing { until } = Verifications::<Test>::get(task).unwrap().phase else {
				panic!()
			};
			run_to_block(until);
			assert_noop!(reveal(task, verifiers[1], &honest), Error::<Test>::NotRevealing);
		});
	}
}

mod invariants {
	use super::*;

	#[test]
	fn try_state_catches_broken_bookkeeping() {
		ExtBuilder::default().build().execute_with(|| {
			let (task, _, verifiers) = verifying_task(2, EXACT);
			assert_ok!(ProofOfLearning::do_try_state());
			RoleStaking::release_collateral(&verifiers[0], Role::Verifier, task);
			assert!(ProofOfLearning::do_try_state().is_err());
			assert_ok!(RoleStaking::lock_collateral(
				&verifiers[0],
				Role::Verifier,
				task,
				COLLATERAL
			));
			assert_ok!(ProofOfLearning::do_try_state());
			VerificationCount::<Test>::put(7);
			assert!(ProofOfLearning::do_try_state().is_err());
			VerificationCount::<Test>::put(1);
			let (block, entries) = Schedule::<Test>::iter().next().unwrap();
			Schedule::<Test>::remove(block);
			assert!(ProofOfLearning::do_try_state().is_err());
			// Overdue before its block came: also wrong.
			OverdueSchedule::<Test>::put(entries.clone());
			assert!(ProofOfLearning::do_try_state().is_err());
			OverdueSchedule::<Test>::kill();
			Schedule::<Test>::insert(block, entries);
			assert_ok!(ProofOfLearning::do_try_state());
		});
	}
}

/// Issue 14, forced errors: each test is the sequence of calls a solver, lazy verifiers or
/// honest ones make, with the odds at 100 % so that the test solver is forced.
mod forced_errors {
	use super::*;
	use assay_primitives::merkle_proof;

	/// A verification whose solver is forced, with `replaying[i]` telling whether verifier
	/// `i` replays or copies; returns the task, the forced segment and the verifiers.
	fn forced_task(replaying: &[bool]) -> (TaskId, u32, Vec<AccountId>) {
		// Half the 600 reward is taxed: a forced error pays at most 150 (half the tax at
		// 100 % odds).
		TaskPoolJackpotTax::set(Perbill::from_percent(50));
		assert_ok!(ProofOfLearning::set_forced_error_odds(RuntimeOrigin::root(), Perbill::one()));
		let (task, _, verifiers) = verifying_task(replaying.len() as u16, EXACT);
		let record = Verifications::<Test>::get(task).unwrap();
		let forced = crate::testing::forced(task, &record).expect("forced at 100 %");
		// Only the solver knows: the shown root is all the verifiers see.
		assert_ne!(record.commitment.root, commitment().root);
		let verdicts: Vec<Verdict> =
			replaying.iter().map(|replays| verdict_on_shown(task, *replays)).collect();
		for (v, d) in verifiers.iter().zip(&verdicts) {
			commit(task, *v, d);
		}
		for (v, d) in verifiers.iter().zip(&verdicts) {
			assert_ok!(reveal(task, *v, d));
		}
		(task, forced, verifiers)
	}

	#[test]
	fn verifiers_that_find_a_forced_error_share_the_jackpot_and_the_honest_solver_is_paid() {
		ExtBuilder::default().build_and_execute(|| {
			fund_jackpot(600);
			let solver_free = free(SOLVER);
			events_since_last_call();
			let (task, forced, verifiers) = forced_task(&[true, true, true]);
			let events = events_since_last_call();
			assert!(events.contains(&Event::CheckpointsDisclosed {
				task,
				root: commitment().root,
				forced: Some(forced),
			}));
			// 150 of the 600 held (half the task's tax at 100 % odds): 50 each.
			assert!(events.iter().any(|e| matches!(
				e,
				Event::ForcedErrorSettled { segment, prize: 150, missed, .. }
					if *segment == forced && missed.is_empty()
			)));
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + 50);
			}
			// The forced segment left the sample; the rest passed: the challenge window opens
			// on the true root, and the solver is paid in full.
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(!record.segments.contains(&forced));
			assert_eq!(record.commitment.root, commitment().root);
			assert!(matches!(record.phase, Phase::ChallengeWindow { .. }));
			run_to_block(System::block_number() + ChallengeWindow::get() + 1);
			assert_eq!(task_phase(task), None);
			// Paid as for any task: the reward less the tax every settled task pays.
			assert_eq!(free(SOLVER), solver_free + REWARD / 2);
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + 50 + FEE);
				assert_eq!(bond(*v, Role::Verifier), BOND);
			}
		});
	}

	#[test]
	fn a_verifier_that_passes_a_forced_error_loses_its_collateral_and_fee() {
		ExtBuilder::default().build_and_execute(|| {
			fund_jackpot(600);
			let treasury = free(TREASURY);
			let (task, forced, verifiers) = forced_task(&[true, false, true]);
			let lazy = verifiers[1];
			assert_eq!(bond(lazy, Role::Verifier), BOND - COLLATERAL);
			assert_eq!(free(TREASURY), treasury + COLLATERAL);
			// The two that replayed share the prize.
			assert_eq!(free(verifiers[0]), ENDOWMENT - BOND + 75);
			assert_eq!(free(verifiers[2]), ENDOWMENT - BOND + 75);
			let record = Verifications::<Test>::get(task).unwrap();
			assert!(record.former_verifiers.contains(&lazy));
			assert!(!record.segments.contains(&forced));
			run_to_block(System::block_number() + ChallengeWindow::get() + 1);
			assert_eq!(task_phase(task), None);
			assert_eq!(free(lazy), ENDOWMENT - BOND, "the lazy verifier was paid no fee");
		});
	}

	#[test]
	fn an_empty_jackpot_pays_nothing_and_the_task_still_settles() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, _, verifiers) = forced_task(&[true, true]);
			assert!(events_since_last_call()
				.iter()
				.any(|e| matches!(e, Event::ForcedErrorSettled { prize: 0, .. })));
			run_to_block(System::block_number() + ChallengeWindow::get() + 1);
			assert_eq!(task_phase(task), None);
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
			}
		});
	}

	/// A task whose checkpoints are sealed and sampled, its solver left to act by hand.
	fn sampled_with_a_silent_solver() -> TaskId {
		let task = training_task(2, EXACT);
		crate::testing::silence(task);
		commit_sealed(task);
		run_to_block(System::block_number() + SamplingDelay::get());
		task
	}

	/// A task whose two verifiers revealed passing verdicts, its solver left to disclose by
	/// hand; returns it and the verifiers.
	fn revealed_with_a_silent_solver() -> (TaskId, Vec<AccountId>) {
		let (task, segments, verifiers) = verifying_task(2, EXACT);
		crate::testing::silence(task);
		let passing = verdict(&segments, &[]);
		commit_and_reveal(task, &verifiers, &[passing.clone(), passing]);
		(task, verifiers)
	}

	#[test]
	fn a_solver_that_does_not_show_its_root_fails() {
		ExtBuilder::default().build_and_execute(|| {
			let task = sampled_with_a_silent_solver();
			let record = Verifications::<Test>::get(task).unwrap();
			let Phase::Showing { until } = record.phase else { panic!("{:?}", record.phase) };
			run_to_block(until);
			assert!(events_since_last_call().contains(&Event::SealBroken { task }));
			assert!(Verifications::<Test>::get(task).is_none());
			// The solver lost its collateral (half the reward); nobody checked, nobody is paid.
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			for v in &VERIFIERS[..3] {
				assert_eq!(RoleStaking::collateral(v, Role::Verifier, task), 0);
				assert_eq!(free(*v), ENDOWMENT - BOND);
			}
		});
	}

	#[test]
	fn a_solver_that_does_not_disclose_fails_and_the_verifiers_are_paid() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, verifiers) = revealed_with_a_silent_solver();
			let Phase::Disclosing { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!("not disclosing")
			};
			run_to_block(until);
			assert!(events_since_last_call().contains(&Event::SealBroken { task }));
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
			}
		});
	}

	/// The solver may not get out of a forced error, nor claim one it was not dealt, nor show
	/// anything but its sealed checkpoints.
	#[test]
	fn a_disclosure_must_open_the_seal_exactly() {
		ExtBuilder::default().build_and_execute(|| {
			let (task, _) = revealed_with_a_silent_solver();
			let secret = crate::testing::secret(task);
			let root = commitment().root;
			let disclose = |who, secret, root, leaf| {
				ProofOfLearning::disclose(RuntimeOrigin::signed(who), task, secret, root, leaf)
			};
			assert_noop!(disclose(2, secret, root, None), Error::<Test>::NotTheSolver);
			assert_noop!(disclose(SOLVER, [0; 32], root, None), Error::<Test>::WrongDisclosure);
			assert_noop!(disclose(SOLVER, secret, [0; 32], None), Error::<Test>::WrongDisclosure);
			// Not forced (the odds are zero): claiming a forced leaf is refused.
			let hashes = checkpoints();
			let fake = ForcedLeaf {
				shown: [7; 32],
				truth: hashes[3],
				proof: merkle_proof(&hashes, 3).unwrap(),
			};
			assert_noop!(
				disclose(SOLVER, secret, root, Some(fake)),
				Error::<Test>::WrongDisclosure
			);
			assert_ok!(disclose(SOLVER, secret, root, None));
			assert_noop!(disclose(SOLVER, secret, root, None), Error::<Test>::NotDisclosing);
		});
	}

	/// A solver that learns the sample, then shows a root other than its sealed one (say,
	/// to mend a faked sampled segment) cannot open its seal: it fails.
	#[test]
	fn a_solver_that_shows_other_checkpoints_than_it_sealed_fails() {
		ExtBuilder::default().build_and_execute(|| {
			let task = sampled_with_a_silent_solver();
			let mut mended = checkpoints();
			mended[4] = [0x44; 32];
			let shown = assay_primitives::merkle_root(&mended);
			assert_ok!(ProofOfLearning::show_checkpoints(
				RuntimeOrigin::signed(SOLVER),
				task,
				shown
			));
			let verifiers: Vec<AccountId> = Verifications::<Test>::get(task)
				.unwrap()
				.slots
				.iter()
				.map(|s| s.verifier)
				.collect();
			let honest = verdict_on(task, &mended, mended[0], |s| mended[s as usize + 1]);
			let verdicts = vec![honest.clone(), honest];
			commit_and_reveal(task, &verifiers, &verdicts);
			let secret = crate::testing::secret(task);
			for root in [shown, commitment().root] {
				assert_noop!(
					ProofOfLearning::disclose(
						RuntimeOrigin::signed(SOLVER),
						task,
						secret,
						root,
						None
					),
					Error::<Test>::WrongDisclosure
				);
			}
			let Phase::Disclosing { until } = Verifications::<Test>::get(task).unwrap().phase
			else {
				panic!("not disclosing")
			};
			run_to_block(until);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
		});
	}

	/// In `Tolerance` mode the solver could show an end within the threshold of the truth, so
	/// that honest verifiers pass it and are slashed: such tasks are never forced.
	#[test]
	fn a_tolerance_task_is_never_forced() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(ProofOfLearning::set_forced_error_odds(
				RuntimeOrigin::root(),
				Perbill::one()
			));
			let tolerance = VerificationMode::Tolerance {
				metric: DistanceMetric::L2,
				threshold: Distance::from_parts(1_000),
			};
			let (task, _, _) = verifying_task(2, tolerance);
			let record = Verifications::<Test>::get(task).unwrap();
			assert_eq!(record.forced_odds, Perbill::zero());
			assert_eq!(crate::testing::forced(task, &record), None);
			assert_eq!(record.commitment.root, commitment().root);
		});
	}

	#[test]
	fn only_root_sets_the_odds() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProofOfLearning::set_forced_error_odds(RuntimeOrigin::signed(1), Perbill::one()),
				sp_runtime::traits::BadOrigin
			);
			assert_ok!(ProofOfLearning::set_forced_error_odds(
				RuntimeOrigin::root(),
				Perbill::from_percent(3)
			));
			assert_eq!(ForcedErrorOdds::<Test>::get(), Some(Perbill::from_percent(3)));
		});
	}
}
