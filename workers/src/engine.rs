//! The learning side of the workers: training a task segment by segment into the store
//! (solver), and checking one segment of someone else's training against its commitment
//! (verifier, juror, whistleblower).
//!
//! Everything here is blocking (libtorch and HTTP); the workers run it on tokio's blocking
//! pool.

use crate::{
	artifacts::{fetch_checkpoint, fetch_checkpoint_list, ArtifactError},
	store::{Store, StoreError, CHECKPOINTS},
};
use assay_learning::{
	distance, fetch_module_file, Checkpoint, Dataset, DeviceChoice, HostTensor, LearningError,
	Trainer, TrainerOptions,
};
use assay_primitives::{
	merkle_proof, sha256, CheckpointCommitment, Claim, Distance, InitialStateReport, Report,
	SegmentReport, SegmentReports, Sha256, TaskId, TaskSpec, Verdict, VerificationMode,
};

/// Why a job could not finish.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
	/// Training or replay failed (bad data, a model that does not fit it, a non-finite loss…).
	#[error(transparent)]
	Learning(#[from] LearningError),
	/// A solver's artifacts could not be fetched or did not match its commitment.
	#[error(transparent)]
	Artifact(#[from] ArtifactError),
	/// The local store failed.
	#[error(transparent)]
	Store(#[from] StoreError),
	/// The task or commitment on chain is inconsistent with what was asked.
	#[error("{0}")]
	Invalid(String),
}

/// A test-only fault, to prove that the protocol catches a dishonest worker. Never set it on a
/// real worker: it makes the worker lose its stake.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fault {
	/// Solver: after training segment `i`, nudge one weight of the checkpoint and go on from
	/// the nudged state, as a solver that skipped work and made the numbers up would.
	CorruptSegment(u32),
	/// Verifier: report every segment as reproduced without replaying anything.
	ApproveWithoutReplay,
	/// Solver: train and commit honestly but serve no checkpoints, so nobody can check.
	WithholdArtifacts,
	/// Whistleblower: challenge a sampled segment of every task it re-checks, even one that
	/// reproduces (the accomplice of a solver that then stays silent).
	ChallengeHonestWork,
	/// Solver: start from weights of its own choosing (the task's initial weights, one of them
	/// nudged) instead of the task's initial state, then train honestly from there.
	ChosenStart,
}

impl std::str::FromStr for Fault {
	type Err = String;
	fn from_str(text: &str) -> Result<Self, String> {
		match text {
			"approve-without-replay" => return Ok(Self::ApproveWithoutReplay),
			"withhold-artifacts" => return Ok(Self::WithholdArtifacts),
			"challenge-honest-work" => return Ok(Self::ChallengeHonestWork),
			"chosen-start" => return Ok(Self::ChosenStart),
			_ => {},
		}
		if let Some(segment) = text.strip_prefix("corrupt-segment=") {
			return segment.parse().map(Self::CorruptSegment).map_err(|e| format!("{text}: {e}"));
		}
		Err(format!(
			"unknown fault {text:?} (corrupt-segment=<i>, approve-without-replay, \
			 withhold-artifacts, challenge-honest-work, chosen-start)"
		))
	}
}

/// A task made ready to train or replay: its spec, the verified dataset and module, and the
/// device.
pub struct TaskRun {
	spec: TaskSpec,
	module: Option<Vec<u8>>,
	store: Store,
	options: TrainerOptions,
}

impl TaskRun {
	/// Fetches and verifies the task's TorchScript module; the dataset is fetched (into the
	/// store's cache) and checked by the first [`Self::trainer`].
	pub fn prepare(spec: TaskSpec, store: Store, device: DeviceChoice) -> Result<Self, JobError> {
		let module = fetch_module_file(&spec.model, &store.cache_dir())?;
		let device = match spec.verification.mode {
			// Exact mode is defined on the CPU backend; a GPU worker replays it there.
			VerificationMode::Exact => DeviceChoice::Cpu,
			VerificationMode::Tolerance { .. } => device,
		};
		Ok(Self { spec, module, store, options: TrainerOptions { device, threads: None } })
	}

	/// A trainer at the task's initial state.
	pub fn trainer(&self) -> Result<Trainer, JobError> {
		let data = Dataset::fetch(&self.spec.dataset, &self.store.cache_dir())?;
		Ok(Trainer::new(&self.spec, data, self.module.as_deref(), &self.options)?)
	}

	/// A trainer at the task's initial state, and that state's hash: what `h_0` must be. No
	/// training, only the parameters the seed or the module gives and a fresh optimizer.
	pub fn initial_state(&self) -> Result<(Trainer, Sha256), JobError> {
		let trainer = self.trainer()?;
		let hash = trainer.checkpoint()?.canonical_hash();
		Ok((trainer, hash))
	}

	/// Steps per segment `k`.
	pub fn steps_per_segment(&self) -> u32 {
		self.spec.hyper.checkpoint_interval
	}
}

/// Progress of a training, reported after each segment.
#[derive(Clone, Copy, Debug)]
pub struct SegmentProgress {
	/// Segments done.
	pub segment: u32,
	/// Segments in all.
	pub segments: u32,
	/// Steps done.
	pub steps: u64,
	/// The segment's mean training loss.
	pub loss: f64,
	/// Training samples per second over the segment.
	pub samples_per_second: f64,
}

/// What a finished training commits to.
#[derive(Clone, Debug)]
pub struct Trained {
	/// `h_0 … h_n`.
	pub checkpoints: Vec<Sha256>,
	/// The commitment (root, count, final model hash).
	pub commitment: CheckpointCommitment,
}

/// Trains `task` into `store`, resuming from the last stored checkpoint after a restart.
/// Each segment's checkpoint and the progress list are written before the next segment
/// starts.
pub fn train(
	task: TaskId,
	run: &TaskRun,
	fault: Option<Fault>,
	mut on_segment: impl FnMut(SegmentProgress),
) -> Result<Trained, JobError> {
	let store = &run.store;
	let mut trainer = run.trainer()?;
	let segments = run.spec.hyper.n_segments();
	let steps = run.steps_per_segment();
	let mut checkpoints = resume(task, store, &mut trainer, fault)?;
	while let Some(done) = u32::try_from(checkpoints.len()).ok().and_then(|n| n.checked_sub(1)) {
		if done >= segments {
			break;
		}
		let started = std::time::Instant::now();
		let segment = trainer.run_segment(steps, false)?;
		let mut checkpoint = segment.checkpoint;
		if fault == Some(Fault::CorruptSegment(done)) {
			checkpoint = nudged(&checkpoint)?;
			trainer.load_checkpoint(&checkpoint)?;
			log::warn!("FAULT: segment {done} of task {task} is faked");
		}
		let hash = store.put_checkpoint(&checkpoint)?;
		checkpoints.push(hash);
		store.set_hashes(task, CHECKPOINTS, &checkpoints)?;
		let seconds = started.elapsed().as_secs_f64().max(1e-9);
		on_segment(SegmentProgress {
			segment: done.saturating_add(1),
			segments,
			steps: trainer.step(),
			loss: segment.mean_loss,
			samples_per_second: f64::from(steps) * f64::from(run.spec.hyper.batch_size) / seconds,
		});
	}
	let last = checkpoints.last().ok_or_else(|| JobError::Invalid("no checkpoints".into()))?;
	let final_model = store
		.checkpoint(last)?
		.ok_or_else(|| JobError::Invalid("the final checkpoint is missing".into()))?
		.model_hash();
	let commitment = CheckpointCommitment::new(&checkpoints, final_model)
		.ok_or_else(|| JobError::Invalid("too many checkpoints".into()))?;
	Ok(Trained { checkpoints, commitment })
}

/// The checkpoints trained so far, with `trainer` moved to the last of them; a progress list
/// whose last checkpoint is missing or damaged starts again from `h_0`.
fn resume(
	task: TaskId,
	store: &Store,
	trainer: &mut Trainer,
	fault: Option<Fault>,
) -> Result<Vec<Sha256>, JobError> {
	let saved = store.hashes(task, CHECKPOINTS).unwrap_or_default();
	if let Some(last) = saved.last() {
		match store.checkpoint(last) {
			Ok(Some(checkpoint)) => {
				trainer.load_checkpoint(&checkpoint)?;
				log::info!("task {task}: resuming after {} segment(s)", saved.len() - 1);
				return Ok(saved);
			},
			Ok(None) | Err(_) => log::warn!("task {task}: saved progress unusable, starting over"),
		}
	}
	let mut initial = trainer.checkpoint()?;
	if fault == Some(Fault::ChosenStart) {
		initial = nudged(&initial)?;
		trainer.load_checkpoint(&initial)?;
		log::warn!("FAULT: task {task} starts from weights of the solver's choosing");
	}
	let checkpoints = vec![store.put_checkpoint(&initial)?];
	store.set_hashes(task, CHECKPOINTS, &checkpoints)?;
	Ok(checkpoints)
}

/// `checkpoint` with the first element of its first f32 parameter moved by 0.01.
fn nudged(checkpoint: &Checkpoint) -> Result<Checkpoint, JobError> {
	moved_by(checkpoint, |x| x + 0.01)
}

/// The wrong checkpoint a forced solver shows in place of `checkpoint`: in `Exact` mode the
/// first element of its first f32 parameter moved by one unit in the last place (nothing a
/// lazy verifier could tell from a real training), in `Tolerance` mode moved by four times
/// the threshold (so that every replay lands beyond it, whatever the metric).
pub fn forced_checkpoint(
	checkpoint: &Checkpoint,
	mode: &assay_primitives::VerificationMode,
) -> Result<Checkpoint, JobError> {
	match mode {
		assay_primitives::VerificationMode::Exact => {
			moved_by(checkpoint, |x| f32::from_bits(x.to_bits() ^ 1))
		},
		assay_primitives::VerificationMode::Tolerance { threshold, .. } => {
			let step = (4.0 * threshold.to_f64()) as f32;
			moved_by(checkpoint, move |x| x + step)
		},
	}
}

/// `checkpoint` with the first element of its first f32 parameter moved by `moved`.
fn moved_by(checkpoint: &Checkpoint, moved: impl Fn(f32) -> f32) -> Result<Checkpoint, JobError> {
	let mut nudged = checkpoint.clone();
	let (name, tensor) = checkpoint
		.tensors()
		.iter()
		.find(|(name, t)| {
			name.starts_with("param/") && t.dtype() == assay_learning::Dtype::F32 && t.numel() > 0
		})
		.ok_or_else(|| JobError::Invalid("no f32 parameter to fault".into()))?;
	let mut data = tensor.data().to_vec();
	let first: [u8; 4] = data
		.get(..4)
		.and_then(|b| b.try_into().ok())
		.ok_or_else(|| JobError::Invalid("empty tensor".into()))?;
	let moved = moved(f32::from_le_bytes(first)).to_le_bytes();
	data.splice(..4, moved);
	let tensor = HostTensor::new(tensor.dtype(), tensor.shape().to_vec(), data)
		.ok_or_else(|| JobError::Invalid("tensor size".into()))?;
	nudged.insert(name.to_owned(), tensor);
	Ok(nudged)
}

/// One segment of a solver's training, replayed.
#[derive(Clone, Debug)]
pub struct SegmentCheck {
	/// The report a verdict carries (with both Merkle proofs).
	pub report: SegmentReport,
	/// Whether the replay reproduces the solver's end state under the task's mode.
	pub passes: bool,
}

/// A solver's `h_0`, checked against the task's initial state.
#[derive(Clone, Debug)]
pub struct InitialStateCheck {
	/// The report a verdict carries (with the Merkle proof of `h_0`).
	pub report: InitialStateReport,
	/// Whether `h_0` is the task's initial state.
	pub passes: bool,
}

/// A verifier's whole check of a committed training: where it starts, and the sampled
/// segments.
#[derive(Clone, Debug)]
pub struct TrainingCheck {
	/// `h_0` against the task's initial state.
	pub initial_state: InitialStateCheck,
	/// The sampled segments, replayed, in the order asked.
	pub segments: Vec<SegmentCheck>,
}

impl TrainingCheck {
	/// The verdict a verifier commits to, or `None` if there are more segments than a verdict
	/// holds.
	pub fn verdict(self) -> Option<Verdict> {
		let reports = self.segments.into_iter().map(|check| check.report).collect::<Vec<_>>();
		Some(Verdict::Checked {
			initial_state: self.initial_state.report,
			segments: SegmentReports::try_from(reports).ok()?,
		})
	}

	/// What a whistleblower challenges: a wrong initial state, else the first segment that does
	/// not reproduce. With [`Fault::ChallengeHonestWork`], the first segment even when it
	/// reproduces, claiming a made-up end state.
	pub fn to_challenge(self, fault: Option<Fault>) -> Option<Report> {
		if fault == Some(Fault::ChallengeHonestWork) {
			let mut check = self.segments.into_iter().next()?;
			if check.passes {
				log::warn!("FAULT: challenging segment {}, which reproduces", check.report.segment);
				check.report.replayed_hash = sha256(&check.report.end_hash);
				check.report.distance = Distance::MAX;
			}
			return Some(Report::Segment(check.report));
		}
		if !self.initial_state.passes {
			return Some(Report::InitialState(self.initial_state.report));
		}
		self.segments
			.into_iter()
			.find(|check| !check.passes)
			.map(|check| Report::Segment(check.report))
	}
}

/// Where a solver's artifacts are and what it committed to.
#[derive(Clone, Debug)]
pub struct Committed {
	/// The task.
	pub task: TaskId,
	/// The solver's artifact server.
	pub artifact_uri: String,
	/// Its commitment.
	pub commitment: CheckpointCommitment,
}

/// Replays segment `segment` of a committed training and judges it; with
/// [`Fault::ApproveWithoutReplay`], claims the solver's end state without replaying.
pub fn check_segment(
	run: &TaskRun,
	committed: &Committed,
	segment: u32,
	fault: Option<Fault>,
) -> Result<SegmentCheck, JobError> {
	let leaves =
		fetch_checkpoint_list(&committed.artifact_uri, committed.task, &committed.commitment)?;
	check_one(run, committed, &leaves, &mut None, segment, fault)
}

/// Checks a committed training as a verifier must: `h_0` against the task's initial state
/// (derived from the spec, no training), then each of `segments` replayed, in order. The
/// solver's checkpoint list is fetched once and one trainer (one dataset parse) serves every
/// replay. With [`Fault::ApproveWithoutReplay`], claims the solver's states without checking.
pub fn check_training(
	run: &TaskRun,
	committed: &Committed,
	segments: &[u32],
	fault: Option<Fault>,
) -> Result<TrainingCheck, JobError> {
	let leaves =
		fetch_checkpoint_list(&committed.artifact_uri, committed.task, &committed.commitment)?;
	let h0 = leaf(&leaves, 0)?;
	let (derived_hash, mut trainer) = if fault == Some(Fault::ApproveWithoutReplay) {
		log::warn!("FAULT: approving h_0 of task {} underived", committed.task);
		(h0, None)
	} else {
		// The trainer the initial state was derived with then serves the replays.
		let (trainer, hash) = run.initial_state()?;
		(hash, Some(trainer))
	};
	let initial_state = InitialStateCheck {
		report: InitialStateReport { committed_hash: h0, proof: proof(&leaves, 0)?, derived_hash },
		passes: h0 == derived_hash,
	};
	let segments = segments
		.iter()
		.map(|segment| check_one(run, committed, &leaves, &mut trainer, *segment, fault))
		.collect::<Result<_, _>>()?;
	Ok(TrainingCheck { initial_state, segments })
}

/// Leaf `index` of the solver's checkpoint list.
fn leaf(leaves: &[Sha256], index: u32) -> Result<Sha256, JobError> {
	leaves
		.get(index as usize)
		.copied()
		.ok_or_else(|| JobError::Invalid(format!("no checkpoint {index}")))
}

/// The Merkle proof of leaf `index`.
fn proof(leaves: &[Sha256], index: u32) -> Result<assay_primitives::MerkleProof, JobError> {
	merkle_proof(leaves, index).ok_or_else(|| JobError::Invalid("proof too deep".into()))
}

/// Whether `error` says a committed checkpoint is not a state of this task's training (wrong
/// tensors, step or data cursor): a property of committed data, which fails the segment,
/// unlike a fault of this machine.
fn not_a_state_of_the_task(error: &LearningError) -> bool {
	matches!(
		error,
		LearningError::CheckpointMismatch(_)
			| LearningError::CorruptCheckpoint(_)
			| LearningError::NotComparable(_)
	)
}

fn check_one(
	run: &TaskRun,
	committed: &Committed,
	leaves: &[Sha256],
	trainer: &mut Option<Trainer>,
	segment: u32,
	fault: Option<Fault>,
) -> Result<SegmentCheck, JobError> {
	let end = segment
		.checked_add(1)
		.ok_or_else(|| JobError::Invalid("segment index".into()))?;
	let (start_hash, end_hash) = (leaf(leaves, segment)?, leaf(leaves, end)?);
	let mut report = SegmentReport {
		segment,
		start_hash,
		start_proof: proof(leaves, segment)?,
		end_hash,
		end_proof: proof(leaves, end)?,
		replayed_hash: end_hash,
		distance: Distance::ZERO,
	};
	if fault == Some(Fault::ApproveWithoutReplay) {
		log::warn!("FAULT: approving segment {segment} of task {} unreplayed", committed.task);
		return Ok(SegmentCheck { report, passes: true });
	}
	let trainer = match trainer {
		Some(trainer) => trainer,
		None => trainer.insert(run.trainer()?),
	};
	let start = fetch_checkpoint(&run.store, &committed.artifact_uri, &start_hash)?;
	let steps = run.steps_per_segment();
	let first_step = u64::from(segment) * u64::from(steps);
	match replay_segment(run, committed, trainer, &start, first_step, &end_hash) {
		Ok((replayed_hash, distance)) => {
			report.replayed_hash = replayed_hash;
			report.distance = distance;
		},
		Err(JobError::Learning(error)) if not_a_state_of_the_task(&error) => {
			// Segment `i` is steps `i·k … (i+1)·k − 1` of the task's schedule, from the
			// committed `h_i`; a committed state that is not on that schedule cannot be the
			// segment's, so no state reproduces it.
			log::warn!("task {}: segment {segment} is not the task's: {error}", committed.task);
			report.replayed_hash = end_hash.map(|byte| !byte);
			report.distance = Distance::MAX;
		},
		Err(error) => return Err(error),
	}
	let passes = report
		.judge(&committed.commitment, &run.spec.verification.mode)
		.map_err(|e| JobError::Invalid(format!("own report refused: {e:?}")))?;
	Ok(SegmentCheck { report, passes })
}

/// Replays `k` steps from `start`, which must be the state at `first_step` (the segment's
/// first step on the task's schedule), and returns the replay's hash and (in `Tolerance`
/// mode) its distance to the committed end state, which must be the state `k` steps later.
fn replay_segment(
	run: &TaskRun,
	committed: &Committed,
	trainer: &mut Trainer,
	start: &Checkpoint,
	first_step: u64,
	end_hash: &Sha256,
) -> Result<(Sha256, Distance), JobError> {
	let steps = run.steps_per_segment();
	let off_schedule = |what: &str, step: u64, expected: u64| {
		LearningError::CheckpointMismatch(format!(
			"{what} is at step {step}, the schedule puts it at step {expected}"
		))
	};
	let start_step = start.step()?;
	if start_step != first_step {
		return Err(off_schedule("the start state", start_step, first_step).into());
	}
	// `replay` loads the whole state (parameters, optimizer, step, data cursor), so a reused
	// trainer replays exactly as a fresh one.
	let replay = trainer.replay(start, steps, false)?;
	let replayed_hash = replay.checkpoint.canonical_hash();
	let VerificationMode::Tolerance { metric, .. } = run.spec.verification.mode else {
		// Exact: the hash covers the step and data cursor too.
		return Ok((replayed_hash, Distance::ZERO));
	};
	let claimed = fetch_checkpoint(&run.store, &committed.artifact_uri, end_hash)?;
	let end_step = first_step.saturating_add(u64::from(steps));
	let claimed_step = claimed.step()?;
	if claimed_step != end_step {
		return Err(off_schedule("the end state", claimed_step, end_step).into());
	}
	Ok((replayed_hash, distance(&replay.checkpoint, &claimed, metric)?))
}

/// A juror's judgement of `claim`: whether the solver's committed state holds. The same check
/// a verifier makes (`h_0` against the initial state derived from the spec; a segment replayed
/// from the committed `h_i` against the committed `h_{i+1}` under the task's mode), so a
/// juror and an honest verifier can never disagree.
pub fn judge_dispute(
	run: &TaskRun,
	committed: &Committed,
	claim: &Claim,
) -> Result<bool, JobError> {
	match claim {
		// `h_0` was proven against the commitment on chain: no artifact is needed.
		Claim::InitialState { committed: h0, .. } => Ok(run.initial_state()?.1 == *h0),
		Claim::Segment(claim) => Ok(check_segment(run, committed, claim.segment, None)?.passes),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn faults_parse_and_nonsense_is_refused() {
		assert_eq!("corrupt-segment=2".parse(), Ok(Fault::CorruptSegment(2)));
		assert_eq!("approve-without-replay".parse(), Ok(Fault::ApproveWithoutReplay));
		assert_eq!("withhold-artifacts".parse(), Ok(Fault::WithholdArtifacts));
		assert_eq!("challenge-honest-work".parse(), Ok(Fault::ChallengeHonestWork));
		assert_eq!("chosen-start".parse(), Ok(Fault::ChosenStart));
		assert!("corrupt-segment=x".parse::<Fault>().is_err());
		assert!("be-evil".parse::<Fault>().is_err());
	}

	fn check(segment: u32, passes: bool) -> SegmentCheck {
		let report = SegmentReport {
			segment,
			start_hash: [1; 32],
			start_proof: Default::default(),
			end_hash: [2; 32],
			end_proof: Default::default(),
			replayed_hash: if passes { [2; 32] } else { [3; 32] },
			distance: Distance::ZERO,
		};
		SegmentCheck { report, passes }
	}

	fn training(initial_state_passes: bool, segments: Vec<SegmentCheck>) -> TrainingCheck {
		let report = InitialStateReport {
			committed_hash: [0; 32],
			proof: Default::default(),
			derived_hash: if initial_state_passes { [0; 32] } else { [9; 32] },
		};
		TrainingCheck {
			initial_state: InitialStateCheck { report, passes: initial_state_passes },
			segments,
		}
	}

	fn subject(report: Option<Report>) -> Option<assay_primitives::Subject> {
		report.map(|report| report.claim().subject())
	}

	#[test]
	fn a_whistleblower_challenges_what_is_wrong_and_nothing_else() {
		use assay_primitives::Subject;
		let wrong_segment = training(true, vec![check(1, true), check(4, false)]);
		assert_eq!(subject(wrong_segment.to_challenge(None)), Some(Subject::Segment(4)));
		let wrong_start = training(false, vec![check(1, true), check(4, false)]);
		assert_eq!(subject(wrong_start.to_challenge(None)), Some(Subject::InitialState));
		assert!(training(true, vec![check(1, true), check(4, true)])
			.to_challenge(None)
			.is_none());
	}

	#[test]
	fn the_challenge_honest_work_fault_claims_a_made_up_end_state() {
		let training = training(true, vec![check(1, true)]);
		let Some(Report::Segment(faked)) = training.to_challenge(Some(Fault::ChallengeHonestWork))
		else {
			panic!("a segment to challenge");
		};
		assert_eq!(faked.segment, 1);
		assert_ne!(faked.replayed_hash, faked.end_hash);
	}
}
