//! Random sequences of extrinsics from random accounts against the whole market: whatever the
//! order, no call panics, every pallet's invariants hold after every step, and total issuance
//! never moves.
//!
//! The random accounts are the adversaries: a solver that fakes checkpoints or starts from
//! weights of its own choosing, a whistleblower that challenges honest work, verifiers that
//! fail honest segments, pass everything unchecked, declare or stay silent, jurors that stay
//! away. Three accounts play the honest strategy every block ([`honest_agents_act`]): two
//! verifiers (also drawn as jurors) and a whistleblower that challenges every wrong `h_0` or
//! faked segment it sees. Jurors who vote vote honestly (the protocol's trust
//! assumption: a majority of the jury is honest). Afterwards the honest accounts have lost
//! nothing, and no task whose committed checkpoints are wrong was settled (its solver paid).

use crate::{
	mock::{Dispute, RoleStaking, *},
	*,
};
use assay_primitives::{InitialStateReport, Salt, SegmentReport, Uri, Verdict};
use pallet_proof_of_learning::Verifications;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
enum Action {
	Submit { who: u64, verifiers: u16, reward: u128 },
	Cancel { who: u64, task: u64 },
	Accept { who: u64, task: u64 },
	Decline { who: u64, task: u64 },
	CommitCheckpoints { who: u64, task: u64, training: Training },
	CommitVerdict { who: u64, task: u64, kind: VerdictKind },
	RevealVerdict { who: u64, task: u64, kind: VerdictKind },
	Challenge { who: u64, task: u64, segment: u32 },
	CommitVote { who: u64, task: u64, vote: bool },
	RevealVote { who: u64, task: u64, vote: bool },
	Bond { who: u64, role: u8 },
	Chill { who: u64, role: u8 },
	Advance { blocks: u64 },
}

/// Accounts: the named ones of the mock and a few strangers.
fn account() -> impl Strategy<Value = u64> {
	prop_oneof![
		Just(SUBMITTER),
		Just(SOLVER),
		Just(WHISTLEBLOWER),
		proptest::sample::select(VERIFIERS.to_vec()),
		2u64..30,
	]
}

/// Actions, weighted towards those that move a task forward, on the first few task ids.
fn action() -> impl Strategy<Value = Action> {
	let task = 0u64..3;
	prop_oneof![
		2 => (account(), 1u16..4, 0u128..2_000)
			.prop_map(|(who, verifiers, reward)| Action::Submit { who, verifiers, reward }),
		1 => (account(), task.clone()).prop_map(|(who, task)| Action::Cancel { who, task }),
		4 => (account(), task.clone()).prop_map(|(who, task)| Action::Accept { who, task }),
		1 => (account(), task.clone()).prop_map(|(who, task)| Action::Decline { who, task }),
		4 => (account(), task.clone(), training())
			.prop_map(|(who, task, training)| Action::CommitCheckpoints { who, task, training }),
		8 => (account(), task.clone(), verdict_kind())
			.prop_map(|(who, task, kind)| Action::CommitVerdict { who, task, kind }),
		8 => (account(), task.clone(), verdict_kind())
			.prop_map(|(who, task, kind)| Action::RevealVerdict { who, task, kind }),
		6 => (account(), task.clone(), 0u32..11)
			.prop_map(|(who, task, segment)| Action::Challenge { who, task, segment }),
		6 => (account(), task.clone(), any::<bool>())
			.prop_map(|(who, task, vote)| Action::CommitVote { who, task, vote }),
		6 => (account(), task, any::<bool>())
			.prop_map(|(who, task, vote)| Action::RevealVote { who, task, vote }),
		1 => (account(), 0u8..3).prop_map(|(who, role)| Action::Bond { who, role }),
		1 => (account(), 0u8..3).prop_map(|(who, role)| Action::Chill { who, role }),
		5 => (1u64..3).prop_map(|blocks| Action::Advance { blocks }),
	]
}

/// What a verifier commits to and reveals, or declares instead.
#[derive(Clone, Copy, Debug, PartialEq)]
enum VerdictKind {
	/// Honest replays.
	Honest,
	/// Every segment failing.
	Failing,
	/// Everything passing unchecked (the committed `h_0` taken as the initial state, every
	/// committed end state as the replay's).
	Lazy,
	/// The artifacts declared unavailable (in the commit phase, instead of a verdict).
	Unavailable,
}

/// What a solver commits to.
#[derive(Clone, Copy, Debug)]
enum Training {
	/// The task's training.
	Honest,
	/// Segment `s` faked (and everything after it made up).
	FakedSegment(u32),
	/// Honest training from weights of the solver's choosing.
	ChosenStart,
}

fn training() -> impl Strategy<Value = Training> {
	prop_oneof![
		3 => Just(Training::Honest),
		3 => (0u32..10).prop_map(Training::FakedSegment),
		1 => Just(Training::ChosenStart),
	]
}

fn verdict_kind() -> impl Strategy<Value = VerdictKind> {
	prop_oneof![
		5 => Just(VerdictKind::Honest),
		2 => Just(VerdictKind::Failing),
		2 => Just(VerdictKind::Lazy),
		3 => Just(VerdictKind::Unavailable),
	]
}

fn role(r: u8) -> Role {
	Role::ALL[r as usize % 3]
}

/// What the fuzzer remembers: the checkpoints each task's solver committed to.
#[derive(Default)]
struct World {
	committed: BTreeMap<TaskId, Vec<Sha256>>,
	/// What each juror committed to: reveals repeat it (a mismatch is tried by strangers and
	/// by the odd random flip).
	choices: BTreeMap<(TaskId, u64), JuryVote>,
	/// Likewise, what each verifier committed to.
	verdicts: BTreeMap<(TaskId, u64), VerdictKind>,
	/// Verdicts the honest verifiers revealed.
	honest_verdicts: usize,
	/// Challenges the honest whistleblower made.
	honest_challenges: usize,
}

/// `who`'s verdict on `task` of the given kind (an empty one where nothing was committed; a
/// declarer gives none, so `Unavailable` stands for an honest verdict there).
fn verdict(world: &World, task: TaskId, kind: VerdictKind) -> Verdict {
	let Some(hashes) = world.committed.get(&task) else {
		let initial_state = InitialStateReport {
			committed_hash: [0; 32],
			proof: Default::default(),
			derived_hash: [0; 32],
		};
		return Verdict::Checked { initial_state, segments: Default::default() };
	};
	let segments = Verifications::<Test>::get(task)
		.map(|v| v.segments.to_vec())
		.unwrap_or_default();
	let honest = match kind {
		VerdictKind::Lazy => {
			let initial_state = initial_report(hashes, hashes[0]);
			return verdict_with(initial_state, &segments, |s| lazy_report(hashes, s));
		},
		VerdictKind::Honest | VerdictKind::Unavailable => true,
		VerdictKind::Failing => false,
	};
	verdict_from(hashes, &segments, |s| {
		let honest_report = honest_report(hashes, s);
		let replayed_hash = if honest { honest_report.replayed_hash } else { [0x77; 32] };
		SegmentReport { replayed_hash, ..honest_report }
	})
}

fn salt(who: u64, task: TaskId) -> Salt {
	sp_io::hashing::blake2_256(&(who, task).encode())
}

/// Most picks aim at whoever the chain waits for, so that random runs reach verification,
/// disputes and juries; accounts 1 to 4 stay themselves (strangers to most tasks).
fn aim(who: u64, candidates: Vec<u64>) -> u64 {
	if who > 4 && !candidates.is_empty() {
		candidates[who as usize % candidates.len()]
	} else {
		who
	}
}

fn verifiers_of(task: TaskId) -> Vec<u64> {
	Verifications::<Test>::get(task)
		.map_or(vec![], |v| v.slots.iter().map(|s| s.verifier).collect())
}

fn jurors_of(task: TaskId) -> Vec<u64> {
	crate::Disputes::<Test>::get(task)
		.map_or(vec![], |d| d.jurors.iter().map(|j| j.juror).collect())
}

fn solver_of(task: TaskId) -> Vec<u64> {
	<TaskPool as assay_primitives::TaskLifecycle<u64>>::summary(task)
		.and_then(|s| s.solver)
		.into_iter()
		.collect()
}

/// Task ids 0 and 1 aim at a live task waiting for this kind of action, if there is one;
/// others stay as drawn.
fn aim_task(task: TaskId, waiting: impl Fn(TaskId) -> bool) -> TaskId {
	if task > 1 {
		return task;
	}
	let live: Vec<TaskId> = (0..pallet_task_pool::NextTaskId::<Test>::get())
		.filter(|t| waiting(*t))
		.collect();
	live.get(task as usize % live.len().max(1)).copied().unwrap_or(task)
}

fn in_task_phase(task: TaskId, phase: assay_primitives::TaskPhase) -> bool {
	<TaskPool as assay_primitives::TaskLifecycle<u64>>::summary(task)
		.is_some_and(|s| s.phase == phase)
}

fn in_verification(
	task: TaskId,
	check: impl Fn(&pallet_proof_of_learning::Phase<u64>) -> bool,
) -> bool {
	Verifications::<Test>::get(task).is_some_and(|v| check(&v.phase))
}

fn in_dispute(task: TaskId, check: impl Fn(&Phase<u64>) -> bool) -> bool {
	crate::Disputes::<Test>::get(task).is_some_and(|d| check(&d.phase))
}

/// Re-aims the task of a progress action at a task waiting for it.
fn aim_action(action: Action) -> Action {
	use assay_primitives::TaskPhase as P;
	use pallet_proof_of_learning::Phase as V;
	match action {
		Action::Accept { who, task } => {
			Action::Accept { who, task: aim_task(task, |t| in_task_phase(t, P::Assigned)) }
		},
		Action::CommitCheckpoints { who, task, training } => Action::CommitCheckpoints {
			who,
			task: aim_task(task, |t| in_task_phase(t, P::Training)),
			training,
		},
		Action::CommitVerdict { who, task, kind } => Action::CommitVerdict {
			who,
			task: aim_task(task, |t| in_verification(t, |p| matches!(p, V::Committing { .. }))),
			kind,
		},
		Action::RevealVerdict { who, task, kind } => Action::RevealVerdict {
			who,
			task: aim_task(task, |t| in_verification(t, |p| matches!(p, V::Revealing { .. }))),
			kind,
		},
		Action::Challenge { who, task, segment } => Action::Challenge {
			who,
			task: aim_task(task, |t| {
				in_verification(t, |p| matches!(p, V::ChallengeWindow { .. }))
			}),
			segment,
		},
		Action::CommitVote { who, task, vote } => Action::CommitVote {
			who,
			task: aim_task(task, |t| in_dispute(t, |p| matches!(p, Phase::JuryCommit { .. }))),
			vote,
		},
		Action::RevealVote { who, task, vote } => Action::RevealVote {
			who,
			task: aim_task(task, |t| in_dispute(t, |p| matches!(p, Phase::JuryReveal { .. }))),
			vote,
		},
		other => other,
	}
}

/// The verifiers that play the honest strategy: replay, commit and reveal in time, vote
/// honestly as jurors.
const HONEST_VERIFIERS: [u64; 2] = [VERIFIERS[0], VERIFIERS[1]];
/// The whistleblower that challenges every faked segment it sees, and nothing else.
const HONEST_WHISTLEBLOWER: u64 = 16;
/// Its bond: enough for a challenge of every live task at once.
const HONEST_WHISTLEBLOWER_BOND: u128 = 10 * CHALLENGE_BOND;

/// What an honest juror votes on `task`'s dispute, if there is one.
fn honest_vote_on(task: TaskId) -> Option<JuryVote> {
	crate::Disputes::<Test>::contains_key(task).then(|| honest_vote(task))
}

/// A drawn vote, for a dispute that does not exist (the call is refused).
fn any_vote(vote: bool) -> JuryVote {
	if vote {
		JuryVote::Holds
	} else {
		JuryVote::Wrong
	}
}

/// The honest accounts do what the honest strategy asks of them now. Every move of theirs must
/// be accepted: a refusal is a bug.
fn honest_agents_act(world: &mut World) {
	for me in HONEST_VERIFIERS {
		honest_verifier_acts(world, me);
	}
	honest_whistleblower_acts(world);
}

/// `me`, an honest verifier, commits and reveals its verdicts and votes in time.
fn honest_verifier_acts(world: &mut World, me: u64) {
	let o = RuntimeOrigin::signed;
	for (task, record) in Verifications::<Test>::iter() {
		let Some(slot) = record.slots.iter().find(|s| s.verifier == me) else { continue };
		let verdict = verdict(world, task, VerdictKind::Honest);
		match record.phase {
			pallet_proof_of_learning::Phase::Committing { .. } if slot.commitment.is_none() => {
				world.verdicts.insert((task, me), VerdictKind::Honest);
				let hash =
					assay_primitives::verdict_commitment(task, &me, &verdict, &salt(me, task));
				ProofOfLearning::commit_verdict(o(me), task, hash).unwrap();
			},
			pallet_proof_of_learning::Phase::Revealing { .. } if slot.failed.is_none() => {
				ProofOfLearning::reveal_verdict(o(me), task, verdict, salt(me, task)).unwrap();
				world.honest_verdicts += 1;
			},
			_ => {},
		}
	}
	for (task, dispute) in crate::Disputes::<Test>::iter() {
		let Some(slot) = dispute.jurors.iter().find(|j| j.juror == me) else { continue };
		let vote = honest_vote(task);
		match dispute.phase {
			Phase::JuryCommit { .. } if slot.commitment.is_none() => {
				let hash = vote_commitment(task, &me, vote, &salt(me, task));
				Dispute::commit_vote(o(me), task, hash).unwrap();
			},
			Phase::JuryReveal { .. } if slot.vote.is_none() => {
				Dispute::reveal_vote(o(me), task, vote, salt(me, task)).unwrap();
			},
			_ => {},
		}
	}
}

/// The honest whistleblower commits to, then makes, a challenge of the first faked segment of
/// a task in its challenge window.
fn honest_whistleblower_acts(world: &mut World) {
	let o = RuntimeOrigin::signed;
	let wb = HONEST_WHISTLEBLOWER;
	for (task, record) in Verifications::<Test>::iter() {
		if !matches!(record.phase, pallet_proof_of_learning::Phase::ChallengeWindow { .. }) {
			continue;
		}
		let Some(hashes) = world.committed.get(&task) else { continue };
		let report = match first_wrong(hashes) {
			None => continue,
			Some(Subject::InitialState) => {
				Report::InitialState(initial_report(hashes, initial_state()))
			},
			Some(Subject::Segment(segment)) => Report::Segment(honest_report(hashes, segment)),
		};
		let commitment = crate::challenge_commitment(task, &wb, &report.claim());
		match crate::ChallengeCommitments::<Test>::get(wb) {
			Some((t, c, at)) if t == task && c == commitment && at < System::block_number() => {
				Dispute::challenge(o(wb), task, report).unwrap();
				world.honest_challenges += 1;
			},
			Some((t, c, _)) if t == task && c == commitment => {},
			_ => Dispute::commit_challenge(o(wb), task, commitment).unwrap(),
		}
		// One challenge at a time: its commitment is the whistleblower's only one.
		break;
	}
}

/// Runs `blocks` blocks, the honest accounts acting before each.
fn advance(world: &mut World, blocks: u64) {
	for _ in 0..blocks {
		honest_agents_act(world);
		next_block();
	}
}

fn apply(world: &mut World, action: Action) {
	let o = RuntimeOrigin::signed;
	let action = match aim_action(action) {
		Action::Accept { who, task } => Action::Accept { who: aim(who, solver_of(task)), task },
		Action::Decline { who, task } => Action::Decline { who: aim(who, solver_of(task)), task },
		Action::CommitCheckpoints { who, task, training } => {
			Action::CommitCheckpoints { who: aim(who, solver_of(task)), task, training }
		},
		Action::CommitVerdict { who, task, kind } => {
			Action::CommitVerdict { who: aim(who, verifiers_of(task)), task, kind }
		},
		Action::RevealVerdict { who, task, kind } => {
			Action::RevealVerdict { who: aim(who, verifiers_of(task)), task, kind }
		},
		Action::Challenge { who, task, segment } => {
			Action::Challenge { who: aim(who, vec![WHISTLEBLOWER]), task, segment }
		},
		Action::CommitVote { who, task, vote } => {
			Action::CommitVote { who: aim(who, jurors_of(task)), task, vote }
		},
		Action::RevealVote { who, task, vote } => {
			Action::RevealVote { who: aim(who, jurors_of(task)), task, vote }
		},
		other => other,
	};
	let honest = |who| HONEST_VERIFIERS.contains(&who) || who == HONEST_WHISTLEBLOWER;
	if action_account(&action).is_some_and(honest) {
		// The honest accounts only ever play the honest strategy.
		return;
	}
	// Results are ignored: refusals are expected; panics are what this test looks for.
	let _ = match action {
		Action::Submit { who, verifiers, reward } => {
			// The mock's least fee is 1 % of the reward.
			TaskPool::submit_task(
				o(who),
				Box::new(spec(verifiers)),
				reward,
				FEE.max(reward / 100 + 1),
			)
		},
		Action::Cancel { who, task } => TaskPool::cancel_task(o(who), task),
		Action::Accept { who, task } => TaskPool::accept_task(o(who), task),
		Action::Decline { who, task } => TaskPool::decline_task(o(who), task),
		Action::CommitCheckpoints { who, task, training } => {
			let hashes = match training {
				Training::Honest => committed_checkpoints(None),
				Training::FakedSegment(s) => committed_checkpoints(Some(s)),
				Training::ChosenStart => chosen_start_checkpoints(),
			};
			let commitment =
				pallet_proof_of_learning::testing::sealed(task, &who, &hashes, [0xaa; 32]);
			let uri = Uri::truncate_from(b"http://solver.example/ckpt".to_vec());
			let result = ProofOfLearning::commit_checkpoints(o(who), task, commitment, uri);
			if result.is_ok() {
				pallet_proof_of_learning::testing::remember(task, &hashes);
				world.committed.insert(task, hashes);
			}
			result
		},
		Action::CommitVerdict { who, task, kind: VerdictKind::Unavailable } => {
			ProofOfLearning::declare_unavailable(o(who), task)
		},
		Action::CommitVerdict { who, task, kind } => {
			world.verdicts.insert((task, who), kind);
			let hash = assay_primitives::verdict_commitment(
				task,
				&who,
				&verdict(world, task, kind),
				&salt(who, task),
			);
			ProofOfLearning::commit_verdict(o(who), task, hash)
		},
		Action::RevealVerdict { who, task, kind } => {
			let kind = world.verdicts.get(&(task, who)).copied().unwrap_or(kind);
			ProofOfLearning::reveal_verdict(
				o(who),
				task,
				verdict(world, task, kind),
				salt(who, task),
			)
		},
		Action::Challenge { who, task, segment } => match world.committed.get(&task) {
			Some(hashes) if (segment as usize) + 1 < hashes.len() => {
				// The true end where the solver faked it, a made-up one otherwise (a false
				// challenge).
				let honest = honest_report(hashes, segment);
				let replayed_hash = if honest.replayed_hash != honest.end_hash {
					honest.replayed_hash
				} else {
					[0x66; 32]
				};
				let report = Report::Segment(SegmentReport { replayed_hash, ..honest });
				// Committed to this claim in an earlier block: challenge; otherwise commit now
				// (the challenge comes when the action is drawn again).
				let commitment = crate::challenge_commitment(task, &who, &report.claim());
				match crate::ChallengeCommitments::<Test>::get(who) {
					Some((t, c, at))
						if t == task && c == commitment && at < System::block_number() =>
					{
						Dispute::challenge(o(who), task, report)
					},
					_ => Dispute::commit_challenge(o(who), task, commitment),
				}
			},
			_ => Ok(()),
		},
		Action::CommitVote { who, task, vote } => {
			// Jurors may stay away, but those who vote vote honestly.
			let vote = honest_vote_on(task).unwrap_or(any_vote(vote));
			world.choices.insert((task, who), vote);
			Dispute::commit_vote(o(who), task, vote_commitment(task, &who, vote, &salt(who, task)))
		},
		Action::RevealVote { who, task, vote } => {
			let vote = world.choices.get(&(task, who)).copied().unwrap_or(any_vote(vote));
			Dispute::reveal_vote(o(who), task, vote, salt(who, task))
		},
		Action::Bond { who, role: r } => {
			let hardware = (role(r) == Role::Solver).then_some(assay_primitives::HardwareClass {
				device: assay_primitives::Device::Gpu,
				memory_gib: 16,
			});
			RoleStaking::bond(o(who), role(r), BOND, hardware)
		},
		Action::Chill { who, role: r } => RoleStaking::chill(o(who), role(r)),
		Action::Advance { blocks } => {
			advance(world, blocks);
			Ok(())
		},
	};
}

/// The account an action is sent from (`None`: time passing).
fn action_account(action: &Action) -> Option<u64> {
	match action {
		Action::Submit { who, .. }
		| Action::Cancel { who, .. }
		| Action::Accept { who, .. }
		| Action::Decline { who, .. }
		| Action::CommitCheckpoints { who, .. }
		| Action::CommitVerdict { who, .. }
		| Action::RevealVerdict { who, .. }
		| Action::Challenge { who, .. }
		| Action::CommitVote { who, .. }
		| Action::RevealVote { who, .. }
		| Action::Bond { who, .. }
		| Action::Chill { who, .. } => Some(*who),
		Action::Advance { .. } => None,
	}
}

/// How many times `event` was deposited so far in this block's externalities.
fn count_events(event: impl Fn(&RuntimeEvent) -> bool) -> usize {
	System::events().iter().filter(|r| event(&r.event)).count()
}

#[test]
fn random_extrinsics_keep_every_invariant() {
	use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
	use std::cell::Cell;

	let reveals = Cell::new(0usize);
	let disputes = Cell::new(0usize);
	let declarations = Cell::new(0usize);
	let honest_verdicts = Cell::new(0usize);
	let honest_challenges = Cell::new(0usize);
	let faked_failed = Cell::new(0usize);
	// A fixed seed: CI runs the same 64 sequences every time (set PROPTEST_CASES higher and
	// change the seed locally to explore further).
	let mut runner = TestRunner::new_with_rng(
		Config { cases: 64, ..Config::default() },
		TestRng::deterministic_rng(RngAlgorithm::ChaCha),
	);
	runner
		.run(&proptest::collection::vec(action(), 1..200), |actions| {
			ExtBuilder::build().execute_with(|| {
				let issuance = Balances::total_issuance();
				RoleStaking::bond(
					RuntimeOrigin::signed(HONEST_WHISTLEBLOWER),
					Role::Whistleblower,
					HONEST_WHISTLEBLOWER_BOND,
					None,
				)
				.unwrap();
				let honest = [HONEST_VERIFIERS[0], HONEST_VERIFIERS[1], HONEST_WHISTLEBLOWER];
				let honest_free = honest.map(free);
				let mut world = World::default();
				for action in actions {
					apply(&mut world, action);
					honest_agents_act(&mut world);
					check_invariants();
					assert_eq!(Balances::total_issuance(), issuance, "issuance changed");
				}
				// Time runs every live task to an end or a wait, invariants checked each block.
				advance(&mut world, 100);

				// The honest strategy never loses: no slash, and free balances only grow (fees,
				// rewards).
				for v in HONEST_VERIFIERS {
					assert_eq!(bond(v, Role::Verifier), BOND, "honest verifier {v} lost stake");
				}
				assert_eq!(
					bond(HONEST_WHISTLEBLOWER, Role::Whistleblower),
					HONEST_WHISTLEBLOWER_BOND,
					"the honest whistleblower lost"
				);
				for (who, was) in honest.into_iter().zip(honest_free) {
					assert!(free(who) >= was, "{who}'s free balance fell");
				}
				// No solver was paid for checkpoints that are wrong.
				for record in System::events() {
					let RuntimeEvent::TaskPool(pallet_task_pool::Event::TaskSettled {
						task, ..
					}) = record.event
					else {
						continue;
					};
					let hashes = world.committed.get(&task).expect("a settled task was committed");
					assert_eq!(
						first_wrong(hashes),
						None,
						"task {task} settled on wrong checkpoints"
					);
				}
				faked_failed.set(
					faked_failed.get()
						+ count_events(|e| {
							matches!(
								e,
								RuntimeEvent::ProofOfLearning(
									pallet_proof_of_learning::Event::VerificationFailed { .. }
								)
							)
						}),
				);
				honest_verdicts.set(honest_verdicts.get() + world.honest_verdicts);
				honest_challenges.set(honest_challenges.get() + world.honest_challenges);
				reveals.set(
					reveals.get()
						+ count_events(|e| {
							matches!(
								e,
								RuntimeEvent::ProofOfLearning(
									pallet_proof_of_learning::Event::VerdictRevealed { .. }
								)
							)
						}),
				);
				disputes.set(
					disputes.get()
						+ count_events(|e| {
							matches!(e, RuntimeEvent::Dispute(Event::DisputeOpened { .. }))
						}),
				);
				declarations.set(
					declarations.get()
						+ count_events(|e| {
							matches!(
								e,
								RuntimeEvent::ProofOfLearning(
									pallet_proof_of_learning::Event::ArtifactsDeclaredUnavailable { .. }
								)
							)
						}),
				);
			});
			Ok(())
		})
		.unwrap();
	eprintln!(
		"random runs reached {} verdict reveals ({} by the honest verifiers), {} unavailability \
		 declarations, {} disputes ({} challenges by the honest whistleblower) and {} faked \
		 segments proven",
		reveals.get(),
		honest_verdicts.get(),
		declarations.get(),
		disputes.get(),
		honest_challenges.get(),
		faked_failed.get(),
	);
	// The runs must reach the deep states, or they prove little.
	assert!(reveals.get() > 0, "no random run reached a verdict reveal");
	assert!(honest_verdicts.get() > 0, "the honest verifiers never revealed");
	assert!(declarations.get() > 0, "no random run declared artifacts unavailable");
	assert!(disputes.get() > 0, "no random run reached a dispute");
	assert!(honest_challenges.get() > 0, "the honest whistleblower never challenged");
	assert!(faked_failed.get() > 0, "no faked segment was proven wrong");
}
