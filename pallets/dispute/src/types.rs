//! Miscellaneous additional datatypes.

use crate::{BalanceOf, Config};
use assay_primitives::{Role, Sha256};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// A [`Dispute`] as stored for runtime `T`.
pub type DisputeOf<T> = Dispute<T>;

/// Where a dispute stands. Every phase ends at a block, where the dispute sits in
/// [`Schedule`](crate::Schedule).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Phase<BlockNumber> {
	/// One step (or, with a tolerance, the segment) is left; the jury is drawn at `at`, from
	/// randomness nobody knew when the range was fixed.
	#[codec(index = 3)]
	AwaitingJury {
		/// The block the jury is drawn in.
		at: BlockNumber,
	},
	/// Both parties state the state hash after `mid` steps of the segment, by `until`.
	#[codec(index = 0)]
	Bisecting {
		/// The step asked about.
		mid: u32,
		/// The defender's answer, once given.
		defender_answer: Option<Sha256>,
		/// The challenger's answer, once given.
		challenger_answer: Option<Sha256>,
		/// A party that has not answered by this block loses.
		until: BlockNumber,
	},
	/// The jurors re-execute the disputed step (or segment) and commit to a vote by `until`.
	#[codec(index = 1)]
	JuryCommit {
		/// At this block jurors without a commitment are slashed and the reveal starts.
		until: BlockNumber,
	},
	/// The jurors reveal by `until`.
	#[codec(index = 2)]
	JuryReveal {
		/// At this block the revealed votes decide.
		until: BlockNumber,
	},
}

impl<BlockNumber: Copy> Phase<BlockNumber> {
	/// The block the phase ends at.
	pub fn deadline(&self) -> BlockNumber {
		match self {
			Self::AwaitingJury { at: until }
			| Self::Bisecting { until, .. }
			| Self::JuryCommit { until }
			| Self::JuryReveal { until } => *until,
		}
	}
}

/// One drawn juror and how far it got.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct JurorSlot<AccountId> {
	/// The juror; its collateral is locked for the task.
	pub juror: AccountId,
	/// Its commitment, once committed.
	pub commitment: Option<Sha256>,
	/// Its vote, once revealed: whether the defender's end state is right.
	pub defender_right: Option<bool>,
}

/// A dispute over one segment of one task (at most one per task).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Dispute<T: Config> {
	/// The contested segment.
	pub segment: u32,
	/// Holds the solver's segment wrong.
	pub challenger: T::AccountId,
	/// The role the challenger's stake is in.
	pub challenger_role: Role,
	/// What a whistleblower challenger locked for the dispute (zero for a verifier, whose
	/// collateral proof of learning holds).
	pub challenger_bond: BalanceOf<T>,
	/// The solver.
	pub defender: T::AccountId,
	/// The task's submitter (never a juror: it gains if the solver loses).
	pub submitter: T::AccountId,
	/// Whether the task is judged with a tolerance (no bisection: the jury replays the whole
	/// segment).
	pub tolerance: bool,
	/// The steps `lo < hi` of the segment between which the parties are known to diverge: they
	/// agree on the state after `lo` steps (`lo_hash`) and not after `hi`.
	pub lo: u32,
	/// See [`Dispute::lo`].
	pub hi: u32,
	/// The agreed state hash after `lo` steps.
	pub lo_hash: Sha256,
	/// The defender's state hash after `hi` steps.
	pub defender_hi: Sha256,
	/// The challenger's state hash after `hi` steps.
	pub challenger_hi: Sha256,
	/// The drawn jurors.
	pub jurors: BoundedVec<JurorSlot<T::AccountId>, T::MaxJurors>,
	/// Jurors slashed for not voting: never drawn for this dispute again.
	pub dropped: BoundedVec<T::AccountId, T::MaxJurors>,
	/// Juries drawn so far (at most [`Config::MaxJuryRounds`](crate::Config::MaxJuryRounds)).
	pub jury_rounds: u32,
	/// Where it stands.
	pub phase: Phase<BlockNumberFor<T>>,
}

impl<T: Config> Dispute<T> {
	/// Whether `who` is the defender or the challenger.
	pub fn is_party(&self, who: &T::AccountId) -> bool {
		who == &self.defender || who == &self.challenger
	}

	/// The slot of juror `who`.
	pub fn juror_slot(&self, who: &T::AccountId) -> Option<usize> {
		self.jurors.iter().position(|j| &j.juror == who)
	}
}
