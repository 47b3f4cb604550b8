//! Miscellaneous additional datatypes.

use crate::Config;
use assay_primitives::{
	CheckpointCommitment, Claim, MaxSampledSegments, MaxVerdictClaims, Sha256, Subject, Uri,
	VerificationMode,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// A [`Verification`] as stored for runtime `T`.
pub type VerificationOf<T> = Verification<T>;

/// Where a task's verification stands. Every phase but [`Phase::Disputed`] ends at a block,
/// where the task sits in [`Schedule`](crate::Schedule).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Phase<BlockNumber> {
	/// Committed; segments and verifiers are drawn at `at`, with randomness from after the
	/// commitment.
	#[codec(index = 0)]
	Sampling {
		/// The block the draw happens in.
		at: BlockNumber,
	},
	/// The verifiers replay and commit to their verdicts until `until`.
	#[codec(index = 1)]
	Committing {
		/// At this block verifiers without a commitment are slashed and replaced.
		until: BlockNumber,
	},
	/// The verifiers reveal until `until`.
	#[codec(index = 2)]
	Revealing {
		/// At this block verifiers that committed and did not reveal are slashed.
		until: BlockNumber,
	},
	/// Every sampled segment passed; anyone bonded may challenge until `until`, then the task
	/// settles.
	#[codec(index = 3)]
	ChallengeWindow {
		/// At this block the task settles.
		until: BlockNumber,
	},
	/// Verdicts conflict or a verdict was challenged; the dispute pallet decides.
	#[codec(index = 4)]
	Disputed,
	/// The verdicts decided on a dispute the dispute pallet had no room for; the outcome is
	/// decided again at `at` (the verdicts as they stand: availability is not judged again).
	#[codec(index = 5)]
	Deciding {
		/// The block the outcome is decided again in.
		at: BlockNumber,
	},
	/// Segments and verifiers are drawn; the solver must show its checkpoint root (wrong at
	/// the forced segment's end, if forced) by `until`, or fail.
	#[codec(index = 6)]
	Showing {
		/// At this block a solver that has not shown its root fails.
		until: BlockNumber,
	},
	/// Every verdict is revealed; the solver must disclose its secret and true root by
	/// `until`, or fail.
	#[codec(index = 7)]
	Disclosing {
		/// At this block a solver that has not disclosed fails.
		until: BlockNumber,
	},
}

impl<BlockNumber: Copy> Phase<BlockNumber> {
	/// The block at which the phase ends, where the task sits in the schedule.
	pub fn deadline(&self) -> Option<BlockNumber> {
		match self {
			Self::Sampling { at } | Self::Deciding { at } => Some(*at),
			Self::Committing { until }
			| Self::Revealing { until }
			| Self::ChallengeWindow { until }
			| Self::Showing { until }
			| Self::Disclosing { until } => Some(*until),
			Self::Disputed => None,
		}
	}

	/// The same phase, ending at `at` instead (a disputed verification has no end to move).
	pub fn ending_at(self, at: BlockNumber) -> Self {
		match self {
			Self::Sampling { .. } => Self::Sampling { at },
			Self::Committing { .. } => Self::Committing { until: at },
			Self::Revealing { .. } => Self::Revealing { until: at },
			Self::ChallengeWindow { .. } => Self::ChallengeWindow { until: at },
			Self::Deciding { .. } => Self::Deciding { at },
			Self::Showing { .. } => Self::Showing { until: at },
			Self::Disclosing { .. } => Self::Disclosing { until: at },
			Self::Disputed => Self::Disputed,
		}
	}
}

/// How far the solver's sealed checkpoints are opened (see `assay_primitives::forced`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum SealStage {
	/// Committed sealed: no root is shown yet.
	#[codec(index = 0)]
	Sealed,
	/// The shown root is in the commitment; the verifiers judge it.
	#[codec(index = 1)]
	Shown,
	/// The secret and the true root are disclosed; the commitment's root is the true one.
	#[codec(index = 2)]
	Disclosed,
}

/// The sampled segments, ascending.
pub type SampledSegments = BoundedVec<u32, MaxSampledSegments>;

/// What a verifier revealed: its claims against the solver (a wrong `h_0`, sampled segments
/// its replay did not reproduce), each with the proven checkpoints and what the verifier
/// found instead (empty: the solver's training stands on everything it checked).
pub type FailedClaims = BoundedVec<Claim, MaxVerdictClaims>;

/// The most verifiers a verification can have seen leave: each commit round seats at most
/// [`Config::MaxVerifiers`], and there are at most [`Config::MaxVerificationRounds`] rounds.
pub struct FormerVerifiersBound<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for FormerVerifiersBound<T> {
	fn get() -> u32 {
		T::MaxVerifiers::get().saturating_mul(T::MaxVerificationRounds::get())
	}
}

/// The most verifiers a verification can have seen declare its artifacts unavailable: every
/// declarer is a former verifier, so [`FormerVerifiersBound`] bounds them too.
pub type DeclarersBound<T> = FormerVerifiersBound<T>;

/// One drawn verifier and how far it got.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct VerifierSlot<AccountId> {
	/// The verifier; its collateral is locked for the task.
	pub verifier: AccountId,
	/// Its commitment to a verdict, once committed.
	pub commitment: Option<[u8; 32]>,
	/// What it revealed, once revealed.
	pub failed: Option<FailedClaims>,
}

/// A task's verification.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Verification<T: Config> {
	/// The solver that committed.
	pub solver: T::AccountId,
	/// The task's submitter (never drawn as a verifier).
	pub submitter: T::AccountId,
	/// What the solver committed to: its root is zero while [`SealStage::Sealed`], the shown
	/// root once shown, the true root once disclosed.
	pub commitment: CheckpointCommitment,
	/// The solver's sealed checkpoints (`assay_primitives::sealed_checkpoints`).
	pub sealed: Sha256,
	/// How far the seal is opened.
	pub seal: SealStage,
	/// The seed the segments were sampled with (zero before): with the solver's secret it
	/// decides the forced error.
	pub sampling_seed: [u8; 32],
	/// The forced-error odds when the segments were sampled.
	pub forced_odds: Perbill,
	/// Where the solver serves its checkpoints.
	pub artifact_uri: Uri,
	/// How segments are judged.
	pub mode: VerificationMode,
	/// How many verifiers the task pays for (more are seated only to break a tie, see
	/// [`Verification::seats_wanted`]).
	pub verifiers_wanted: u16,
	/// How many segments the task samples.
	pub segments_wanted: u16,
	/// The sampled segments, ascending (empty until sampled).
	pub segments: SampledSegments,
	/// The drawn verifiers.
	pub slots: BoundedVec<VerifierSlot<T::AccountId>, T::MaxVerifiers>,
	/// Verifiers that left the task: dropped for missing a deadline, declaring its artifacts
	/// unavailable, or slashed after a dispute. Never drawn for the task again, nor seated on
	/// the jury of a dispute over it.
	pub former_verifiers: BoundedVec<T::AccountId, FormerVerifiersBound<T>>,
	/// Where it stands.
	pub phase: Phase<BlockNumberFor<T>>,
	/// Commit rounds opened after the first draw (redraws).
	pub rounds: u32,
	/// Verifiers that declared the solver's artifacts unavailable so far, in order (each is
	/// also a former verifier).
	pub declarers: BoundedVec<T::AccountId, DeclarersBound<T>>,
	/// Whether one did in the current commit phase (its seat is drawn again before the
	/// reveals open).
	pub declared_this_round: bool,
}

impl<T: Config> Verification<T> {
	/// The segment forced for a solver holding `secret`, given this verification's sample
	/// (`assay_primitives::forced_segment`).
	pub fn forced_segment(&self, secret: &assay_primitives::SealSecret) -> Option<u32> {
		assay_primitives::forced_segment(
			secret,
			&self.sampling_seed,
			self.forced_odds.deconstruct(),
			&self.segments,
			self.commitment.segments(),
		)
	}

	/// The slot of `who`, if it was drawn.
	pub fn slot_of(&self, who: &T::AccountId) -> Option<usize> {
		self.slots.iter().position(|s| &s.verifier == who)
	}

	/// Whether `failed` reports `subject` failing.
	pub fn fails(failed: &FailedClaims, subject: Subject) -> bool {
		failed.iter().any(|claim| claim.subject() == subject)
	}

	/// Whether a revealed verdict judged `subject`: every verdict judges the initial state,
	/// and each the sampled segments.
	pub fn judged(&self, subject: Subject) -> bool {
		match subject {
			Subject::InitialState => true,
			Subject::Segment(segment) => self.segments.contains(&segment),
		}
	}

	/// What a verdict judges, in dispute order: the initial state, then the sampled segments.
	pub fn subjects(&self) -> impl Iterator<Item = Subject> + '_ {
		core::iter::once(Subject::InitialState)
			.chain(self.segments.iter().map(|segment| Subject::Segment(*segment)))
	}

	/// The verifiers that revealed, in slot order.
	pub fn revealed(&self) -> impl Iterator<Item = (&T::AccountId, &FailedClaims)> {
		self.slots.iter().filter_map(|s| s.failed.as_ref().map(|f| (&s.verifier, f)))
	}

	/// How many verifiers seated now revealed a verdict.
	pub fn verdicts(&self) -> u32 {
		self.revealed().count() as u32
	}

	/// How many verifiers declared the solver's artifacts unavailable so far.
	pub fn declarations(&self) -> u32 {
		self.declarers.len() as u32
	}

	/// How many seats the draw fills: the verifiers the task pays for, or one more than the
	/// declarations if that is more, so that the verdicts can outnumber them (a tie is no
	/// majority either way). Never more than [`Config::MaxVerifiers`].
	pub fn seats_wanted(&self) -> u32 {
		u32::from(self.verifiers_wanted)
			.max(self.declarations().saturating_add(1))
			.min(T::MaxVerifiers::get())
	}
}

/// How a verification ends (`Pallet::close`).
pub(crate) enum Ending<AccountId> {
	/// The training stands: the solver is paid.
	Settled,
	/// A jury found the training wrong, in a dispute `finder` brought.
	TrainingWrong { finder: AccountId },
	/// The solver could not show its checkpoints: to a majority of its verifiers (no finder),
	/// or to the jury of a dispute `finder` brought.
	ArtifactsUnavailable { finder: Option<AccountId> },
	/// The solver did not show its root, or did not disclose its seal, in time.
	SealBroken,
}
