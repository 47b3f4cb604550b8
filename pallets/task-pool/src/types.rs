//! The task record and its state.

use crate::Config;
use assay_primitives::{TaskPhase, TaskSpec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible::Inspect, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::traits::{CheckedAdd, CheckedMul};

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A [`Task`] as stored for runtime `T`.
pub type TaskOf<T> = Task<T>;

/// A [`TaskState`] as stored for runtime `T`.
pub type TaskStateOf<T> = TaskState<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Where a live task stands, with what that phase needs. The block numbers named `*_slot` or
/// `*_by` are where the task sits in [`Deadlines`](crate::Deadlines).
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum TaskState<AccountId, BlockNumber> {
	/// In the [`DrawQueue`](crate::DrawQueue), waiting for a solver; drawn from the block after
	/// `opened_at` on, refunded at `expiry_slot` if still open.
	#[codec(index = 0)]
	Open {
		/// The block it (re)opened in.
		opened_at: BlockNumber,
		/// Where its expiry sits in [`Deadlines`](crate::Deadlines): the task's `expires_at`
		/// or, if that block was full, the first later block with room.
		expiry_slot: BlockNumber,
	},
	/// `solver` was drawn and must accept or decline before `accept_by`.
	#[codec(index = 1)]
	Assigned {
		/// The drawn solver.
		solver: AccountId,
		/// At this block a solver that has not answered is a no-show.
		accept_by: BlockNumber,
	},
	/// `solver` accepted, locked its collateral, and must commit its checkpoints before
	/// `commit_by`.
	#[codec(index = 2)]
	Training {
		/// The training solver.
		solver: AccountId,
		/// At this block a solver that has not committed missed its deadline.
		commit_by: BlockNumber,
	},
	/// `solver` committed; proof of learning is checking it.
	#[codec(index = 3)]
	Verifying {
		/// The solver.
		solver: AccountId,
	},
	/// The check passed; the challenge window is open.
	#[codec(index = 4)]
	Verified {
		/// The solver.
		solver: AccountId,
	},
	/// A verdict is disputed.
	#[codec(index = 5)]
	Disputed {
		/// The solver.
		solver: AccountId,
	},
}

impl<AccountId, BlockNumber: Copy> TaskState<AccountId, BlockNumber> {
	/// The phase, as the judging pallets see it.
	pub fn phase(&self) -> TaskPhase {
		match self {
			Self::Open { .. } => TaskPhase::Open,
			Self::Assigned { .. } => TaskPhase::Assigned,
			Self::Training { .. } => TaskPhase::Training,
			Self::Verifying { .. } => TaskPhase::Verifying,
			Self::Verified { .. } => TaskPhase::Verified,
			Self::Disputed { .. } => TaskPhase::Disputed,
		}
	}

	/// The solver, from assignment on.
	pub fn solver(&self) -> Option<&AccountId> {
		match self {
			Self::Open { .. } => None,
			Self::Assigned { solver, .. }
			| Self::Training { solver, .. }
			| Self::Verifying { solver }
			| Self::Verified { solver }
			| Self::Disputed { solver } => Some(solver),
		}
	}

	/// The block where the task sits in [`Deadlines`](crate::Deadlines), in the phases the
	/// task pool times (open, assigned, training).
	pub fn deadline_slot(&self) -> Option<BlockNumber> {
		match self {
			Self::Open { expiry_slot, .. } => Some(*expiry_slot),
			Self::Assigned { accept_by, .. } => Some(*accept_by),
			Self::Training { commit_by, .. } => Some(*commit_by),
			Self::Verifying { .. } | Self::Verified { .. } | Self::Disputed { .. } => None,
		}
	}

	/// Whether the task counts against [`Config::MaxLiveTasks`]: before its commitment.
	pub fn is_pending(&self) -> bool {
		self.deadline_slot().is_some()
	}

	/// Whether the solver's collateral is locked for the task: from acceptance to the end.
	pub fn has_collateral(&self) -> bool {
		matches!(
			self,
			Self::Training { .. }
				| Self::Verifying { .. }
				| Self::Verified { .. }
				| Self::Disputed { .. }
		)
	}
}

/// Whether a task has ever been takeable: decides, when it ends, whether its submitter gets
/// the submission deposit back.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum DrawHistory {
	/// No draw has been tried yet.
	#[default]
	#[codec(index = 0)]
	NotTried,
	/// Every draw tried found no eligible solver: the deposit is forfeited if the task ends so.
	#[codec(index = 1)]
	NobodyEligible,
	/// A solver was drawn at least once: the deposit is returned whatever happens next.
	#[codec(index = 2)]
	SolverDrawn,
}

impl DrawHistory {
	/// The history after one more draw, which found a solver or not.
	pub fn after_draw(self, found: bool) -> Self {
		match (self, found) {
			(_, true) | (Self::SolverDrawn, false) => Self::SolverDrawn,
			(Self::NotTried | Self::NobodyEligible, false) => Self::NobodyEligible,
		}
	}

	/// Whether the submission deposit is forfeited if the task ends now.
	pub fn forfeits_deposit(self) -> bool {
		self == Self::NobodyEligible
	}
}

/// A live task: what to train, who pays how much, and where it stands.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Task<T: Config> {
	/// Who submitted it; its escrow is held from this account.
	pub submitter: T::AccountId,
	/// What to train and how to verify it.
	pub spec: TaskSpec,
	/// Paid to the solver when the training stands.
	pub reward: BalanceOf<T>,
	/// Paid to each verifier who checked it; `spec.verification.verifiers` of them at most.
	pub verifier_fee: BalanceOf<T>,
	/// What the solver locks from its bond on acceptance.
	pub collateral: BalanceOf<T>,
	/// The block it was submitted in.
	pub submitted_at: BlockNumberFor<T>,
	/// From this block on it is no longer (re)assigned: an open task is refunded.
	pub expires_at: BlockNumberFor<T>,
	/// Where it stands.
	pub state: TaskStateOf<T>,
	/// Solvers that declined it, did not answer, or missed its deadline: never drawn for it
	/// again. When full, the task is refunded instead of drawn again.
	pub passed_over: BoundedVec<T::AccountId, T::MaxSolverAttempts>,
	/// The submission deposit held for it ([`Config::SubmissionDeposit`] when submitted).
	pub deposit: BalanceOf<T>,
	/// Whether a draw ever found it a solver.
	pub draws: DrawHistory,
}

impl<T: Config> Task<T> {
	/// `reward + verifier_fee × verifiers`, or `None` on overflow.
	pub fn escrow_for(
		reward: BalanceOf<T>,
		verifier_fee: BalanceOf<T>,
		verifiers: u16,
	) -> Option<BalanceOf<T>> {
		verifier_fee.checked_mul(&BalanceOf::<T>::from(verifiers))?.checked_add(&reward)
	}

	/// What the submitter has held for this task: the reward and every verifier fee.
	pub fn escrow(&self) -> Option<BalanceOf<T>> {
		Self::escrow_for(self.reward, self.verifier_fee, self.spec.verification.verifiers)
	}
}
