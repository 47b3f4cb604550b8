//! `assay-verifier`: checks other solvers' training.
//!
//! On every finalized block it reads the verifications and disputes it is part of:
//!
//! | chain state | what the verifier does |
//! |---|---|
//! | sampled as a verifier, `Committing`, no commitment yet | checks `h_0` against the initial state it derives from the spec and replays its segments in the background, stores verdict and salt, `commit_verdict` |
//! | the same, but the solver's checkpoints cannot be fetched (or do not match its commitment) | retries every block; near the end of the commit window `declare_unavailable` instead |
//! | `Revealing`, committed, not revealed | `reveal_verdict` from the store |
//! | drawn as a juror, `JuryCommit` | judges the disputed claim as a verifier would (derives the initial state, or replays the segment from the committed `h_i` against the committed `h_{i+1}`), stores vote and salt, `commit_vote` |
//! | juror, `JuryReveal` | `reveal_vote` |
//! | whistleblower: a task in its `ChallengeWindow`, not yet checked | checks `h_0` and replays the sampled segments as a verifier, and a random share of the others (`--unsampled-share`, at most `--max-unsampled`); for a wrong one, stores the report and `commit_challenge` |
//! | whistleblower: its commitment finalized in an earlier block | `challenge` with the stored claim |
//!
//! Verdicts and votes are written to the store before their commitment is sent, so a verifier
//! that restarts between commit and reveal still reveals. Every record names the attempt it
//! belongs to (the solver and what it committed): a task whose training failed reopens for
//! another solver under the same id, and its next attempt must not reuse a verdict, a vote or
//! a claim about the last one.

use crate::{
	engine::{self, Committed, JobError, TaskRun, TrainingCheck},
	worker::{self, submit, submit_counted, CommonArgs, Context, JobState, Jobs, Worker},
};
use assay_client::{entries, fetch, runtime, Chain, ClientError, FinalizedBlock, Static};
use assay_primitives::{
	challenge_commitment, sha256, verdict_commitment, vote_commitment, JuryVote, Report, Role,
	Salt, TaskId, Verdict,
};
use codec::Encode;
use runtime::runtime_types::{
	pallet_dispute::types::{Dispute, Phase as DisputePhase},
	pallet_proof_of_learning::types::{Phase, Verification},
};
use std::sync::{atomic::Ordering, Arc};

/// `--role`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerifierRole {
	/// Replays sampled segments, reveals verdicts, sits on juries.
	Verifier,
	/// Re-checks verified tasks during their challenge window and challenges wrong ones.
	Whistleblower,
}

/// `assay-verifier`'s command line.
#[derive(clap::Parser, Debug)]
#[command(
	version,
	about = "Assay verifier: replays sampled segments, judges disputes, or challenges wrong verdicts"
)]
pub struct VerifierArgs {
	#[command(flatten)]
	/// Options every worker takes.
	pub common: CommonArgs,
	/// What to stake as and do.
	#[arg(long, value_enum, default_value = "verifier")]
	pub role: VerifierRole,
	/// Whistleblower: the share of verified tasks to re-check, in percent (chosen by task id,
	/// so two whistleblowers with different shares still overlap predictably).
	#[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u8).range(0..=100))]
	pub check_share: u8,
	/// Whistleblower: besides the sampled segments, replay this share of the others, in
	/// percent (rounded up), picked at random afresh for every task, so that a solver cannot
	/// know which segments nobody will replay.
	#[arg(long, default_value_t = 25, value_parser = clap::value_parser!(u8).range(0..=100))]
	pub unsampled_share: u8,
	/// Whistleblower: the most unsampled segments replayed per task (the budget: each costs
	/// one segment's training).
	#[arg(long, default_value_t = 4)]
	pub max_unsampled: u32,
}

const VERDICT: &str = "verdict";
const CHECKED: &str = "whistleblower-checked";
/// The report a whistleblower challenges with, kept from its commitment to its challenge.
const CLAIM: &str = "whistleblower-claim";

/// The journal record `name` of the attempt `verification` judges: its solver (never drawn
/// twice for a task) and the root it committed.
fn attempt_record(name: &str, verification: &Verification) -> String {
	format!("{name}-{}", short_hash(&(&verification.solver, verification.commitment.0.root)))
}

/// The journal record of a jury vote: one per attempt (the defender) and claim (its subject
/// and the committed data), so a later dispute over the same task never reuses an earlier
/// vote.
fn vote_record(dispute: &Dispute) -> String {
	// Not `vote-…`: those held a `bool` (builds before `JuryVote`), which would decode as one.
	format!("jury-vote-{}", short_hash(&(&dispute.defender, &dispute.claim.0)))
}

/// The segments a whistleblower replays for a task of `segments` segments whose verifiers
/// replayed `sampled`: those, and `share` per cent of the others (rounded up, at most
/// `budget`), drawn with `rng`; in increasing order. The sampled ones are replayed again
/// because the verifiers may have lied about them; the others because nobody else did.
fn segments_to_recheck(
	sampled: &[u32],
	segments: u32,
	share: u8,
	budget: u32,
	rng: &mut impl rand::Rng,
) -> Vec<u32> {
	let unsampled: Vec<u32> = (0..segments).filter(|s| !sampled.contains(s)).collect();
	let wanted = (unsampled.len() * usize::from(share)).div_ceil(100);
	let count = wanted.min(usize::try_from(budget).unwrap_or(usize::MAX));
	let mut chosen: Vec<u32> = sampled.to_vec();
	chosen.extend(
		rand::seq::index::sample(rng, unsampled.len(), count)
			.into_iter()
			.map(|i| unsampled[i]),
	);
	chosen.sort_unstable();
	chosen.dedup();
	chosen
}

/// 16 hex digits of the sha256 of `value`'s SCALE encoding: enough to tell attempts apart in
/// a record name.
fn short_hash(value: &impl Encode) -> String {
	hex::encode(&sha256(&value.encode())[..8])
}

struct Counters {
	verdicts: Arc<std::sync::atomic::AtomicU64>,
	failed_segments: Arc<std::sync::atomic::AtomicU64>,
	declarations: Arc<std::sync::atomic::AtomicU64>,
	votes: Arc<std::sync::atomic::AtomicU64>,
	challenges: Arc<std::sync::atomic::AtomicU64>,
	forced_found: Arc<std::sync::atomic::AtomicU64>,
	forced_missed: Arc<std::sync::atomic::AtomicU64>,
}

/// The verifier (and whistleblower) worker.
pub struct Verifier {
	ctx: Context,
	role: VerifierRole,
	check_share: u8,
	unsampled_share: u8,
	max_unsampled: u32,
	bond: Option<u128>,
	verdicts: Jobs<TaskId, Result<TrainingCheck, JobError>>,
	votes: Jobs<TaskId, Result<bool, JobError>>,
	checks: Jobs<TaskId, Result<Option<Report>, JobError>>,
	counters: Counters,
}

/// Where a verification's artifacts are, and what was committed.
fn committed(task: TaskId, verification: &Verification) -> Committed {
	Committed {
		task,
		artifact_uri: String::from_utf8_lossy(&verification.artifact_uri.0).into_owned(),
		commitment: verification.commitment.0,
	}
}

/// Whether a verifier or juror that could not fetch a solver's checkpoints (`error`) stops
/// retrying and says so on chain: once a third of its commit window (`window` blocks, ending
/// at `until`) is left, at least 3 blocks. A server briefly down is not reported, and the
/// commitment still gets in. Logs either way.
fn give_up_on_checkpoints(
	task: TaskId,
	error: &impl std::fmt::Display,
	until: u32,
	window: u32,
	block: &FinalizedBlock,
) -> bool {
	let left = until.saturating_sub(block.number);
	if left > (window / 3).max(3) {
		log::warn!("task {task}: cannot fetch the checkpoints ({error}); retrying");
		return false;
	}
	log::warn!(
		"task {task}: the checkpoints are still unavailable ({error}) with {left} blocks of the \
		 commit window left: saying so"
	);
	true
}

fn random_salt() -> Salt {
	rand::random()
}

impl Verifier {
	/// Reads the key, opens the store, starts metrics.
	pub async fn start(args: &VerifierArgs) -> anyhow::Result<Self> {
		let ctx = Context::new(&args.common)?;
		log::info!("{:?} {}", args.role, ctx.account);
		if let Some(addr) = args.common.metrics {
			ctx.metrics.serve(addr).await?;
		}
		let m = &ctx.metrics;
		let counters = Counters {
			verdicts: m.counter("assay_verifier_verdicts_total", "Verdicts committed."),
			failed_segments: m.counter(
				"assay_verifier_failed_segments_total",
				"Segments this verifier found wrong.",
			),
			declarations: m.counter(
				"assay_verifier_unavailable_declarations_total",
				"Tasks whose checkpoints this verifier declared unavailable.",
			),
			votes: m.counter("assay_verifier_votes_total", "Jury votes committed."),
			challenges: m
				.counter("assay_verifier_challenges_total", "Challenges opened (whistleblower)."),
			forced_found: m.counter(
				"assay_verifier_forced_errors_found_total",
				"Forced errors this verifier failed (and was paid a jackpot share for).",
			),
			forced_missed: m.counter(
				"assay_verifier_forced_errors_missed_total",
				"Forced errors this verifier passed (and lost its collateral for).",
			),
		};
		Ok(Self {
			role: args.role,
			check_share: args.check_share,
			unsampled_share: args.unsampled_share,
			max_unsampled: args.max_unsampled,
			bond: args.common.bond,
			verdicts: Jobs::default(),
			votes: Jobs::default(),
			checks: Jobs::default(),
			counters,
			ctx,
		})
	}

	fn stake_role(&self) -> Role {
		match self.role {
			VerifierRole::Verifier => Role::Verifier,
			VerifierRole::Whistleblower => Role::Whistleblower,
		}
	}

	async fn task_run_inputs(
		&self,
		block: &FinalizedBlock,
		task: TaskId,
	) -> Result<Option<assay_primitives::TaskSpec>, ClientError> {
		let entry = fetch(&block.at, runtime::storage().task_pool().tasks(), (task,)).await?;
		Ok(entry.map(|entry| entry.spec.0))
	}

	/// Verifier: commit, then reveal, a verdict on the segments sampled for this task.
	async fn on_verification(
		&mut self,
		chain: &Chain,
		block: &FinalizedBlock,
		task: TaskId,
		verification: &Verification,
	) -> Result<(), ClientError> {
		let me = &self.ctx.account.clone();
		let Some(slot) = verification.slots.0.iter().find(|slot| &slot.verifier == me) else {
			return Ok(());
		};
		let verdict_record = attempt_record(VERDICT, verification);
		match (&verification.phase, slot.commitment, &slot.failed) {
			(Phase::Committing { until }, None, _) => {
				if let Ok(Some((verdict, salt))) =
					self.ctx.store.record::<(Verdict, Salt)>(task, &verdict_record)
				{
					let commitment = verdict_commitment(task, me, &verdict, &salt);
					let call = runtime::tx().proof_of_learning().commit_verdict(task, commitment);
					submit_counted(
						chain,
						&self.ctx.key,
						&format!("commit verdict on task {task}"),
						&call,
						&self.counters.verdicts,
					)
					.await?;
					return Ok(());
				}
				match self.verdicts.poll(&task) {
					JobState::Absent => {
						let Some(spec) = self.task_run_inputs(block, task).await? else {
							return Ok(());
						};
						let committed = committed(task, verification);
						let segments = verification.segments.0.clone();
						let (store, device, fault) =
							(self.ctx.store.clone(), self.ctx.device, self.ctx.fault);
						log::info!("task {task}: checking h_0, replaying segments {segments:?}");
						self.verdicts.start(task, move || {
							let run = TaskRun::prepare(spec, store, device)?;
							engine::check_training(&run, &committed, &segments, fault)
						});
					},
					JobState::Running => {},
					JobState::Done(Ok(training)) => {
						if !training.initial_state.passes {
							log::info!("task {task}: h_0 is NOT the task's initial state");
						}
						for check in &training.segments {
							let verdict =
								if check.passes { "reproduced" } else { "NOT reproduced" };
							log::info!("task {task}: segment {} {verdict}", check.report.segment);
						}
						let failed = training.segments.iter().filter(|check| !check.passes).count();
						self.counters.failed_segments.fetch_add(failed as u64, Ordering::Relaxed);
						match training.verdict() {
							Some(verdict) => {
								if let Err(error) = self.ctx.store.set_record(
									task,
									&verdict_record,
									&(verdict, random_salt()),
								) {
									log::error!("task {task}: cannot store the verdict: {error}");
								}
							},
							None => log::error!(
								"task {task}: more sampled segments than a verdict holds"
							),
						}
					},
					// The solver's artifacts are unreachable or do not match its commitment:
					// nothing can be proven either way, so the next block tries again, until so
					// little of the commit window is left that the verifier declares them
					// unavailable instead rather than miss the commit.
					JobState::Done(Err(JobError::Artifact(error))) => {
						let window = block
							.at
							.constants()
							.entry(runtime::constants().proof_of_learning().commit_window())
							.unwrap_or_default();
						if give_up_on_checkpoints(task, &error, *until, window, block) {
							let call = runtime::tx().proof_of_learning().declare_unavailable(task);
							submit_counted(
								chain,
								&self.ctx.key,
								&format!("declare the checkpoints of task {task} unavailable"),
								&call,
								&self.counters.declarations,
							)
							.await?;
						}
					},
					JobState::Done(Err(error)) => log::warn!("task {task}: cannot check: {error}"),
				}
			},
			(Phase::Revealing { .. }, Some(_), None) => {
				match self.ctx.store.record::<(Verdict, Salt)>(task, &verdict_record) {
					Ok(Some((verdict, salt))) => {
						let call = runtime::tx().proof_of_learning().reveal_verdict(
							task,
							Static(verdict),
							salt,
						);
						submit(
							chain,
							&self.ctx.key,
							&format!("reveal verdict on task {task}"),
							&call,
						)
						.await?;
					},
					Ok(None) => log::error!(
						"task {task}: committed a verdict but the store has none to reveal"
					),
					Err(error) => log::error!("task {task}: {error}"),
				}
			},
			_ => {},
		}
		Ok(())
	}

	/// Whistleblower: re-check a verified task once during its challenge window.
	async fn on_challenge_window(
		&mut self,
		chain: &Chain,
		block: &FinalizedBlock,
		task: TaskId,
		verification: &Verification,
	) -> Result<(), ClientError> {
		let share = u64::from(self.check_share);
		let (checked, claim) =
			(attempt_record(CHECKED, verification), attempt_record(CLAIM, verification));
		if task % 100 >= share
			|| matches!(self.ctx.store.record::<bool>(task, &checked), Ok(Some(true)))
		{
			return Ok(());
		}
		if let Ok(Some(report)) = self.ctx.store.record::<Report>(task, &claim) {
			return self.challenge(chain, block, task, report, &checked).await;
		}
		match self.checks.poll(&task) {
			JobState::Absent => {
				let Some(spec) = self.task_run_inputs(block, task).await? else { return Ok(()) };
				let committed = committed(task, verification);
				let sampled = verification.segments.0.clone();
				let segments = segments_to_recheck(
					&sampled,
					committed.commitment.checkpoints.saturating_sub(1),
					self.unsampled_share,
					self.max_unsampled,
					&mut rand::rng(),
				);
				let (store, device, fault) =
					(self.ctx.store.clone(), self.ctx.device, self.ctx.fault);
				log::info!(
					"task {task}: re-checking h_0 and segments {segments:?} (the verifiers \
					 replayed {sampled:?})"
				);
				self.checks.start(task, move || {
					let run = TaskRun::prepare(spec, store, device)?;
					let training = engine::check_training(&run, &committed, &segments, None)?;
					Ok(training.to_challenge(fault))
				});
			},
			JobState::Running => {},
			JobState::Done(Ok(None)) => {
				log::info!("task {task}: h_0 and every sampled segment hold; no challenge");
				self.mark_checked(task, &checked);
			},
			JobState::Done(Ok(Some(report))) => {
				log::warn!(
					"task {task}: {:?} does not hold; committing to a challenge",
					report.claim().subject()
				);
				if let Err(error) = self.ctx.store.set_record(task, &claim, &report) {
					log::error!("task {task}: cannot store the claim: {error}");
					return Ok(());
				}
				self.challenge(chain, block, task, report, &checked).await?;
			},
			JobState::Done(Err(error)) => log::warn!("task {task}: cannot re-check: {error}"),
		}
		Ok(())
	}

	/// Challenges with the journaled `report` once the commitment to it is finalized in an
	/// earlier block; commits to it first (again, if the commitment was lost or replaced).
	/// The commitment keeps the claim out of the mempool until it can no longer be copied.
	/// Then marks the attempt `checked`.
	async fn challenge(
		&mut self,
		chain: &Chain,
		block: &FinalizedBlock,
		task: TaskId,
		report: Report,
		checked: &str,
	) -> Result<(), ClientError> {
		let me = self.ctx.account;
		let commitment = challenge_commitment(task, &me, &report.claim());
		let committed =
			fetch(&block.at, runtime::storage().dispute().challenge_commitments(), (me,)).await?;
		match committed {
			// Committed in this block: the challenge must come in a later one.
			Some((t, c, at)) if t == task && c == commitment && at >= block.number => {
				return Ok(());
			},
			Some((t, c, _)) if t == task && c == commitment => {},
			_ => {
				let call = runtime::tx().dispute().commit_challenge(task, commitment);
				let what = format!("commit to a challenge of task {task}");
				submit(chain, &self.ctx.key, &what, &call).await?;
				return Ok(());
			},
		}
		let call = runtime::tx().dispute().challenge(task, Static(report));
		submit_counted(
			chain,
			&self.ctx.key,
			&format!("challenge task {task}"),
			&call,
			&self.counters.challenges,
		)
		.await?;
		self.mark_checked(task, checked);
		Ok(())
	}

	/// Withdraws this whistleblower's challenge commitment once its task can no longer be
	/// challenged (the window closed, or another challenge opened a dispute), which releases
	/// the bond the commitment locked.
	async fn withdraw_stale_commitment(
		&self,
		chain: &Chain,
		block: &FinalizedBlock,
		verifications: &[(TaskId, Verification)],
	) -> Result<(), ClientError> {
		let me = self.ctx.account;
		let pending =
			fetch(&block.at, runtime::storage().dispute().challenge_commitments(), (me,)).await?;
		let Some((task, _, _)) = pending else { return Ok(()) };
		let challengeable = verifications.iter().any(|(t, verification)| {
			*t == task && matches!(verification.phase, Phase::ChallengeWindow { .. })
		});
		if !challengeable {
			let call = runtime::tx().dispute().withdraw_challenge_commitment(me);
			let what = format!("withdraw the stale challenge commitment on task {task}");
			submit(chain, &self.ctx.key, &what, &call).await?;
		}
		Ok(())
	}

	fn mark_checked(&self, task: TaskId, checked: &str) {
		if let Err(error) = self.ctx.store.set_record(task, checked, &true) {
			log::error!("task {task}: {error}");
		}
	}

	/// Journals this juror's `vote` on `dispute` (before its commitment is sent).
	fn store_vote(&self, task: TaskId, dispute: &Dispute, vote: JuryVote) {
		let record = (vote, random_salt());
		if let Err(error) = self.ctx.store.set_record(task, &vote_record(dispute), &record) {
			log::error!("task {task}: cannot store the vote: {error}");
		}
	}

	/// A dispute this worker judges as a juror (a party has nothing to do: the jury judges the
	/// committed checkpoints).
	async fn on_dispute(
		&mut self,
		chain: &Chain,
		block: &FinalizedBlock,
		task: TaskId,
		dispute: &Dispute,
	) -> Result<(), ClientError> {
		let me = &self.ctx.account.clone();
		let Some(slot) = dispute.jurors.0.iter().find(|slot| &slot.juror == me) else {
			return Ok(());
		};
		match (&dispute.phase, slot.commitment, &slot.vote) {
			(DisputePhase::JuryCommit { until }, None, _) => {
				if let Ok(Some((vote, salt))) =
					self.ctx.store.record::<(JuryVote, Salt)>(task, &vote_record(dispute))
				{
					let call = runtime::tx()
						.dispute()
						.commit_vote(task, vote_commitment(task, me, vote, &salt));
					submit_counted(
						chain,
						&self.ctx.key,
						&format!("commit jury vote on task {task}"),
						&call,
						&self.counters.votes,
					)
					.await?;
					return Ok(());
				}
				match self.votes.poll(&task) {
					JobState::Absent => {
						let Some(spec) = self.task_run_inputs(block, task).await? else {
							return Ok(());
						};
						let verification = fetch(
							&block.at,
							runtime::storage().proof_of_learning().verifications(),
							(task,),
						)
						.await?;
						let Some(verification) = verification else { return Ok(()) };
						let committed = committed(task, &verification);
						let claim = dispute.claim.0;
						let (store, device) = (self.ctx.store.clone(), self.ctx.device);
						log::info!("task {task}: juror, judging {:?}", claim.subject());
						self.votes.start(task, move || {
							let run = TaskRun::prepare(spec, store, device)?;
							engine::judge_dispute(&run, &committed, &claim)
						});
					},
					JobState::Running => {},
					JobState::Done(Ok(holds)) => {
						let vote = if holds { JuryVote::Holds } else { JuryVote::Wrong };
						log::info!("task {task}: juror finds the committed state {vote:?}");
						self.store_vote(task, dispute, vote);
					},
					// As for a verdict: retry every block, and near the end of the commit window
					// say the checkpoints are unavailable rather than miss the commitment.
					JobState::Done(Err(JobError::Artifact(error))) => {
						let window = block
							.at
							.constants()
							.entry(runtime::constants().dispute().vote_commit_window())
							.unwrap_or_default();
						if give_up_on_checkpoints(task, &error, *until, window, block) {
							self.store_vote(task, dispute, JuryVote::Unavailable);
						}
					},
					JobState::Done(Err(error)) => log::warn!("task {task}: cannot judge: {error}"),
				}
			},
			(DisputePhase::JuryReveal { .. }, Some(_), None) => {
				if let Ok(Some((vote, salt))) =
					self.ctx.store.record::<(JuryVote, Salt)>(task, &vote_record(dispute))
				{
					let call = runtime::tx().dispute().reveal_vote(task, Static(vote), salt);
					submit(
						chain,
						&self.ctx.key,
						&format!("reveal jury vote on task {task}"),
						&call,
					)
					.await?;
				}
			},
			_ => {},
		}
		Ok(())
	}
}

impl Worker for Verifier {
	async fn on_connect(&mut self, chain: &Chain) -> Result<(), ClientError> {
		match self.bond {
			Some(amount) => {
				worker::ensure_bond(chain, &self.ctx, self.stake_role(), amount, None).await
			},
			None => Ok(()),
		}
	}

	fn on_events(&mut self, block: &FinalizedBlock) {
		use runtime::{dispute::events::DisputeResolved, task_pool::events::JackpotPaid};
		for resolved in block.events.find::<DisputeResolved>().flatten() {
			log::info!("dispute on task {} resolved: {:?}", resolved.task, resolved.outcome.0);
		}
		use runtime::proof_of_learning::events::ForcedErrorSettled;
		let me = &self.ctx.account;
		for settled in block.events.find::<ForcedErrorSettled>().flatten() {
			if settled.finders.contains(me) {
				self.counters.forced_found.fetch_add(1, Ordering::Relaxed);
				log::info!(
					"task {}: segment {} was a forced error, and this verifier found it",
					settled.task,
					settled.segment
				);
			} else if settled.missed.contains(me) {
				self.counters.forced_missed.fetch_add(1, Ordering::Relaxed);
				log::error!(
					"task {}: segment {} was a forced error this verifier passed: slashed",
					settled.task,
					settled.segment
				);
			}
		}
		for paid in block.events.find::<JackpotPaid>().flatten() {
			if &paid.finder == me {
				log::info!("task {}: jackpot share of {} paid", paid.task, paid.amount);
			}
		}
	}

	async fn on_block(&mut self, chain: &Chain, block: &FinalizedBlock) -> Result<(), ClientError> {
		let verifications =
			entries(&block.at, runtime::storage().proof_of_learning().verifications()).await?;
		for (task, verification) in &verifications {
			match self.role {
				VerifierRole::Verifier => {
					self.on_verification(chain, block, *task, verification).await?
				},
				VerifierRole::Whistleblower => {
					if matches!(verification.phase, Phase::ChallengeWindow { .. })
						&& verification.solver != self.ctx.account
					{
						self.on_challenge_window(chain, block, *task, verification).await?
					}
				},
			}
		}
		if self.role == VerifierRole::Whistleblower {
			self.withdraw_stale_commitment(chain, block, &verifications).await?;
		}
		for (task, dispute) in entries(&block.at, runtime::storage().dispute().disputes()).await? {
			self.on_dispute(chain, block, task, &dispute).await?;
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::segments_to_recheck;
	use rand::{rngs::StdRng, SeedableRng};

	#[test]
	fn a_whistleblower_replays_the_sampled_segments_and_a_random_share_of_the_others() {
		let mut rng = StdRng::seed_from_u64(7);
		// 10 segments, 2 sampled: 25 % of the other 8 is 2.
		let chosen = segments_to_recheck(&[3, 7], 10, 25, 4, &mut rng);
		assert_eq!(chosen.len(), 4);
		assert!(chosen.contains(&3) && chosen.contains(&7));
		assert!(chosen.windows(2).all(|w| w[0] < w[1]) && chosen.iter().all(|s| *s < 10));
		// The budget caps the extra replays; a zero share adds none; 100 % adds every one.
		assert_eq!(segments_to_recheck(&[3, 7], 10, 100, 3, &mut rng).len(), 5);
		assert_eq!(segments_to_recheck(&[3, 7], 10, 0, 4, &mut rng), vec![3, 7]);
		assert_eq!(segments_to_recheck(&[3], 4, 100, 10, &mut rng), vec![0, 1, 2, 3]);
		// Rounded up: 10 % of 3 unsampled segments is one.
		assert_eq!(segments_to_recheck(&[0], 4, 10, 10, &mut rng).len(), 2);
		// Unpredictable: over many tasks every unsampled segment gets its turn.
		let mut seen = std::collections::BTreeSet::new();
		for _ in 0..200 {
			seen.extend(segments_to_recheck(&[0], 10, 10, 1, &mut rng));
		}
		assert_eq!(seen.len(), 10);
	}
}
