//! Attacks on the verification game by parties that collude, each written as the sequence of
//! extrinsics a coalition would send, followed by what must hold: the honest parties keep
//! their stake and a solver whose committed checkpoints are wrong is not paid. Each test is
//! named after what must never happen. `docs/protocol.md` § Security lists them with what an
//! attacker must control after the fix.

use crate::{
	mock::{Dispute, ProofOfLearning, RoleStaking, *},
	Event, *,
};
use assay_primitives::{challenge_commitment, sha256, TaskSpec, Uri, Verdict};
use frame_support::{assert_noop, assert_ok};
use pallet_proof_of_learning::Verifications;

/// `who` commits to a claim that segment `segment` of `hashes` ends in `claimed_end`, then
/// challenges with it in the next block.
fn challenge_with(who: AccountId, task: TaskId, hashes: &[Sha256], segment: u32, end: Sha256) {
	let report =
		Report::Segment(SegmentReport { replayed_hash: end, ..honest_report(hashes, segment) });
	challenge_by(who, task, report);
}

/// `who` commits to `report`'s claim, then challenges with it in the next block.
fn challenge_by(who: AccountId, task: TaskId, report: Report) {
	let commitment = challenge_commitment(task, &who, &report.claim());
	assert_ok!(Dispute::commit_challenge(RuntimeOrigin::signed(who), task, commitment));
	next_block();
	assert_ok!(Dispute::challenge(RuntimeOrigin::signed(who), task, report));
}

/// An honest task whose three verifiers passed it honestly, challenged on its first sampled
/// segment by the whistleblower with a made-up end state (as the solver's accomplice would);
/// returns the task, the sampled segments and the verifiers.
fn falsely_challenged_task() -> (TaskId, Vec<u32>, Vec<AccountId>) {
	let hashes = committed_checkpoints(None);
	let (task, segments, verifiers) = verifying_task(3, &hashes);
	verify(task, &verifiers, |_| verdict_from(&hashes, &segments, |s| honest_report(&hashes, s)));
	challenge_with(WHISTLEBLOWER, task, &hashes, segments[0], [0x66; 32]);
	(task, segments, verifiers)
}

/// The jurors of `task`'s dispute.
fn jurors(task: TaskId) -> Vec<AccountId> {
	crate::Disputes::<Test>::get(task)
		.map_or(vec![], |d| d.jurors.iter().map(|j| j.juror).collect())
}

/// Bonds accounts `from..to` as verifiers (a bigger pool than the mock's six).
fn bond_verifiers(accounts: core::ops::Range<AccountId>) {
	for who in accounts {
		assert_ok!(RoleStaking::bond(RuntimeOrigin::signed(who), Role::Verifier, BOND, None));
	}
}

/// Attack 1: an honest task passes its verifiers; a whistleblower working with the solver
/// challenges it and the solver stays silent (it has nothing to answer: the jury replays the
/// committed segment, so no move of either party decides the case).
#[test]
fn a_silent_solver_never_costs_the_verifiers_that_passed_it() {
	ExtBuilder::build_and_execute(|| {
		let solver_free = free(SOLVER);
		// The accomplice challenges a sampled, honest segment; the solver then does nothing.
		let (task, _, verifiers) = falsely_challenged_task();
		await_jury(task);
		assert!(jurors(task).iter().all(|j| !verifiers.contains(j)));
		let vote = honest_vote(task);
		jury_votes(task, |_| vote);
		run_to_block(System::block_number() + 6);

		for v in &verifiers {
			assert_eq!(bond(*v, Role::Verifier), BOND, "an honest verifier lost stake");
			assert_eq!(free(*v), ENDOWMENT - BOND + FEE);
		}
		assert_eq!(task_phase(task), None, "the task settled");
		// The coalition paid: the whistleblower's bond, half of it to the solver.
		assert_eq!(
			bond(WHISTLEBLOWER, Role::Whistleblower),
			BOND - CHALLENGE_BOND - 3 * JUROR_REWARD
		);
		assert_eq!(free(SOLVER), solver_free + REWARD + CHALLENGE_BOND / 2);
		assert!(
			dispute_events().contains(&Event::DisputeResolved { task, outcome: JuryVote::Holds })
		);
	});
}

/// Attack 2: the solver fakes its training and several verifiers fail it; the first in slot
/// order, who becomes the challenger, is the solver's accomplice. Whatever it would answer, the
/// jury replays the committed segment, so the honest accusers are right and the solver loses.
#[test]
fn an_accomplice_accuser_never_throws_the_case_for_a_faked_segment() {
	ExtBuilder::build_and_execute(|| {
		let honest = committed_checkpoints(None);
		let hashes: Vec<Sha256> = honest
			.iter()
			.enumerate()
			.map(|(i, h)| if i == 0 { *h } else { sha256(h) })
			.collect();
		let (task, segments, verifiers) = verifying_task(3, &hashes);
		let accomplice = verifiers[0];
		// Everyone fails every sampled segment (they all are faked); the accomplice too, to be
		// the challenger.
		verify(task, &verifiers, |_| {
			verdict_from(&hashes, &segments, |s| honest_report(&hashes, s))
		});
		let dispute = crate::Disputes::<Test>::get(task).unwrap();
		assert_eq!(dispute.challenger, accomplice);
		let solver_free = free(SOLVER);

		await_jury(task);
		let vote = honest_vote(task);
		jury_votes(task, |_| vote);

		for honest_accuser in &verifiers[1..] {
			assert_eq!(bond(*honest_accuser, Role::Verifier), BOND);
		}
		assert_eq!(free(SOLVER), solver_free, "the solver of faked work was paid");
		assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 3 * JUROR_REWARD);
		assert!(
			dispute_events().contains(&Event::DisputeResolved { task, outcome: JuryVote::Wrong })
		);
		cancel_reopened(task);
	});
}

/// Attack 1, its other half: the colluding solver stops serving its checkpoints once the
/// dispute opens, so that no juror can replay the segment. Honest jurors say so; the solver,
/// who could not show its work, loses, and nobody else pays: not the jurors, not the verifiers
/// that passed the segment.
#[test]
fn a_solver_that_hides_its_checkpoints_from_the_jury_loses_and_costs_no_one_else() {
	ExtBuilder::build_and_execute(|| {
		let solver_free = free(SOLVER);
		let (task, _, verifiers) = falsely_challenged_task();
		await_jury(task);
		let seated = jurors(task);
		jury_votes(task, |_| JuryVote::Unavailable);

		assert!(dispute_events()
			.contains(&Event::DisputeResolved { task, outcome: JuryVote::Unavailable }));
		assert_eq!(free(SOLVER), solver_free, "the solver was paid");
		assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 3 * JUROR_REWARD);
		for v in verifiers.iter().chain(&seated) {
			assert_eq!(bond(*v, Role::Verifier), BOND, "{v} lost stake");
		}
		assert_eq!(bond(WHISTLEBLOWER, Role::Whistleblower), BOND);
		cancel_reopened(task);
	});
}

/// Plays `task`'s verification to its end with `accomplice` passing every sampled segment
/// whenever it is seated, and every other verifier declaring the checkpoints unavailable (the
/// solver serves them to its accomplice only).
fn serve_only_to(task: TaskId, hashes: &[Sha256], accomplice: AccountId) {
	play_verification(task, |who, record| {
		(who == accomplice).then(|| honest_verdict(hashes, &record.segments))
	});
}

/// Plays `task`'s verification to its end. Each verifier seated chooses once, when it must
/// commit, from what the chain shows then: `choose(itself, the verification)` is the verdict
/// it commits and later reveals in time, or `None` to declare the checkpoints unavailable.
fn play_verification(
	task: TaskId,
	mut choose: impl FnMut(
		AccountId,
		&pallet_proof_of_learning::VerificationOf<Test>,
	) -> Option<Verdict>,
) {
	use pallet_proof_of_learning::Phase;
	let mut chosen: std::collections::BTreeMap<AccountId, Verdict> = Default::default();
	for _ in 0..200 {
		let Some(record) = Verifications::<Test>::get(task) else { return };
		for slot in &record.slots {
			let (who, salt) = (slot.verifier, [slot.verifier as u8; 32]);
			match record.phase {
				Phase::Committing { .. } if slot.commitment.is_none() => {
					let Some(verdict) = choose(who, &record) else {
						assert_ok!(ProofOfLearning::declare_unavailable(
							RuntimeOrigin::signed(who),
							task
						));
						continue;
					};
					let hash = assay_primitives::verdict_commitment(task, &who, &verdict, &salt);
					assert_ok!(ProofOfLearning::commit_verdict(
						RuntimeOrigin::signed(who),
						task,
						hash
					));
					chosen.insert(who, verdict);
				},
				Phase::Revealing { .. } if slot.failed.is_none() => {
					assert_ok!(ProofOfLearning::reveal_verdict(
						RuntimeOrigin::signed(who),
						task,
						chosen[&who].clone(),
						salt,
					));
					pallet_proof_of_learning::testing::act::<Test>();
				},
				_ => {},
			}
		}
		next_block();
	}
}

/// The solver was not paid (its free balance is `solver_free`) and no verifier lost stake.
fn assert_solver_unpaid_and_verifiers_whole(solver_free: Balance) {
	assert_eq!(free(SOLVER), solver_free, "the solver was paid");
	for v in VERIFIERS {
		assert_eq!(bond(v, Role::Verifier), BOND, "verifier {v} lost stake");
	}
}

/// Attack 3: the solver serves its checkpoints to a colluding verifier only. The accomplice
/// passes; the honest verifiers can only declare the checkpoints unavailable. The solver must
/// not be paid on its accomplice's word, and it loses its collateral.
#[test]
fn a_solver_that_shows_its_checkpoints_to_an_accomplice_only_is_never_paid() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, _, verifiers) = verifying_task(3, &hashes);
		let accomplice = verifiers[0];
		let solver_free = free(SOLVER);
		serve_only_to(task, &hashes, accomplice);

		assert_solver_unpaid_and_verifiers_whole(solver_free);
		assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
		cancel_reopened(task);
	});
}

/// Attack 3, a tie: the one seat's first verifier cannot fetch the checkpoints and declares
/// them unavailable; the solver's accomplice is drawn into the seat next and passes. One
/// verdict against one declaration is no majority of the verifiers drawn: the solver must not
/// be paid on its accomplice's word.
#[test]
fn a_solver_whose_accomplice_only_ties_the_declarations_is_never_paid() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, _, first) = verifying_task(1, &hashes);
		let accomplice = core::cell::Cell::new(None);
		let solver_free = free(SOLVER);
		play_verification(task, |who, record| {
			// The accomplice is whoever is seated after the first verifier declared.
			(who != first[0] && accomplice.get().is_none_or(|a| a == who)).then(|| {
				accomplice.set(Some(who));
				honest_verdict(&hashes, &record.segments)
			})
		});

		assert!(accomplice.get().is_some(), "no accomplice was drawn");
		assert_solver_unpaid_and_verifiers_whole(solver_free);
	});
}

/// Attack 3 with copiers: the solver serves its checkpoints to an accomplice only, and every
/// other verifier drawn (lazy rather than honest) copies a passing verdict if one of the task
/// is on chain when it must commit, and declares the checkpoints unavailable otherwise. A
/// revealed verdict carries every hash and proof a copy needs, so no seat may still be due to
/// commit once one is revealed: then there is never anything to copy, and the solver is not
/// paid.
#[test]
fn a_solver_whose_accomplices_pass_is_copied_by_later_seats_is_never_paid() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, _, first) = verifying_task(2, &hashes);
		let accomplice = first[0];
		let copied = core::cell::Cell::new(false);
		let solver_free = free(SOLVER);
		play_verification(task, |who, record| {
			let pass = || honest_verdict(&hashes, &record.segments);
			if who == accomplice {
				Some(pass())
			} else if record.slots.iter().any(|s| s.failed.is_some()) {
				copied.set(true);
				Some(pass())
			} else {
				None
			}
		});

		assert!(!copied.get(), "a seat committed after a verdict it could copy was revealed");
		assert_eq!(free(SOLVER), solver_free, "the solver was paid");
	});
}

/// Attack 3, a tie at the end of the pool: only two verifiers are in the draw, both are
/// seated, the accomplice passes and the other cannot fetch the checkpoints. Nobody is left
/// to break the tie: the solver must not be paid.
#[test]
fn a_solver_whose_accomplice_ties_the_declarations_at_the_end_of_the_pool_is_never_paid() {
	ExtBuilder::build_and_execute(|| {
		for v in &VERIFIERS[2..] {
			assert_ok!(RoleStaking::chill(RuntimeOrigin::signed(*v), Role::Verifier));
		}
		let hashes = committed_checkpoints(None);
		let (task, _, verifiers) = verifying_task(2, &hashes);
		let accomplice = verifiers[0];
		let solver_free = free(SOLVER);
		serve_only_to(task, &hashes, accomplice);

		assert_eq!(task_phase(task), None, "the task ended");
		assert_solver_unpaid_and_verifiers_whole(solver_free);
	});
}

/// Against the declaration rule, the solver alone: it serves its checkpoints to every
/// verifier but one honest one, which can only declare them unavailable and is outvoted. That
/// verifier did nothing wrong: it must keep its stake (it loses standing in the draw, which
/// `docs/protocol.md` lists among the known gaps), and the solver gains nothing by it.
#[test]
fn a_solver_that_refuses_one_honest_verifier_never_costs_it_stake() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, _, verifiers) = verifying_task(3, &hashes);
		let refused = verifiers[0];
		let refused_free = free(refused);
		let solver_free = free(SOLVER);
		play_verification(task, |who, record| {
			(who != refused).then(|| honest_verdict(&hashes, &record.segments))
		});

		assert_eq!(task_phase(task), None, "the task ended");
		assert_eq!(free(SOLVER), solver_free + REWARD, "the solver was paid its reward, no more");
		assert_eq!(bond(refused, Role::Verifier), BOND, "the refused verifier lost stake");
		assert_eq!(free(refused), refused_free, "the refused verifier lost free balance");
	});
}

/// Solver + one verifier against the silent-seat rule: the solver serves nobody, two honest
/// verifiers declare, and its accomplice holds the third seat and stays silent, hoping that a
/// seat left to fill keeps the task from failing. Even had it committed, the declarations
/// would outnumber it: the solver must lose its collateral, unpaid.
#[test]
fn a_silent_accomplice_never_shields_a_withholding_solver() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, _, verifiers) = verifying_task(3, &hashes);
		let accomplice = verifiers[0];
		let solver_free = free(SOLVER);
		for honest in &verifiers[1..] {
			assert_ok!(ProofOfLearning::declare_unavailable(RuntimeOrigin::signed(*honest), task));
		}
		for _ in 0..100 {
			if task_phase(task) != Some(assay_primitives::TaskPhase::Verifying) {
				break;
			}
			next_block();
		}

		assert_eq!(free(SOLVER), solver_free, "the solver was paid");
		assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2);
		for honest in &verifiers[1..] {
			assert_eq!(bond(*honest, Role::Verifier), BOND, "verifier {honest} lost stake");
		}
		assert!(bond(accomplice, Role::Verifier) < BOND, "the silent accomplice paid nothing");
		cancel_reopened(task);
	});
}

/// Attack 5: a verifier declares an honest solver's checkpoints unavailable instead of
/// checking them. The verdicts outvote it and the solver is paid; the declaration must leave
/// the declarer worse off than checking would have: it is not paid, and its standing in the
/// draw falls while the checking verifiers' rises.
#[test]
fn a_declaration_the_verdicts_outvote_is_never_as_good_as_checking() {
	ExtBuilder::build_and_execute(|| {
		let reputation = |who: AccountId| {
			pallet_role_staking::Bonds::<Test>::get(who, Role::Verifier).map(|b| b.reputation)
		};
		let before: Vec<_> = VERIFIERS.iter().map(|v| (*v, free(*v), reputation(*v))).collect();
		let hashes = committed_checkpoints(None);
		let (task, _, verifiers) = verifying_task(3, &hashes);
		let liar = verifiers[0];
		let solver_free = free(SOLVER);
		play_verification(task, |who, record| {
			(who != liar).then(|| honest_verdict(&hashes, &record.segments))
		});

		assert_eq!(free(SOLVER), solver_free + REWARD, "the honest solver was paid");
		let mut checked = 0;
		for (v, free_before, reputation_before) in before {
			assert_eq!(bond(v, Role::Verifier), BOND, "verifier {v} lost stake");
			if v == liar {
				assert_eq!(free(v), free_before, "the declarer was paid");
				assert!(reputation(v) < reputation_before, "the declaration cost no standing");
			} else if free(v) > free_before {
				assert_eq!(free(v), free_before + FEE);
				assert!(reputation(v) > reputation_before, "checking earned no standing");
				checked += 1;
			}
		}
		assert_eq!(checked, 3, "the declarer's seat was not filled by a checking verifier");
	});
}

/// Attack 7: with a small pool, one juror must not decide. Here one juror commits and reveals
/// a false "the segment is wrong" against an honest task while the other two stay away.
#[test]
fn a_jury_of_one_never_decides() {
	ExtBuilder::build_and_execute(|| {
		let (task, _, verifiers) = falsely_challenged_task();
		await_jury(task);
		let lone = jurors(task)[0];
		let salt = [lone as u8; 32];
		assert_ok!(Dispute::commit_vote(
			RuntimeOrigin::signed(lone),
			task,
			vote_commitment(task, &lone, JuryVote::Wrong, &salt)
		));
		// The commit window ends with one commitment of three: too few to decide, so the round
		// is void, and no juror is left to draw (the other verifiers worked on the task).
		for _ in 0..40 {
			if crate::Disputes::<Test>::get(task).is_none() {
				break;
			}
			next_block();
		}
		let events = dispute_events();
		assert!(!events.iter().any(|e| matches!(e, Event::DisputeResolved { .. })));
		assert!(events.contains(&Event::DisputeUndecided { task }));
		for v in &verifiers {
			assert_eq!(bond(*v, Role::Verifier), BOND);
		}
		assert_eq!(bond(lone, Role::Verifier), BOND, "released, not slashed");
		assert_eq!(bond(SOLVER, Role::Solver), BOND);
	});
}

/// Attack 7: a verifier that left a task (here by declaring its artifacts unavailable) must
/// not judge the task's verdicts as a juror.
#[test]
fn no_verifier_of_the_task_ever_sits_on_its_jury() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, segments, first) = verifying_task(2, &hashes);
		let declarer = first[1];
		// The first verifier fails a segment falsely; the second declares the artifacts
		// unavailable and leaves; its seat is drawn again.
		let false_verdict = verdict_from(&hashes, &segments, |s| {
			let mut r = honest_report(&hashes, s);
			if s == segments[0] {
				r.replayed_hash = [0x99; 32];
			}
			r
		});
		let salt = [first[0] as u8; 32];
		let hash = assay_primitives::verdict_commitment(task, &first[0], &false_verdict, &salt);
		assert_ok!(ProofOfLearning::commit_verdict(RuntimeOrigin::signed(first[0]), task, hash));
		assert_ok!(ProofOfLearning::declare_unavailable(RuntimeOrigin::signed(declarer), task));
		// The seat is drawn again the randomness delay later, before any reveal.
		use frame_support::traits::Get;
		let delay: u64 = <Test as pallet_proof_of_learning::Config>::SamplingDelay::get();
		run_to_block(System::block_number() + delay);
		let record = Verifications::<Test>::get(task).unwrap();
		let replacement = record.slots.iter().map(|s| s.verifier).find(|v| *v != first[0]).unwrap();
		let honest = verdict_from(&hashes, &segments, |s| honest_report(&hashes, s));
		let salt = [replacement as u8; 32];
		let hash = assay_primitives::verdict_commitment(task, &replacement, &honest, &salt);
		assert_ok!(ProofOfLearning::commit_verdict(RuntimeOrigin::signed(replacement), task, hash));
		assert_ok!(ProofOfLearning::reveal_verdict(
			RuntimeOrigin::signed(first[0]),
			task,
			false_verdict,
			[first[0] as u8; 32]
		));
		assert_ok!(ProofOfLearning::reveal_verdict(
			RuntimeOrigin::signed(replacement),
			task,
			honest,
			salt
		));
		pallet_proof_of_learning::testing::act::<Test>();
		// One of the three verifiers that never touched the task leaves the pool, so that the
		// declarer would be needed to fill a jury of three.
		let task_verifiers = [first[0], declarer, replacement];
		let leaving = *VERIFIERS.iter().find(|v| !task_verifiers.contains(v)).unwrap();
		assert_ok!(RoleStaking::chill(RuntimeOrigin::signed(leaving), Role::Verifier));
		// The verdicts conflict: a dispute, whose jury comes from the two verifiers left that
		// never touched the task (a majority of a full jury, so it can decide).
		await_jury(task);
		let seated = jurors(task);
		assert_eq!(seated.len(), 2);
		for v in task_verifiers {
			assert!(!seated.contains(&v), "verifier {v} of the task sits on its jury");
		}
		let vote = honest_vote(task);
		jury_votes(task, |_| vote);
		assert_eq!(bond(first[0], Role::Verifier), BOND - VERIFIER_COLLATERAL - 2 * JUROR_REWARD);
		assert_eq!(bond(declarer, Role::Verifier), BOND);
		assert_eq!(bond(replacement, Role::Verifier), BOND);
	});
}

/// Attack 7: the lists of verifiers that left a task must not stop growing at a bound smaller
/// than the verifiers a task can see leave, or a slashed verifier is drawn for it again.
#[test]
fn a_dropped_verifier_is_never_drawn_again_however_many_rounds() {
	ExtBuilder::build_and_execute(|| {
		bond_verifiers(2..5);
		bond_verifiers(23..30);
		let hashes = committed_checkpoints(None);
		let (task, _, _) = verifying_task(3, &hashes);
		let mut seen = Vec::new();
		// Every round's verifiers stay away and are dropped; more leave than `MaxVerifiers`.
		for _ in 0..5 {
			let Some(record) = Verifications::<Test>::get(task) else { break };
			let pallet_proof_of_learning::Phase::Committing { until } = record.phase else {
				break;
			};
			for slot in &record.slots {
				assert!(!seen.contains(&slot.verifier), "{} was drawn again", slot.verifier);
				seen.push(slot.verifier);
			}
			run_to_block(until);
		}
		assert!(seen.len() > 8, "more verifiers left than MaxVerifiers ({})", seen.len());
		let former = Verifications::<Test>::get(task).unwrap().former_verifiers.len();
		assert_eq!(former, seen.len(), "every dropped verifier is recorded");
	});
}

/// Attack 7: likewise for jurors: a juror that stayed away is never drawn for the dispute
/// again, however many rounds it takes.
#[test]
fn a_dropped_juror_is_never_drawn_again_however_many_rounds() {
	ExtBuilder::build_and_execute(|| {
		bond_verifiers(2..5);
		bond_verifiers(23..30);
		let (task, _, verifiers) = falsely_challenged_task();
		let mut seen = Vec::new();
		for _ in 0..3 {
			await_jury(task);
			let Some(dispute) = crate::Disputes::<Test>::get(task) else { break };
			let Phase::JuryCommit { until } = dispute.phase else { break };
			for j in dispute.jurors.iter().map(|j| j.juror) {
				assert!(!seen.contains(&j), "juror {j} was drawn again");
				seen.push(j);
			}
			run_to_block(until);
		}
		// Three rounds of three no-shows: more than `MaxJurors` (5), each slashed once.
		assert_eq!(seen.len(), 9);
		for j in &seen {
			assert_eq!(bond(*j, Role::Verifier), BOND - JUROR_COLLATERAL / 10);
		}
		assert!(dispute_events().contains(&Event::DisputeUndecided { task }));
		for v in &verifiers {
			assert_eq!(bond(*v, Role::Verifier), BOND);
		}
	});
}

/// Against the unavailability rule: a verifier that declares an honest solver's checkpoints
/// unavailable while the others fetch and pass them. A minority of declarers must never fail
/// (or leave unpaid) an honest solver.
#[test]
fn a_minority_of_declarers_never_fails_an_honest_solver() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, _, verifiers) = verifying_task(3, &hashes);
		let liar = verifiers[0];
		let solver_free = free(SOLVER);
		play_verification(task, |who, record| {
			(who != liar).then(|| honest_verdict(&hashes, &record.segments))
		});

		assert_eq!(task_phase(task), None, "the task ended");
		assert_eq!(free(SOLVER), solver_free + REWARD, "the honest solver was paid");
		assert_eq!(bond(SOLVER, Role::Solver), BOND);
		for v in VERIFIERS {
			assert_eq!(bond(v, Role::Verifier), BOND, "verifier {v} lost stake");
		}
	});
}

/// Against the `Unavailable` vote: one juror (a minority) claims it could not fetch an honest
/// solver's checkpoints. The jury's majority decides; the claim costs the solver nothing.
#[test]
fn a_juror_claiming_unavailable_alone_never_fails_an_honest_solver() {
	ExtBuilder::build_and_execute(|| {
		let (task, _, verifiers) = falsely_challenged_task();
		await_jury(task);
		let liar = jurors(task)[0];
		jury_votes(task, |j| if j == liar { JuryVote::Unavailable } else { JuryVote::Holds });

		assert!(
			dispute_events().contains(&Event::DisputeResolved { task, outcome: JuryVote::Holds })
		);
		assert_eq!(bond(SOLVER, Role::Solver), BOND);
		for v in &verifiers {
			assert_eq!(bond(*v, Role::Verifier), BOND);
		}
		// The minority juror is released, not paid.
		assert_eq!(free(liar), ENDOWMENT - BOND);
	});
}

/// The `Unavailable` vote as a coalition's tool: a whistleblower challenges honest work and its
/// partner, the solver, hides its checkpoints so that the jury finds them unavailable. The
/// whistleblower is paid from the solver's collateral; together they must still lose.
#[test]
fn a_solver_and_whistleblower_never_profit_from_hidden_checkpoints() {
	ExtBuilder::build_and_execute(|| {
		let worth =
			|who: AccountId| free(who) + bond(who, Role::Solver) + bond(who, Role::Whistleblower);
		let coalition = || worth(SOLVER) + worth(WHISTLEBLOWER);
		let before = coalition();
		let (task, _, _) = falsely_challenged_task();
		await_jury(task);
		jury_votes(task, |_| JuryVote::Unavailable);
		cancel_reopened(task);
		assert!(coalition() < before, "the coalition did not lose");
	});
}

/// Attack 6: the solver commits an `h_0` of its own choosing (backdoored or pre-trained
/// weights instead of the task's seed) and trains honestly from it, so every sampled segment
/// replays. Every verifier also checks `h_0` against the initial state it derives from the
/// spec (no training): the honest ones fail it, a jury derives it too, and the solver is not
/// paid.
#[test]
fn a_solver_that_starts_from_weights_of_its_own_choosing_is_never_paid() {
	ExtBuilder::build_and_execute(|| {
		let hashes = chosen_start_checkpoints();
		let (task, segments, verifiers) = verifying_task(3, &hashes);
		// Replayed from the committed checkpoints, every sampled segment holds.
		assert!(segments.iter().all(|&s| {
			let report = honest_report(&hashes, s);
			report.replayed_hash == report.end_hash
		}));
		let solver_free = free(SOLVER);
		verify(task, &verifiers, |_| {
			verdict_from(&hashes, &segments, |s| honest_report(&hashes, s))
		});
		let dispute = crate::Disputes::<Test>::get(task).unwrap();
		assert_eq!(dispute.claim.subject(), Subject::InitialState);
		assert_eq!(dispute.challenger, verifiers[0]);

		await_jury(task);
		let vote = honest_vote(task);
		assert_eq!(vote, JuryVote::Wrong);
		jury_votes(task, |_| vote);

		assert_eq!(free(SOLVER), solver_free, "the solver of a chosen start was paid");
		assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 3 * JUROR_REWARD);
		for v in &verifiers {
			assert_eq!(bond(*v, Role::Verifier), BOND, "an honest verifier lost stake");
		}
		assert!(
			dispute_events().contains(&Event::DisputeResolved { task, outcome: JuryVote::Wrong })
		);
		cancel_reopened(task);
	});
}

/// Attack 6, lazy verifiers: they take the committed `h_0` for the initial state without
/// deriving it and pass a chosen start. A whistleblower that derives it challenges the initial
/// state; every verifier vouched for it (each verdict judges `h_0`), so every one loses its
/// collateral and the solver is not paid.
#[test]
fn verifiers_that_pass_a_chosen_start_unchecked_are_never_paid() {
	ExtBuilder::build_and_execute(|| {
		let hashes = chosen_start_checkpoints();
		let (task, segments, verifiers) = verifying_task(3, &hashes);
		let solver_free = free(SOLVER);
		verify(task, &verifiers, |_| {
			verdict_with(initial_report(&hashes, hashes[0]), &segments, |s| lazy_report(&hashes, s))
		});
		assert!(matches!(
			verification_phase(task),
			Some(pallet_proof_of_learning::Phase::ChallengeWindow { .. })
		));
		let free_before: Vec<Balance> = verifiers.iter().map(|v| free(*v)).collect();
		challenge_by(
			WHISTLEBLOWER,
			task,
			Report::InitialState(initial_report(&hashes, initial_state())),
		);
		await_jury(task);
		jury_votes(task, |_| JuryVote::Wrong);

		assert_eq!(free(SOLVER), solver_free, "the solver of a chosen start was paid");
		for (v, before) in verifiers.iter().zip(free_before) {
			assert_eq!(bond(*v, Role::Verifier), BOND - VERIFIER_COLLATERAL);
			assert_eq!(free(*v), before, "a lazy verifier was paid");
		}
		assert_eq!(bond(WHISTLEBLOWER, Role::Whistleblower), BOND);
		cancel_reopened(task);
	});
}

/// Attack 6, the other way round: a verifier that fails an honest solver's `h_0` (a made-up
/// initial state, to have the task fail) loses its collateral to the solver when the jury
/// derives the initial state, and the honest verdicts then settle the task.
#[test]
fn a_false_initial_state_claim_never_fails_an_honest_solver() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (task, segments, verifiers) = verifying_task(3, &hashes);
		let liar = verifiers[1];
		let solver_free = free(SOLVER);
		verify(task, &verifiers, |i| {
			let derived = if i == 1 { sha256(b"a made-up initial state") } else { initial_state() };
			verdict_with(initial_report(&hashes, derived), &segments, |s| honest_report(&hashes, s))
		});
		let dispute = crate::Disputes::<Test>::get(task).unwrap();
		assert_eq!((dispute.claim.subject(), dispute.challenger), (Subject::InitialState, liar));
		await_jury(task);
		let vote = honest_vote(task);
		assert_eq!(vote, JuryVote::Holds);
		jury_votes(task, |_| vote);
		run_to_block(System::block_number() + 6);

		assert_eq!(task_phase(task), None, "the task settled");
		// The liar pays its collateral and the jurors.
		assert_eq!(bond(liar, Role::Verifier), BOND - VERIFIER_COLLATERAL - 3 * JUROR_REWARD);
		for v in verifiers.iter().filter(|v| **v != liar) {
			assert_eq!(bond(*v, Role::Verifier), BOND, "an honest verifier lost stake");
		}
		assert_eq!(
			free(SOLVER),
			solver_free + REWARD + VERIFIER_COLLATERAL / 2,
			"the honest solver was not paid in full"
		);
	});
}

/// Runs `play` in a fresh market where the attacker authors the odd blocks and the honest
/// authors' VRF outputs come from `world`; returns what `play` saw.
fn in_world<R>(world: u8, play: impl FnOnce() -> R) -> R {
	let mut seen = None;
	ExtBuilder::build().execute_with(|| {
		HONEST_WORLD.with(|w| *w.borrow_mut() = world);
		ATTACKER_AUTHORS.with(|a| *a.borrow_mut() = |block| block % 2 == 1);
		seen = Some(play());
		check_invariants();
	});
	seen.unwrap()
}

/// A task of 1 000 one-step segments, 16 sampled: so many possible samples that two draws
/// from different randomness never pick the same.
fn many_segments_spec() -> TaskSpec {
	let mut spec = spec(3);
	spec.hyper.total_steps = 1_000;
	spec.hyper.checkpoint_interval = 1;
	spec.verification.sampled_segments = 16;
	spec
}

/// Attack 4, sampling: a solver that is also a validator knows the VRF outputs of its own
/// slots in advance (here: every odd block) and may commit in whichever block it likes. Every
/// draw reads the randomness beacon `SamplingDelay` blocks after the commitment, which folds in
/// the VRF output of every block in between, so for every block it could commit in, the
/// sample still depends on an output only an honest author knew: the same attacker knowledge,
/// two worlds of honest outputs, two different samples. (Reading the parent block's output
/// alone, as before, the sample was the same in both worlds whenever that parent was the
/// attacker's.)
#[test]
fn a_block_author_that_knows_its_own_vrf_outputs_never_knows_its_sampled_segments() {
	let hashes: Vec<Sha256> = (0..=1_000u32).map(|i| sha256(&i.to_le_bytes())).collect();
	for commit_in in 4..=11u64 {
		let sampled = [0, 1].map(|world| {
			in_world(world, || {
				let task = pallet_task_pool::NextTaskId::<Test>::get();
				assert_ok!(TaskPool::submit_task(
					RuntimeOrigin::signed(SUBMITTER),
					Box::new(many_segments_spec()),
					REWARD,
					FEE
				));
				next_block();
				assert_ok!(TaskPool::accept_task(RuntimeOrigin::signed(SOLVER), task));
				// The solver waits for the block it likes best.
				run_to_block(commit_in);
				assert_ok!(ProofOfLearning::commit_checkpoints(
					RuntimeOrigin::signed(SOLVER),
					task,
					sealed(task, &hashes),
					Uri::truncate_from(b"http://solver.example/ckpt".to_vec()),
				));
				run_to_block(commit_in + 2);
				let record = Verifications::<Test>::get(task).unwrap();
				assert_eq!(record.segments.len(), 16, "sampled two blocks after the commitment");
				record.segments.to_vec()
			})
		});
		assert_ne!(
			sampled[0], sampled[1],
			"committing in block {commit_in}, the attacker knew its sample"
		);
	}
}

/// Attack 4, juries: a whistleblower that is also a validator (every odd block) challenges in
/// whichever block of the challenge window it likes. The jury is drawn `JuryDrawDelay` blocks
/// later from the beacon, so for every block it could challenge in, the jury still depends on
/// an honest author's VRF output.
#[test]
fn a_block_author_that_knows_its_own_vrf_outputs_never_picks_its_jury() {
	// Twelve candidate jurors besides the task's three verifiers.
	let pool: Vec<AccountId> = vec![6, 7, 8, 9, 23, 24, 25, 26, 27];
	for challenge_in in 0..4u64 {
		let juries = [0, 1].map(|world| {
			in_world(world, || {
				bond_verifiers_among(&pool);
				let hashes = committed_checkpoints(None);
				let (task, segments, verifiers) = verifying_task(3, &hashes);
				verify(task, &verifiers, |_| {
					verdict_from(&hashes, &segments, |s| lazy_report(&hashes, s))
				});
				let report = Report::Segment(SegmentReport {
					replayed_hash: [0x66; 32],
					..honest_report(&hashes, segments[0])
				});
				let commitment = challenge_commitment(task, &WHISTLEBLOWER, &report.claim());
				assert_ok!(Dispute::commit_challenge(
					RuntimeOrigin::signed(WHISTLEBLOWER),
					task,
					commitment
				));
				// The whistleblower waits for the block it likes best.
				run_to_block(System::block_number() + 1 + challenge_in);
				assert_ok!(Dispute::challenge(RuntimeOrigin::signed(WHISTLEBLOWER), task, report));
				await_jury(task);
				let mut seated = jurors(task);
				seated.sort();
				assert_eq!(seated.len(), 3);
				(System::block_number(), seated)
			})
		});
		assert_eq!(juries[0].0, juries[1].0, "both worlds drew in the same block");
		assert_ne!(
			juries[0].1, juries[1].1,
			"challenging {challenge_in} blocks into the window, the attacker knew its jury"
		);
	}
}

/// Bonds each of `accounts` as a verifier.
fn bond_verifiers_among(accounts: &[AccountId]) {
	for who in accounts {
		assert_ok!(RoleStaking::bond(RuntimeOrigin::signed(*who), Role::Verifier, BOND, None));
	}
}

/// A task whose three verifiers passed `hashes` without replaying: its challenge window is
/// open.
fn lazily_passed_task(hashes: &[Sha256]) -> (TaskId, Vec<u32>, Vec<AccountId>) {
	let (task, segments, verifiers) = verifying_task(3, hashes);
	verify(task, &verifiers, |_| verdict_from(hashes, &segments, |s| lazy_report(hashes, s)));
	(task, segments, verifiers)
}

/// Attack 7: challenge commitments are backed by the challenge bond and never
/// outlive their use. A commitment locks the bond; replacing it with one for another task
/// releases the first; once its task can no longer be challenged (here: someone else's
/// challenge opened a dispute), anyone may withdraw it, releasing the bond, and before that
/// only its owner may.
#[test]
fn a_challenge_commitment_never_outlives_its_task_or_goes_unbacked() {
	ExtBuilder::build_and_execute(|| {
		let hashes = committed_checkpoints(None);
		let (first, _, _) = lazily_passed_task(&hashes);
		let (second, _, _) = lazily_passed_task(&hashes);
		let other: AccountId = 16;
		assert_ok!(RoleStaking::bond(
			RuntimeOrigin::signed(other),
			Role::Whistleblower,
			BOND,
			None
		));
		use assay_primitives::RoleStaking as _;
		let locked = |who, task| RoleStaking::collateral(&who, Role::Whistleblower, task);
		assert_ok!(Dispute::commit_challenge(RuntimeOrigin::signed(other), first, [1; 32]));
		assert_eq!(locked(other, first), CHALLENGE_BOND);
		// Replaced by a commitment on another task: the first bond is released.
		assert_ok!(Dispute::commit_challenge(RuntimeOrigin::signed(other), second, [2; 32]));
		assert_eq!((locked(other, first), locked(other, second)), (0, CHALLENGE_BOND));
		// While `second` can be challenged, only its owner may withdraw it.
		assert_noop!(
			Dispute::withdraw_challenge_commitment(RuntimeOrigin::signed(SUBMITTER), other),
			Error::<Test>::CommitmentStillUsable
		);
		// Someone else's challenge takes `second` out of its window.
		challenge_with(WHISTLEBLOWER, second, &hashes, 1, [0x66; 32]);
		assert_ok!(Dispute::withdraw_challenge_commitment(RuntimeOrigin::signed(SUBMITTER), other));
		assert_eq!(locked(other, second), 0);
		assert!(ChallengeCommitments::<Test>::get(other).is_none());
		assert!(dispute_events()
			.contains(&Event::ChallengeCommitmentWithdrawn { task: second, whistleblower: other }));
		assert_noop!(
			Dispute::withdraw_challenge_commitment(RuntimeOrigin::signed(other), other),
			Error::<Test>::NoChallengeCommitment
		);
	});
}

/// Against attack 6's fix, solver + one verifier: the solver fakes a segment, and its accomplice
/// on the task falsely fails `h_0`, which is disputed first on a tie, hoping that the case ends
/// there. The jury finds `h_0` right and the accomplice loses its collateral; the honest
/// verifier's claim on the faked segment is disputed next, and the solver is not paid.
#[test]
fn an_accomplice_claiming_a_wrong_initial_state_never_saves_a_faked_segment() {
	ExtBuilder::build_and_execute(|| {
		// Enough verifiers for two juries of three that never touched the task.
		bond_verifiers_among(&[6, 7, 8, 9, 23, 24]);
		// Faked from segment 0 on: every sampled segment is wrong.
		let hashes = committed_checkpoints(Some(0));
		let (task, segments, verifiers) = verifying_task(2, &hashes);
		let (accomplice, honest) = (verifiers[0], verifiers[1]);
		let solver_free = free(SOLVER);
		verify(task, &verifiers, |i| {
			if i == 0 {
				// Passes every segment, fails `h_0`.
				verdict_with(initial_report(&hashes, sha256(b"made up")), &segments, |s| {
					lazy_report(&hashes, s)
				})
			} else {
				verdict_from(&hashes, &segments, |s| honest_report(&hashes, s))
			}
		});
		let dispute = crate::Disputes::<Test>::get(task).unwrap();
		assert_eq!(
			(dispute.claim.subject(), dispute.challenger),
			(Subject::InitialState, accomplice)
		);
		await_jury(task);
		let vote = honest_vote(task);
		jury_votes(task, |_| vote);
		assert_eq!(
			bond(accomplice, Role::Verifier),
			BOND - VERIFIER_COLLATERAL - 3 * JUROR_REWARD,
			"the accomplice paid its collateral and the jurors"
		);

		// Decided again at once, on the verdicts as they stand (availability is not judged
		// again): the claim left on the faked segment is next.
		let dispute = crate::Disputes::<Test>::get(task).expect("the segment claim is next");
		assert_eq!(
			(dispute.claim.subject(), dispute.challenger),
			(Subject::Segment(segments[0]), honest)
		);
		await_jury(task);
		let vote = honest_vote(task);
		assert_eq!(vote, JuryVote::Wrong);
		jury_votes(task, |_| vote);

		// Not paid the reward: the solver's only gain is half of what its accomplice lost.
		assert_eq!(free(SOLVER), solver_free + VERIFIER_COLLATERAL / 2);
		assert_eq!(bond(SOLVER, Role::Solver), BOND - REWARD / 2 - 3 * JUROR_REWARD);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::TaskPool(pallet_task_pool::Event::TaskSettled { .. })
		)));
		assert_eq!(bond(honest, Role::Verifier), BOND, "the honest verifier lost stake");
		cancel_reopened(task);
	});
}
