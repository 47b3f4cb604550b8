use crate::{
	mock::{Dispute, RoleStaking, *},
	Error, Event, *,
};
use assay_primitives::{challenge_commitment, sha256, TaskPhase};
use frame_support::{assert_noop, assert_ok};

/// The whistleblower's claim on segment `s` of `hashes`, with its proofs: its honest replay's
/// end state where the solver faked it, a made-up one where the solver is honest (a false
/// challenge).
fn challenge_of(hashes: &[Sha256], s: u32) -> SegmentReport {
	let honest = honest_report(hashes, s);
	let replayed_hash =
		if honest.replayed_hash != honest.end_hash { honest.replayed_hash } else { [0x66; 32] };
	SegmentReport { replayed_hash, ..honest }
}

/// Commits `who` to `report`'s claim on `task`, then, in the next block, challenges with it.
fn commit_and_challenge(who: AccountId, task: TaskId, report: Report) -> DispatchResult {
	let commitment = challenge_commitment(task, &who, &report.claim());
	Dispute::commit_challenge(RuntimeOrigin::signed(who), task, commitment)?;
	next_block();
	Dispute::challenge(RuntimeOrigin::signed(who), task, report)
}

fn challenge(task: TaskId, hashes: &[Sha256], s: u32) -> DispatchResult {
	commit_and_challenge(WHISTLEBLOWER, task, Report::Segment(challenge_of(hashes, s)))
}

/// A task whose two verifiers passed `hashes` lazily: its challenge window is open.
fn passed_task(hashes: &[Sha256]) -> (TaskId, Vec<u32>, Vec<AccountId>) {
	let (task, segments, verifiers) = verifying_task(2, hashes);
	verify(task, &verifiers, |_| verdict_from(hashes, &segments, |s| lazy_report(hashes, s)));
	assert!(matches!(
		verification_phase(task),
		Some(pallet_proof_of_learning::Phase::ChallengeWindow { .. })
	));
	(task, segments, verifiers)
}

mod scenarios {
	use super::*;

	#[test]
	fn an_honest_task_settles_and_everyone_is_paid() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, segments, verifiers) = verifying_task(3, &hashes);
			verify(task, &verifiers, |_| {
				verdict_from(&hashes, &segments, |s| honest_report(&hashes, s))
			});
			let solver_free = free(SOLVER);
			run_to_block(System::block_number() + 5);
			assert_eq!(task_phase(task), None);
			assert_eq!(free(SOLVER), solver_free + REWARD);
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
			}
			assert_eq!(free(SUBMITTER), ENDOWMENT - REWARD - 3 * FEE);
		});
	}

	#[test]
	fn a_faked_segment_is_caught_and_the_solver_slashed() {
		ExtBuilder::build_and_execute(|| {
			// The solver fakes every sampled segment's end (faking one of ten would only be
			// caught with probability 1/5 here).
			let honest = committed_checkpoints(None);
			let mut hashes = honest.clone();
			for h in hashes.iter_mut().skip(1) {
				*h = sha256(h);
			}
			let (task, segments, verifiers) = verifying_task(3, &hashes);
			verify(task, &verifiers, |_| {
				verdict_from(&hashes, &segments, |s| honest_report(&hashes, s))
			});
			// Every verdict fails a segment; still no verdict fails the task on its own: a jury
			// replays the committed segment and finds it wrong.
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
			await_jury(task);
			let vote = honest_vote(task);
			jury_votes(task, |_| vote);
			assert_eq!(vote, JuryVote::Wrong, "the committed segment is wrong");
			cancel_reopened(task);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 3 * JUROR_REWARD);
			assert_eq!(free(SUBMITTER), ENDOWMENT - 3 * FEE);
		});
	}

	#[test]
	fn a_lazy_verifier_is_challenged_and_slashed_when_the_jury_replays_the_segment() {
		ExtBuilder::build_and_execute(|| {
			// The solver fakes segment 4 from step 3; both verifiers pass everything lazily.
			let faked = 4;
			let hashes = committed_checkpoints(Some(faked));
			let (task, segments, verifiers) = verifying_task(2, &hashes);
			verify(task, &verifiers, |_| {
				verdict_from(&hashes, &segments, |s| lazy_report(&hashes, s))
			});
			let whistleblower_free = free(WHISTLEBLOWER);

			assert_ok!(challenge(task, &hashes, faked));
			assert_eq!(task_phase(task), Some(TaskPhase::Disputed));
			assert_eq!(bond(WHISTLEBLOWER, Role::Whistleblower), BOND);
			await_jury(task);
			let dispute = crate::Disputes::<Test>::get(task).unwrap();
			assert_eq!(dispute.jurors.len(), 3);
			// Jurors replay the segment from the committed h_4 and find h_5 wrong.
			let jurors: Vec<_> = dispute.jurors.iter().map(|j| j.juror).collect();
			let vote = honest_vote(task);
			jury_votes(task, |_| vote);
			cancel_reopened(task);
			// The solver: its collateral (300, half to the whistleblower) and one juror reward
			// per juror.
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 3 * JUROR_REWARD);
			// Verifiers that passed the faked segment lose their collateral, if it was sampled.
			let lazy_loss = if segments.contains(&faked) { VERIFIER_COLLATERAL } else { 0 };
			for v in &verifiers {
				assert_eq!(bond(*v, Role::Verifier), BOND - lazy_loss);
			}
			let from_lazy = verifiers.len() as u128 * lazy_loss / 2;
			assert_eq!(free(WHISTLEBLOWER), whistleblower_free + REWARD / 4 + from_lazy);
			assert_eq!(bond(WHISTLEBLOWER, Role::Whistleblower), BOND);
			for j in jurors {
				assert_eq!(free(j), ENDOWMENT - BOND + JUROR_REWARD / 2);
				assert_eq!(bond(j, Role::Verifier), BOND);
			}
			assert!(dispute_events()
				.contains(&Event::DisputeResolved { task, outcome: JuryVote::Wrong }));
		});
	}

	#[test]
	fn a_false_challenge_costs_the_whistleblower_its_bond() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, _, verifiers) = passed_task(&hashes);
			let solver_free = free(SOLVER);
			// The whistleblower claims segment 2 ends elsewhere; the jury replays it.
			let report = SegmentReport { replayed_hash: [0x66; 32], ..challenge_of(&hashes, 2) };
			assert_ok!(commit_and_challenge(WHISTLEBLOWER, task, Report::Segment(report)));
			await_jury(task);
			jury_votes(task, |_| JuryVote::Holds);
			// Bond (200, half to the solver) and three juror rewards.
			assert_eq!(
				bond(WHISTLEBLOWER, Role::Whistleblower),
				BOND - CHALLENGE_BOND - 3 * JUROR_REWARD
			);
			// The challenge window opens again for anyone else, then the task settles.
			assert_eq!(task_phase(task), Some(TaskPhase::Verified));
			run_to_block(System::block_number() + 5);
			assert_eq!(free(SOLVER), solver_free + REWARD + CHALLENGE_BOND / 2);
			assert_eq!(task_phase(task), None);
			for v in &verifiers {
				assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
			}
		});
	}

	#[test]
	fn conflicting_verifiers_go_to_a_jury_and_the_false_one_pays() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, segments, verifiers) = verifying_task(2, &hashes);
			// Verifier 0 is honest; verifier 1 claims the first sampled segment fails.
			let accused = segments[0];
			verify(task, &verifiers, |i| {
				verdict_from(&hashes, &segments, |s| {
					let mut r = honest_report(&hashes, s);
					if i == 1 && s == accused {
						r.replayed_hash = [0x99; 32];
					}
					r
				})
			});
			let dispute = crate::Disputes::<Test>::get(task).unwrap();
			assert_eq!((dispute.challenger, dispute.defender), (verifiers[1], SOLVER));
			assert_eq!(dispute.challenger_role, Role::Verifier);
			await_jury(task);
			// Jurors never include the task's own verifiers.
			let jurors: Vec<_> = crate::Disputes::<Test>::get(task)
				.unwrap()
				.jurors
				.iter()
				.map(|j| j.juror)
				.collect();
			assert!(jurors.iter().all(|j| !verifiers.contains(j)));
			jury_votes(task, |_| JuryVote::Holds);
			// The false verifier: its verifier collateral and the juror rewards.
			assert_eq!(
				bond(verifiers[1], Role::Verifier),
				BOND - VERIFIER_COLLATERAL - jurors.len() as u128 * JUROR_REWARD
			);
			assert_eq!(bond(verifiers[0], Role::Verifier), BOND);
			run_to_block(System::block_number() + 5);
			assert_eq!(task_phase(task), None);
			assert_eq!(free(SUBMITTER), ENDOWMENT - REWARD - FEE);
		});
	}

	#[test]
	fn a_juror_that_does_not_vote_is_slashed_and_the_rest_decide() {
		ExtBuilder::build_and_execute(|| {
			let faked = 4;
			let hashes = committed_checkpoints(Some(faked));
			let (task, _, _) = passed_task(&hashes);
			assert_ok!(challenge(task, &hashes, faked));
			await_jury(task);
			let jurors: Vec<AccountId> = crate::Disputes::<Test>::get(task)
				.unwrap()
				.jurors
				.iter()
				.map(|j| j.juror)
				.collect();
			for j in &jurors[..2] {
				let hash = vote_commitment(task, j, JuryVote::Wrong, &[*j as u8; 32]);
				assert_ok!(Dispute::commit_vote(RuntimeOrigin::signed(*j), task, hash));
			}
			run_to_block(System::block_number() + 4);
			assert_eq!(bond(jurors[2], Role::Verifier), BOND - JUROR_COLLATERAL / 10);
			for j in &jurors[..2] {
				assert_ok!(Dispute::reveal_vote(
					RuntimeOrigin::signed(*j),
					task,
					JuryVote::Wrong,
					[*j as u8; 32]
				));
			}
			cancel_reopened(task);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 2 * JUROR_REWARD);
		});
	}

	#[test]
	fn a_juror_that_commits_and_does_not_reveal_loses_its_whole_collateral() {
		ExtBuilder::build_and_execute(|| {
			let faked = 4;
			let hashes = committed_checkpoints(Some(faked));
			let (task, _, _) = passed_task(&hashes);
			assert_ok!(challenge(task, &hashes, faked));
			await_jury(task);
			let jurors: Vec<AccountId> = crate::Disputes::<Test>::get(task)
				.unwrap()
				.jurors
				.iter()
				.map(|j| j.juror)
				.collect();
			for j in &jurors {
				let hash = vote_commitment(task, j, JuryVote::Wrong, &[*j as u8; 32]);
				assert_ok!(Dispute::commit_vote(RuntimeOrigin::signed(*j), task, hash));
			}
			for j in &jurors[..2] {
				assert_ok!(Dispute::reveal_vote(
					RuntimeOrigin::signed(*j),
					task,
					JuryVote::Wrong,
					[*j as u8; 32]
				));
			}
			run_to_block(System::block_number() + 4);
			// Withholding a committed vote costs as much as a vote found wrong could.
			assert_eq!(bond(jurors[2], Role::Verifier), BOND - JUROR_COLLATERAL);
			assert!(dispute_events().contains(&Event::JurorDropped {
				task,
				juror: jurors[2],
				slashed: JUROR_COLLATERAL
			}));
			// The two revealed votes decide.
			cancel_reopened(task);
			assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 2 * JUROR_REWARD);
		});
	}

	#[test]
	fn a_dispute_nobody_can_judge_ends_undecided_and_the_task_is_abandoned() {
		ExtBuilder::build_and_execute(|| {
			let faked = 4;
			let hashes = committed_checkpoints(Some(faked));
			let (task, _, verifiers) = passed_task(&hashes);
			// Every verifier not on the task leaves, so no jury can be formed (the task's own
			// verifiers have their collateral for it locked).
			for v in VERIFIERS.iter().filter(|v| !verifiers.contains(v)) {
				assert_ok!(RoleStaking::chill(RuntimeOrigin::signed(*v), Role::Verifier));
			}
			assert_ok!(challenge(task, &hashes, faked));
			await_jury(task);
			for _ in 0..60 {
				if crate::Disputes::<Test>::get(task).is_none() {
					break;
				}
				next_block();
			}
			let events = dispute_events();
			let unavailable =
				events.iter().filter(|e| matches!(e, Event::JuryUnavailable { .. })).count();
			assert_eq!(unavailable, 3, "MaxJuryRounds draws, then it gives up");
			assert!(events.contains(&Event::DisputeUndecided { task }));
			assert!(!events.iter().any(|e| matches!(e, Event::DisputeResolved { .. })));
			// Abandoned: nobody slashed, nobody paid, the submitter has everything back.
			assert_eq!(task_phase(task), None);
			assert_eq!(crate::DisputeCount::<Test>::get(), 0);
			assert_eq!(bond(WHISTLEBLOWER, Role::Whistleblower), BOND);
			assert_eq!(bond(SOLVER, Role::Solver), BOND);
			for v in &verifiers {
				assert_eq!(bond(*v, Role::Verifier), BOND);
				assert_eq!(free(*v), ENDOWMENT - BOND);
			}
			assert_eq!(free(SUBMITTER), ENDOWMENT);
		});
	}

	#[test]
	fn jurors_are_paid_from_a_loser_with_no_free_stake() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, _, _) = passed_task(&hashes);
			// The whistleblower's whole bond goes into the challenge: nothing is free.
			let report = SegmentReport { replayed_hash: [0x66; 32], ..challenge_of(&hashes, 2) };
			assert_ok!(commit_and_challenge(WHISTLEBLOWER, task, Report::Segment(report)));
			// The rest of its stake is gone (an earlier slash, say).
			use assay_primitives::RoleStaking as _;
			let gone = BOND - CHALLENGE_BOND;
			assert_eq!(
				RoleStaking::slash(&WHISTLEBLOWER, Role::Whistleblower, None, gone, None),
				gone
			);
			assert_eq!(RoleStaking::free_stake(&WHISTLEBLOWER, Role::Whistleblower), 0);
			await_jury(task);
			let solver_free = free(SOLVER);
			jury_votes(task, |_| JuryVote::Holds);
			let paid: Vec<_> = dispute_events()
				.into_iter()
				.filter_map(|e| match e {
					Event::JurorRewarded { amount, .. } => Some(amount),
					_ => None,
				})
				.collect();
			assert_eq!(paid, vec![JUROR_REWARD; 3], "each juror's reward came out of the bond");
			// What is left of the challenge bond goes to the slash, half of it to the solver.
			assert_eq!(bond(WHISTLEBLOWER, Role::Whistleblower), 0);
			assert_eq!(free(SOLVER), solver_free + (CHALLENGE_BOND - 3 * JUROR_REWARD) / 2);
		});
	}
}

mod bad_input {
	use super::*;

	#[test]
	fn challenge_errors_change_nothing() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, segments, verifiers) = verifying_task(2, &hashes);
			// Outside the challenge window.
			assert_noop!(challenge(task, &hashes, 1), Error::<Test>::NotChallengeable);
			verify(task, &verifiers, |_| {
				verdict_from(&hashes, &segments, |s| lazy_report(&hashes, s))
			});

			let report = challenge_of(&hashes, 1);
			let call = |who, report: SegmentReport| {
				Dispute::challenge(RuntimeOrigin::signed(who), task, Report::Segment(report))
			};
			assert_noop!(
				call(WHISTLEBLOWER, SegmentReport { segment: 10, ..report.clone() }),
				Error::<Test>::SegmentOutOfRange
			);
			assert_noop!(
				call(WHISTLEBLOWER, SegmentReport { start_hash: [1; 32], ..report.clone() }),
				Error::<Test>::InvalidProof
			);
			let swapped = SegmentReport {
				start_proof: report.end_proof.clone(),
				end_proof: report.start_proof.clone(),
				..report.clone()
			};
			assert_noop!(call(WHISTLEBLOWER, swapped), Error::<Test>::InvalidProof);
			assert_noop!(
				call(
					WHISTLEBLOWER,
					SegmentReport { replayed_hash: report.end_hash, ..report.clone() }
				),
				Error::<Test>::NoDisagreement
			);
			// The initial state is judged too: a report that finds `h_0` right is no challenge.
			assert_noop!(
				Dispute::challenge(
					RuntimeOrigin::signed(WHISTLEBLOWER),
					task,
					Report::InitialState(initial_report(&hashes, hashes[0]))
				),
				Error::<Test>::NoDisagreement
			);
			assert_noop!(call(SUBMITTER, report.clone()), Error::<Test>::NotWhistleblower);
			assert_ok!(RoleStaking::bond(
				RuntimeOrigin::signed(SOLVER),
				Role::Whistleblower,
				BOND,
				None
			));
			assert_noop!(call(SOLVER, report.clone()), Error::<Test>::SolverCannotChallenge);
			// A claim nobody committed to, or someone else did (copied from the mempool).
			assert_noop!(call(WHISTLEBLOWER, report.clone()), Error::<Test>::NoChallengeCommitment);
			let claim = Report::Segment(report.clone()).claim();
			let commit = |who: AccountId, claim: &Claim| {
				let commitment = challenge_commitment(task, &who, claim);
				Dispute::commit_challenge(RuntimeOrigin::signed(who), task, commitment)
			};
			assert_noop!(commit(SUBMITTER, &claim), Error::<Test>::NotWhistleblower);
			assert_noop!(commit(SOLVER, &claim), Error::<Test>::SolverCannotChallenge);
			assert_ok!(commit(WHISTLEBLOWER, &claim));
			assert_noop!(call(WHISTLEBLOWER, report.clone()), Error::<Test>::ChallengeTooEarly);
			next_block();
			let other = SegmentReport { replayed_hash: [0x77; 32], ..report.clone() };
			assert_noop!(call(WHISTLEBLOWER, other), Error::<Test>::ChallengeMismatch);
			assert_ok!(call(WHISTLEBLOWER, report.clone()));
			assert!(ChallengeCommitments::<Test>::get(WHISTLEBLOWER).is_none(), "taken");
			assert_noop!(call(WHISTLEBLOWER, report), Error::<Test>::NotChallengeable);
			assert_noop!(commit(WHISTLEBLOWER, &claim), Error::<Test>::NotChallengeable);
		});
	}

	#[test]
	fn vote_errors() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, _, _) = passed_task(&hashes);
			assert_ok!(challenge(task, &hashes, 1));
			assert_noop!(
				Dispute::commit_vote(RuntimeOrigin::signed(20), task, [0; 32]),
				Error::<Test>::NotCommittingVotes
			);
			await_jury(task);
			let jurors: Vec<AccountId> = crate::Disputes::<Test>::get(task)
				.unwrap()
				.jurors
				.iter()
				.map(|j| j.juror)
				.collect();
			assert_noop!(
				Dispute::commit_vote(RuntimeOrigin::signed(SOLVER), task, [0; 32]),
				Error::<Test>::NotAJuror
			);
			assert_noop!(
				Dispute::reveal_vote(
					RuntimeOrigin::signed(jurors[0]),
					task,
					JuryVote::Holds,
					[0; 32]
				),
				Error::<Test>::NotRevealingVotes
			);
			let commit = |j: AccountId| vote_commitment(task, &j, JuryVote::Holds, &[j as u8; 32]);
			assert_ok!(Dispute::commit_vote(
				RuntimeOrigin::signed(jurors[0]),
				task,
				commit(jurors[0])
			));
			assert_noop!(
				Dispute::commit_vote(RuntimeOrigin::signed(jurors[0]), task, [0; 32]),
				Error::<Test>::AlreadyVoted
			);
			for j in &jurors[1..] {
				assert_ok!(Dispute::commit_vote(RuntimeOrigin::signed(*j), task, commit(*j)));
			}
			// A vote other than the committed one, or another salt, does not reveal.
			assert_noop!(
				Dispute::reveal_vote(
					RuntimeOrigin::signed(jurors[0]),
					task,
					JuryVote::Wrong,
					[jurors[0] as u8; 32]
				),
				Error::<Test>::VoteMismatch
			);
			assert_noop!(
				Dispute::reveal_vote(
					RuntimeOrigin::signed(jurors[0]),
					task,
					JuryVote::Holds,
					[0; 32]
				),
				Error::<Test>::VoteMismatch
			);
			assert_ok!(Dispute::reveal_vote(
				RuntimeOrigin::signed(jurors[0]),
				task,
				JuryVote::Holds,
				[jurors[0] as u8; 32]
			));
			assert_noop!(
				Dispute::reveal_vote(
					RuntimeOrigin::signed(jurors[0]),
					task,
					JuryVote::Holds,
					[jurors[0] as u8; 32]
				),
				Error::<Test>::AlreadyRevealed
			);
		});
	}

	#[test]
	fn an_inactive_or_underfunded_whistleblower_cannot_challenge() {
		ExtBuilder::build_and_execute(|| {
			let hashes = committed_checkpoints(None);
			let (task, _, _) = passed_task(&hashes);
			assert_ok!(RoleStaking::bond(
				RuntimeOrigin::signed(16),
				Role::Whistleblower,
				100,
				None
			));
			let report = Report::Segment(challenge_of(&hashes, 1));
			let underfunded: AccountId = 16;
			let commitment = challenge_commitment(task, &underfunded, &report.claim());
			// The commitment already locks the challenge bond, which 100 does not cover.
			assert_noop!(
				Dispute::commit_challenge(RuntimeOrigin::signed(16), task, commitment),
				Error::<Test>::InsufficientBond
			);
			next_block();
			assert_noop!(
				Dispute::challenge(RuntimeOrigin::signed(16), task, report),
				Error::<Test>::NoChallengeCommitment
			);
		});
	}
}
