//! # Proof-of-learning pallet
//!
//! Checks training the chain never runs. A solver commits to the Merkle root of its checkpoint
//! hashes, sealed; randomness from a later block picks `s` segments and `m` bonded verifiers;
//! the solver shows the root (with one sampled end wrong on purpose in a few tasks: a forced
//! error, so that verifiers that do not replay are caught); each
//! verifier checks off-chain that the first checkpoint is the task's initial state and
//! replays the sampled segments from the solver's served checkpoints, commits to its verdict,
//! then reveals it with Merkle proofs the pallet checks. Passing tasks
//! open a challenge window and then settle through the task pool; failing ones fail (the
//! solver is slashed); conflicting verdicts go to a dispute.
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Event`], [`Error`]
//! - the [`VerificationDisputes`] implementation for [`Pallet`], used by the dispute pallet
//!
//! ## Key Terms
//!
//! - **Commitment**: [`SealedCommitment`] — the Merkle root over `h_0 … h_n` sealed with the
//!   solver's secret ([`sealed_checkpoints`]), `n + 1`, and the final model's hash — plus the
//!   URI the solver serves checkpoints from ([`Call::commit_checkpoints`]). The verification's
//!   [`CheckpointCommitment`] gets the root the solver shows ([`Call::show_checkpoints`]), and
//!   the true one once it discloses ([`Call::disclose`]).
//! - **Forced error**: when the secret and the sampling seed say so ([`forced_segment`], with
//!   the odds [`ForcedErrorOdds`] or [`Config::DefaultForcedErrorOdds`], `Exact` tasks only),
//!   the shown root has a wrong end for one sampled segment. At the disclosure, the verifiers
//!   that failed it share the task pool's jackpot ([`TaskLifecycle::pay_jackpot`]) and those
//!   that passed it lose their collateral; the segment leaves the sample.
//! - **Sampling**: [`Config::SamplingDelay`] blocks after the commitment, `s` distinct segments
//!   ([`sample_segments`]) and `m` verifiers ([`RoleStaking::select`], never the solver nor the
//!   submitter, each with [`Config::VerifierCollateral`] free) are drawn from
//!   [`Config::Randomness`], which by then depends on every block since the commitment. Each
//!   verifier replays every sampled segment and locks [`Config::VerifierCollateral`].
//! - **Commit–reveal**: a verifier first commits [`verdict_commitment`]`(task, itself, verdict,
//!   salt)` ([`Call::commit_verdict`]), and only once every verifier has committed (or the
//!   commit window ended) reveals the verdict and salt ([`Call::reveal_verdict`]). Nobody can
//!   copy a verdict it has not computed.
//! - **Verdict**: [`Verdict::Checked`]: an [`InitialStateReport`] (`h_0` with its Merkle proof,
//!   and the initial state the verifier derived from the spec) and one [`SegmentReport`] per
//!   sampled segment (`h_i` and `h_{i+1}` with their Merkle proofs, the verifier's replayed
//!   hash and distance). The pallet checks the proofs and judges each
//!   ([`InitialStateReport::judge`], [`SegmentReport::judge`]): the initial state passes iff
//!   the two hashes agree; a segment in `Exact` mode iff the replay
//!   reproduced `h_{i+1}`, in `Tolerance` mode iff the distance is at most the threshold. What
//!   fails becomes the verifier's [`Claim`]s against the solver.
//!
//! ## Outcome
//!
//! Once every committed verifier revealed (or the reveal window ended):
//!
//! - every revealed verdict passes the initial state and every segment →
//!   [`Phase::ChallengeWindow`] for
//!   [`Config::ChallengeWindow`] blocks, then the task settles: the solver is paid, each
//!   revealing verifier gets its fee, collateral comes back, reputations rise;
//! - some verdict fails → a dispute over the [`Subject`] most verdicts failed
//!   ([`DisputeOpener`]), with the first verifier that failed it as challenger and the solver
//!   as defender. No verdict fails the task on its own, however many agree: a jury judges the
//!   committed data (derives the initial state, or replays the segment from the committed
//!   `h_i` against the committed `h_{i+1}`), and the dispute pallet reports the outcome
//!   through [`VerificationDisputes::resolved`]. Wrong → the task fails (the solver's
//!   collateral is slashed, the challenger gets the beneficiary share, verifiers that passed
//!   the subject lose their collateral, every other revealing verifier gets its fee, the
//!   submitter its reward back). It holds → every verifier that failed it loses its
//!   collateral to the solver, and the rest of the verdicts are judged again.
//!
//! A verifier that does not commit in time loses [`Config::VerifierNoShowSlash`] of its
//! collateral, one that commits and does not reveal all of it (to the treasury: withholding a
//! verdict once the others are visible must not be cheaper than revealing a wrong one); the
//! rest is released, it is never drawn for the task again, and a replacement is drawn (commit
//! phase) or the outcome is decided without it (reveal phase; if nobody revealed, a fresh set
//! is drawn).
//!
//! A verifier that cannot fetch the checkpoints calls [`Call::declare_unavailable`] instead
//! of committing: it leaves the task unpaid and unslashed and its seat is drawn again before
//! any verdict is revealed. A majority of the verifiers
//! drawn settles availability: declarations that reach [`Config::UnavailableToFail`] and
//! outnumber the verdicts fail the task; verdicts decide only once they outnumber the
//! declarations; a tie seats one verifier more ([`Verification::seats_wanted`]). A declarer's
//! reputation falls if the task ends with its checkpoints shown and rises if it fails for
//! their unavailability (`docs/protocol.md` § Verification gives the whole rule).
//!
//! ## Usage
//!
//! - **Solver**: after training, [`Call::commit_checkpoints`] (sealed) before the task pool's
//!   commit deadline; on [`Event::ShowDue`], serve the checkpoints at `artifact_uri` (forced
//!   if dealt) and [`Call::show_checkpoints`] within [`Config::ShowWindow`]; on
//!   [`Event::DisclosureDue`], [`Call::disclose`] within [`Config::DiscloseWindow`]. Missing
//!   either fails the task ([`Event::SealBroken`]).
//! - **Verifier** (bonded in role staking): on [`Event::VerificationStarted`] naming it, fetch
//!   and replay the segments, [`Call::commit_verdict`] before `commit_by`, then on
//!   [`Event::RevealStarted`] [`Call::reveal_verdict`] before `reveal_by`.
//!
//! ## Design
//!
//! - **One schedule entry per live verification** in [`Schedule`] (the `assay-deadlines`
//!   crate), at the end of its current phase; `on_initialize` handles at most
//!   [`Config::MaxDeadlinesPerBlock`] of them, and what falls due beyond that waits in
//!   [`OverdueSchedule`] for the next blocks (late under load, never early).
//! - **Verdicts are not stored**, only what each verifier found failing: the proofs are
//!   checked when revealed and then dropped.
//! - **State is removed** when the task settles or fails.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic))]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(any(test, feature = "test-helpers"))]
pub mod testing;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use assay_primitives::{
	forced_segment, sample_segments, sealed_checkpoints, verdict_commitment, Challengeable,
	CheckpointCommitment, Claim, DisputeError, DisputeOpener, DisputeTerms, ForcedLeaf,
	InitialStateReport, JuryVote, LifecycleError, ReportError, Role, RoleStaking, Salt, SealSecret,
	SealedCommitment, SegmentClaim, SegmentReport, SegmentReports, Sha256, Subject, TaskId,
	TaskLifecycle, TaskPhase, Uri, Verdict, VerificationDisputes, VerificationMode,
};
pub use types::{
	DeclarersBound, FailedClaims, FormerVerifiersBound, Phase, SampledSegments, SealStage,
	Verification, VerificationOf, VerifierSlot,
};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use assay_deadlines::Deadlines;
use codec::Encode;
use frame_support::{
	ensure,
	traits::{Get, Randomness},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult, Perbill,
};
use types::Ending;

const LOG_TARGET: &str = "runtime::proof-of-learning";

/// The balance type of role staking.
pub type BalanceOf<T> = <T as Config>::Balance;

/// The verifications' deadline schedule: [`Schedule`] and [`OverdueSchedule`].
type VerificationSchedule<T> = Deadlines<
	Schedule<T>,
	OverdueSchedule<T>,
	BlockNumberFor<T>,
	TaskId,
	<T as Config>::MaxVerifications,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::DispatchResult;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The unit of stake (the runtime's balance).
		type Balance: frame_support::traits::tokens::Balance;

		/// Verifier bonds: the draw, collateral, slashing and reputation.
		type RoleStaking: RoleStaking<Self::AccountId, Balance = Self::Balance>;

		/// The task pool: which tasks are training, and their settlement.
		type Tasks: TaskLifecycle<Self::AccountId>;

		/// Where conflicting verdicts go.
		type Disputes: DisputeOpener<Self::AccountId>;

		/// Seeds sampling and the verifier draws. Must depend on every block since the draw's
		/// inputs were fixed (the runtime's randomness beacon, read [`Config::SamplingDelay`] later).
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// What each drawn verifier locks from its bond for the task.
		#[pallet::constant]
		type VerifierCollateral: Get<BalanceOf<Self>>;

		/// What a verifier that does not commit in time loses, as a share of its collateral (one
		/// that commits and does not reveal loses all of it).
		#[pallet::constant]
		type VerifierNoShowSlash: Get<Perbill>;

		/// Blocks from whatever fixes a draw's inputs (the solver's commitment; the reveal that
		/// ends a round early) to the draw, at least 1: the draw's randomness must include
		/// blocks that nobody who fixed the inputs could know (see the randomness beacon's
		/// docs).
		#[pallet::constant]
		type SamplingDelay: Get<BlockNumberFor<Self>>;

		/// Blocks a solver has, once its segments are sampled, to show its checkpoint root.
		#[pallet::constant]
		type ShowWindow: Get<BlockNumberFor<Self>>;

		/// Blocks a solver has, once every verdict is revealed, to disclose its seal.
		#[pallet::constant]
		type DiscloseWindow: Get<BlockNumberFor<Self>>;

		/// The chance that a task's solver must show a forced error, until root sets
		/// [`ForcedErrorOdds`].
		#[pallet::constant]
		type DefaultForcedErrorOdds: Get<Perbill>;

		/// Blocks verifiers have to replay and commit.
		#[pallet::constant]
		type CommitWindow: Get<BlockNumberFor<Self>>;

		/// Blocks verifiers have to reveal.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;

		/// Blocks a passed verification can be challenged before it settles.
		#[pallet::constant]
		type ChallengeWindow: Get<BlockNumberFor<Self>>;

		/// Commit rounds (the first draw, and each redraw after missing commitments or reveals)
		/// before a verification nobody judges is abandoned.
		#[pallet::constant]
		type MaxVerificationRounds: Get<u32>;

		/// Verifiers that must declare the solver's artifacts unavailable (over one or more
		/// rounds, a declarer's seat drawn again) before the task fails for it, provided they
		/// outnumber the verifiers that revealed a verdict (those could fetch them). At least 2,
		/// so that no single verifier can fail an honest solver by claiming it could not fetch.
		#[pallet::constant]
		type UnavailableToFail: Get<u32>;

		/// The most verifiers per task (the runtime's `SpecLimits::max_verifiers`).
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;

		/// The most verifications under way at once; also how many a block's schedule list holds.
		#[pallet::constant]
		type MaxVerifications: Get<u32>;

		/// The most schedule entries handled per block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// The most verifiers a draw considers (role staking's `MaxMembersPerRole`); for
		/// benchmarks.
		#[pallet::constant]
		type MaxVerifierCandidates: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;

		/// Benchmark set-up.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Hooks for benchmarking: a training task and bonded verifiers.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// Submits a task with the most verifiers and sampled segments the runtime allows, has
		/// it drawn for and accepted by `solver` (bonding and funding it), and returns its id.
		fn training_task(solver: &AccountId) -> TaskId;
		/// Funds `who` and bonds it as an active verifier with stake for any collateral.
		fn make_verifier(who: &AccountId);
	}

	/// For runtimes that do not benchmark this pallet (other pallets' test runtimes).
	#[cfg(feature = "runtime-benchmarks")]
	impl<AccountId> BenchmarkHelper<AccountId> for () {
		fn training_task(_solver: &AccountId) -> TaskId {
			TaskId::MAX
		}
		fn make_verifier(_who: &AccountId) {}
	}

	/// The verifications under way.
	#[pallet::storage]
	pub type Verifications<T: Config> =
		StorageMap<_, Twox64Concat, TaskId, VerificationOf<T>, OptionQuery>;

	/// How many verifications are under way.
	#[pallet::storage]
	pub type VerificationCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Verifications by the block their current phase ends in.
	#[pallet::storage]
	pub type Schedule<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<TaskId, T::MaxVerifications>,
		ValueQuery,
	>;

	/// Verifications whose phase end fell due in a block that had no handling room left,
	/// oldest first; handled before the next blocks' own.
	#[pallet::storage]
	pub type OverdueSchedule<T: Config> =
		StorageValue<_, BoundedVec<TaskId, T::MaxVerifications>, ValueQuery>;

	/// The chance that a task's solver must show a forced error, as set by root (absent:
	/// [`Config::DefaultForcedErrorOdds`]).
	#[pallet::storage]
	pub type ForcedErrorOdds<T: Config> = StorageValue<_, Perbill, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The solver committed to its checkpoints.
		CheckpointsCommitted {
			/// The task.
			task: TaskId,
			/// The solver.
			solver: T::AccountId,
			/// The sealed commitment.
			commitment: SealedCommitment,
			/// Where the checkpoints are served.
			artifact_uri: Uri,
			/// The block segments and verifiers are drawn in.
			sampling_at: BlockNumberFor<T>,
		},
		/// Segments and verifiers were drawn; the solver must show its checkpoint root.
		ShowDue {
			/// The task.
			task: TaskId,
			/// The sampled segments.
			segments: Vec<u32>,
			/// The block at which a solver that has not shown fails.
			show_by: BlockNumberFor<T>,
		},
		/// The solver showed its root (verifiers replay and commit: see
		/// [`Event::VerificationStarted`]).
		CheckpointsShown {
			/// The task.
			task: TaskId,
			/// The shown root.
			root: Sha256,
		},
		/// Every verdict is revealed; the solver must disclose its seal.
		DisclosureDue {
			/// The task.
			task: TaskId,
			/// The block at which a solver that has not disclosed fails.
			disclose_by: BlockNumberFor<T>,
		},
		/// The solver disclosed its seal; the verification goes on with the true root.
		CheckpointsDisclosed {
			/// The task.
			task: TaskId,
			/// The true root.
			root: Sha256,
			/// The segment whose end was shown wrong on purpose, if the task was forced.
			forced: Option<u32>,
		},
		/// A forced error was disclosed: the verifiers that failed the segment shared the
		/// jackpot, those that passed it were slashed. The segment leaves the sample.
		ForcedErrorSettled {
			/// The task.
			task: TaskId,
			/// The forced segment.
			segment: u32,
			/// The verifiers that found it.
			finders: Vec<T::AccountId>,
			/// What the jackpot paid them together.
			prize: u128,
			/// The verifiers that passed it (slashed: see [`Event::VerifierSlashed`]).
			missed: Vec<T::AccountId>,
		},
		/// The solver did not show its root, or did not disclose its seal, in time: the task
		/// failed.
		SealBroken {
			/// The task.
			task: TaskId,
		},
		/// Root changed the forced-error odds (for tasks sampled from now on).
		ForcedErrorOddsSet {
			/// The new odds.
			odds: Perbill,
		},
		/// Segments and verifiers were drawn (or verifiers added); they replay and commit.
		VerificationStarted {
			/// The task.
			task: TaskId,
			/// The sampled segments.
			segments: Vec<u32>,
			/// The verifiers drawn in this step.
			verifiers: Vec<T::AccountId>,
			/// The commit deadline.
			commit_by: BlockNumberFor<T>,
		},
		/// Not enough verifiers were available; the draw is tried again.
		VerifiersUnavailable {
			/// The task.
			task: TaskId,
			/// The block of the next try.
			retry_at: BlockNumberFor<T>,
		},
		/// A verifier committed to its verdict.
		VerdictCommitted {
			/// The task.
			task: TaskId,
			/// The verifier.
			verifier: T::AccountId,
		},
		/// Commitments are in; verifiers reveal.
		RevealStarted {
			/// The task.
			task: TaskId,
			/// The reveal deadline.
			reveal_by: BlockNumberFor<T>,
		},
		/// A verifier revealed its verdict.
		VerdictRevealed {
			/// The task.
			task: TaskId,
			/// The verifier.
			verifier: T::AccountId,
			/// What it found failing (empty: everything passes).
			failed: Vec<Subject>,
		},
		/// A verifier missed its commit or reveal deadline and was slashed.
		VerifierDropped {
			/// The task.
			task: TaskId,
			/// The verifier.
			verifier: T::AccountId,
			/// What it lost.
			slashed: BalanceOf<T>,
		},
		/// Every sampled segment passed; the challenge window is open.
		VerificationPassed {
			/// The task.
			task: TaskId,
			/// The block it settles at, unless challenged.
			challenge_until: BlockNumberFor<T>,
		},
		/// A jury found the solver's training wrong: the task failed.
		VerificationFailed {
			/// The task.
			task: TaskId,
			/// What was found wrong.
			subject: Subject,
			/// The verifier that found it.
			finder: T::AccountId,
		},
		/// A verdict fails the solver, or a passed verification was challenged: a dispute
		/// decides.
		VerificationDisputed {
			/// The task.
			task: TaskId,
			/// What is contested, when known here (a verdict's claim).
			subject: Option<Subject>,
		},
		/// A verifier was wrong about a segment and lost its collateral.
		VerifierSlashed {
			/// The task.
			task: TaskId,
			/// The verifier.
			verifier: T::AccountId,
			/// What it lost.
			slashed: BalanceOf<T>,
		},
		/// A verifier declared that it could not fetch the solver's checkpoints (or they did
		/// not match the commitment): it leaves the task unslashed and unpaid, and its seat is
		/// drawn again before the reveals. When the task ends its reputation falls if the checkpoints were shown
		/// (the task settled, or a jury judged them wrong) and rises if the task failed for
		/// their unavailability (declarations outnumbering the verdicts, or a jury that could
		/// not fetch them); an abandoned task leaves it as it was.
		ArtifactsDeclaredUnavailable {
			/// The task.
			task: TaskId,
			/// The verifier.
			verifier: T::AccountId,
			/// Declarations for this task so far.
			declarations: u32,
		},
		/// The solver could not show its checkpoints: [`Config::UnavailableToFail`] verifiers
		/// could not fetch them, more than revealed a verdict, or a dispute's jury could not.
		/// The task failed, the solver's collateral is slashed and the submitter refunded.
		ArtifactsUnavailable {
			/// The task.
			task: TaskId,
		},
		/// No verifier could be found, or none revealed, for `MaxVerificationRounds` commit
		/// rounds: the task was abandoned, all stakes returned, nobody paid.
		VerificationAbandoned {
			/// The task.
			task: TaskId,
		},
		/// The verification ended and the task settled or failed.
		VerificationClosed {
			/// The task.
			task: TaskId,
			/// Whether the solver's training stood.
			solver_paid: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The task pool has no such task.
		TaskNotFound,
		/// The task is not training (nothing to commit).
		NotTraining,
		/// Only the task's solver may commit its checkpoints.
		NotTheSolver,
		/// The commitment does not have `total_steps / checkpoint_interval + 1` checkpoints.
		WrongCheckpointCount,
		/// The artifact URI is not UTF-8 `https://`, `http://` or `file://`.
		UnsupportedArtifactUri,
		/// [`Config::MaxVerifications`] verifications are under way; try again shortly.
		TooManyVerifications,
		/// No verification of this task is under way.
		NoVerification,
		/// The verification is not collecting commitments.
		NotCommitting,
		/// The verification is not collecting reveals.
		NotRevealing,
		/// The caller is not a verifier of this task.
		NotAVerifier,
		/// The verifier already committed.
		AlreadyCommitted,
		/// The verifier already revealed.
		AlreadyRevealed,
		/// The verdict and salt do not hash to the verifier's commitment.
		CommitmentMismatch,
		/// The verdict does not report on exactly the sampled segments, in order.
		WrongSegments,
		/// A checkpoint's Merkle proof does not match the solver's commitment.
		InvalidProof,
		/// The verification is not waiting for the solver's root.
		NotShowing,
		/// The verification is not waiting for the solver's disclosure.
		NotDisclosing,
		/// The disclosed secret and root do not open the seal, or the shown root does not
		/// differ from the true one exactly where (and only if) the task was forced.
		WrongDisclosure,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_initialize_weight(Self::handle_schedule(now))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(
				T::UnavailableToFail::get() >= 2,
				"UnavailableToFail must be at least 2: one verifier alone must not fail a solver"
			);
			assert!(!T::SamplingDelay::get().is_zero(), "SamplingDelay must be at least 1");
			assert!(!T::CommitWindow::get().is_zero(), "CommitWindow must be at least 1");
			assert!(!T::RevealWindow::get().is_zero(), "RevealWindow must be at least 1");
			assert!(!T::ShowWindow::get().is_zero(), "ShowWindow must be at least 1");
			assert!(!T::DiscloseWindow::get().is_zero(), "DiscloseWindow must be at least 1");
			assert!(T::MaxDeadlinesPerBlock::get() >= 1, "MaxDeadlinesPerBlock must be >= 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Commits the solver's sealed checkpoints for a training task
		/// (`assay_primitives::sealed_checkpoints`): one checkpoint per segment plus the
		/// initial one. Sampling follows after [`Config::SamplingDelay`] blocks; then the solver
		/// shows its root ([`Call::show_checkpoints`]).
		///
		/// Emits [`Event::CheckpointsCommitted`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::commit_checkpoints())]
		pub fn commit_checkpoints(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: SealedCommitment,
			artifact_uri: Uri,
		) -> DispatchResult {
			let solver = ensure_signed(origin)?;
			Self::do_commit_checkpoints(solver, task, commitment, artifact_uri)
		}

		/// Commits a drawn verifier to its verdict: `verdict_commitment(task, verifier,
		/// verdict, salt)`. When every verifier has committed, the reveal phase starts; if a
		/// declaration left a seat to fill, or the seats committed do not outnumber the
		/// declarations, the commit phase ends the randomness delay later instead, where seats
		/// are drawn again.
		///
		/// Emits [`Event::VerdictCommitted`] (and [`Event::RevealStarted`]).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commit_verdict())]
		pub fn commit_verdict(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: [u8; 32],
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			let mut record = Verifications::<T>::get(task).ok_or(Error::<T>::NoVerification)?;
			let Phase::Committing { until } = record.phase else {
				return Err(Error::<T>::NotCommitting.into());
			};
			let slot = record.slot_of(&verifier).ok_or(Error::<T>::NotAVerifier)?;
			let entry = record.slots.get_mut(slot).ok_or(Error::<T>::NotAVerifier)?;
			ensure!(entry.commitment.is_none(), Error::<T>::AlreadyCommitted);
			entry.commitment = Some(commitment);
			Self::deposit_event(Event::VerdictCommitted { task, verifier });

			if record.slots.iter().all(|s| s.commitment.is_some()) {
				let now = frame_system::Pallet::<T>::block_number();
				if record.declared_this_round || !Self::may_reveal(&record) {
					Self::end_phase_after_delay(task, &mut record, now);
				} else {
					Self::unschedule(task, until);
					Self::start_reveal(task, &mut record, now)?;
				}
			}
			Verifications::<T>::insert(task, record);
			Ok(())
		}

		/// Reveals a verifier's verdict and salt. The pallet checks them against the
		/// commitment, checks every checkpoint proof against the solver's commitment, and
		/// judges the initial state and each segment. When every committed verifier revealed, the outcome is decided.
		///
		/// Emits [`Event::VerdictRevealed`] (and the outcome's events).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reveal_verdict(verdict.segment_count()))]
		pub fn reveal_verdict(
			origin: OriginFor<T>,
			task: TaskId,
			verdict: Verdict,
			salt: Salt,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			let mut record = Verifications::<T>::get(task).ok_or(Error::<T>::NoVerification)?;
			let Phase::Revealing { until } = record.phase else {
				return Err(Error::<T>::NotRevealing.into());
			};
			let slot = record.slot_of(&verifier).ok_or(Error::<T>::NotAVerifier)?;
			let entry = record.slots.get(slot).ok_or(Error::<T>::NotAVerifier)?;
			// Every verifier left in the reveal phase has committed (the others were dropped).
			let committed = entry.commitment.ok_or(Error::<T>::NotAVerifier)?;
			ensure!(entry.failed.is_none(), Error::<T>::AlreadyRevealed);
			ensure!(
				verdict_commitment(task, &verifier, &verdict, &salt) == committed,
				Error::<T>::CommitmentMismatch
			);
			let now = frame_system::Pallet::<T>::block_number();
			let failed = Self::judge(&record, &verdict)?;

			if let Some(entry) = record.slots.get_mut(slot) {
				entry.failed = Some(failed.clone());
			}
			Self::deposit_event(Event::VerdictRevealed {
				task,
				verifier,
				failed: failed.iter().map(Claim::subject).collect(),
			});
			let everyone_revealed =
				record.slots.iter().all(|s| s.commitment.is_none() || s.failed.is_some());
			if everyone_revealed && Self::ready_to_decide(&record) {
				Self::unschedule(task, until);
				Self::reveals_over(task, record, now);
			} else if everyone_revealed {
				Self::end_phase_after_delay(task, &mut record, now);
				Verifications::<T>::insert(task, record);
			} else {
				Verifications::<T>::insert(task, record);
			}
			Ok(())
		}

		/// Declares that the solver's checkpoints could not be fetched (or did not match its
		/// commitment), in place of a verdict, while the verifier has not committed one. The
		/// verifier leaves the task, neither slashed nor paid, and its seat is drawn again
		/// before any verdict is revealed, so the newcomer has no verdict to copy.
		/// [`Config::UnavailableToFail`] declarations fail the task if they outnumber the
		/// verdicts revealed; the verdicts decide only once they outnumber the declarations.
		/// When the task ends, the declarer's reputation falls if its checkpoints were shown
		/// and rises if it failed for their unavailability.
		///
		/// Emits [`Event::ArtifactsDeclaredUnavailable`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::declare_unavailable())]
		pub fn declare_unavailable(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			let mut record = Verifications::<T>::get(task).ok_or(Error::<T>::NoVerification)?;
			ensure!(matches!(record.phase, Phase::Committing { .. }), Error::<T>::NotCommitting);
			let slot = record.slot_of(&verifier).ok_or(Error::<T>::NotAVerifier)?;
			let entry = record.slots.get(slot).ok_or(Error::<T>::NotAVerifier)?;
			ensure!(entry.commitment.is_none(), Error::<T>::AlreadyCommitted);
			Self::record_declaration(task, &mut record, slot, verifier);
			if record.slots.iter().all(|s| s.commitment.is_some()) {
				let now = frame_system::Pallet::<T>::block_number();
				Self::end_phase_after_delay(task, &mut record, now);
			}
			Verifications::<T>::insert(task, record);
			Ok(())
		}

		/// Shows the root of the checkpoints the solver serves, once its segments are sampled:
		/// its true root, or, if its seal and the sample force an error
		/// (`assay_primitives::forced_segment`), the root with the forced segment's end
		/// replaced by a wrong checkpoint. The verifiers then replay and commit.
		///
		/// Emits [`Event::CheckpointsShown`] and [`Event::VerificationStarted`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::show_checkpoints())]
		pub fn show_checkpoints(
			origin: OriginFor<T>,
			task: TaskId,
			root: Sha256,
		) -> DispatchResult {
			let solver = ensure_signed(origin)?;
			let mut record = Verifications::<T>::get(task).ok_or(Error::<T>::NoVerification)?;
			ensure!(record.solver == solver, Error::<T>::NotTheSolver);
			let Phase::Showing { until } = record.phase else {
				return Err(Error::<T>::NotShowing.into());
			};
			let now = frame_system::Pallet::<T>::block_number();
			Self::unschedule(task, until);
			let commit_by = Self::schedule(task, now.saturating_add(T::CommitWindow::get()), now)?;
			record.commitment.root = root;
			record.seal = SealStage::Shown;
			record.phase = Phase::Committing { until: commit_by };
			Self::deposit_event(Event::CheckpointsShown { task, root });
			Self::deposit_event(Event::VerificationStarted {
				task,
				segments: record.segments.to_vec(),
				verifiers: record.slots.iter().map(|s| s.verifier.clone()).collect(),
				commit_by,
			});
			Verifications::<T>::insert(task, record);
			Ok(())
		}

		/// Discloses the solver's seal once every verdict is revealed: its secret and true
		/// root, and, if the task was forced, the forced leaf (shown and true, with their
		/// path). If forced, the verifiers that failed the forced segment share the jackpot
		/// and those that passed it lose their collateral; the segment leaves the sample and
		/// the verification goes on with the true root.
		///
		/// Emits [`Event::CheckpointsDisclosed`] (and [`Event::ForcedErrorSettled`]).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::disclose(T::MaxVerifiers::get()))]
		pub fn disclose(
			origin: OriginFor<T>,
			task: TaskId,
			secret: SealSecret,
			true_root: Sha256,
			forced_leaf: Option<ForcedLeaf>,
		) -> DispatchResult {
			let solver = ensure_signed(origin)?;
			let mut record = Verifications::<T>::get(task).ok_or(Error::<T>::NoVerification)?;
			ensure!(record.solver == solver, Error::<T>::NotTheSolver);
			let Phase::Disclosing { until } = record.phase else {
				return Err(Error::<T>::NotDisclosing.into());
			};
			ensure!(
				sealed_checkpoints(task, &solver, &secret, &true_root) == record.sealed,
				Error::<T>::WrongDisclosure
			);
			let forced = record.forced_segment(&secret);
			let opens = match (forced, &forced_leaf) {
				(None, None) => true_root == record.commitment.root,
				(Some(segment), Some(leaf)) => leaf.proves(
					segment.saturating_add(1),
					record.commitment.checkpoints,
					&record.commitment.root,
					&true_root,
				),
				_ => false,
			};
			ensure!(opens, Error::<T>::WrongDisclosure);

			let now = frame_system::Pallet::<T>::block_number();
			Self::unschedule(task, until);
			if let Some(segment) = forced {
				Self::settle_forced_error(task, &mut record, segment);
			}
			record.commitment.root = true_root;
			record.seal = SealStage::Disclosed;
			Self::deposit_event(Event::CheckpointsDisclosed { task, root: true_root, forced });
			Self::after_reveals(task, record, now);
			Ok(())
		}

		/// Sets the chance that a task's solver must show a forced error, for tasks sampled
		/// from now on. Root only.
		///
		/// Emits [`Event::ForcedErrorOddsSet`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_forced_error_odds())]
		pub fn set_forced_error_odds(origin: OriginFor<T>, odds: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			ForcedErrorOdds::<T>::put(odds);
			Self::deposit_event(Event::ForcedErrorOddsSet { odds });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// What `on_initialize` costs when it handles `deadlines` schedule entries, each charged
	/// as the heavier of a deadline that draws a new set of verifiers and one that ends the
	/// verification (the task failed for unavailability, every verdict paid, every declarer's
	/// reputation moved).
	pub fn on_initialize_weight(deadlines: u32) -> Weight {
		let each =
			T::WeightInfo::handle_deadline().max(T::WeightInfo::handle_unavailability_deadline());
		T::WeightInfo::on_initialize_base().saturating_add(each.saturating_mul(deadlines.into()))
	}

	/// Benchmark set-up: records each of `declarers` as having declared `task`'s artifacts
	/// unavailable in an earlier round (a former verifier, its collateral released).
	#[cfg(feature = "runtime-benchmarks")]
	pub fn note_declarers(task: TaskId, declarers: &[T::AccountId]) {
		Verifications::<T>::mutate(task, |record| {
			let Some(record) = record else { return };
			for declarer in declarers {
				Self::note_declarer(record, declarer.clone());
			}
		});
	}

	/// Puts `task` into the schedule at `due` (at least the block after `now`).
	fn schedule(
		task: TaskId,
		due: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		VerificationSchedule::<T>::schedule(task, due, now).ok_or_else(|| {
			log::error!(target: LOG_TARGET, "no schedule slot for task {task}");
			Error::<T>::TooManyVerifications.into()
		})
	}

	/// Takes `task`'s entry for `block` out of the schedule, wherever it waits.
	fn unschedule(task: TaskId, block: BlockNumberFor<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		VerificationSchedule::<T>::unschedule(&task, block, now);
	}

	/// Commits a solver's checkpoints. See [`Call::commit_checkpoints`].
	pub fn do_commit_checkpoints(
		solver: T::AccountId,
		task: TaskId,
		commitment: SealedCommitment,
		artifact_uri: Uri,
	) -> DispatchResult {
		let summary = T::Tasks::summary(task).ok_or(Error::<T>::TaskNotFound)?;
		ensure!(summary.phase == TaskPhase::Training, Error::<T>::NotTraining);
		ensure!(summary.solver.as_ref() == Some(&solver), Error::<T>::NotTheSolver);
		ensure!(
			Some(commitment.checkpoints) == summary.spec.hyper.n_checkpoints(),
			Error::<T>::WrongCheckpointCount
		);
		ensure!(
			assay_primitives::spec::uri_supported(&artifact_uri),
			Error::<T>::UnsupportedArtifactUri
		);
		ensure!(
			VerificationCount::<T>::get() < T::MaxVerifications::get(),
			Error::<T>::TooManyVerifications
		);
		let now = frame_system::Pallet::<T>::block_number();
		let sampling_at = Self::schedule(task, now.saturating_add(T::SamplingDelay::get()), now)?;
		T::Tasks::committed(task, &solver).map_err(|e| match e {
			LifecycleError::NotTheSolver => Error::<T>::NotTheSolver,
			LifecycleError::UnknownTask => Error::<T>::TaskNotFound,
			LifecycleError::WrongPhase => Error::<T>::NotTraining,
		})?;

		VerificationCount::<T>::mutate(|n| *n = n.saturating_add(1));
		let policy = summary.spec.verification;
		Verifications::<T>::insert(
			task,
			Verification {
				solver: solver.clone(),
				submitter: summary.submitter,
				commitment: CheckpointCommitment {
					root: Default::default(),
					checkpoints: commitment.checkpoints,
					final_model: commitment.final_model,
				},
				sealed: commitment.sealed,
				seal: SealStage::Sealed,
				sampling_seed: Default::default(),
				forced_odds: Perbill::zero(),
				artifact_uri: artifact_uri.clone(),
				mode: policy.mode,
				verifiers_wanted: policy.verifiers,
				segments_wanted: policy.sampled_segments,
				rounds: 0,
				declarers: Default::default(),
				declared_this_round: false,
				segments: Default::default(),
				slots: Default::default(),
				former_verifiers: Default::default(),
				phase: Phase::Sampling { at: sampling_at },
			},
		);
		Self::deposit_event(Event::CheckpointsCommitted {
			task,
			solver,
			commitment,
			artifact_uri,
			sampling_at,
		});
		Ok(())
	}

	/// Judges a revealed verdict against `record`: it must report on the initial state and on
	/// exactly the sampled segments, in order, with valid proofs. Returns its claims against
	/// the solver (what it found failing).
	fn judge(record: &VerificationOf<T>, verdict: &Verdict) -> Result<FailedClaims, Error<T>> {
		let Verdict::Checked { initial_state, segments } = verdict;
		ensure!(
			segments.len() == record.segments.len()
				&& segments.iter().zip(record.segments.iter()).all(|(r, s)| r.segment == *s),
			Error::<T>::WrongSegments
		);
		let mut failed = FailedClaims::default();
		let mut note = |judged: Result<bool, ReportError>, claim: Claim| {
			let passes = judged.map_err(|e| match e {
				ReportError::BadStartProof | ReportError::BadEndProof => Error::<T>::InvalidProof,
				ReportError::SegmentOutOfRange => Error::<T>::WrongSegments,
			})?;
			if !passes {
				// At most one per report, which the bound already holds.
				failed.try_push(claim).map_err(|_| Error::<T>::WrongSegments)?;
			}
			Ok::<(), Error<T>>(())
		};
		note(initial_state.judge(&record.commitment), initial_state.claim())?;
		for report in segments {
			note(report.judge(&record.commitment, &record.mode), report.claim())?;
		}
		Ok(failed)
	}

	/// Once the commitments are in (the commit window ended, or the last seat committed or
	/// declared; `missed` seats did not commit and were dropped): draws the seats that
	/// declarations or missed commitments left empty, and opens the reveals once every seat
	/// is committed and the committed seats outnumber the declarations
	/// ([`Self::may_reveal`]). Without drawing:
	/// - when the declarations reach [`Config::UnavailableToFail`] and outnumber the seats
	///   committed and missed together (no verdict of this round could have outvoted them,
	///   so a silent seat never shields the solver), the committed verdicts are revealed
	///   (and paid) and the task fails at their end, at once if none committed;
	/// - on the last of [`Config::MaxVerificationRounds`], where no seat can be drawn
	///   again, the declarations are judged against the seats committed: the task fails as
	///   above if they reach `UnavailableToFail` and outnumber them; the committed verdicts
	///   go to the reveals if they outnumber the declarations and the missed seats together
	///   (silent seats never count for the solver either); otherwise the task is abandoned.
	fn after_commits(
		task: TaskId,
		mut record: VerificationOf<T>,
		now: BlockNumberFor<T>,
		missed: u32,
	) {
		let committed = record.slots.len() as u32;
		let declarations = record.declarations();
		let enough = declarations >= T::UnavailableToFail::get();
		let last_round = record.rounds.saturating_add(1) >= T::MaxVerificationRounds::get();
		let failing = enough
			&& (declarations > committed.saturating_add(missed)
				|| (last_round && declarations > committed));
		if failing && committed == 0 {
			Self::close(task, record, Ending::ArtifactsUnavailable { finder: None });
			return;
		}
		let decided = last_round && committed > declarations.saturating_add(missed);
		if failing || decided {
			if Self::start_reveal(task, &mut record, now).is_err() {
				log::error!(target: LOG_TARGET, "could not schedule the reveal of task {task}");
			}
			Verifications::<T>::insert(task, record);
			return;
		}
		Self::next_round_or_abandon(task, record, now);
	}

	/// Whether the reveals may open with the seats committed: they outnumber the
	/// declarations, so their verdicts can decide. Otherwise more seats are drawn first,
	/// while no verdict is visible to copy.
	fn may_reveal(record: &VerificationOf<T>) -> bool {
		record.slots.len() as u32 > record.declarations()
	}

	/// Once the reveals are in: the solver must disclose its seal first, if it has not yet
	/// (then [`Self::after_reveals`] follows the disclosure); otherwise [`Self::after_reveals`].
	fn reveals_over(task: TaskId, mut record: VerificationOf<T>, now: BlockNumberFor<T>) {
		if record.seal != SealStage::Shown {
			Self::after_reveals(task, record, now);
			return;
		}
		let due = now.saturating_add(T::DiscloseWindow::get());
		let disclose_by = Self::schedule(task, due, now).unwrap_or(due);
		record.phase = Phase::Disclosing { until: disclose_by };
		Self::deposit_event(Event::DisclosureDue { task, disclose_by });
		Verifications::<T>::insert(task, record);
	}

	/// Settles the forced error at `segment` the solver disclosed: every revealed verdict
	/// that failed the segment found it and shares the jackpot; every one that passed it was
	/// not checked, and loses its whole collateral (to the treasury), its fee and its seat.
	/// The segment then leaves the sample, with every claim on it, and so does the next one if
	/// it was sampled (it started from the wrong checkpoint): the true checkpoints there were
	/// replayed by nobody (a whistleblower may still challenge them), so no verifier is ever
	/// judged on them again.
	fn settle_forced_error(task: TaskId, record: &mut VerificationOf<T>, segment: u32) {
		let subject = Subject::Segment(segment);
		let (mut finders, mut missed) = (Vec::new(), Vec::new());
		for (verifier, failed) in record.revealed() {
			if VerificationOf::<T>::fails(failed, subject) {
				finders.push(verifier.clone());
			} else {
				missed.push(verifier.clone());
			}
		}
		Self::slash_wrong_verifiers(task, record, subject, false, None);
		let prize = T::Tasks::pay_jackpot(task, &finders, record.forced_odds.deconstruct());
		let next = Subject::Segment(segment.saturating_add(1));
		for slot in record.slots.iter_mut() {
			if let Some(failed) = slot.failed.as_mut() {
				failed.retain(|claim| claim.subject() != subject && claim.subject() != next);
			}
		}
		record.segments.retain(|s| *s != segment && *s != segment.saturating_add(1));
		Self::deposit_event(Event::ForcedErrorSettled { task, segment, finders, prize, missed });
	}

	/// Once the reveals are in: fails the task if its artifacts were declared unavailable
	/// ([`Self::unavailability_fails`]); otherwise decides if [`Self::ready_to_decide`], and
	/// else draws seats again (the revealed verdicts stay). Judged here, at the end of the
	/// phase, so the order of the reveals within it does not matter.
	fn after_reveals(task: TaskId, record: VerificationOf<T>, now: BlockNumberFor<T>) {
		if Self::unavailability_fails(&record) {
			Self::close(task, record, Ending::ArtifactsUnavailable { finder: None });
		} else if Self::ready_to_decide(&record) {
			Self::decide(task, record, now);
		} else {
			Self::next_round_or_abandon(task, record, now);
		}
	}

	/// Whether the solver could not show its checkpoints to the verifiers drawn for it: at
	/// least [`Config::UnavailableToFail`] declared them unavailable, and more than revealed a
	/// verdict. A verdict shows that its verifier could fetch them, but one verdict alone must
	/// not outweigh the declarations, or a solver could serve its checkpoints to an accomplice
	/// only and be paid on its word.
	fn unavailability_fails(record: &VerificationOf<T>) -> bool {
		record.declarations() >= T::UnavailableToFail::get()
			&& record.declarations() > record.verdicts()
	}

	/// Whether the revealed verdicts may decide: they outnumber the declarations. On a tie
	/// neither side is a majority of the verifiers drawn, so one more seat is drawn
	/// ([`Verification::seats_wanted`]); if nobody is left to draw, the rounds run out and the
	/// task is abandoned. Deciding on a tie would pay a solver that showed its checkpoints to
	/// an accomplice drawn beside an honest declarer. (The reveals open with more seats
	/// committed than declarations, so a tie here means a verifier did not reveal.)
	fn ready_to_decide(record: &VerificationOf<T>) -> bool {
		record.verdicts() > record.declarations()
	}

	/// Moves the end of the current phase (commitments or reveals) to
	/// [`Config::SamplingDelay`] blocks from now, whose hook judges it (and may draw seats
	/// again): a draw over every verifier is too heavy for a transaction, and one in the next
	/// block would read randomness the verifier that ended the phase could know if it
	/// authored this block.
	fn end_phase_after_delay(task: TaskId, record: &mut VerificationOf<T>, now: BlockNumberFor<T>) {
		let Some(until) = record.phase.deadline() else { return };
		Self::unschedule(task, until);
		let due = now.saturating_add(T::SamplingDelay::get());
		let at = Self::schedule(task, due, now).unwrap_or(due);
		record.phase = record.phase.ending_at(at);
	}

	/// Takes the verifier in `slot` off the task after it declared the solver's artifacts
	/// unavailable: its collateral is released (unavailability cannot be proven either way, so
	/// it is neither slashed nor paid) and it is not drawn for the task again.
	fn record_declaration(
		task: TaskId,
		record: &mut VerificationOf<T>,
		slot: usize,
		verifier: T::AccountId,
	) {
		if slot < record.slots.len() {
			record.slots.remove(slot);
		}
		T::RoleStaking::release_collateral(&verifier, Role::Verifier, task);
		Self::note_declarer(record, verifier.clone());
		record.declared_this_round = true;
		Self::deposit_event(Event::ArtifactsDeclaredUnavailable {
			task,
			verifier,
			declarations: record.declarations(),
		});
	}

	/// Records `declarer` as a verifier that declared the task's artifacts unavailable, and so
	/// left it ([`Self::retire`]).
	fn note_declarer(record: &mut VerificationOf<T>, declarer: T::AccountId) {
		Self::retire(record, declarer.clone());
		// A declarer is a former verifier: the same bound holds.
		if record.declarers.try_push(declarer).is_err() {
			frame_support::defensive!("more declarers than DeclarersBound");
		}
	}

	/// Records `verifier` as having left the task: never drawn for it again, nor seated on the
	/// jury of a dispute over it.
	fn retire(record: &mut VerificationOf<T>, verifier: T::AccountId) {
		// Each commit round seats at most `MaxVerifiers` and there are at most
		// `MaxVerificationRounds` rounds, which is the bound (`FormerVerifiersBound`).
		if record.former_verifiers.try_push(verifier).is_err() {
			frame_support::defensive!("more former verifiers than MaxVerifiers × rounds");
		}
	}

	/// Handles the schedule entries due at `now`; returns how many.
	fn handle_schedule(now: BlockNumberFor<T>) -> u32 {
		let due = VerificationSchedule::<T>::take_due(now, T::MaxDeadlinesPerBlock::get());
		let count = due.len() as u32;
		for task in due {
			let Some(mut record) = Verifications::<T>::get(task) else {
				log::error!(target: LOG_TARGET, "schedule entry for unknown task {task}");
				continue;
			};
			match record.phase {
				Phase::Sampling { .. } => {
					Self::sample(task, &mut record, now);
					Verifications::<T>::insert(task, record);
				},
				Phase::Committing { .. } => {
					let missed =
						Self::drop_verifiers(task, &mut record, |s| s.commitment.is_none(), false);
					Self::after_commits(task, record, now, missed);
				},
				Phase::Revealing { .. } => {
					Self::drop_verifiers(task, &mut record, |s| s.failed.is_none(), true);
					Self::reveals_over(task, record, now);
				},
				Phase::Showing { .. } | Phase::Disclosing { .. } => {
					Self::deposit_event(Event::SealBroken { task });
					Self::close(task, record, Ending::SealBroken);
				},
				Phase::ChallengeWindow { .. } => Self::close(task, record, Ending::Settled),
				Phase::Deciding { .. } => Self::decide(task, record, now),
				Phase::Disputed => {
					log::error!(target: LOG_TARGET, "schedule entry for disputed task {task}");
				},
			}
		}
		count
	}

	/// A 32-byte seed for `purpose` of `task`, from the runtime's randomness.
	fn seed(purpose: &[u8], task: TaskId, round: u32) -> [u8; 32] {
		let (random, _) = T::Randomness::random(&(b"assay/pol", purpose, task).encode());
		sp_io::hashing::blake2_256(&(random, task, round).encode())
	}

	/// Draws the segments, then the verifiers.
	fn sample(task: TaskId, record: &mut VerificationOf<T>, now: BlockNumberFor<T>) {
		let seed = Self::seed(b"segments", task, 0);
		let segments =
			sample_segments(&seed, record.commitment.segments(), u32::from(record.segments_wanted))
				.unwrap_or_default();
		record.segments = SampledSegments::truncate_from(segments);
		record.sampling_seed = seed;
		// Only in `Exact` mode is a forced error provable: there any wrong end fails every
		// honest replay. In `Tolerance` mode a solver could show an end within the threshold
		// of the truth, and honest verifiers that pass it would be slashed.
		record.forced_odds = match record.mode {
			VerificationMode::Exact => {
				ForcedErrorOdds::<T>::get().unwrap_or_else(T::DefaultForcedErrorOdds::get)
			},
			VerificationMode::Tolerance { .. } => Perbill::zero(),
		};
		Self::fill_and_commit(task, record, now);
	}

	/// Opens another commit round (see [`Self::fill_and_commit`]), unless the verification
	/// already had [`Config::MaxVerificationRounds`]: then nobody could judge the training in
	/// time, and the task is abandoned (everyone gets their stake back, nobody is paid).
	fn next_round_or_abandon(task: TaskId, mut record: VerificationOf<T>, now: BlockNumberFor<T>) {
		record.rounds = record.rounds.saturating_add(1);
		if record.rounds < T::MaxVerificationRounds::get() {
			Self::fill_and_commit(task, &mut record, now);
			Verifications::<T>::insert(task, record);
			return;
		}
		// The phase's schedule entry was just handled (taken); nothing else is scheduled.
		Self::abandon(task, record);
	}

	/// Ends a verification nobody could judge: every verifier's collateral is released, the
	/// task pool returns every stake and the reward, and nobody is slashed or paid.
	fn abandon(task: TaskId, record: VerificationOf<T>) {
		if let Some(until) = record.phase.deadline() {
			Self::unschedule(task, until);
		}
		for slot in &record.slots {
			T::RoleStaking::release_collateral(&slot.verifier, Role::Verifier, task);
		}
		if let Err(e) = T::Tasks::abandon(task) {
			log::error!(target: LOG_TARGET, "task {task} could not be abandoned: {e:?}");
		}
		Verifications::<T>::remove(task);
		VerificationCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::VerificationAbandoned { task });
	}

	/// Draws verifiers until the task has [`Verification::seats_wanted`], then opens (or
	/// extends) the commit phase; with no verifier at all, tries again one commit window later.
	fn fill_and_commit(task: TaskId, record: &mut VerificationOf<T>, now: BlockNumberFor<T>) {
		record.declared_this_round = false;
		let missing = record.seats_wanted().saturating_sub(record.slots.len() as u32);
		let mut exclude: Vec<T::AccountId> =
			record.slots.iter().map(|s| s.verifier.clone()).collect();
		exclude.extend(record.former_verifiers.iter().cloned());
		exclude.push(record.solver.clone());
		exclude.push(record.submitter.clone());
		let round = record.former_verifiers.len() as u32;
		let drawn = T::RoleStaking::select_up_to(
			Role::Verifier,
			missing,
			&exclude,
			Some(task),
			T::VerifierCollateral::get(),
			Self::seed(b"verifiers", task, round),
		);
		let mut added = Vec::new();
		for verifier in drawn {
			if T::RoleStaking::lock_collateral(
				&verifier,
				Role::Verifier,
				task,
				T::VerifierCollateral::get(),
			)
			.is_err()
			{
				continue;
			}
			let slot = VerifierSlot { verifier: verifier.clone(), commitment: None, failed: None };
			if record.slots.try_push(slot).is_err() {
				T::RoleStaking::release_collateral(&verifier, Role::Verifier, task);
				break;
			}
			added.push(verifier);
		}

		let window = T::CommitWindow::get();
		let until = match Self::schedule(task, now.saturating_add(window), now) {
			Ok(block) => block,
			Err(_) => now.saturating_add(window),
		};
		let everyone_committed = record.slots.iter().all(|s| s.commitment.is_some());
		if record.slots.is_empty()
			|| (added.is_empty() && everyone_committed && !Self::may_reveal(record))
		{
			// Nobody to draw; the seats committed cannot outnumber the declarations, so no
			// verdict is revealed yet (a seat drawn later could copy it): try again then.
			record.phase = Phase::Committing { until };
			Self::deposit_event(Event::VerifiersUnavailable { task, retry_at: until });
			return;
		}
		if added.is_empty() && everyone_committed {
			// Everyone left has committed and nobody could be added: reveal now.
			Self::unschedule(task, until);
			if Self::start_reveal(task, record, now).is_err() {
				log::error!(target: LOG_TARGET, "could not schedule the reveal of task {task}");
			}
			return;
		}
		if record.seal == SealStage::Sealed {
			// The first seats are drawn: the solver shows its root before anyone replays.
			Self::unschedule(task, until);
			let due = now.saturating_add(T::ShowWindow::get());
			let show_by = Self::schedule(task, due, now).unwrap_or(due);
			record.phase = Phase::Showing { until: show_by };
			Self::deposit_event(Event::ShowDue {
				task,
				segments: record.segments.to_vec(),
				show_by,
			});
			return;
		}
		record.phase = Phase::Committing { until };
		Self::deposit_event(Event::VerificationStarted {
			task,
			segments: record.segments.to_vec(),
			verifiers: added,
			commit_by: until,
		});
	}

	/// Opens the reveal phase.
	fn start_reveal(
		task: TaskId,
		record: &mut VerificationOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let reveal_by = Self::schedule(task, now.saturating_add(T::RevealWindow::get()), now)?;
		record.phase = Phase::Revealing { until: reveal_by };
		Self::deposit_event(Event::RevealStarted { task, reveal_by });
		Ok(())
	}

	/// Slashes and removes the verifiers `missed` picks out (returns how many); they are never
	/// drawn again here.
	/// A missed commitment costs [`Config::VerifierNoShowSlash`] of the collateral; a commitment
	/// not revealed (`revealing`) costs all of it, as a wrong verdict does, so that withholding a
	/// verdict once the others' are visible is never cheaper than revealing a wrong one.
	fn drop_verifiers(
		task: TaskId,
		record: &mut VerificationOf<T>,
		missed: impl Fn(&VerifierSlot<T::AccountId>) -> bool,
		revealing: bool,
	) -> u32 {
		let (gone, kept): (Vec<_>, Vec<_>) = record.slots.iter().cloned().partition(|s| missed(s));
		let dropped = gone.len() as u32;
		for slot in gone {
			let collateral = T::VerifierCollateral::get();
			let amount = if revealing {
				collateral
			} else {
				T::VerifierNoShowSlash::get().mul_floor(collateral)
			};
			let slashed =
				T::RoleStaking::slash(&slot.verifier, Role::Verifier, Some(task), amount, None);
			T::RoleStaking::release_collateral(&slot.verifier, Role::Verifier, task);
			T::RoleStaking::penalize_reputation(&slot.verifier, Role::Verifier);
			Self::retire(record, slot.verifier.clone());
			Self::deposit_event(Event::VerifierDropped { task, verifier: slot.verifier, slashed });
		}
		record.slots = frame_support::BoundedVec::truncate_from(kept);
		dropped
	}

	/// Decides the outcome from the revealed verdicts. No verdict fails the solver on its own:
	/// the subject most verdicts failed (on a tie the initial state, then the lowest segment)
	/// goes to a dispute with the first verifier that failed it as challenger, where a jury
	/// judges the committed data. If every verdict passes, the challenge window opens.
	fn decide(task: TaskId, mut record: VerificationOf<T>, now: BlockNumberFor<T>) {
		let revealed: Vec<(T::AccountId, FailedClaims)> =
			record.revealed().map(|(v, f)| (v.clone(), f.clone())).collect();
		let failing = |subject: Subject| {
			revealed.iter().filter(|(_, f)| VerificationOf::<T>::fails(f, subject)).count()
		};
		let worst = record
			.subjects()
			.filter(|s| failing(*s) > 0)
			.max_by_key(|s| (failing(*s), core::cmp::Reverse(*s)));
		// The first verifier to report `subject` failing, with its claim.
		let first_finder = |subject: Subject| {
			revealed.iter().find_map(|(v, f)| {
				f.iter().find(|c| c.subject() == subject).map(|claim| (v.clone(), *claim))
			})
		};

		let Some(subject) = worst else {
			let window = now.saturating_add(T::ChallengeWindow::get());
			let until = Self::schedule(task, window, now).unwrap_or(window);
			if T::Tasks::verified(task).is_err() {
				log::error!(target: LOG_TARGET, "task {task} could not be marked verified");
			}
			record.phase = Phase::ChallengeWindow { until };
			Verifications::<T>::insert(task, record);
			Self::deposit_event(Event::VerificationPassed { task, challenge_until: until });
			return;
		};
		let opened = match first_finder(subject) {
			Some((challenger, claim)) => T::Disputes::open(
				task,
				DisputeTerms {
					claim,
					challenger,
					challenger_role: Role::Verifier,
					defender: record.solver.clone(),
					submitter: record.submitter.clone(),
				},
			),
			None => Err(DisputeError::NotDisputable),
		};
		match opened {
			Ok(()) => {
				if T::Tasks::disputed(task).is_err() {
					log::error!(target: LOG_TARGET, "task {task} could not be marked disputed");
				}
				record.phase = Phase::Disputed;
				Verifications::<T>::insert(task, record);
				Self::deposit_event(Event::VerificationDisputed { task, subject: Some(subject) });
			},
			Err(e) => {
				// The dispute pallet had no room: decide again next block.
				log::warn!(target: LOG_TARGET, "dispute for task {task} not opened: {e:?}");
				let next = now.saturating_add(1u32.into());
				let at = Self::schedule(task, next, now).unwrap_or(next);
				record.phase = Phase::Deciding { at };
				Verifications::<T>::insert(task, record);
			},
		}
	}

	/// Ends the verification as `ending` says: settles or fails the task, pays and releases the
	/// verifiers that revealed, moves the declarers' reputation (down if the checkpoints were
	/// shown after all, up if they were not), and removes the record.
	fn close(task: TaskId, record: VerificationOf<T>, ending: Ending<T::AccountId>) {
		if let Some(until) = record.phase.deadline() {
			Self::unschedule(task, until);
		}
		if matches!(ending, Ending::ArtifactsUnavailable { .. }) {
			Self::deposit_event(Event::ArtifactsUnavailable { task });
		}
		let paid: Vec<T::AccountId> = record.revealed().map(|(v, _)| v.clone()).collect();
		let (solver_paid, artifacts_shown, result) = match &ending {
			Ending::Settled => (true, true, T::Tasks::settle(task, &paid)),
			Ending::TrainingWrong { finder } => {
				(false, true, T::Tasks::fail(task, Some(finder), &paid))
			},
			Ending::ArtifactsUnavailable { finder } => {
				(false, false, T::Tasks::fail(task, finder.as_ref(), &paid))
			},
			Ending::SealBroken => (false, true, T::Tasks::fail(task, None, &paid)),
		};
		if let Err(e) = result {
			log::error!(target: LOG_TARGET, "task {task} could not be closed: {e:?}");
		}
		for slot in &record.slots {
			T::RoleStaking::release_collateral(&slot.verifier, Role::Verifier, task);
			if slot.failed.is_some() {
				T::RoleStaking::reward_reputation(&slot.verifier, Role::Verifier);
			}
		}
		// Unavailability cannot be proven either way, so a declaration never costs stake; but
		// one the majority contradicted costs standing in the draw, so that declaring instead
		// of checking is never as good as checking, and a cartel that declares against honest
		// solvers is drawn less and less.
		for declarer in &record.declarers {
			if artifacts_shown {
				T::RoleStaking::penalize_reputation(declarer, Role::Verifier);
			} else {
				T::RoleStaking::reward_reputation(declarer, Role::Verifier);
			}
		}
		Verifications::<T>::remove(task);
		VerificationCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::VerificationClosed { task, solver_paid });
	}

	/// Slashes the whole collateral of each revealed verifier whose verdict on `subject` was
	/// `wrong_verdict_fails` (true: it reported `subject` failing), paying the beneficiary
	/// share to `beneficiary`, and removes them from the slots (they are not paid). Nobody is
	/// slashed over a segment that was not sampled: no verifier was asked about it.
	fn slash_wrong_verifiers(
		task: TaskId,
		record: &mut VerificationOf<T>,
		subject: Subject,
		wrong_verdict_fails: bool,
		beneficiary: Option<&T::AccountId>,
	) {
		let judged = record.judged(subject);
		let wrong = |s: &VerifierSlot<T::AccountId>| {
			judged
				&& s.failed
					.as_ref()
					.is_some_and(|f| VerificationOf::<T>::fails(f, subject) == wrong_verdict_fails)
		};
		let collateral = T::VerifierCollateral::get();
		let (wrong, right): (Vec<_>, Vec<_>) = record.slots.iter().cloned().partition(wrong);
		for slot in wrong {
			let slashed = T::RoleStaking::slash(
				&slot.verifier,
				Role::Verifier,
				Some(task),
				collateral,
				beneficiary,
			);
			T::RoleStaking::release_collateral(&slot.verifier, Role::Verifier, task);
			T::RoleStaking::penalize_reputation(&slot.verifier, Role::Verifier);
			Self::deposit_event(Event::VerifierSlashed {
				task,
				verifier: slot.verifier.clone(),
				slashed,
			});
			Self::retire(record, slot.verifier);
		}
		record.slots = frame_support::BoundedVec::truncate_from(right);
	}

	/// Ensure the correctness of the state of this pallet.
	///
	/// ## Invariants:
	///
	/// * `VerificationCount` is the number of verifications, at most `MaxVerifications`.
	/// * Every verification is of a task the task pool has in `Verifying`, `Verified` or
	///   `Disputed`, with the same solver.
	/// * Every verification not disputed is scheduled exactly once, at the block its phase
	///   ends: in `Schedule` while that block is to come, in `OverdueSchedule` once it is not;
	///   nothing else is scheduled.
	/// * Every drawn verifier has exactly `VerifierCollateral` locked for the task, and is
	///   neither the solver, the submitter, nor a former verifier; no verifier is drawn twice;
	///   no more are seated than `seats_wanted`; every declarer is a former verifier; the
	///   reveals are open only with more seats committed than declarations, or once the
	///   declarations fail the task (no seat can be drawn after a verdict it could copy).
	/// * The seal opens in phase order: sealed (no root shown) until the solver shows, shown
	///   through the commitments and reveals, disclosed before anything is decided.
	/// * A verifier revealed only after committing; the sampled segments are distinct, sorted
	///   and within the commitment; no verification has used up its rounds, nor has
	///   declarations before its verifiers were drawn.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};

		let mut count = 0u32;
		let mut slots: BTreeMap<TaskId, BlockNumberFor<T>> = BTreeMap::new();
		for (task, record) in Verifications::<T>::iter() {
			count = count.saturating_add(1);
			let summary = T::Tasks::summary(task).ok_or("a verification's task is gone")?;
			ensure!(
				matches!(
					summary.phase,
					TaskPhase::Verifying | TaskPhase::Verified | TaskPhase::Disputed
				),
				"a verification's task is not being verified"
			);
			ensure!(summary.solver.as_ref() == Some(&record.solver), "the solver differs");
			// The seal opens in order: nobody replays before the root is shown, nothing is
			// decided before it is disclosed.
			let stage_fits = match record.phase {
				Phase::Sampling { .. } => true,
				Phase::Showing { .. } => record.seal == SealStage::Sealed,
				Phase::Committing { .. } => {
					record.seal != SealStage::Sealed || record.slots.is_empty()
				},
				Phase::Revealing { .. } => record.seal != SealStage::Sealed,
				Phase::Disclosing { .. } => record.seal == SealStage::Shown,
				Phase::ChallengeWindow { .. } | Phase::Disputed | Phase::Deciding { .. } => {
					record.seal == SealStage::Disclosed
				},
			};
			ensure!(stage_fits, "a verification's phase does not fit its seal");
			ensure!(
				record.seal != SealStage::Sealed || record.commitment.root == Sha256::default(),
				"a sealed verification shows a root"
			);
			if let Some(block) = record.phase.deadline() {
				slots.insert(task, block);
			}
			let mut seen = BTreeSet::new();
			for slot in &record.slots {
				ensure!(seen.insert(slot.verifier.clone()), "a verifier is drawn twice");
				ensure!(
					slot.verifier != record.solver && slot.verifier != record.submitter,
					"the solver or submitter is a verifier"
				);
				ensure!(
					!record.former_verifiers.contains(&slot.verifier),
					"a former verifier is drawn"
				);
				ensure!(
					T::RoleStaking::collateral(&slot.verifier, Role::Verifier, task)
						== T::VerifierCollateral::get(),
					"a verifier's collateral is not locked"
				);
				ensure!(
					slot.failed.is_none() || slot.commitment.is_some(),
					"a verifier revealed without committing"
				);
			}
			ensure!(
				record.slots.len() as u32 <= record.seats_wanted(),
				"more verifiers seated than wanted"
			);
			ensure!(
				record.declarers.iter().all(|d| record.former_verifiers.contains(d)),
				"a declarer is not a former verifier"
			);
			ensure!(
				record.rounds < T::MaxVerificationRounds::get().max(1),
				"a verification outlived its rounds"
			);
			ensure!(
				record.declarers.is_empty() || !matches!(record.phase, Phase::Sampling { .. }),
				"a verification declared unavailable before its verifiers were drawn"
			);
			ensure!(
				!matches!(record.phase, Phase::Revealing { .. })
					|| Self::may_reveal(&record)
					|| (record.declarations() >= T::UnavailableToFail::get()),
				"verdicts revealed while more seats could still be drawn to copy them"
			);
			ensure!(
				record.segments.windows(2).all(|w| w.first() < w.get(1)),
				"sampled segments are not distinct and sorted"
			);
			ensure!(
				record.segments.iter().all(|s| *s < record.commitment.segments()),
				"a sampled segment is outside the commitment"
			);
		}
		ensure!(VerificationCount::<T>::get() == count, "VerificationCount is off");
		ensure!(count <= T::MaxVerifications::get(), "too many verifications");

		VerificationSchedule::<T>::check(&slots, frame_system::Pallet::<T>::block_number())?;
		Ok(())
	}
}

impl<T: Config> VerificationDisputes<T::AccountId> for Pallet<T> {
	fn challengeable(task: TaskId) -> Option<Challengeable<T::AccountId>> {
		let record = Verifications::<T>::get(task)?;
		matches!(record.phase, Phase::ChallengeWindow { .. }).then(|| Challengeable {
			solver: record.solver.clone(),
			submitter: record.submitter.clone(),
			commitment: record.commitment,
			mode: record.mode,
		})
	}

	fn challenged(task: TaskId) -> Result<(), DisputeError> {
		let mut record = Verifications::<T>::get(task).ok_or(DisputeError::NotDisputable)?;
		let Phase::ChallengeWindow { until } = record.phase else {
			return Err(if record.phase == Phase::Disputed {
				DisputeError::AlreadyDisputed
			} else {
				DisputeError::NotDisputable
			});
		};
		T::Tasks::disputed(task).map_err(|_| DisputeError::NotDisputable)?;
		Self::unschedule(task, until);
		record.phase = Phase::Disputed;
		Verifications::<T>::insert(task, record);
		Self::deposit_event(Event::VerificationDisputed { task, subject: None });
		Ok(())
	}

	fn resolved(
		task: TaskId,
		subject: Subject,
		outcome: JuryVote,
		challenger: &T::AccountId,
	) -> Result<(), DisputeError> {
		let mut record = Verifications::<T>::get(task).ok_or(DisputeError::NotDisputable)?;
		ensure!(record.phase == Phase::Disputed, DisputeError::NotDisputable);
		let now = frame_system::Pallet::<T>::block_number();
		match outcome {
			JuryVote::Holds => {
				// The jury judged the committed data: every verifier that failed it was wrong.
				let solver = record.solver.clone();
				Self::slash_wrong_verifiers(task, &mut record, subject, true, Some(&solver));
				Self::decide(task, record, now);
			},
			JuryVote::Wrong => {
				// Verifiers that passed wrong training were lazy or lying.
				Self::slash_wrong_verifiers(task, &mut record, subject, false, Some(challenger));
				Self::deposit_event(Event::VerificationFailed {
					task,
					subject,
					finder: challenger.clone(),
				});
				Self::close(task, record, Ending::TrainingWrong { finder: challenger.clone() });
			},
			JuryVote::Unavailable => {
				// The solver could not show the jury its checkpoints. Nothing about its training
				// was shown, so no verifier is slashed.
				Self::close(
					task,
					record,
					Ending::ArtifactsUnavailable { finder: Some(challenger.clone()) },
				);
			},
		}
		Ok(())
	}

	fn verifiers_of(task: TaskId) -> Vec<T::AccountId> {
		Verifications::<T>::get(task).map_or_else(Vec::new, |record| {
			record
				.slots
				.into_iter()
				.map(|s| s.verifier)
				.chain(record.former_verifiers)
				.collect()
		})
	}

	fn undecided(task: TaskId) -> Result<(), DisputeError> {
		let record = Verifications::<T>::get(task).ok_or(DisputeError::NotDisputable)?;
		ensure!(record.phase == Phase::Disputed, DisputeError::NotDisputable);
		Self::abandon(task, record);
		Ok(())
	}
}
