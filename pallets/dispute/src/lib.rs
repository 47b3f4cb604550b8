//! # Dispute pallet
//!
//! Decides who is right when two parties disagree about one segment of a solver's training:
//! the solver (the **defender**) says replaying segment `i` from `h_i` gives its committed
//! `h_{i+1}`; the **challenger** (a whistleblower, or a verifier whose verdict conflicted with
//! another's) says it does not.
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Event`], [`Error`]
//! - the [`DisputeOpener`] implementation for [`Pallet`], used by proof of learning
//!
//! ## How a dispute runs
//!
//! 1. **Opening.** A bonded whistleblower first commits to its claim
//!    ([`Call::commit_challenge`], a hash binding the claim to its account), then, in a later
//!    block of the task's challenge window, calls [`Call::challenge`] with the segment's `h_i`
//!    and `h_{i+1}` (Merkle-proven against the solver's commitment) and the end state its own
//!    replay reached, locking [`Config::ChallengeBond`] from its bond. A claim copied from the
//!    mempool matches no earlier commitment of the copier's, so it is refused. Proof of learning opens disputes itself when
//!    verifiers' revealed verdicts conflict ([`DisputeOpener::open`]).
//! 2. **Bisection** (`Exact` mode). The parties agree on the state after step `lo = 0` and
//!    disagree after `hi = k`. Each round the pallet asks both for the state hash after
//!    `mid = ⌊(lo + hi) / 2⌋` steps ([`Call::respond`]); equal answers move `lo` up to `mid`,
//!    different ones move `hi` down to `mid`. After `⌈log₂ k⌉` rounds `hi = lo + 1`: one step
//!    whose start both accept and whose end they dispute. A party that does not answer within
//!    [`Config::ResponseWindow`] loses.
//! 3. **Jury.** [`Config::JurySize`] bonded verifiers (never a party) are drawn with
//!    randomness from a later block, lock [`Config::JurorCollateral`], re-execute that one step
//!    from the agreed state (in `Tolerance` mode: the whole segment, judging the distance), and
//!    vote by commit–reveal ([`Call::commit_vote`], [`Call::reveal_vote`]): is the defender's
//!    end state right?
//! 4. **Resolution.** The majority of revealed votes wins; a tie goes to the defender (the
//!    committed training stands unless a majority finds it wrong). Jurors who did not commit
//!    or reveal lose [`Config::JurorNoShowSlash`] of their collateral; the losing minority
//!    get their collateral back and nothing more; each majority juror is paid
//!    [`Config::JurorReward`] slashed from the loser. Then the loser pays:
//!    - the defender loses: proof of learning fails the task (the solver's collateral is
//!      slashed with the challenger as beneficiary; verifiers that passed the segment lose
//!      their collateral to the challenger); a whistleblower's bond is released;
//!    - the challenger loses: a whistleblower's bond is slashed to the defender; verifiers
//!      that failed the segment lose their collateral to the solver; the task settles.
//!
//! ## Design
//!
//! - **One dispute per task**, keyed by the task id.
//! - **Silence loses.** Both silent in a bisection round: the challenger loses (it carries the
//!   burden of proof). No juror reveals: a fresh jury is drawn.
//! - **One schedule entry per dispute** (the `assay-deadlines` crate), at the end of its phase;
//!   `on_initialize` handles at most [`Config::MaxDeadlinesPerBlock`] of them, and what falls
//!   due beyond that waits in [`OverdueSchedule`] for the next blocks (late, never early).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic))]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use assay_primitives::{
	challenge_commitment, vote_commitment, DisputeError, DisputeOpener, DisputeTerms, MerkleProof,
	Role, RoleStaking, SegmentClaim, Sha256, StakingError, TaskId, VerificationDisputes,
	VerificationMode,
};
pub use types::{Dispute, DisputeOf, JurorSlot, Phase};
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

const LOG_TARGET: &str = "runtime::dispute";

/// The disputes' deadline schedule: [`Schedule`] and [`OverdueSchedule`].
type DisputeSchedule<T> = Deadlines<
	Schedule<T>,
	OverdueSchedule<T>,
	BlockNumberFor<T>,
	TaskId,
	<T as Config>::MaxDisputes,
>;

/// The balance type of role staking.
pub type BalanceOf<T> = <T as Config>::Balance;

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

		/// Bonds: whistleblower challenge bonds, the jury draw, slashing and reputation.
		type RoleStaking: RoleStaking<Self::AccountId, Balance = Self::Balance>;

		/// Proof of learning: which tasks can be challenged, and the outcome's consequences.
		type Verification: VerificationDisputes<Self::AccountId>;

		/// Seeds the jury draw. Must be unknown before the block it is read in.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// What a whistleblower locks from its bond to challenge.
		#[pallet::constant]
		type ChallengeBond: Get<BalanceOf<Self>>;

		/// Jurors per dispute (odd, so that a full jury cannot tie).
		#[pallet::constant]
		type JurySize: Get<u32>;

		/// What each juror locks from its verifier bond.
		#[pallet::constant]
		type JurorCollateral: Get<BalanceOf<Self>>;

		/// What each majority juror is paid, slashed from the loser (the juror receives role
		/// staking's beneficiary share of it).
		#[pallet::constant]
		type JurorReward: Get<BalanceOf<Self>>;

		/// What a juror that does not commit or reveal loses, as a share of its collateral.
		#[pallet::constant]
		type JurorNoShowSlash: Get<Perbill>;

		/// Blocks a party has to answer a bisection round.
		#[pallet::constant]
		type ResponseWindow: Get<BlockNumberFor<Self>>;

		/// Blocks from the end of the bisection to the jury draw (at least 1, so that the
		/// randomness is from a block after the last answer).
		#[pallet::constant]
		type JuryDrawDelay: Get<BlockNumberFor<Self>>;

		/// Blocks jurors have to re-execute and commit.
		#[pallet::constant]
		type VoteCommitWindow: Get<BlockNumberFor<Self>>;

		/// Blocks jurors have to reveal.
		#[pallet::constant]
		type VoteRevealWindow: Get<BlockNumberFor<Self>>;

		/// The most jurors a dispute holds (at least `JurySize`).
		#[pallet::constant]
		type MaxJurors: Get<u32>;

		/// Jury draws (the first, and each redraw after a jury that found nobody or did not
		/// vote) before a dispute nobody judges ends undecided: no one is slashed or paid, and
		/// proof of learning abandons the task.
		#[pallet::constant]
		type MaxJuryRounds: Get<u32>;

		/// The most disputes at once; also how many a block's schedule list holds.
		#[pallet::constant]
		type MaxDisputes: Get<u32>;

		/// The most schedule entries handled per block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// The most verifiers a jury draw considers (role staking's `MaxMembersPerRole`); for
		/// benchmarks.
		#[pallet::constant]
		type MaxJurorCandidates: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;

		/// Benchmark set-up.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Hooks for benchmarking: a challengeable task and bonded accounts.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// A task in its challenge window, its training honest, with the checkpoint hashes its
		/// solver committed to.
		fn challengeable_task() -> (TaskId, alloc::vec::Vec<Sha256>);
		/// Funds `who` and bonds it as an active whistleblower (once).
		fn make_whistleblower(who: &AccountId);
		/// Funds `who` and bonds it as an active verifier (once).
		fn make_verifier(who: &AccountId);
	}

	/// The disputes under way, by task.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, TaskId, DisputeOf<T>, OptionQuery>;

	/// Each whistleblower's pending challenge commitment: the task, the
	/// [`challenge_commitment`], and the block it was made in. One per account (a new one
	/// replaces it); taken by the challenge that reveals it.
	#[pallet::storage]
	pub type ChallengeCommitments<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		(TaskId, Sha256, BlockNumberFor<T>),
		OptionQuery,
	>;

	/// How many disputes are under way.
	#[pallet::storage]
	pub type DisputeCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Disputes by the block their current phase ends in.
	#[pallet::storage]
	pub type Schedule<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<TaskId, T::MaxDisputes>,
		ValueQuery,
	>;

	/// Disputes whose phase end fell due in a block that had no handling room left, oldest
	/// first; handled before the next blocks' own.
	#[pallet::storage]
	pub type OverdueSchedule<T: Config> =
		StorageValue<_, BoundedVec<TaskId, T::MaxDisputes>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A whistleblower committed to a challenge of the task.
		ChallengeCommitted {
			/// The task.
			task: TaskId,
			/// The whistleblower.
			whistleblower: T::AccountId,
		},
		/// A dispute opened.
		DisputeOpened {
			/// The task.
			task: TaskId,
			/// The contested segment.
			segment: u32,
			/// Holds the segment wrong.
			challenger: T::AccountId,
			/// The solver.
			defender: T::AccountId,
		},
		/// Both parties are asked for the state hash after `step` steps of the segment.
		BisectionRound {
			/// The task.
			task: TaskId,
			/// The step asked about.
			step: u32,
			/// The answer deadline.
			respond_by: BlockNumberFor<T>,
		},
		/// A party answered a bisection round.
		Responded {
			/// The task.
			task: TaskId,
			/// The party.
			who: T::AccountId,
			/// Its state hash.
			hash: Sha256,
		},
		/// Jurors were drawn to re-execute the disputed step (`lo → lo + 1`) or segment.
		JuryDrawn {
			/// The task.
			task: TaskId,
			/// The jurors drawn now.
			jurors: Vec<T::AccountId>,
			/// The agreed starting step.
			lo: u32,
			/// The disputed end step.
			hi: u32,
			/// The commit deadline.
			commit_by: BlockNumberFor<T>,
		},
		/// No juror could be drawn; the draw is tried again.
		JuryUnavailable {
			/// The task.
			task: TaskId,
			/// The block of the next try.
			retry_at: BlockNumberFor<T>,
		},
		/// A juror committed to its vote.
		VoteCommitted {
			/// The task.
			task: TaskId,
			/// The juror.
			juror: T::AccountId,
		},
		/// Votes are in; jurors reveal.
		VoteRevealStarted {
			/// The task.
			task: TaskId,
			/// The reveal deadline.
			reveal_by: BlockNumberFor<T>,
		},
		/// A juror revealed its vote.
		VoteRevealed {
			/// The task.
			task: TaskId,
			/// The juror.
			juror: T::AccountId,
			/// Whether it found the defender right.
			defender_right: bool,
		},
		/// A juror missed its commit or reveal deadline and was slashed.
		JurorDropped {
			/// The task.
			task: TaskId,
			/// The juror.
			juror: T::AccountId,
			/// What it lost.
			slashed: BalanceOf<T>,
		},
		/// A majority juror was paid from the loser.
		JurorRewarded {
			/// The task.
			task: TaskId,
			/// The juror.
			juror: T::AccountId,
			/// What was slashed from the loser for it.
			amount: BalanceOf<T>,
		},
		/// No jury could be formed, or none voted, in [`Config::MaxJuryRounds`] draws: the
		/// dispute ended with nobody slashed or paid, and the task is abandoned.
		DisputeUndecided {
			/// The task.
			task: TaskId,
		},
		/// The dispute ended.
		DisputeResolved {
			/// The task.
			task: TaskId,
			/// Whether the defender (the solver) was right.
			defender_won: bool,
			/// Whether the loser lost by not answering.
			by_timeout: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The task is not in its challenge window.
		NotChallengeable,
		/// The segment is not one of the commitment's.
		SegmentOutOfRange,
		/// `h_i` or `h_{i+1}` does not match the solver's commitment.
		InvalidProof,
		/// The claimed end state is the solver's: there is nothing to dispute.
		NoDisagreement,
		/// The caller is not an active whistleblower.
		NotWhistleblower,
		/// The whistleblower's free stake does not cover the challenge bond.
		InsufficientBond,
		/// [`Config::MaxDisputes`] disputes are under way; try again shortly.
		TooManyDisputes,
		/// No dispute over this task is under way.
		DisputeNotFound,
		/// The caller is neither the defender nor the challenger.
		NotAParty,
		/// The dispute is not bisecting.
		NotBisecting,
		/// The party already answered this round.
		AlreadyResponded,
		/// The caller is not a juror of this dispute.
		NotAJuror,
		/// The jury is not committing votes.
		NotCommittingVotes,
		/// The jury is not revealing votes.
		NotRevealingVotes,
		/// The juror already committed.
		AlreadyVoted,
		/// The juror already revealed.
		AlreadyRevealed,
		/// The vote and salt do not hash to the juror's commitment.
		VoteMismatch,
		/// A solver cannot challenge its own training.
		SolverCannotChallenge,
		/// The caller has no challenge commitment for this task.
		NoChallengeCommitment,
		/// The commitment was made in this block; challenge in a later one.
		ChallengeTooEarly,
		/// The claim does not hash to the caller's commitment.
		ChallengeMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let handled = Self::handle_schedule(now);
			T::WeightInfo::on_initialize_base()
				.saturating_add(T::WeightInfo::handle_deadline().saturating_mul(handled.into()))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(T::JurySize::get() >= 1, "JurySize must be at least 1");
			assert!(T::MaxJurors::get() >= T::JurySize::get(), "MaxJurors must hold a jury");
			assert!(!T::ResponseWindow::get().is_zero(), "ResponseWindow must be at least 1");
			assert!(!T::JuryDrawDelay::get().is_zero(), "JuryDrawDelay must be at least 1");
			assert!(!T::VoteCommitWindow::get().is_zero(), "VoteCommitWindow must be at least 1");
			assert!(!T::VoteRevealWindow::get().is_zero(), "VoteRevealWindow must be at least 1");
			assert!(T::MaxJuryRounds::get() >= 1, "MaxJuryRounds must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Challenges a task in its challenge window: `claim` names the segment, its `h_i` and
		/// `h_{i+1}` (proven by `start_proof`, `end_proof` against the solver's commitment) and
		/// the end state the whistleblower's replay reached. Locks [`Config::ChallengeBond`].
		///
		/// Emits [`Event::DisputeOpened`] and the first [`Event::BisectionRound`] (or
		/// [`Event::JuryDrawn`]).
		///
		/// The caller must have committed to exactly this claim with
		/// [`Call::commit_challenge`] in an earlier block.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::challenge())]
		pub fn challenge(
			origin: OriginFor<T>,
			task: TaskId,
			claim: SegmentClaim,
			start_proof: MerkleProof,
			end_proof: MerkleProof,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = T::Verification::challengeable(task).ok_or(Error::<T>::NotChallengeable)?;
			let end = claim.segment.checked_add(1).ok_or(Error::<T>::SegmentOutOfRange)?;
			ensure!(end < terms.commitment.checkpoints, Error::<T>::SegmentOutOfRange);
			ensure!(
				terms
					.commitment
					.verify_checkpoint(claim.segment, &claim.start_hash, &start_proof)
					&& terms.commitment.verify_checkpoint(end, &claim.defender_end, &end_proof),
				Error::<T>::InvalidProof
			);
			ensure!(claim.challenger_end != claim.defender_end, Error::<T>::NoDisagreement);
			ensure!(who != terms.solver, Error::<T>::SolverCannotChallenge);
			ensure!(
				T::RoleStaking::is_active(&who, Role::Whistleblower),
				Error::<T>::NotWhistleblower
			);
			let now = frame_system::Pallet::<T>::block_number();
			let (committed_task, commitment, committed_at) =
				ChallengeCommitments::<T>::get(&who).ok_or(Error::<T>::NoChallengeCommitment)?;
			ensure!(committed_task == task, Error::<T>::NoChallengeCommitment);
			ensure!(committed_at < now, Error::<T>::ChallengeTooEarly);
			ensure!(
				commitment == challenge_commitment(task, &who, &claim),
				Error::<T>::ChallengeMismatch
			);
			ensure!(DisputeCount::<T>::get() < T::MaxDisputes::get(), Error::<T>::TooManyDisputes);
			let bond = T::ChallengeBond::get();
			T::RoleStaking::lock_collateral(&who, Role::Whistleblower, task, bond).map_err(
				|e| match e {
					StakingError::NotActive => Error::<T>::NotWhistleblower,
					_ => Error::<T>::InsufficientBond,
				},
			)?;
			T::Verification::challenged(task).map_err(|_| Error::<T>::NotChallengeable)?;
			ChallengeCommitments::<T>::remove(&who);
			Self::start(
				task,
				DisputeTerms {
					claim,
					challenger: who,
					challenger_role: Role::Whistleblower,
					defender: terms.solver,
					submitter: terms.submitter,
					steps_per_segment: terms.steps_per_segment,
					mode: terms.mode,
				},
				bond,
				now,
			)
		}

		/// Answers the current bisection round: the state hash after `mid` steps of the
		/// segment. When both parties have answered, the range halves.
		///
		/// Emits [`Event::Responded`] (and the next round, or the jury).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::respond())]
		pub fn respond(origin: OriginFor<T>, task: TaskId, hash: Sha256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut dispute = Disputes::<T>::get(task).ok_or(Error::<T>::DisputeNotFound)?;
			ensure!(dispute.is_party(&who), Error::<T>::NotAParty);
			let Phase::Bisecting { mid, mut defender_answer, mut challenger_answer, until } =
				dispute.phase
			else {
				return Err(Error::<T>::NotBisecting.into());
			};
			let answer =
				if who == dispute.defender { &mut defender_answer } else { &mut challenger_answer };
			ensure!(answer.is_none(), Error::<T>::AlreadyResponded);
			*answer = Some(hash);
			Self::deposit_event(Event::Responded { task, who, hash });

			let now = frame_system::Pallet::<T>::block_number();
			match (defender_answer, challenger_answer) {
				(Some(d), Some(c)) => {
					if d == c {
						dispute.lo = mid;
						dispute.lo_hash = d;
					} else {
						dispute.hi = mid;
						dispute.defender_hi = d;
						dispute.challenger_hi = c;
					}
					Self::unschedule(task, until);
					Self::next_round(task, &mut dispute, now)?;
				},
				_ => {
					dispute.phase =
						Phase::Bisecting { mid, defender_answer, challenger_answer, until };
				},
			}
			Disputes::<T>::insert(task, dispute);
			Ok(())
		}

		/// Commits a juror to its vote: `vote_commitment(task, juror, defender_right, salt)`.
		/// When every juror has committed, the reveal starts.
		///
		/// Emits [`Event::VoteCommitted`] (and [`Event::VoteRevealStarted`]).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commit_vote())]
		pub fn commit_vote(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: Sha256,
		) -> DispatchResult {
			let juror = ensure_signed(origin)?;
			let mut dispute = Disputes::<T>::get(task).ok_or(Error::<T>::DisputeNotFound)?;
			let Phase::JuryCommit { until } = dispute.phase else {
				return Err(Error::<T>::NotCommittingVotes.into());
			};
			let slot = dispute.juror_slot(&juror).ok_or(Error::<T>::NotAJuror)?;
			let entry = dispute.jurors.get_mut(slot).ok_or(Error::<T>::NotAJuror)?;
			ensure!(entry.commitment.is_none(), Error::<T>::AlreadyVoted);
			entry.commitment = Some(commitment);
			Self::deposit_event(Event::VoteCommitted { task, juror });
			if dispute.jurors.iter().all(|j| j.commitment.is_some()) {
				let now = frame_system::Pallet::<T>::block_number();
				Self::unschedule(task, until);
				Self::start_reveal(task, &mut dispute, now)?;
			}
			Disputes::<T>::insert(task, dispute);
			Ok(())
		}

		/// Reveals a juror's vote and salt. When every committed juror revealed, the dispute is
		/// decided.
		///
		/// Emits [`Event::VoteRevealed`] (and the resolution's events).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal_vote())]
		pub fn reveal_vote(
			origin: OriginFor<T>,
			task: TaskId,
			defender_right: bool,
			salt: [u8; 32],
		) -> DispatchResult {
			let juror = ensure_signed(origin)?;
			let mut dispute = Disputes::<T>::get(task).ok_or(Error::<T>::DisputeNotFound)?;
			let Phase::JuryReveal { until } = dispute.phase else {
				return Err(Error::<T>::NotRevealingVotes.into());
			};
			let slot = dispute.juror_slot(&juror).ok_or(Error::<T>::NotAJuror)?;
			let entry = dispute.jurors.get_mut(slot).ok_or(Error::<T>::NotAJuror)?;
			// Every juror left in the reveal phase has committed (the others were dropped).
			let committed = entry.commitment.ok_or(Error::<T>::NotAJuror)?;
			ensure!(entry.defender_right.is_none(), Error::<T>::AlreadyRevealed);
			ensure!(
				vote_commitment(task, &juror, defender_right, &salt) == committed,
				Error::<T>::VoteMismatch
			);
			entry.defender_right = Some(defender_right);
			Self::deposit_event(Event::VoteRevealed { task, juror, defender_right });
			if dispute.jurors.iter().all(|j| j.defender_right.is_some()) {
				Self::unschedule(task, until);
				Self::decide(task, dispute);
			} else {
				Disputes::<T>::insert(task, dispute);
			}
			Ok(())
		}

		/// Commits to a challenge of `task` in its challenge window: `commitment` is
		/// [`challenge_commitment`]`(task, caller, claim)` for the claim the caller will give to
		/// [`Call::challenge`] in a later block. Replaces the caller's earlier commitment, if
		/// any. Nothing is locked until the challenge itself.
		///
		/// Emits [`Event::ChallengeCommitted`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::commit_challenge())]
		pub fn commit_challenge(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: Sha256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = T::Verification::challengeable(task).ok_or(Error::<T>::NotChallengeable)?;
			ensure!(who != terms.solver, Error::<T>::SolverCannotChallenge);
			ensure!(
				T::RoleStaking::is_active(&who, Role::Whistleblower),
				Error::<T>::NotWhistleblower
			);
			let now = frame_system::Pallet::<T>::block_number();
			ChallengeCommitments::<T>::insert(&who, (task, commitment, now));
			Self::deposit_event(Event::ChallengeCommitted { task, whistleblower: who });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Puts the dispute over `task` into the schedule at `due` (at least the block after `now`).
	fn schedule(
		task: TaskId,
		due: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		DisputeSchedule::<T>::schedule(task, due, now).ok_or_else(|| {
			log::error!(target: LOG_TARGET, "no schedule slot for the dispute over task {task}");
			Error::<T>::TooManyDisputes.into()
		})
	}

	/// Takes the dispute's entry for `block` out of the schedule, wherever it waits.
	fn unschedule(task: TaskId, block: BlockNumberFor<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		DisputeSchedule::<T>::unschedule(&task, block, now);
	}

	/// Opens a dispute on `terms`, with `bond` locked by a whistleblower challenger.
	fn start(
		task: TaskId,
		terms: DisputeTerms<T::AccountId>,
		bond: BalanceOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let tolerance = !matches!(terms.mode, VerificationMode::Exact);
		let claim = terms.claim;
		let mut dispute = Dispute {
			segment: claim.segment,
			challenger: terms.challenger.clone(),
			challenger_role: terms.challenger_role,
			challenger_bond: bond,
			defender: terms.defender.clone(),
			submitter: terms.submitter.clone(),
			tolerance,
			lo: 0,
			hi: terms.steps_per_segment.max(1),
			lo_hash: claim.start_hash,
			defender_hi: claim.defender_end,
			challenger_hi: claim.challenger_end,
			jurors: Default::default(),
			dropped: Default::default(),
			jury_rounds: 0,
			phase: Phase::JuryCommit { until: now },
		};
		// Only fails when the schedule is full, before anything else was written.
		Self::next_round(task, &mut dispute, now)?;
		Self::deposit_event(Event::DisputeOpened {
			task,
			segment: claim.segment,
			challenger: terms.challenger,
			defender: terms.defender,
		});
		DisputeCount::<T>::mutate(|n| *n = n.saturating_add(1));
		Disputes::<T>::insert(task, dispute);
		Ok(())
	}

	/// Asks the next bisection question, or schedules the jury draw once one step (or, with a
	/// tolerance, the whole segment) is left.
	fn next_round(
		task: TaskId,
		dispute: &mut DisputeOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		if dispute.tolerance || dispute.hi.saturating_sub(dispute.lo) <= 1 {
			let at = Self::schedule(task, now.saturating_add(T::JuryDrawDelay::get()), now)?;
			dispute.phase = Phase::AwaitingJury { at };
			return Ok(());
		}
		let mid = dispute.lo.saturating_add(dispute.hi.saturating_sub(dispute.lo) / 2);
		let until = Self::schedule(task, now.saturating_add(T::ResponseWindow::get()), now)?;
		dispute.phase =
			Phase::Bisecting { mid, defender_answer: None, challenger_answer: None, until };
		Self::deposit_event(Event::BisectionRound { task, step: mid, respond_by: until });
		Ok(())
	}

	/// Draws jurors up to [`Config::JurySize`] and opens (or extends) the vote commit phase.
	fn draw_jury(task: TaskId, dispute: &mut DisputeOf<T>, now: BlockNumberFor<T>) {
		let mut exclude: Vec<T::AccountId> =
			dispute.jurors.iter().map(|j| j.juror.clone()).collect();
		exclude.extend(dispute.dropped.iter().cloned());
		exclude.push(dispute.defender.clone());
		exclude.push(dispute.challenger.clone());
		exclude.push(dispute.submitter.clone());
		let collateral = T::JurorCollateral::get();
		let missing = T::JurySize::get().saturating_sub(dispute.jurors.len() as u32);
		let (random, _) = T::Randomness::random(&(b"assay/dispute/jury", task).encode());
		let seed = sp_io::hashing::blake2_256(&(random, task, dispute.jury_rounds).encode());
		// One draw among the verifiers free to serve: with the collateral free, and not already
		// working on this task (its own verifiers have collateral locked for it).
		let drawn = T::RoleStaking::select_up_to(
			Role::Verifier,
			missing,
			&exclude,
			Some(task),
			collateral,
			seed,
		);
		let mut added = Vec::new();
		for juror in drawn {
			// Cannot fail for a member drawn with `collateral` free; skipped if it did.
			if T::RoleStaking::lock_collateral(&juror, Role::Verifier, task, collateral).is_err() {
				continue;
			}
			let slot = JurorSlot { juror: juror.clone(), commitment: None, defender_right: None };
			if dispute.jurors.try_push(slot).is_err() {
				T::RoleStaking::release_collateral(&juror, Role::Verifier, task);
				break;
			}
			added.push(juror);
		}
		let window = now.saturating_add(T::VoteCommitWindow::get());
		let until = Self::schedule(task, window, now).unwrap_or(window);
		dispute.phase = Phase::JuryCommit { until };
		if dispute.jurors.is_empty() {
			Self::deposit_event(Event::JuryUnavailable { task, retry_at: until });
		} else {
			Self::deposit_event(Event::JuryDrawn {
				task,
				jurors: added,
				lo: dispute.lo,
				hi: dispute.hi,
				commit_by: until,
			});
		}
	}

	fn start_reveal(
		task: TaskId,
		dispute: &mut DisputeOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let reveal_by = Self::schedule(task, now.saturating_add(T::VoteRevealWindow::get()), now)?;
		dispute.phase = Phase::JuryReveal { until: reveal_by };
		Self::deposit_event(Event::VoteRevealStarted { task, reveal_by });
		Ok(())
	}

	/// Handles the disputes whose phase ends at `now`; returns how many.
	fn handle_schedule(now: BlockNumberFor<T>) -> u32 {
		let due = DisputeSchedule::<T>::take_due(now, T::MaxDeadlinesPerBlock::get());
		let count = due.len() as u32;
		for task in due {
			let Some(mut dispute) = Disputes::<T>::get(task) else {
				log::error!(target: LOG_TARGET, "schedule entry for unknown dispute {task}");
				continue;
			};
			match dispute.phase {
				Phase::AwaitingJury { .. } => Self::draw_jury_or_give_up(task, dispute, now),
				Phase::Bisecting { defender_answer, challenger_answer, .. } => {
					// Silence loses; both silent, the challenger (who must prove) loses.
					let defender_won = defender_answer.is_some() || challenger_answer.is_none();
					Self::resolve(task, dispute, defender_won, true);
				},
				Phase::JuryCommit { .. } => {
					Self::drop_jurors(task, &mut dispute, |j| j.commitment.is_none(), false);
					if dispute.jurors.is_empty() {
						Self::draw_jury_or_give_up(task, dispute, now);
					} else {
						if Self::start_reveal(task, &mut dispute, now).is_err() {
							log::error!(target: LOG_TARGET, "could not schedule votes of {task}");
						}
						Disputes::<T>::insert(task, dispute);
					}
				},
				Phase::JuryReveal { .. } => {
					Self::drop_jurors(task, &mut dispute, |j| j.defender_right.is_none(), true);
					if dispute.jurors.is_empty() {
						Self::draw_jury_or_give_up(task, dispute, now);
					} else {
						Self::decide(task, dispute);
					}
				},
			}
		}
		count
	}

	/// Draws a jury (another one, after a jury that found nobody or did not vote), or, once
	/// [`Config::MaxJuryRounds`] draws were made, ends the dispute undecided; stores the
	/// dispute either way.
	fn draw_jury_or_give_up(task: TaskId, mut dispute: DisputeOf<T>, now: BlockNumberFor<T>) {
		if dispute.jury_rounds >= T::MaxJuryRounds::get() {
			return Self::end_undecided(task, dispute);
		}
		Self::draw_jury(task, &mut dispute, now);
		dispute.jury_rounds = dispute.jury_rounds.saturating_add(1);
		Disputes::<T>::insert(task, dispute);
	}

	/// Ends a dispute nobody judged: jurors and the whistleblower's bond are released, nobody
	/// is slashed or paid, and proof of learning abandons the task.
	fn end_undecided(task: TaskId, dispute: DisputeOf<T>) {
		Self::unschedule(task, dispute.phase.deadline());
		for slot in &dispute.jurors {
			T::RoleStaking::release_collateral(&slot.juror, Role::Verifier, task);
		}
		if dispute.challenger_role == Role::Whistleblower {
			T::RoleStaking::release_collateral(&dispute.challenger, Role::Whistleblower, task);
		}
		if let Err(e) = T::Verification::undecided(task) {
			log::error!(target: LOG_TARGET, "proof of learning refused to abandon {task}: {e:?}");
		}
		Disputes::<T>::remove(task);
		DisputeCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::DisputeUndecided { task });
	}

	/// Slashes and removes the jurors `missed` picks out: [`Config::JurorNoShowSlash`] of the
	/// collateral for a missed commitment, all of it for a commitment not revealed (`revealing`),
	/// so that withholding a vote once the others' are visible is never cheaper than a lost one.
	fn drop_jurors(
		task: TaskId,
		dispute: &mut DisputeOf<T>,
		missed: impl Fn(&JurorSlot<T::AccountId>) -> bool,
		revealing: bool,
	) {
		let (gone, kept): (Vec<_>, Vec<_>) =
			dispute.jurors.iter().cloned().partition(|j| missed(j));
		for slot in gone {
			let collateral = T::JurorCollateral::get();
			let amount = if revealing {
				collateral
			} else {
				T::JurorNoShowSlash::get().mul_floor(collateral)
			};
			let slashed =
				T::RoleStaking::slash(&slot.juror, Role::Verifier, Some(task), amount, None);
			T::RoleStaking::release_collateral(&slot.juror, Role::Verifier, task);
			T::RoleStaking::penalize_reputation(&slot.juror, Role::Verifier);
			let _ = dispute.dropped.try_push(slot.juror.clone());
			Self::deposit_event(Event::JurorDropped { task, juror: slot.juror, slashed });
		}
		dispute.jurors = frame_support::BoundedVec::truncate_from(kept);
	}

	/// Decides by the majority of revealed votes (a tie goes to the defender).
	fn decide(task: TaskId, dispute: DisputeOf<T>) {
		let for_defender = dispute.jurors.iter().filter(|j| j.defender_right == Some(true)).count();
		let against = dispute.jurors.iter().filter(|j| j.defender_right == Some(false)).count();
		Self::resolve(task, dispute, for_defender >= against, false);
	}

	/// Ends the dispute: pays and releases the jurors, makes the loser pay, tells proof of
	/// learning, and removes the dispute.
	fn resolve(task: TaskId, dispute: DisputeOf<T>, defender_won: bool, by_timeout: bool) {
		Self::unschedule(task, dispute.phase.deadline());
		let (loser, loser_role) = if defender_won {
			(&dispute.challenger, dispute.challenger_role)
		} else {
			(&dispute.defender, Role::Solver)
		};
		for slot in &dispute.jurors {
			T::RoleStaking::release_collateral(&slot.juror, Role::Verifier, task);
			if slot.defender_right == Some(defender_won) {
				T::RoleStaking::reward_reputation(&slot.juror, Role::Verifier);
				// From the loser's stake locked for this task first (a whistleblower's bond, a
				// solver's or verifier's collateral), so that jurors are paid even when the
				// loser has no free stake; the loser's main slash then takes what is left.
				let amount = T::RoleStaking::slash(
					loser,
					loser_role,
					Some(task),
					T::JurorReward::get(),
					Some(&slot.juror),
				);
				Self::deposit_event(Event::JurorRewarded {
					task,
					juror: slot.juror.clone(),
					amount,
				});
			}
		}
		if dispute.challenger_role == Role::Whistleblower {
			if defender_won {
				T::RoleStaking::slash(
					&dispute.challenger,
					Role::Whistleblower,
					Some(task),
					dispute.challenger_bond,
					Some(&dispute.defender),
				);
			}
			T::RoleStaking::release_collateral(&dispute.challenger, Role::Whistleblower, task);
			if defender_won {
				T::RoleStaking::penalize_reputation(&dispute.challenger, Role::Whistleblower);
			} else {
				T::RoleStaking::reward_reputation(&dispute.challenger, Role::Whistleblower);
			}
		}
		if let Err(e) = T::Verification::resolved(
			task,
			dispute.segment,
			defender_won,
			by_timeout,
			&dispute.challenger,
		) {
			log::error!(target: LOG_TARGET, "proof of learning refused the outcome of {task}: {e:?}");
		}
		Disputes::<T>::remove(task);
		DisputeCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::DisputeResolved { task, defender_won, by_timeout });
	}

	/// Ensure the correctness of the state of this pallet.
	///
	/// ## Invariants:
	///
	/// * `DisputeCount` is the number of disputes, at most `MaxDisputes`.
	/// * Every dispute is scheduled exactly once, at the block its phase ends: in `Schedule`
	///   while that block is to come, in `OverdueSchedule` once it is not; nothing else is
	///   scheduled.
	/// * `lo < hi ≤ k`-range: the divergence range is never empty; a bisection asks strictly
	///   inside it.
	/// * No dispute has drawn more than `MaxJuryRounds` juries.
	/// * Every juror has exactly `JurorCollateral` locked for the task and is not a party, nor
	///   dropped; no juror is drawn twice; a juror revealed only after committing.
	/// * A whistleblower challenger has exactly its bond locked for the task.
	/// * Every challenge commitment was made at or before the current block.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};

		let mut count = 0u32;
		let mut slots: BTreeMap<TaskId, BlockNumberFor<T>> = BTreeMap::new();
		for (task, dispute) in Disputes::<T>::iter() {
			count = count.saturating_add(1);
			slots.insert(task, dispute.phase.deadline());
			ensure!(dispute.lo < dispute.hi, "the divergence range is empty");
			ensure!(
				dispute.jury_rounds <= T::MaxJuryRounds::get(),
				"a dispute outlived its jury rounds"
			);
			if let Phase::Bisecting { mid, .. } = dispute.phase {
				ensure!(dispute.lo < mid && mid < dispute.hi, "a bisection asks outside its range");
			}
			let mut seen = BTreeSet::new();
			for slot in &dispute.jurors {
				ensure!(seen.insert(slot.juror.clone()), "a juror is drawn twice");
				ensure!(!dispute.is_party(&slot.juror), "a party is a juror");
				ensure!(slot.juror != dispute.submitter, "the submitter is a juror");
				ensure!(!dispute.dropped.contains(&slot.juror), "a dropped juror is drawn");
				ensure!(
					T::RoleStaking::collateral(&slot.juror, Role::Verifier, task)
						== T::JurorCollateral::get(),
					"a juror's collateral is not locked"
				);
				ensure!(
					slot.defender_right.is_none() || slot.commitment.is_some(),
					"a juror revealed without committing"
				);
			}
			if dispute.challenger_role == Role::Whistleblower {
				ensure!(
					T::RoleStaking::collateral(&dispute.challenger, Role::Whistleblower, task)
						== dispute.challenger_bond,
					"a whistleblower's bond is not locked"
				);
			}
		}
		ensure!(DisputeCount::<T>::get() == count, "DisputeCount is off");
		ensure!(count <= T::MaxDisputes::get(), "too many disputes");

		let now = frame_system::Pallet::<T>::block_number();
		DisputeSchedule::<T>::check(&slots, now)?;
		for (_, (_, _, committed_at)) in ChallengeCommitments::<T>::iter() {
			ensure!(committed_at <= now, "a challenge commitment is from the future");
		}
		Ok(())
	}
}

impl<T: Config> DisputeOpener<T::AccountId> for Pallet<T> {
	fn open(task: TaskId, terms: DisputeTerms<T::AccountId>) -> Result<(), DisputeError> {
		ensure!(!Disputes::<T>::contains_key(task), DisputeError::AlreadyDisputed);
		ensure!(DisputeCount::<T>::get() < T::MaxDisputes::get(), DisputeError::Full);
		let now = frame_system::Pallet::<T>::block_number();
		Self::start(task, terms, Zero::zero(), now).map_err(|_| DisputeError::Full)
	}
}
