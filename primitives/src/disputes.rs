//! How proof of learning and the dispute pallet hand a contested segment to each other.
//!
//! - [`DisputeOpener`], implemented by the dispute pallet: proof of learning opens a dispute
//!   when revealed verdicts on a segment conflict.
//! - [`VerificationDisputes`], implemented by proof of learning: the dispute pallet checks that
//!   a whistleblower's challenge is in time, tells proof of learning a task is challenged, and
//!   reports who was right.

use crate::{
	hash::Sha256,
	merkle::CheckpointCommitment,
	roles::{Role, TaskId},
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why a dispute step was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DisputeError {
	/// No verification of this task is in a phase where this applies.
	#[codec(index = 0)]
	NotDisputable,
	/// The task is already disputed.
	#[codec(index = 1)]
	AlreadyDisputed,
	/// The dispute pallet has no room for another dispute now.
	#[codec(index = 2)]
	Full,
}

/// What two parties disagree on: segment `i` starts from the committed `h_i` (both accept it)
/// and the defender says it ends in `h_{i+1}`, the challenger that it ends elsewhere.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SegmentClaim {
	/// The segment `i`.
	pub segment: u32,
	/// `h_i`, proven against the solver's commitment.
	pub start_hash: Sha256,
	/// `h_{i+1}`, the defender's (solver's) end state, proven against its commitment.
	pub defender_end: Sha256,
	/// The end state the challenger's replay reached.
	pub challenger_end: Sha256,
}

/// What a claim against a solver is about. Ordered: the initial state first, then the
/// segments in order (the order in which contested subjects go to a dispute on a tie).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Subject {
	/// Whether `h_0` is the task's initial state.
	#[codec(index = 0)]
	InitialState,
	/// Whether segment `i` ends in the committed `h_{i+1}`.
	#[codec(index = 1)]
	Segment(u32),
}

/// What a verifier or whistleblower holds against a solver.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Claim {
	/// The solver's `h_0` (proven at leaf 0) is not the task's initial state: it trained from
	/// weights of its own choosing. A juror derives the initial state from the spec (no
	/// training) and compares.
	#[codec(index = 0)]
	InitialState {
		/// The committed `h_0`.
		committed: Sha256,
		/// The initial state's hash as the claimant derived it.
		derived: Sha256,
	},
	/// Segment `i` does not end in the committed `h_{i+1}`.
	#[codec(index = 1)]
	Segment(SegmentClaim),
}

impl Claim {
	/// What the claim is about.
	pub fn subject(&self) -> Subject {
		match self {
			Self::InitialState { .. } => Subject::InitialState,
			Self::Segment(claim) => Subject::Segment(claim.segment),
		}
	}
}

/// Everything a dispute needs to run: who against whom, over what, and how it is judged.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DisputeTerms<AccountId> {
	/// What the parties disagree on.
	pub claim: Claim,
	/// The party holding the solver's segment wrong.
	pub challenger: AccountId,
	/// The role the challenger staked as (its stake for the task is already locked).
	pub challenger_role: Role,
	/// The solver.
	pub defender: AccountId,
	/// The task's submitter: it gains if the solver loses, so it never sits on the jury.
	pub submitter: AccountId,
}

/// Opens disputes (the dispute pallet).
pub trait DisputeOpener<AccountId> {
	/// Opens a dispute over `task` on `terms`.
	fn open(task: TaskId, terms: DisputeTerms<AccountId>) -> Result<(), DisputeError>;
}

/// A juror's finding on the disputed claim (for a segment, after trying to replay it from the
/// committed `h_i`; for the initial state, after deriving it from the spec); the jury's
/// majority finding is the dispute's outcome.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum JuryVote {
	/// The solver's committed state is right: the replay reproduces `h_{i+1}` (`Exact`) or
	/// comes within the threshold (`Tolerance`); `h_0` is the task's initial state.
	#[codec(index = 0)]
	Holds,
	/// The solver's committed state is wrong.
	#[codec(index = 1)]
	Wrong,
	/// The solver's checkpoints could not be fetched (or did not match its commitment), so the
	/// segment could not be replayed: the solver cannot show its work. It loses the dispute,
	/// but no verifier's verdict on the segment is shown wrong.
	#[codec(index = 2)]
	Unavailable,
}

/// What a juror commits to before revealing its vote: `sha256(SCALE("assay/vote", task,
/// juror, vote, salt))`.
pub fn vote_commitment<AccountId: Encode>(
	task: TaskId,
	juror: &AccountId,
	vote: JuryVote,
	salt: &[u8; 32],
) -> Sha256 {
	crate::hash::sha256(&(b"assay/vote", task, juror, vote, salt).encode())
}

/// What a whistleblower commits to, a block or more before it challenges:
/// `sha256(SCALE("assay/challenge", task, challenger, claim))`. Binding the challenger's
/// account means a claim copied from the mempool matches no commitment of the copier's; the
/// claim's own replayed end state (32 bytes nobody else has unless they replayed too) keeps
/// the commitment from being guessed, so no salt is needed.
pub fn challenge_commitment<AccountId: Encode>(
	task: TaskId,
	challenger: &AccountId,
	claim: &Claim,
) -> Sha256 {
	crate::hash::sha256(&(b"assay/challenge", task, challenger, claim).encode())
}

/// A task whose verification can be challenged, as the dispute pallet sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Challengeable<AccountId> {
	/// The solver, who defends its training.
	pub solver: AccountId,
	/// The task's submitter.
	pub submitter: AccountId,
	/// What the solver committed to: a challenge proves its checkpoints against it.
	pub commitment: CheckpointCommitment,
	/// How a challenged segment is judged.
	pub mode: crate::spec::VerificationMode,
}

/// Proof of learning, as the dispute pallet sees it.
pub trait VerificationDisputes<AccountId> {
	/// What a challenge of `task` needs, if its challenge window is open, else `None`.
	fn challengeable(task: TaskId) -> Option<Challengeable<AccountId>>;

	/// A challenge was accepted: the task waits for the dispute's outcome instead of settling.
	fn challenged(task: TaskId) -> Result<(), DisputeError>;

	/// The dispute over `subject` of `task` ended: a jury judged the solver's committed data
	/// (a segment replayed from the committed `h_i` against the committed `h_{i+1}`; `h_0`
	/// against the initial state derived from the spec), so the outcome binds every verifier's
	/// verdict on `subject`, not only the challenger's.
	///
	/// [`JuryVote::Holds`]: the committed state is right. Every verifier that reported
	/// `subject` failing was wrong and loses its collateral to the solver; the remaining
	/// verdicts are judged again (another failing claim means another dispute) and, if they
	/// pass, the challenge window opens afresh for anyone else.
	///
	/// [`JuryVote::Wrong`]: the solver's training is wrong: the task fails (its collateral is
	/// slashed) and the verifiers that passed `subject` were lazy; `challenger` is the
	/// beneficiary of both.
	///
	/// [`JuryVote::Unavailable`]: the jury could not fetch the solver's checkpoints. The task
	/// fails (the solver's collateral is slashed, `challenger` the beneficiary), and no
	/// verifier is slashed: nothing about `subject` was shown.
	fn resolved(
		task: TaskId,
		subject: Subject,
		outcome: JuryVote,
		challenger: &AccountId,
	) -> Result<(), DisputeError>;

	/// Every verifier ever drawn for `task`'s verification (seated, dropped or declaring):
	/// none of them may sit on the jury of a dispute over the task.
	fn verifiers_of(task: TaskId) -> alloc::vec::Vec<AccountId>;

	/// The dispute over `task` ended undecided (no jury could be formed, or none voted, in the
	/// dispute pallet's jury rounds): nobody was shown wrong, so the task is abandoned with
	/// every stake returned and nobody slashed or paid.
	fn undecided(task: TaskId) -> Result<(), DisputeError>;
}
