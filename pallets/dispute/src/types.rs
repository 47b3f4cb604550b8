//! Miscellaneous additional datatypes.

use crate::{BalanceOf, Config};
use assay_primitives::{Claim, JuryVote, Role, Sha256};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// A [`Dispute`] as stored for runtime `T`.
pub type DisputeOf<T> = Dispute<T>;

/// Where a dispute stands. Every phase ends at a block, where the dispute sits in
/// [`Schedule`](crate::Schedule).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Phase<BlockNumber> {
	/// The jury is drawn at `at`, from randomness nobody knew when the dispute opened.
	#[codec(index = 3)]
	AwaitingJury {
		/// The block the jury is drawn in.
		at: BlockNumber,
	},
	/// The jurors replay the segment from the committed `h_i` and commit to a vote by `until`.
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
			| Self::JuryCommit { until }
			| Self::JuryReveal { until } => *until,
		}
	}
}

/// The most jurors a dispute can have seated before its current jury: every round seats at
/// most [`Config::MaxJurors`], and a dispute has at most [`Config::MaxJuryRounds`] rounds.
pub struct FormerJurorsBound<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for FormerJurorsBound<T> {
	fn get() -> u32 {
		T::MaxJurors::get().saturating_mul(T::MaxJuryRounds::get())
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
	/// Its vote, once revealed.
	pub vote: Option<JuryVote>,
}

/// A jury's revealed votes, by finding.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct VoteTally {
	/// [`JuryVote::Holds`].
	pub holds: u32,
	/// [`JuryVote::Wrong`].
	pub wrong: u32,
	/// [`JuryVote::Unavailable`].
	pub unavailable: u32,
}

impl VoteTally {
	/// The finding with at least `majority` votes, if any (at most one can have them when
	/// `majority` is more than half the votes a jury can cast).
	pub fn finding(&self, majority: u32) -> Option<JuryVote> {
		[
			(JuryVote::Holds, self.holds),
			(JuryVote::Wrong, self.wrong),
			(JuryVote::Unavailable, self.unavailable),
		]
		.into_iter()
		.find(|(_, votes)| *votes >= majority)
		.map(|(finding, _)| finding)
	}
}

/// A dispute over one claim against one task's training (at most one per task).
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Dispute<T: Config> {
	/// Holds the solver's training wrong.
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
	/// What is contested, with the solver's committed data (a segment's `h_i` and `h_{i+1}`,
	/// or `h_0`) and what the challenger found instead. The jury judges the committed data;
	/// what the challenger found is only its word.
	pub claim: Claim,
	/// The drawn jurors.
	pub jurors: BoundedVec<JurorSlot<T::AccountId>, T::MaxJurors>,
	/// Jurors of earlier jury rounds (slashed for not voting, or released from a round that
	/// reached no majority): never drawn for this dispute again.
	pub former_jurors: BoundedVec<T::AccountId, FormerJurorsBound<T>>,
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
