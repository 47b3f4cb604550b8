//! # Dispute pallet
//!
//! Decides whether a solver's committed training is right when someone says it is not: the
//! solver (the **defender**) committed that its training starts from the task's initial state
//! `h_0` and that replaying each segment `i` from `h_i` gives `h_{i+1}`; the **challenger** (a
//! whistleblower, or a verifier whose verdict failed the solver) claims one of these is false
//! (a [`Claim`]). A jury judges the committed data, replaying the segment from the committed
//! `h_i` against the committed `h_{i+1}` (or deriving the initial state from the spec and
//! comparing it with the committed `h_0`), so the outcome binds every verifier's verdict on
//! that subject, not only the challenger's.
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Event`], [`Error`]
//! - the [`DisputeOpener`] implementation for [`Pallet`], used by proof of learning
//!
//! ## How a dispute runs
//!
//! 1. **Opening.** A bonded whistleblower first commits to its claim
//!    ([`Call::commit_challenge`], a hash binding the claim to its account, backed by
//!    [`Config::ChallengeBond`] locked from its bond until the challenge uses it or the
//!    commitment is withdrawn: [`Call::withdraw_challenge_commitment`]), then, in a later
//!    block of the task's challenge window, calls [`Call::challenge`] with the [`Report`] a
//!    verifier would have made (a segment's `h_i` and `h_{i+1}`, or `h_0`, Merkle-proven against
//!    the solver's commitment, and what its own check found), which must fail the solver under
//!    the task's mode; the bond locked with the commitment backs the dispute. A claim copied from the
//!    mempool matches no earlier commitment of the copier's, so it is refused. Proof of
//!    learning opens disputes itself when a revealed verdict fails the solver
//!    ([`DisputeOpener::open`]).
//! 2. **Jury.** [`Config::JuryDrawDelay`] blocks later, [`Config::JurySize`] bonded verifiers
//!    are drawn (never a party, the submitter, nor any verifier ever drawn for the task); each
//!    locks [`Config::JurorCollateral`], checks the claim (replays the segment from the
//!    committed `h_i`, or derives the initial state) and votes by commit–reveal
//!    ([`Call::commit_vote`], [`Call::reveal_vote`]) a [`JuryVote`]: the committed state holds
//!    (`h_0` is the initial state; `Exact`: the replay reproduces `h_{i+1}`; `Tolerance`: it is
//!    within the task's threshold of the replay), is wrong, or could not be checked because
//!    the solver's checkpoints were unavailable. Neither party acts in the dispute: nothing
//!    either of them says or leaves unsaid moves the outcome.
//! 3. **Resolution.** A finding wins with the votes of a majority of a full jury
//!    (`JurySize / 2 + 1`). Jurors who did not commit or reveal lose
//!    [`Config::JurorNoShowSlash`] of their collateral (all of it for a commitment not
//!    revealed); the minority get their collateral back and nothing more; each majority juror
//!    is paid [`Config::JurorReward`] slashed from the loser. Then the loser pays:
//!    - the committed state is wrong: proof of learning fails the task (the solver's
//!      collateral is slashed with the challenger as beneficiary; verifiers that passed the
//!      subject lose their collateral to the challenger); a whistleblower's bond is released;
//!    - the checkpoints were unavailable: the same, except that no verifier is slashed
//!      (nothing about the training was shown);
//!    - the committed state holds: a whistleblower's bond is slashed to the defender;
//!      verifiers that failed the subject lose their collateral to the solver; the task's
//!      remaining verdicts are judged again.
//!
//!    A jury round in which no finding reaches that majority decides nothing: its jurors
//!    leave (no-shows slashed, the others released) and a fresh jury is drawn. After
//!    [`Config::MaxJuryRounds`] rounds the dispute ends undecided: nobody is slashed or paid
//!    and proof of learning abandons the task.
//!
//! ## Design
//!
//! - **One dispute per task**, keyed by the task id.
//! - **Judged against committed data.** An earlier design bisected over the parties' own
//!   answers and let a silent party lose; both let two colluding parties decide the fate of
//!   third parties' stakes. See `docs/decisions.md` ("Disputes are judged against the
//!   committed checkpoints").
//! - **One schedule entry per dispute** (the `assay-deadlines` crate), at the end of its phase;
//!   `on_initialize` handles at most [`Config::MaxDeadlinesPerBlock`] of them, and what falls
//!   due beyond that waits in [`OverdueSchedule`] for the next blocks (late, never early).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic))]

extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod attacks;
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
	challenge_commitment, vote_commitment, Claim, DisputeError, DisputeOpener, DisputeTerms,
	JuryVote, Report, ReportError, Role, RoleStaking, SegmentReport, Sha256, StakingError, Subject,
	TaskId, VerificationDisputes,
};
pub use types::{Dispute, DisputeOf, JurorSlot, Phase, VoteTally};
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

		/// Seeds the jury draw. Must depend on every block since the dispute opened (the
		/// runtime's randomness beacon, read [`Config::JuryDrawDelay`] later).
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// What a whistleblower locks from its bond to challenge.
		#[pallet::constant]
		type ChallengeBond: Get<BalanceOf<Self>>;

		/// Jurors per dispute (odd, at least 3): a side wins with the votes of `JurySize / 2 + 1`
		/// of them, so no single juror decides.
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

		/// Blocks from the opening of a dispute (or the reveal that hangs a jury) to the jury
		/// draw, at least 1: the draw's randomness must include blocks that nobody who opened
		/// the dispute could know (see the randomness beacon's docs).
		#[pallet::constant]
		type JuryDrawDelay: Get<BlockNumberFor<Self>>;

		/// Blocks jurors have to replay the segment and commit.
		#[pallet::constant]
		type VoteCommitWindow: Get<BlockNumberFor<Self>>;

		/// Blocks jurors have to reveal.
		#[pallet::constant]
		type VoteRevealWindow: Get<BlockNumberFor<Self>>;

		/// The most jurors a dispute holds (at least `JurySize`).
		#[pallet::constant]
		type MaxJurors: Get<u32>;

		/// Jury draws (the first, and each redraw after a jury that was too small or reached no
		/// majority) before a dispute nobody judges ends undecided: no one is slashed or paid,
		/// and proof of learning abandons the task.
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
	/// replaces it), backed by [`Config::ChallengeBond`] locked for the task; taken by the
	/// challenge that reveals it, or removed with the bond released once the task can no longer
	/// be challenged ([`Call::withdraw_challenge_commitment`]).
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
		/// A challenge commitment was withdrawn and its bond released.
		ChallengeCommitmentWithdrawn {
			/// The task it was for.
			task: TaskId,
			/// The whistleblower.
			whistleblower: T::AccountId,
		},
		/// A dispute opened.
		DisputeOpened {
			/// The task.
			task: TaskId,
			/// What is contested.
			subject: Subject,
			/// Holds the solver's training wrong.
			challenger: T::AccountId,
			/// The solver.
			defender: T::AccountId,
		},
		/// Jurors were drawn to judge the disputed claim.
		JuryDrawn {
			/// The task.
			task: TaskId,
			/// What is contested.
			subject: Subject,
			/// The jurors drawn now.
			jurors: Vec<T::AccountId>,
			/// The commit deadline.
			commit_by: BlockNumberFor<T>,
		},
		/// Fewer jurors than a majority of a full jury could be drawn (or committed); the draw
		/// is tried again.
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
			/// What it found.
			vote: JuryVote,
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
		/// No finding had the votes of a majority of a full jury: the jurors left (those that
		/// did not vote slashed) and a fresh jury is drawn.
		JuryHung {
			/// The task.
			task: TaskId,
			/// The revealed votes, by finding.
			votes: VoteTally,
		},
		/// No jury reached a majority in [`Config::MaxJuryRounds`] draws: the dispute ended
		/// with nobody slashed or paid, and the task is abandoned.
		DisputeUndecided {
			/// The task.
			task: TaskId,
		},
		/// The dispute ended.
		DisputeResolved {
			/// The task.
			task: TaskId,
			/// The jury's finding: the segment holds (the defender, the solver, won), is wrong,
			/// or could not be replayed because the solver's checkpoints were unavailable (the
			/// solver lost, no verifier is slashed).
			outcome: JuryVote,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The task is not in its challenge window.
		NotChallengeable,
		/// The segment is not one of the commitment's.
		SegmentOutOfRange,
		/// A checkpoint of the report does not match the solver's commitment.
		InvalidProof,
		/// The report passes the solver's training: there is nothing to dispute.
		NoDisagreement,
		/// The caller is not an active whistleblower.
		NotWhistleblower,
		/// The whistleblower's free stake does not cover the challenge bond.
		InsufficientBond,
		/// [`Config::MaxDisputes`] disputes are under way; try again shortly.
		TooManyDisputes,
		/// No dispute over this task is under way.
		DisputeNotFound,
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
		/// The commitment's task can still be challenged: only its owner may withdraw it.
		CommitmentStillUsable,
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
			assert!(
				T::JurySize::get() >= 3 && T::JurySize::get() % 2 == 1,
				"JurySize must be odd and at least 3: no single juror may decide"
			);
			assert!(T::MaxJurors::get() >= T::JurySize::get(), "MaxJurors must hold a jury");
			assert!(!T::JuryDrawDelay::get().is_zero(), "JuryDrawDelay must be at least 1");
			assert!(!T::VoteCommitWindow::get().is_zero(), "VoteCommitWindow must be at least 1");
			assert!(!T::VoteRevealWindow::get().is_zero(), "VoteRevealWindow must be at least 1");
			assert!(T::MaxJuryRounds::get() >= 1, "MaxJuryRounds must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Challenges a task in its challenge window with `report`, the report a verifier would
		/// have made: the solver's `h_0`, or a segment's `h_i` and `h_{i+1}`, proven against its
		/// commitment, and what the whistleblower's own check found. It must fail the solver
		/// under the task's mode ([`Report::judge`]). The [`Config::ChallengeBond`] locked with
		/// the commitment backs the dispute.
		///
		/// Emits [`Event::DisputeOpened`]; the jury is drawn [`Config::JuryDrawDelay`] blocks
		/// later.
		///
		/// The caller must have committed to the report's claim ([`Report::claim`]) with
		/// [`Call::commit_challenge`] in an earlier block.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::challenge())]
		pub fn challenge(origin: OriginFor<T>, task: TaskId, report: Report) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = T::Verification::challengeable(task).ok_or(Error::<T>::NotChallengeable)?;
			let passes =
				report.judge(&terms.commitment, &terms.mode).map_err(|error| match error {
					ReportError::BadStartProof | ReportError::BadEndProof => {
						Error::<T>::InvalidProof
					},
					ReportError::SegmentOutOfRange => Error::<T>::SegmentOutOfRange,
				})?;
			ensure!(!passes, Error::<T>::NoDisagreement);
			let claim = report.claim();
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
			// Locked when the commitment was made.
			let bond = T::RoleStaking::collateral(&who, Role::Whistleblower, task);
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
				},
				bond,
				now,
			)
		}

		/// Commits a juror to its vote: `vote_commitment(task, juror, vote, salt)`.
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

		/// Reveals a juror's vote and salt. When every committed juror revealed and one side has
		/// a majority of a full jury, the dispute is decided.
		///
		/// Emits [`Event::VoteRevealed`] (and the resolution's events).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal_vote())]
		pub fn reveal_vote(
			origin: OriginFor<T>,
			task: TaskId,
			vote: JuryVote,
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
			ensure!(entry.vote.is_none(), Error::<T>::AlreadyRevealed);
			ensure!(
				vote_commitment(task, &juror, vote, &salt) == committed,
				Error::<T>::VoteMismatch
			);
			entry.vote = Some(vote);
			Self::deposit_event(Event::VoteRevealed { task, juror, vote });
			if dispute.jurors.iter().all(|j| j.vote.is_some()) {
				let now = frame_system::Pallet::<T>::block_number();
				Self::unschedule(task, until);
				match Self::tally(&dispute).finding(Self::majority()) {
					Some(outcome) => Self::resolve(task, dispute, outcome),
					// A hung jury is drawn again, and a draw over every verifier is too heavy
					// for a transaction: a later hook ends the reveal, `JuryDrawDelay` blocks
					// on, so that the last revealing juror cannot know the next jury.
					None => {
						let due = now.saturating_add(T::JuryDrawDelay::get());
						let at = Self::schedule(task, due, now).unwrap_or(due);
						dispute.phase = Phase::JuryReveal { until: at };
						Disputes::<T>::insert(task, dispute);
					},
				}
			} else {
				Disputes::<T>::insert(task, dispute);
			}
			Ok(())
		}

		/// Commits to a challenge of `task` in its challenge window: `commitment` is
		/// [`challenge_commitment`]`(task, caller, claim)` for the claim the caller will give to
		/// [`Call::challenge`] in a later block. Locks [`Config::ChallengeBond`] for the task
		/// now (the challenge then uses it), so that every stored commitment is backed by a
		/// bond. Replaces the caller's earlier commitment, if any, releasing that one's bond.
		///
		/// Emits [`Event::ChallengeCommitted`] (and [`Event::ChallengeCommitmentWithdrawn`] for
		/// a replaced commitment of another task).
		#[pallet::call_index(4)]
		// With the release of a replaced commitment's bond.
		#[pallet::weight(
			T::WeightInfo::commit_challenge()
				.saturating_add(T::WeightInfo::withdraw_challenge_commitment())
		)]
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
			match ChallengeCommitments::<T>::get(&who) {
				// Its bond is already locked for this task.
				Some((earlier, _, _)) if earlier == task => {},
				earlier => {
					if let Some((earlier, _, _)) = earlier {
						Self::withdraw_commitment(&who, earlier);
					}
					let bond = T::ChallengeBond::get();
					T::RoleStaking::lock_collateral(&who, Role::Whistleblower, task, bond)
						.map_err(|e| match e {
							StakingError::NotActive => Error::<T>::NotWhistleblower,
							_ => Error::<T>::InsufficientBond,
						})?;
				},
			}
			ChallengeCommitments::<T>::insert(&who, (task, commitment, now));
			Self::deposit_event(Event::ChallengeCommitted { task, whistleblower: who });
			Ok(())
		}

		/// Withdraws `whistleblower`'s challenge commitment and releases its bond. Its owner may
		/// do so at any time; anyone else once the task can no longer be challenged (its window
		/// closed, or someone else's challenge opened a dispute), so stale commitments never
		/// stay in state.
		///
		/// Emits [`Event::ChallengeCommitmentWithdrawn`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_challenge_commitment())]
		pub fn withdraw_challenge_commitment(
			origin: OriginFor<T>,
			whistleblower: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (task, _, _) = ChallengeCommitments::<T>::get(&whistleblower)
				.ok_or(Error::<T>::NoChallengeCommitment)?;
			ensure!(
				who == whistleblower || T::Verification::challengeable(task).is_none(),
				Error::<T>::CommitmentStillUsable
			);
			ChallengeCommitments::<T>::remove(&whistleblower);
			Self::withdraw_commitment(&whistleblower, task);
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

	/// The votes a side needs to win: a majority of a full jury, however many jurors were
	/// drawn or voted.
	pub fn majority() -> u32 {
		T::JurySize::get() / 2 + 1
	}

	/// Releases the bond `who` locked for its challenge commitment on `task` (the commitment
	/// itself is removed or replaced by the caller).
	fn withdraw_commitment(who: &T::AccountId, task: TaskId) {
		T::RoleStaking::release_collateral(who, Role::Whistleblower, task);
		Self::deposit_event(Event::ChallengeCommitmentWithdrawn {
			task,
			whistleblower: who.clone(),
		});
	}

	/// Opens a dispute on `terms`, with `bond` locked by a whistleblower challenger; the jury
	/// is drawn [`Config::JuryDrawDelay`] blocks later.
	fn start(
		task: TaskId,
		terms: DisputeTerms<T::AccountId>,
		bond: BalanceOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		// Only fails when the schedule is full, before anything was written.
		let at = Self::schedule(task, now.saturating_add(T::JuryDrawDelay::get()), now)?;
		Self::deposit_event(Event::DisputeOpened {
			task,
			subject: terms.claim.subject(),
			challenger: terms.challenger.clone(),
			defender: terms.defender.clone(),
		});
		let dispute = Dispute {
			claim: terms.claim,
			challenger: terms.challenger,
			challenger_role: terms.challenger_role,
			challenger_bond: bond,
			defender: terms.defender,
			submitter: terms.submitter,
			jurors: Default::default(),
			former_jurors: Default::default(),
			jury_rounds: 0,
			phase: Phase::AwaitingJury { at },
		};
		DisputeCount::<T>::mutate(|n| *n = n.saturating_add(1));
		Disputes::<T>::insert(task, dispute);
		Ok(())
	}

	/// Draws a jury of [`Config::JurySize`] and opens the vote commit phase. A draw that finds
	/// fewer than a majority of a full jury seats nobody (no such jury could decide) and is
	/// tried again when the commit phase ends.
	fn draw_jury(task: TaskId, dispute: &mut DisputeOf<T>, now: BlockNumberFor<T>) {
		// Nobody with a stake in the outcome: the parties, the submitter (it gains if the
		// solver loses), every verifier the task ever drew (their verdicts are what is judged)
		// and earlier jurors of this dispute.
		let mut exclude: Vec<T::AccountId> = T::Verification::verifiers_of(task);
		exclude.extend(dispute.former_jurors.iter().cloned());
		exclude.push(dispute.defender.clone());
		exclude.push(dispute.challenger.clone());
		exclude.push(dispute.submitter.clone());
		let collateral = T::JurorCollateral::get();
		let (random, _) = T::Randomness::random(&(b"assay/dispute/jury", task).encode());
		let seed = sp_io::hashing::blake2_256(&(random, task, dispute.jury_rounds).encode());
		let drawn = T::RoleStaking::select_up_to(
			Role::Verifier,
			T::JurySize::get(),
			&exclude,
			Some(task),
			collateral,
			seed,
		);
		for juror in drawn {
			// Cannot fail for a member drawn with `collateral` free; skipped if it did.
			if T::RoleStaking::lock_collateral(&juror, Role::Verifier, task, collateral).is_err() {
				continue;
			}
			let slot = JurorSlot { juror: juror.clone(), commitment: None, vote: None };
			if dispute.jurors.try_push(slot).is_err() {
				T::RoleStaking::release_collateral(&juror, Role::Verifier, task);
				break;
			}
		}
		if (dispute.jurors.len() as u32) < Self::majority() {
			for slot in core::mem::take(&mut dispute.jurors) {
				T::RoleStaking::release_collateral(&slot.juror, Role::Verifier, task);
			}
		}
		let window = now.saturating_add(T::VoteCommitWindow::get());
		let until = Self::schedule(task, window, now).unwrap_or(window);
		dispute.phase = Phase::JuryCommit { until };
		if dispute.jurors.is_empty() {
			Self::deposit_event(Event::JuryUnavailable { task, retry_at: until });
		} else {
			Self::deposit_event(Event::JuryDrawn {
				task,
				subject: dispute.claim.subject(),
				jurors: dispute.jurors.iter().map(|j| j.juror.clone()).collect(),
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
				Phase::JuryCommit { .. } => {
					Self::drop_jurors(task, &mut dispute, |j| j.commitment.is_none(), false);
					if (dispute.jurors.len() as u32) < Self::majority() {
						// Too few votes are coming to decide: a fresh jury.
						Self::dismiss_jury(task, &mut dispute);
						Self::draw_jury_or_give_up(task, dispute, now);
					} else {
						if Self::start_reveal(task, &mut dispute, now).is_err() {
							log::error!(target: LOG_TARGET, "could not schedule votes of {task}");
						}
						Disputes::<T>::insert(task, dispute);
					}
				},
				Phase::JuryReveal { .. } => {
					Self::drop_jurors(task, &mut dispute, |j| j.vote.is_none(), true);
					let votes = Self::tally(&dispute);
					match votes.finding(Self::majority()) {
						Some(outcome) => Self::resolve(task, dispute, outcome),
						None => {
							Self::deposit_event(Event::JuryHung { task, votes });
							Self::dismiss_jury(task, &mut dispute);
							Self::draw_jury_or_give_up(task, dispute, now);
						},
					}
				},
			}
		}
		count
	}

	/// Draws a jury (another one, after a jury that was too small or reached no majority), or,
	/// once [`Config::MaxJuryRounds`] draws were made, ends the dispute undecided; stores the
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

	/// Records `juror` as a former juror of the dispute, never drawn for it again.
	fn retire(dispute: &mut DisputeOf<T>, juror: T::AccountId) {
		// Every round seats at most `MaxJurors` and there are at most `MaxJuryRounds` rounds,
		// which is the bound (`FormerJurorsBound`): this cannot fail.
		if dispute.former_jurors.try_push(juror).is_err() {
			frame_support::defensive!("more former jurors than MaxJurors × MaxJuryRounds");
		}
	}

	/// Sends the whole jury home unslashed and unpaid (its round decided nothing); its members
	/// are not drawn for the dispute again.
	fn dismiss_jury(task: TaskId, dispute: &mut DisputeOf<T>) {
		for slot in core::mem::take(&mut dispute.jurors) {
			T::RoleStaking::release_collateral(&slot.juror, Role::Verifier, task);
			Self::retire(dispute, slot.juror);
		}
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
		dispute.jurors = frame_support::BoundedVec::truncate_from(kept);
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
			Self::deposit_event(Event::JurorDropped { task, juror: slot.juror.clone(), slashed });
			Self::retire(dispute, slot.juror);
		}
	}

	/// The revealed votes, by finding.
	fn tally(dispute: &DisputeOf<T>) -> VoteTally {
		let mut tally = VoteTally::default();
		for vote in dispute.jurors.iter().filter_map(|j| j.vote) {
			let count = match vote {
				JuryVote::Holds => &mut tally.holds,
				JuryVote::Wrong => &mut tally.wrong,
				JuryVote::Unavailable => &mut tally.unavailable,
			};
			*count = count.saturating_add(1);
		}
		tally
	}

	/// Ends the dispute on the jury's finding: pays and releases the jurors, makes the loser
	/// pay (the challenger when the segment holds, the solver otherwise), tells proof of
	/// learning, and removes the dispute.
	fn resolve(task: TaskId, dispute: DisputeOf<T>, outcome: JuryVote) {
		let defender_won = outcome == JuryVote::Holds;
		Self::unschedule(task, dispute.phase.deadline());
		let (loser, loser_role) = if defender_won {
			(&dispute.challenger, dispute.challenger_role)
		} else {
			(&dispute.defender, Role::Solver)
		};
		for slot in &dispute.jurors {
			T::RoleStaking::release_collateral(&slot.juror, Role::Verifier, task);
			if slot.vote == Some(outcome) {
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
		// The dispute ends before proof of learning hears the outcome, so that the next dispute
		// it opens over the task (the subject most of the remaining verdicts failed) is not
		// refused as already open.
		Disputes::<T>::remove(task);
		DisputeCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::DisputeResolved { task, outcome });
		if let Err(e) =
			T::Verification::resolved(task, dispute.claim.subject(), outcome, &dispute.challenger)
		{
			log::error!(target: LOG_TARGET, "proof of learning refused the outcome of {task}: {e:?}");
		}
	}

	/// Ensure the correctness of the state of this pallet.
	///
	/// ## Invariants:
	///
	/// * `DisputeCount` is the number of disputes, at most `MaxDisputes`.
	/// * Every dispute is scheduled exactly once, at the block its phase ends: in `Schedule`
	///   while that block is to come, in `OverdueSchedule` once it is not; nothing else is
	///   scheduled.
	/// * No dispute has drawn more than `MaxJuryRounds` juries.
	/// * A jury awaited has no juror yet; a committing jury has none (nobody could be drawn) or
	///   at least a majority of a full jury; a revealing one has at least that majority.
	/// * Every juror has exactly `JurorCollateral` locked for the task and is not a party, the
	///   submitter, a verifier of the task, nor a former juror; no juror is drawn twice; a
	///   juror revealed only after committing.
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
			ensure!(
				dispute.jury_rounds <= T::MaxJuryRounds::get(),
				"a dispute outlived its jury rounds"
			);
			let seated = dispute.jurors.len() as u32;
			ensure!(seated <= T::JurySize::get(), "more jurors than a jury");
			match dispute.phase {
				Phase::AwaitingJury { .. } => ensure!(seated == 0, "jurors before the draw"),
				Phase::JuryCommit { .. } => ensure!(
					seated == 0 || seated >= Self::majority(),
					"a committing jury too small to decide"
				),
				Phase::JuryReveal { .. } => {
					ensure!(seated >= Self::majority(), "a revealing jury too small to decide")
				},
			}
			let verifiers = T::Verification::verifiers_of(task);
			let mut seen = BTreeSet::new();
			for slot in &dispute.jurors {
				ensure!(seen.insert(slot.juror.clone()), "a juror is drawn twice");
				ensure!(!dispute.is_party(&slot.juror), "a party is a juror");
				ensure!(slot.juror != dispute.submitter, "the submitter is a juror");
				ensure!(!verifiers.contains(&slot.juror), "a verifier of the task is a juror");
				ensure!(!dispute.former_jurors.contains(&slot.juror), "a former juror is drawn");
				ensure!(
					T::RoleStaking::collateral(&slot.juror, Role::Verifier, task)
						== T::JurorCollateral::get(),
					"a juror's collateral is not locked"
				);
				ensure!(
					slot.vote.is_none() || slot.commitment.is_some(),
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
		for (who, (task, _, committed_at)) in ChallengeCommitments::<T>::iter() {
			ensure!(committed_at <= now, "a challenge commitment is from the future");
			ensure!(
				T::RoleStaking::collateral(&who, Role::Whistleblower, task)
					== T::ChallengeBond::get(),
				"a challenge commitment's bond is not locked"
			);
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
