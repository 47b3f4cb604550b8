//! # Task pool pallet
//!
//! The market for training work: submitters post a [`TaskSpec`] with a reward and verifier
//! fees held in escrow; the chain draws a bonded solver for it, the solver accepts (locking
//! collateral) or declines, trains off-chain and commits; proof of learning then judges the
//! training through [`TaskLifecycle`], and the task settles (the solver is paid) or fails (the
//! solver is slashed, the submitter refunded).
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Event`], [`Error`]
//! - the [`TaskLifecycle`] implementation for [`Pallet`], driven by proof-of-learning and dispute
//!
//! ## Key Terms
//!
//! - **Escrow**: `reward + verifier_fee × verifiers`, held from the submitter under
//!   [`HoldReason::TaskEscrow`] from submission until the task ends; paid out from the hold,
//!   never via free balance.
//! - **Minimum price**: a task's reward must be at least its estimated GFLOPs
//!   ([`TaskSpec::estimated_gflops`]) × [`MinPricePerGflop`] (set at genesis, changed by
//!   [`Call::set_min_price_per_gflop`]).
//! - **Collateral**: [`Config::SolverCollateral`] × reward, locked from the solver's role bond
//!   (through [`RoleStaking`]) while it trains and is judged.
//! - **Pending**: open, assigned or training, i.e. not yet committed. At most
//!   [`Config::MaxLiveTasks`] tasks are pending; that bounds every queue below.
//! - **Draw**: in `on_initialize`, up to [`Config::MaxDrawsPerBlock`] open tasks from the
//!   [`DrawQueue`] get a solver drawn by [`RoleStaking::select`], [`Config::DrawDelay`] blocks
//!   after the task opened, with [`Config::Randomness`] that folds in every block since (the
//!   randomness beacon in the runtime), among active solvers whose hardware meets the task's and whose
//!   free stake covers the collateral, never the submitter nor a solver passed over for the task.
//! - **Deadlines**: each pending task sits in [`Deadlines`] at exactly one block: an open task
//!   at its expiry, an assigned one at its accept deadline ([`Config::AcceptWindow`]), a
//!   training one at its commit deadline (`spec.deadline_blocks` after acceptance). A block
//!   handles up to [`Config::MaxDeadlinesPerBlock`]; the rest wait in [`OverdueDeadlines`] and
//!   go first in the next blocks (so a deadline can be handled a few blocks late, never early,
//!   and until then the task stays where it was: a late acceptance or commitment still counts).
//! - **Deposit**: [`Config::SubmissionDeposit`], held beside the escrow under
//!   [`HoldReason::SubmissionDeposit`]; returned when the task ends unless no solver was ever
//!   drawn for it although draws were tried ([`DrawHistory`]), then forfeited to
//!   [`Config::TreasuryAccount`]. A submitter has at most [`Config::MaxLiveTasksPerSubmitter`]
//!   live tasks.
//! - **Parked**: an open task whose last draw found nobody waits in [`ParkedTasks`] instead of
//!   the [`DrawQueue`]; the block's draws go to each list first every other block.
//! - **Expiry**: `submitted_at + ExpiryFactor × deadline_blocks`. From then on a task is not
//!   drawn again: an open task is refunded; an attempt already running keeps its full deadline.
//!
//! ## Lifecycle
//!
//! ```text
//!           submit_task
//!               │
//!               ▼       draw (on_initialize)          accept_task
//!  cancel ◀── Open ─────────────────────▶ Assigned ─────────────────▶ Training ──committed──▶ Verifying …
//!  (refund)   │ ▲                          │ decline_task: reopen       │ no commit by commit_by:
//!             │ └──────────────────────────┤ no answer by accept_by:    │ slash MissedDeadlineSlash
//!             │                            │ slash NoShowSlash, reopen  │ of the collateral, reopen
//!             │ ◀──────────────────────────┴────────────────────────────┘
//!             └─ expired (refund): expiry reached, or MaxSolverAttempts solvers passed over
//! ```
//!
//! From `Verifying` on, [`TaskLifecycle`] moves the task (see `assay_primitives::tasks`):
//! `verified`, `disputed`, and finally `settle` (reward to the solver, fees to the paid
//! verifiers, collateral released, reputation up) or `fail` (collateral slashed with a share
//! to the finder, fees to the paid verifiers, reputation down). A failed task reopens for
//! another solver while it has time and attempts left and the submitter can put the fees just
//! paid back into escrow; otherwise it ends and the reward is refunded. Every payment is an
//! event.
//!
//! A drawn solver has the no-show share of the collateral ([`Config::NoShowSlash`]) locked from
//! its bond until it answers, so that what a silence costs is there to be taken. A reopened
//! task keeps its id and escrow, and the solvers passed over stay excluded.
//! Slashes for no-shows and missed deadlines go partly to the submitter (the beneficiary; it
//! waited for nothing) and the rest to role staking's treasury.
//!
//! ## Usage
//!
//! - **Submitter**: [`Call::submit_task`] with a spec, a reward at or above the minimum price
//!   and a verifier fee; watch for [`Event::TaskAssigned`], [`Event::TaskAccepted`], and the
//!   end: [`Event::TaskSettled`], [`Event::TaskFailed`], [`Event::TaskExpired`]. While open,
//!   [`Call::cancel_task`] refunds everything.
//! - **Solver** (bonded in role staking with its hardware): on [`Event::TaskAssigned`] naming
//!   it, [`Call::accept_task`] before `accept_by` (or [`Call::decline_task`]: free once per
//!   [`Config::FreeDeclineWindow`], then [`Config::DeclineSlash`]), train, and
//!   commit through proof of learning before `commit_by`.
//!
//! ## Implementor's Guide
//!
//! ```ignore
//! impl pallet_task_pool::Config for Runtime {
//!     type Currency = Balances;
//!     type RuntimeHoldReason = RuntimeHoldReason;
//!     type RoleStaking = RoleStaking;
//!     type Randomness = RandomnessBeacon; // folds in every block since the task opened
//!     type SpecLimits = TaskSpecLimits;
//!     type SolverCollateral = SolverCollateral; // Perbill of the reward
//!     type MinVerifierFee = MinVerifierFee;     // Perbill of the reward
//!     type NoShowSlash = NoShowSlash;           // Perbill of the collateral
//!     type MissedDeadlineSlash = MissedDeadlineSlash;
//!     type AcceptWindow = ConstU32<20>;
//!     type DrawDelay = ConstU32<16>;
//!     type ExpiryFactor = ConstU32<3>;
//!     type MaxLiveTasks = ConstU32<1024>;
//!     type MaxDrawsPerBlock = ConstU32<1>;
//!     type MaxDeadlinesPerBlock = ConstU32<32>;
//!     type MaxSolverAttempts = ConstU32<8>;
//!     type SubmissionDeposit = SubmissionDeposit; // forfeited if no solver is ever drawn
//!     type MaxLiveTasksPerSubmitter = ConstU32<32>;
//!     type DeclineSlash = DeclineSlash;         // Perbill of the collateral, ≤ NoShowSlash
//!     type FreeDeclineWindow = ConstU32<14_400>;
//!     type TreasuryAccount = TreasuryAccount;   // receives forfeited deposits
//!     type MaxSolverCandidates = MaxMembersPerRole; // role staking's bound, for weights
//!     type WeightInfo = pallet_task_pool::weights::SubstrateWeight<Runtime>;
//! }
//! ```
//!
//! `on_initialize` is bounded by `MaxDeadlinesPerBlock` deadline handlings and
//! `MaxDrawsPerBlock` draws over at most `MaxSolverCandidates` solvers;
//! pick them so that [`Pallet::max_on_initialize_weight`] fits well inside a block (the
//! runtime's tests check it).
//!
//! ## Design
//!
//! - **Queues, not scans.** The [`DrawQueue`] (FIFO of open tasks) and [`Deadlines`] (block →
//!   tasks due) are the only things `on_initialize` reads; nothing iterates all tasks.
//! - **One deadline entry per pending task**, removed on every transition, so no stale entries
//!   accumulate, and a block's list, which holds `MaxLiveTasks`, always has room: scheduling
//!   reads and writes one list, whatever the load.
//! - **Ended tasks are removed.** The outcome is in the events; state holds live tasks only.
//! - **Payments from the hold.** Reward and fees move with `transfer_on_hold` into the
//!   recipient's free balance; what cannot be paid (a recipient that cannot receive it) stays
//!   with the submitter. Nothing is minted or burned here: slashes go through role staking to
//!   the beneficiary and the treasury.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic))]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use assay_primitives::{
	LifecycleError, Role, RoleStaking, SpecError, SpecLimits, StakingError, TaskId, TaskLifecycle,
	TaskPhase, TaskSpec, TaskSummary,
};
pub use types::{BalanceOf, DrawHistory, Task, TaskOf, TaskState, TaskStateOf};
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use assay_deadlines::Deadlines as DeadlineSchedule;
use codec::Encode;
use frame_support::{
	ensure,
	traits::{
		fungible::{self, Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Defensive, Get, Randomness,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

const LOG_TARGET: &str = "runtime::task-pool";

/// What one pass of the draw over a queue did.
#[derive(Default)]
struct DrawRound {
	/// Draws made.
	draws: u32,
	/// Tasks the draw found nobody for: to be parked.
	parked: Vec<TaskId>,
	/// Tasks to try again from the same queue (a defensive failure after the draw).
	retry: Vec<TaskId>,
}

/// The pending tasks' deadline schedule: [`Deadlines`] and [`OverdueDeadlines`].
type TaskDeadlines<T> = DeadlineSchedule<
	Deadlines<T>,
	OverdueDeadlines<T>,
	BlockNumberFor<T>,
	TaskId,
	<T as Config>::MaxLiveTasks,
>;

/// Why a submitted spec is invalid: the [`SpecError`], carried in [`Error::InvalidSpec`].
///
/// A newtype so that it can be a `PalletError` field (one byte: the `SpecError` index).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(codec::Encode, codec::Decode, codec::DecodeWithMemTracking, scale_info::TypeInfo)]
pub struct InvalidSpecReason(pub SpecError);

impl frame_support::traits::PalletError for InvalidSpecReason {
	const MAX_ENCODED_SIZE: usize = 1;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::DispatchResult;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// A reason for this pallet placing a hold on funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A submitter's escrow for its live tasks: rewards and verifier fees.
		#[codec(index = 0)]
		TaskEscrow,
		/// A submitter's deposits for its live tasks ([`Config::SubmissionDeposit`] each),
		/// forfeited for a task that ends without a solver ever being drawn for it.
		#[codec(index = 1)]
		SubmissionDeposit,
	}

	/// Hooks for benchmarking: making a solver the draw can pick.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// Funds `who` and bonds it as an active solver with hardware that meets any task and
		/// enough stake for any collateral the benchmarks ask.
		fn make_solver(who: &AccountId);
	}

	/// For runtimes that do not benchmark this pallet (other pallets' test runtimes): makes no
	/// solver, so this pallet's own benchmarks fail with it.
	#[cfg(feature = "runtime-benchmarks")]
	impl<AccountId> BenchmarkHelper<AccountId> for () {
		fn make_solver(_who: &AccountId) {}
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency escrow is held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Solver bonds: the draw, collateral, slashing and reputation.
		type RoleStaking: RoleStaking<Self::AccountId, Balance = BalanceOf<Self>>;

		/// Seeds the solver draw. Must depend on every block since the task opened (the
		/// runtime's randomness beacon), so that nobody who opened it knew the draw.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// The bounds a spec must keep ([`TaskSpec::validate`]).
		#[pallet::constant]
		type SpecLimits: Get<SpecLimits>;

		/// The solver's collateral, as a share of the reward.
		#[pallet::constant]
		type SolverCollateral: Get<Perbill>;

		/// The least fee each verifier is paid, as a share of the reward (rounded up). A
		/// verifier that declares the artifacts unavailable is not paid, so with a fee above
		/// zero declaring is never the most profitable move for a verifier that can fetch them.
		#[pallet::constant]
		type MinVerifierFee: Get<Perbill>;

		/// What a drawn solver that neither accepts nor declines in time loses, as a share of
		/// the task's collateral: locked from its bond at the draw, released when it answers
		/// ([`Pallet::no_show_stake`]).
		#[pallet::constant]
		type NoShowSlash: Get<Perbill>;

		/// What a solver that does not commit by its deadline loses, as a share of its locked
		/// collateral (the rest is released).
		#[pallet::constant]
		type MissedDeadlineSlash: Get<Perbill>;

		/// Blocks a drawn solver has to accept or decline.
		#[pallet::constant]
		type AcceptWindow: Get<BlockNumberFor<Self>>;

		/// Blocks between a task opening (submitted, or reopened after a solver was passed
		/// over) and its solver draw, at least 1: the draw's randomness must include blocks
		/// that nobody who opened the task could know (see the randomness beacon's docs).
		#[pallet::constant]
		type DrawDelay: Get<BlockNumberFor<Self>>;

		/// A task expires `ExpiryFactor × deadline_blocks` after submission: from then on it is
		/// not drawn again.
		#[pallet::constant]
		type ExpiryFactor: Get<u32>;

		/// The most live tasks (submitted and not yet ended) at once. It bounds the draw queue
		/// and the deadline schedule here (a block's list of deadlines holds as many), and must
		/// not exceed the verifications and disputes the judging pallets can hold, so that a
		/// solver's commitment or a challenge is never refused for want of room.
		#[pallet::constant]
		type MaxLiveTasks: Get<u32>;

		/// The most solver draws per block, shared by the [`DrawQueue`] and the
		/// [`ParkedTasks`]: each goes first every other block.
		#[pallet::constant]
		type MaxDrawsPerBlock: Get<u32>;

		/// Held from the submitter with each task, returned when the task ends unless no
		/// solver was ever drawn for it (a draw was tried and found nobody eligible, every
		/// time): then it goes to [`Config::TreasuryAccount`]. It makes filling the live-task
		/// slots with tasks nobody can take cost money.
		#[pallet::constant]
		type SubmissionDeposit: Get<BalanceOf<Self>>;

		/// The most live tasks one submitter may have at once.
		#[pallet::constant]
		type MaxLiveTasksPerSubmitter: Get<u32>;

		/// What a solver loses for declining a drawn task, as a share of the task's collateral,
		/// unless it is its first decline in [`Config::FreeDeclineWindow`] blocks. At most
		/// [`Config::NoShowSlash`]: it is taken from the stake locked at the draw.
		#[pallet::constant]
		type DeclineSlash: Get<Perbill>;

		/// A solver's first decline is free, and so is the next one this many blocks after
		/// it; those in between cost [`Config::DeclineSlash`].
		#[pallet::constant]
		type FreeDeclineWindow: Get<BlockNumberFor<Self>>;

		/// Receives forfeited submission deposits (role staking's treasury in the runtime).
		type TreasuryAccount: Get<Self::AccountId>;

		/// Holds the jackpot for forced errors ([`Jackpot`] is its books). Must exist (hold the
		/// existential deposit) so that small taxes are not lost.
		type JackpotAccount: Get<Self::AccountId>;

		/// The share of a settled task's reward paid into the jackpot instead of to the solver.
		/// Taken from the solver, whose own forced errors the jackpot pays for: a solver that
		/// tells an accomplice verifier where it was forced only wins back part of what its
		/// own tasks paid in.
		#[pallet::constant]
		type JackpotTax: Get<Perbill>;

		/// The most the jackpot pays for one forced error, all finders together.
		#[pallet::constant]
		type JackpotCap: Get<BalanceOf<Self>>;

		/// The most deadlines handled per block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// The most solvers passed over per task (declined, no-show, missed deadline) before it
		/// is refunded.
		#[pallet::constant]
		type MaxSolverAttempts: Get<u32>;

		/// The most solvers a draw considers (role staking's `MaxMembersPerRole`); for weights.
		#[pallet::constant]
		type MaxSolverCandidates: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Benchmark set-up.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The live tasks.
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, TaskOf<T>, OptionQuery>;

	/// The id the next submitted task gets.
	#[pallet::storage]
	pub type NextTaskId<T: Config> = StorageValue<_, TaskId, ValueQuery>;

	/// How many tasks are live (submitted and not yet ended), whatever their phase.
	#[pallet::storage]
	pub type LiveTasks<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many tasks are open, assigned or training.
	#[pallet::storage]
	pub type PendingTasks<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The open tasks not tried since they (re)opened, in that order: the draw's work list.
	#[pallet::storage]
	pub type DrawQueue<T: Config> =
		StorageValue<_, BoundedVec<TaskId, T::MaxLiveTasks>, ValueQuery>;

	/// The open tasks whose last draw found nobody eligible, in the order of that draw:
	/// retried in turn, first in every other block's draws.
	#[pallet::storage]
	pub type ParkedTasks<T: Config> =
		StorageValue<_, BoundedVec<TaskId, T::MaxLiveTasks>, ValueQuery>;

	/// How many live tasks each submitter has (absent: none).
	#[pallet::storage]
	pub type SubmitterLiveTasks<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

	/// The block of each solver's last free decline (see [`Config::FreeDeclineWindow`]).
	#[pallet::storage]
	pub type LastFreeDecline<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	/// Pending tasks by the block their current deadline falls due in.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<TaskId, T::MaxLiveTasks>,
		ValueQuery,
	>;

	/// Pending tasks whose deadline fell due in a block that had no handling room left, oldest
	/// first; handled before the next blocks' own.
	#[pallet::storage]
	pub type OverdueDeadlines<T: Config> =
		StorageValue<_, BoundedVec<TaskId, T::MaxLiveTasks>, ValueQuery>;

	/// What the jackpot account holds for forced errors: every tax paid in, less every prize
	/// paid out. The account holds at least this (anyone may send it more).
	#[pallet::storage]
	pub type Jackpot<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The least reward per estimated GFLOP of training.
	#[pallet::storage]
	pub type MinPricePerGflop<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The market's genesis parameters.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial [`MinPricePerGflop`].
		pub min_price_per_gflop: BalanceOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			MinPricePerGflop::<T>::put(self.min_price_per_gflop);
		}
	}

	/// Why a task ended without being trained.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
	pub enum ExpiryReason {
		/// Its expiry block came while it was still open, or before it could be drawn again.
		#[codec(index = 0)]
		DeadlinePassed,
		/// [`Config::MaxSolverAttempts`] solvers were passed over.
		#[codec(index = 1)]
		TooManyAttempts,
	}

	/// How a solver lost a task.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
	pub enum PassReason {
		/// It declined.
		#[codec(index = 0)]
		Declined,
		/// It did not answer by the accept deadline.
		#[codec(index = 1)]
		NoShow,
		/// It did not commit by the commit deadline.
		#[codec(index = 2)]
		MissedDeadline,
		/// Its training was proven wrong (or its checkpoints unavailable).
		#[codec(index = 3)]
		TrainingFailed,
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A task was submitted and its escrow held.
		TaskSubmitted {
			/// The new task.
			task: TaskId,
			/// Its submitter.
			submitter: T::AccountId,
			/// The solver's reward.
			reward: BalanceOf<T>,
			/// Each verifier's fee.
			verifier_fee: BalanceOf<T>,
			/// Everything held: reward and all verifier fees.
			escrow: BalanceOf<T>,
			/// The submission deposit held besides, returned when the task ends unless no
			/// solver was ever drawn for it.
			deposit: BalanceOf<T>,
			/// The block from which it is no longer drawn.
			expires_at: BlockNumberFor<T>,
		},
		/// A solver was drawn for a task.
		TaskAssigned {
			/// The task.
			task: TaskId,
			/// The drawn solver.
			solver: T::AccountId,
			/// At this block an unanswered assignment is a no-show.
			accept_by: BlockNumberFor<T>,
		},
		/// The solver accepted and locked its collateral.
		TaskAccepted {
			/// The task.
			task: TaskId,
			/// The solver.
			solver: T::AccountId,
			/// The collateral locked.
			collateral: BalanceOf<T>,
			/// At this block an uncommitted training missed its deadline.
			commit_by: BlockNumberFor<T>,
		},
		/// A solver lost a task; it goes back to the draw (unless it expires, see
		/// [`Event::TaskExpired`]).
		SolverPassedOver {
			/// The task.
			task: TaskId,
			/// The solver, never drawn for this task again.
			solver: T::AccountId,
			/// Why.
			reason: PassReason,
			/// What it was slashed (zero for a free decline).
			slashed: BalanceOf<T>,
		},
		/// The solver committed its checkpoints; verification starts.
		TaskCommitted {
			/// The task.
			task: TaskId,
			/// The solver.
			solver: T::AccountId,
		},
		/// Verification passed; the challenge window is open.
		TaskVerified {
			/// The task.
			task: TaskId,
		},
		/// A verdict was disputed.
		TaskDisputed {
			/// The task.
			task: TaskId,
		},
		/// A verifier was paid its fee.
		VerifierPaid {
			/// The task.
			task: TaskId,
			/// The verifier.
			verifier: T::AccountId,
			/// The fee paid.
			fee: BalanceOf<T>,
		},
		/// The training stood: the solver was paid and the task ended.
		TaskSettled {
			/// The task, now removed.
			task: TaskId,
			/// The solver.
			solver: T::AccountId,
			/// The reward paid to it.
			reward: BalanceOf<T>,
			/// Its collateral, released.
			collateral_released: BalanceOf<T>,
			/// Verifier fees not paid out, back to the submitter.
			refunded: BalanceOf<T>,
		},
		/// The training was wrong: the solver was slashed, the submitter refunded, and the task
		/// ended, because it expired, ran out of solver attempts, or the submitter could not
		/// pay the next round's verifier fees. (Otherwise the task reopens for another solver:
		/// [`Event::SolverPassedOver`] with [`PassReason::TrainingFailed`].)
		TaskFailed {
			/// The task, now removed.
			task: TaskId,
			/// The solver.
			solver: T::AccountId,
			/// What the solver lost.
			slashed: BalanceOf<T>,
			/// The reward and unpaid fees, back to the submitter.
			refunded: BalanceOf<T>,
		},
		/// The training could not be judged (no verifier or juror in time): the submitter got
		/// its escrow back and the solver its collateral, and the task ended.
		TaskAbandoned {
			/// The task, now removed.
			task: TaskId,
			/// The solver.
			solver: T::AccountId,
			/// Its collateral, released.
			collateral_released: BalanceOf<T>,
			/// The escrow returned.
			refunded: BalanceOf<T>,
		},
		/// The submitter cancelled an open task and got its escrow back.
		TaskCancelled {
			/// The task, now removed.
			task: TaskId,
			/// The escrow returned.
			refunded: BalanceOf<T>,
		},
		/// A task ended untrained and its escrow was returned.
		TaskExpired {
			/// The task, now removed.
			task: TaskId,
			/// Why.
			reason: ExpiryReason,
			/// The escrow returned.
			refunded: BalanceOf<T>,
		},
		/// A task ended without a solver ever being drawn for it: its submission deposit went
		/// to the treasury.
		DepositForfeited {
			/// The task, now removed.
			task: TaskId,
			/// Its submitter.
			submitter: T::AccountId,
			/// The deposit forfeited.
			amount: BalanceOf<T>,
		},
		/// A settled task's jackpot tax was paid in.
		JackpotTaxed {
			/// The task.
			task: TaskId,
			/// The tax, taken from the solver's reward.
			amount: BalanceOf<T>,
		},
		/// A finder of a forced error was paid from the jackpot.
		JackpotPaid {
			/// The task.
			task: TaskId,
			/// The verifier that found the forced error.
			finder: T::AccountId,
			/// Its share.
			amount: BalanceOf<T>,
		},
		/// The minimum price per GFLOP changed.
		MinPricePerGflopSet {
			/// The new price.
			price: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The spec breaks a rule; the reason says which.
		InvalidSpec(InvalidSpecReason),
		/// The reward is below the task's estimated GFLOPs × the minimum price per GFLOP.
		RewardBelowCost,
		/// The verifier fee is below [`Config::MinVerifierFee`] of the reward.
		VerifierFeeTooLow,
		/// The submitter cannot hold the escrow and the submission deposit.
		InsufficientBalance,
		/// [`Config::MaxLiveTasks`] tasks are already live; try later.
		TooManyLiveTasks,
		/// The submitter already has [`Config::MaxLiveTasksPerSubmitter`] live tasks.
		TooManyTasksOfSubmitter,
		/// No live task has this id.
		TaskNotFound,
		/// Only the task's submitter may do this.
		NotSubmitter,
		/// Only an open task can be cancelled.
		NotOpen,
		/// The task is not waiting for a solver's answer.
		NotAssigned,
		/// The task is assigned to another solver.
		NotAssignedSolver,
		/// The solver is not an active solver (chilled, unbonding, or below the minimum).
		SolverNotActive,
		/// The solver's free stake does not cover the task's collateral.
		InsufficientSolverStake,
		/// The solver already has collateral locked for this task.
		CollateralAlreadyLocked,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let deadlines = Self::handle_deadlines(now);
			let draws = Self::draw_solvers(now);
			Self::on_initialize_weight(deadlines, draws)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(!T::AcceptWindow::get().is_zero(), "AcceptWindow must be at least one block");
			assert!(!T::DrawDelay::get().is_zero(), "DrawDelay must be at least one block");
			assert!(T::ExpiryFactor::get() >= 1, "ExpiryFactor must be at least 1");
			assert!(T::MaxDeadlinesPerBlock::get() >= 1, "MaxDeadlinesPerBlock must be >= 1");
			assert!(T::MaxLiveTasks::get() >= 1, "MaxLiveTasks must be >= 1");
			assert!(T::SpecLimits::get().min_deadline_blocks >= 1, "a zero deadline is unsafe");
			assert!(
				T::DeclineSlash::get() <= T::NoShowSlash::get(),
				"a decline is slashed from the no-show stake locked at the draw"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submits a task: validates `spec`, checks `reward` against the minimum price, holds
		/// `reward + verifier_fee × spec.verification.verifiers` and opens the task for the
		/// next block's draw.
		///
		/// Emits [`Event::TaskSubmitted`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_task())]
		pub fn submit_task(
			origin: OriginFor<T>,
			spec: Box<TaskSpec>,
			#[pallet::compact] reward: BalanceOf<T>,
			#[pallet::compact] verifier_fee: BalanceOf<T>,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			Self::do_submit(submitter, *spec, reward, verifier_fee)
		}

		/// Cancels an open task of the caller's and returns its escrow.
		///
		/// Emits [`Event::TaskCancelled`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_task())]
		pub fn cancel_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Tasks::<T>::get(task).ok_or(Error::<T>::TaskNotFound)?;
			ensure!(record.submitter == who, Error::<T>::NotSubmitter);
			ensure!(matches!(record.state, TaskState::Open { .. }), Error::<T>::NotOpen);
			let refunded = Self::end_pending(task, &record);
			Self::deposit_event(Event::TaskCancelled { task, refunded });
			Ok(())
		}

		/// Accepts a task the caller was drawn for: locks the collateral from its solver bond
		/// and starts the commit deadline (`spec.deadline_blocks`).
		///
		/// Emits [`Event::TaskAccepted`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::accept_task())]
		pub fn accept_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let solver = ensure_signed(origin)?;
			let mut record = Tasks::<T>::get(task).ok_or(Error::<T>::TaskNotFound)?;
			let accept_by = Self::ensure_assigned_to(&record, &solver)?;
			// The no-show stake locked at the draw becomes the whole collateral (the call is
			// transactional: a refused lock leaves the no-show stake locked).
			T::RoleStaking::release_collateral(&solver, Role::Solver, task);
			T::RoleStaking::lock_collateral(&solver, Role::Solver, task, record.collateral)
				.map_err(Error::<T>::from_staking)?;

			let now = frame_system::Pallet::<T>::block_number();
			Self::unschedule(task, accept_by);
			let deadline = BlockNumberFor::<T>::from(record.spec.deadline_blocks);
			let commit_by = Self::schedule(task, now.saturating_add(deadline), now)?;
			record.state = TaskState::Training { solver: solver.clone(), commit_by };
			let collateral = record.collateral;
			Tasks::<T>::insert(task, record);
			Self::deposit_event(Event::TaskAccepted { task, solver, collateral, commit_by });
			Ok(())
		}

		/// Declines a task the caller was drawn for; it is never drawn for it again and the task
		/// goes back to the draw. Free if it is the caller's first decline in
		/// [`Config::FreeDeclineWindow`] blocks; otherwise [`Config::DeclineSlash`] of the
		/// collateral is slashed (half to the submitter) from the stake locked at the draw.
		///
		/// Emits [`Event::SolverPassedOver`] (and [`Event::TaskExpired`] if the task cannot be
		/// drawn again).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::decline_task())]
		pub fn decline_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let solver = ensure_signed(origin)?;
			let record = Tasks::<T>::get(task).ok_or(Error::<T>::TaskNotFound)?;
			let accept_by = Self::ensure_assigned_to(&record, &solver)?;
			Self::unschedule(task, accept_by);
			let now = frame_system::Pallet::<T>::block_number();
			let slashed = Self::charge_decline(task, &record, &solver, now);
			T::RoleStaking::release_collateral(&solver, Role::Solver, task);
			Self::pass_over(task, record, solver, PassReason::Declined, slashed, now);
			Ok(())
		}

		/// Sets the least reward per estimated GFLOP for new tasks. Root only.
		///
		/// Emits [`Event::MinPricePerGflopSet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_min_price_per_gflop())]
		pub fn set_min_price_per_gflop(
			origin: OriginFor<T>,
			#[pallet::compact] price: BalanceOf<T>,
		) -> DispatchResult {
			ensure_root(origin)?;
			MinPricePerGflop::<T>::put(price);
			Self::deposit_event(Event::MinPricePerGflopSet { price });
			Ok(())
		}
	}
}

impl<T: Config> Error<T> {
	fn from_staking(e: StakingError) -> Self {
		match e {
			StakingError::NotActive | StakingError::NotEnoughCandidates => Error::SolverNotActive,
			StakingError::InsufficientFreeStake | StakingError::NoCollateral => {
				Error::InsufficientSolverStake
			},
			StakingError::CollateralAlreadyLocked => Error::CollateralAlreadyLocked,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The weight of an `on_initialize` that handled `deadlines` deadlines and made `draws`
	/// draws, each over at most [`Config::MaxSolverCandidates`] solvers.
	pub fn on_initialize_weight(deadlines: u32, draws: u32) -> Weight {
		T::WeightInfo::on_initialize_base()
			.saturating_add(T::WeightInfo::handle_deadline().saturating_mul(deadlines.into()))
			.saturating_add(
				T::WeightInfo::draw_solver(T::MaxSolverCandidates::get())
					.saturating_mul(draws.into()),
			)
	}

	/// The most `on_initialize` can weigh: every deadline and draw a block may make.
	pub fn max_on_initialize_weight() -> Weight {
		Self::on_initialize_weight(T::MaxDeadlinesPerBlock::get(), T::MaxDrawsPerBlock::get())
	}

	fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::TaskEscrow.into()
	}

	/// The least reward for `spec`: its estimated GFLOPs × [`MinPricePerGflop`], saturating.
	pub fn min_reward(spec: &TaskSpec) -> BalanceOf<T> {
		let gflops = spec.estimated_gflops().unwrap_or(u128::MAX);
		let price: u128 = MinPricePerGflop::<T>::get().unique_saturated_into();
		BalanceOf::<T>::unique_saturated_from(gflops.saturating_mul(price))
	}

	/// Submits a task. See [`Call::submit_task`].
	pub fn do_submit(
		submitter: T::AccountId,
		spec: TaskSpec,
		reward: BalanceOf<T>,
		verifier_fee: BalanceOf<T>,
	) -> DispatchResult {
		spec.validate(&T::SpecLimits::get())
			.map_err(|e| Error::<T>::InvalidSpec(InvalidSpecReason(e)))?;
		ensure!(reward >= Self::min_reward(&spec), Error::<T>::RewardBelowCost);
		ensure!(
			verifier_fee >= T::MinVerifierFee::get().mul_ceil(reward),
			Error::<T>::VerifierFeeTooLow
		);
		let escrow = TaskOf::<T>::escrow_for(reward, verifier_fee, spec.verification.verifiers)
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(LiveTasks::<T>::get() < T::MaxLiveTasks::get(), Error::<T>::TooManyLiveTasks);
		let submitter_tasks = SubmitterLiveTasks::<T>::get(&submitter).unwrap_or(0);
		ensure!(
			submitter_tasks < T::MaxLiveTasksPerSubmitter::get(),
			Error::<T>::TooManyTasksOfSubmitter
		);
		let deposit = T::SubmissionDeposit::get();
		let held = escrow.checked_add(&deposit).ok_or(ArithmeticError::Overflow)?;
		// Both holds come from the same free balance: check them together.
		ensure!(
			T::Currency::can_hold(&Self::hold_reason(), &submitter, held),
			Error::<T>::InsufficientBalance
		);
		let task = NextTaskId::<T>::get();
		let next = task.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let lifetime = spec.deadline_blocks.saturating_mul(T::ExpiryFactor::get());
		let expires_at = now.saturating_add(lifetime.into());
		let expiry_slot = Self::schedule(task, expires_at, now)?;
		DrawQueue::<T>::try_mutate(|queue| queue.try_push(task))
			.map_err(|_| Error::<T>::TooManyLiveTasks)?;

		// Everything that can be refused was checked: move the funds and write the task.
		T::Currency::hold(&Self::hold_reason(), &submitter, escrow)?;
		T::Currency::hold(&HoldReason::SubmissionDeposit.into(), &submitter, deposit)?;
		NextTaskId::<T>::put(next);
		PendingTasks::<T>::mutate(|n| *n = n.saturating_add(1));
		LiveTasks::<T>::mutate(|n| *n = n.saturating_add(1));
		SubmitterLiveTasks::<T>::insert(&submitter, submitter_tasks.saturating_add(1));
		let collateral = T::SolverCollateral::get().mul_ceil(reward);
		Tasks::<T>::insert(
			task,
			Task {
				submitter: submitter.clone(),
				spec,
				reward,
				verifier_fee,
				collateral,
				submitted_at: now,
				expires_at,
				state: TaskState::Open { opened_at: now, expiry_slot },
				passed_over: Default::default(),
				deposit,
				draws: DrawHistory::NotTried,
			},
		);
		Self::deposit_event(Event::TaskSubmitted {
			task,
			submitter,
			reward,
			verifier_fee,
			escrow,
			deposit,
			expires_at,
		});
		Ok(())
	}

	/// `accept_by` if `record` is assigned to `solver`, otherwise the error saying why not.
	fn ensure_assigned_to(
		record: &TaskOf<T>,
		solver: &T::AccountId,
	) -> Result<BlockNumberFor<T>, Error<T>> {
		match &record.state {
			TaskState::Assigned { solver: assigned, accept_by } if assigned == solver => {
				Ok(*accept_by)
			},
			TaskState::Assigned { .. } => Err(Error::<T>::NotAssignedSolver),
			_ => Err(Error::<T>::NotAssigned),
		}
	}

	/// Puts `task` into [`Deadlines`] at `due` (at least the block after `now`) and returns
	/// that block.
	fn schedule(
		task: TaskId,
		due: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		TaskDeadlines::<T>::schedule(task, due, now).ok_or_else(|| {
			// Unreachable while every pending task has exactly one entry (see `do_try_state`).
			log::error!(target: LOG_TARGET, "no deadline slot for task {task} at {due:?}");
			Error::<T>::TooManyLiveTasks.into()
		})
	}

	/// Takes `task`'s deadline at `block` out of the schedule, wherever it waits.
	fn unschedule(task: TaskId, block: BlockNumberFor<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		TaskDeadlines::<T>::unschedule(&task, block, now);
	}

	/// Removes an ended task, and returns its submission deposit, or forfeits it to the
	/// treasury if no solver was ever drawn for it.
	fn remove_task(task: TaskId, record: &TaskOf<T>) {
		Tasks::<T>::remove(task);
		LiveTasks::<T>::mutate(|n| *n = n.saturating_sub(1));
		SubmitterLiveTasks::<T>::mutate_exists(&record.submitter, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0)
		});
		let reason = HoldReason::SubmissionDeposit.into();
		if record.draws.forfeits_deposit() {
			let forfeited = T::Currency::transfer_on_hold(
				&reason,
				&record.submitter,
				&T::TreasuryAccount::get(),
				record.deposit,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)
			.defensive_unwrap_or_default();
			Self::deposit_event(Event::DepositForfeited {
				task,
				submitter: record.submitter.clone(),
				amount: forfeited,
			});
		} else {
			T::Currency::release(&reason, &record.submitter, record.deposit, Precision::BestEffort)
				.defensive_unwrap_or_default();
		}
	}

	/// Ends a pending task without training: unschedules it, takes it off the draw queue,
	/// returns the escrow and removes it. Returns the amount refunded.
	fn end_pending(task: TaskId, record: &TaskOf<T>) -> BalanceOf<T> {
		if let Some(slot) = record.state.deadline_slot() {
			Self::unschedule(task, slot);
		}
		DrawQueue::<T>::mutate(|queue| queue.retain(|t| *t != task));
		ParkedTasks::<T>::mutate(|queue| queue.retain(|t| *t != task));
		PendingTasks::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::remove_task(task, record);
		Self::release_escrow(record, record.escrow().unwrap_or_else(Zero::zero))
	}

	/// What `record`'s solver pays into the jackpot when the task settles:
	/// [`Config::JackpotTax`] of the reward.
	fn jackpot_tax(record: &TaskOf<T>) -> BalanceOf<T> {
		T::JackpotTax::get().mul_floor(record.reward)
	}

	/// What a drawn solver that never answers forfeits: [`Config::NoShowSlash`] of the
	/// collateral, locked from the draw until it accepts or declines.
	pub fn no_show_stake(record: &TaskOf<T>) -> BalanceOf<T> {
		T::NoShowSlash::get().mul_floor(record.collateral)
	}

	/// What `solver` pays for declining `record` at `now`: nothing for its first decline in
	/// [`Config::FreeDeclineWindow`] (recorded), otherwise [`Config::DeclineSlash`] of the
	/// collateral, slashed from the stake locked at the draw. Returns what was slashed.
	fn charge_decline(
		task: TaskId,
		record: &TaskOf<T>,
		solver: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> BalanceOf<T> {
		let window_open = LastFreeDecline::<T>::get(solver)
			.is_some_and(|last| now < last.saturating_add(T::FreeDeclineWindow::get()));
		if !window_open {
			LastFreeDecline::<T>::insert(solver, now);
			return Zero::zero();
		}
		let amount = T::DeclineSlash::get().mul_floor(record.collateral);
		T::RoleStaking::slash(solver, Role::Solver, Some(task), amount, Some(&record.submitter))
	}

	/// Releases up to `amount` of `record`'s escrow to its submitter; returns what was.
	fn release_escrow(record: &TaskOf<T>, amount: BalanceOf<T>) -> BalanceOf<T> {
		T::Currency::release(&Self::hold_reason(), &record.submitter, amount, Precision::BestEffort)
			.defensive_unwrap_or_default()
	}

	/// Pays `amount` from `record`'s escrow to `to`'s free balance; returns what was paid (zero
	/// if `to` cannot receive it, which then stays in escrow for the submitter).
	fn pay_from_escrow(
		record: &TaskOf<T>,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		T::Currency::transfer_on_hold(
			&Self::hold_reason(),
			&record.submitter,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.unwrap_or_else(|e| {
			log::warn!(target: LOG_TARGET, "could not pay {amount:?} to {to:?}: {e:?}");
			Zero::zero()
		})
	}

	/// Records that `solver` lost `task` and sends the task back to the draw, or ends it if it
	/// expired or too many solvers were passed over. `record`'s deadline must be unscheduled.
	fn pass_over(
		task: TaskId,
		mut record: TaskOf<T>,
		solver: T::AccountId,
		reason: PassReason,
		slashed: BalanceOf<T>,
		now: BlockNumberFor<T>,
	) {
		if reason != PassReason::Declined {
			// Declining costs stake, not reputation: only failing to answer or deliver does.
			T::RoleStaking::penalize_reputation(&solver, Role::Solver);
		}
		let expired = Self::ends_when_passed_over(&record, now);
		// The list fills up only with the pass that ends the task (`TooManyAttempts`).
		if record.passed_over.try_push(solver.clone()).is_err() && expired.is_none() {
			frame_support::defensive!("a reopening task has no room to pass its solver over");
		}
		Self::deposit_event(Event::SolverPassedOver { task, solver, reason, slashed });

		let reopened = match expired {
			None => Self::reopen(task, &mut record, now),
			Some(_) => Err(()),
		};
		match reopened {
			Ok(()) => Tasks::<T>::insert(task, record),
			Err(()) => {
				PendingTasks::<T>::mutate(|n| *n = n.saturating_sub(1));
				Self::remove_task(task, &record);
				let refunded =
					Self::release_escrow(&record, record.escrow().unwrap_or_else(Zero::zero));
				let reason = expired.unwrap_or(ExpiryReason::DeadlinePassed);
				Self::deposit_event(Event::TaskExpired { task, reason, refunded });
			},
		}
	}

	/// Why `record` ends rather than reopens once one more solver is passed over at `now`: too
	/// many attempts with it, or its expiry reached; `None` if it may reopen.
	fn ends_when_passed_over(record: &TaskOf<T>, now: BlockNumberFor<T>) -> Option<ExpiryReason> {
		if (record.passed_over.len() as u32).saturating_add(1) >= T::MaxSolverAttempts::get() {
			Some(ExpiryReason::TooManyAttempts)
		} else if now >= record.expires_at {
			Some(ExpiryReason::DeadlinePassed)
		} else {
			None
		}
	}

	/// Puts `record` back into the draw: open from `now`, queued, its expiry scheduled.
	fn reopen(task: TaskId, record: &mut TaskOf<T>, now: BlockNumberFor<T>) -> Result<(), ()> {
		let expiry_slot = Self::schedule(task, record.expires_at, now).map_err(|_| ())?;
		if DrawQueue::<T>::try_mutate(|queue| queue.try_push(task)).is_err() {
			Self::unschedule(task, expiry_slot);
			return Err(());
		}
		record.state = TaskState::Open { opened_at: now, expiry_slot };
		Ok(())
	}

	/// Handles the deadlines due at `now`; returns how many.
	fn handle_deadlines(now: BlockNumberFor<T>) -> u32 {
		let due = TaskDeadlines::<T>::take_due(now, T::MaxDeadlinesPerBlock::get());
		let count = due.len() as u32;
		for task in due {
			let Some(record) = Tasks::<T>::get(task) else {
				log::error!(target: LOG_TARGET, "deadline for unknown task {task}");
				continue;
			};
			match record.state.clone() {
				TaskState::Open { .. } => {
					let refunded = Self::end_pending(task, &record);
					let reason = ExpiryReason::DeadlinePassed;
					Self::deposit_event(Event::TaskExpired { task, reason, refunded });
				},
				TaskState::Assigned { solver, .. } => {
					// Taken from the stake locked at the draw, which the solver could not spend
					// on anything else meanwhile.
					let slashed = T::RoleStaking::slash(
						&solver,
						Role::Solver,
						Some(task),
						Self::no_show_stake(&record),
						Some(&record.submitter),
					);
					T::RoleStaking::release_collateral(&solver, Role::Solver, task);
					Self::pass_over(task, record, solver, PassReason::NoShow, slashed, now);
				},
				TaskState::Training { solver, .. } => {
					let amount = T::MissedDeadlineSlash::get().mul_floor(record.collateral);
					let slashed = T::RoleStaking::slash(
						&solver,
						Role::Solver,
						Some(task),
						amount,
						Some(&record.submitter),
					);
					T::RoleStaking::release_collateral(&solver, Role::Solver, task);
					Self::pass_over(task, record, solver, PassReason::MissedDeadline, slashed, now);
				},
				TaskState::Verifying { .. }
				| TaskState::Verified { .. }
				| TaskState::Disputed { .. } => {
					log::error!(target: LOG_TARGET, "deadline for task {task} past training");
				},
			}
		}
		count
	}

	/// Makes up to [`Config::MaxDrawsPerBlock`] solver draws for tasks of the [`DrawQueue`]
	/// and the [`ParkedTasks`], each at least [`Config::DrawDelay`] after it (re)opened or was
	/// last tried, the draw queue first in even blocks and the parked tasks first in odd ones;
	/// returns how many draws were made. A task whose draw finds nobody is parked, so that
	/// tasks nobody can take delay the first draw of another by one block at most, whatever
	/// their number, and a parked task that became takeable waits for the parked ones before
	/// it, whatever the inflow of new tasks.
	fn draw_solvers(now: BlockNumberFor<T>) -> u32 {
		let mut fresh = DrawQueue::<T>::get();
		let mut parked = ParkedTasks::<T>::get();
		let budget = T::MaxDrawsPerBlock::get();
		let (from_fresh, from_parked) = if (now % 2u32.into()).is_zero() {
			let from_fresh = Self::draw_from(&mut fresh, budget, now);
			let left = budget.saturating_sub(from_fresh.draws);
			(from_fresh, Self::draw_from(&mut parked, left, now))
		} else {
			let from_parked = Self::draw_from(&mut parked, budget, now);
			let left = budget.saturating_sub(from_parked.draws);
			(Self::draw_from(&mut fresh, left, now), from_parked)
		};
		// Room is certain: every task pushed was just taken off one of the two queues, which
		// hold the open tasks once each between them.
		for task in from_fresh.retry {
			if fresh.try_push(task).is_err() {
				frame_support::defensive!("no room to queue a task again");
			}
		}
		for task in from_parked.retry.into_iter().chain(from_parked.parked).chain(from_fresh.parked)
		{
			if parked.try_push(task).is_err() {
				frame_support::defensive!("no room to park a task");
			}
		}
		DrawQueue::<T>::put(fresh);
		ParkedTasks::<T>::put(parked);
		from_fresh.draws.saturating_add(from_parked.draws)
	}

	/// Draws solvers for up to `budget` tasks at the front of `queue` that opened at least
	/// [`Config::DrawDelay`] before `now` (the queue is in that order), taking them off it.
	fn draw_from(
		queue: &mut frame_support::BoundedVec<TaskId, T::MaxLiveTasks>,
		budget: u32,
		now: BlockNumberFor<T>,
	) -> DrawRound {
		let mut round = DrawRound::default();
		while round.draws < budget {
			let Some(&task) = queue.first() else { break };
			let Some(mut record) = Tasks::<T>::get(task) else {
				log::error!(target: LOG_TARGET, "queued task {task} is gone");
				queue.remove(0);
				continue;
			};
			let TaskState::Open { opened_at, expiry_slot } = record.state else {
				log::error!(target: LOG_TARGET, "queued task {task} is not open");
				queue.remove(0);
				continue;
			};
			if opened_at.saturating_add(T::DrawDelay::get()) > now {
				break;
			}
			queue.remove(0);
			round.draws = round.draws.saturating_add(1);
			let Some(solver) = Self::draw_solver(task, &record) else {
				// Nobody eligible now: parked, and tried again in turn with the others.
				record.state = TaskState::Open { opened_at: now, expiry_slot };
				record.draws = record.draws.after_draw(false);
				Tasks::<T>::insert(task, record);
				round.parked.push(task);
				continue;
			};
			let accept_by =
				match Self::schedule(task, now.saturating_add(T::AcceptWindow::get()), now) {
					Ok(block) => block,
					Err(_) => {
						round.retry.push(task);
						continue;
					},
				};
			// What a no-show forfeits is locked at once, so that the solver cannot spend it on
			// another task before its answer is due. The draw asked for free stake covering the
			// whole collateral, so this cannot fail.
			let no_show = Self::no_show_stake(&record);
			if T::RoleStaking::lock_collateral(&solver, Role::Solver, task, no_show).is_err() {
				frame_support::defensive!("a drawn solver could not lock its no-show stake");
				Self::unschedule(task, accept_by);
				round.retry.push(task);
				continue;
			}
			Self::unschedule(task, expiry_slot);
			record.state = TaskState::Assigned { solver: solver.clone(), accept_by };
			record.draws = record.draws.after_draw(true);
			Tasks::<T>::insert(task, record);
			Self::deposit_event(Event::TaskAssigned { task, solver, accept_by });
		}
		round
	}

	/// Draws one solver for `record`, or `None` if no eligible solver exists.
	fn draw_solver(task: TaskId, record: &TaskOf<T>) -> Option<T::AccountId> {
		let (random, _) = T::Randomness::random(&(b"assay/task-pool/draw", task).encode());
		let seed =
			sp_io::hashing::blake2_256(&(random, task, record.passed_over.len() as u32).encode());
		let mut exclude: Vec<T::AccountId> = record.passed_over.to_vec();
		exclude.push(record.submitter.clone());
		T::RoleStaking::select(
			Role::Solver,
			1,
			&exclude,
			Some(&record.spec.hardware),
			record.collateral,
			seed,
		)
		.ok()?
		.into_iter()
		.next()
	}

	/// Loads a live task in one of `phases`, or the error saying why not.
	fn task_in(task: TaskId, phases: &[TaskPhase]) -> Result<TaskOf<T>, LifecycleError> {
		let record = Tasks::<T>::get(task).ok_or(LifecycleError::UnknownTask)?;
		ensure!(phases.contains(&record.state.phase()), LifecycleError::WrongPhase);
		Ok(record)
	}

	/// Pays each of `verifiers` one verifier fee from `record`'s escrow, or, when they are more
	/// than the policy's verifiers (seats drawn to break a tie between verdicts and
	/// unavailability declarations), an equal share of the fees escrowed; returns the total
	/// paid, never more than those fees.
	fn pay_verifiers(task: TaskId, record: &TaskOf<T>, verifiers: &[T::AccountId]) -> BalanceOf<T> {
		let seats = u32::from(record.spec.verification.verifiers);
		let paid = u32::try_from(verifiers.len()).unwrap_or(u32::MAX);
		let each = if paid <= seats {
			record.verifier_fee
		} else {
			record.verifier_fee.saturating_mul(seats.into()) / paid.into()
		};
		verifiers.iter().fold(Zero::zero(), |total: BalanceOf<T>, verifier| {
			let fee = Self::pay_from_escrow(record, verifier, each);
			if !fee.is_zero() {
				Self::deposit_event(Event::VerifierPaid { task, verifier: verifier.clone(), fee });
			}
			total.saturating_add(fee)
		})
	}

	/// Moves a task from one of `from` to `to` with `event`.
	fn transition(
		task: TaskId,
		from: &[TaskPhase],
		to: impl FnOnce(T::AccountId) -> TaskStateOf<T>,
		event: Event<T>,
	) -> Result<(), LifecycleError> {
		let mut record = Self::task_in(task, from)?;
		let solver = record.state.solver().cloned().ok_or(LifecycleError::WrongPhase)?;
		record.state = to(solver);
		Tasks::<T>::insert(task, record);
		Self::deposit_event(event);
		Ok(())
	}

	/// Ensure the correctness of the state of this pallet.
	///
	/// This should be valid before or after each state transition of this pallet.
	///
	/// ## Invariants:
	///
	/// Escrow:
	///
	/// * For every submitter, the balance held under `HoldReason::TaskEscrow` equals the sum of
	///   the escrow (`reward + verifier_fee × verifiers`) of its live tasks, the balance held
	///   under `HoldReason::SubmissionDeposit` the sum of their deposits, and
	///   `SubmitterLiveTasks` their number (no entry for a submitter without live tasks).
	///
	/// One state per task:
	///
	/// * Every task id is below `NextTaskId`.
	/// * `PendingTasks` is the number of open, assigned and training tasks, and at most
	///   `MaxLiveTasks`.
	/// * `DrawQueue` and `ParkedTasks` hold exactly the open tasks, each once; a parked task
	///   has been tried; a drawn solver's task records a solver drawn.
	/// * Every pending task is scheduled exactly once, and nothing else is: in `Deadlines` at the
	///   block its state names while that block is to come, in `OverdueDeadlines` once it is
	///   not (see `assay_deadlines::Deadlines::check`).
	///
	/// Solvers:
	///
	/// * A task's solver is neither its submitter nor one it passed over; `passed_over` has no
	///   duplicates.
	/// * An assigned solver has exactly the no-show stake locked for the task
	///   ([`Pallet::no_show_stake`]); from acceptance on, exactly the task's collateral.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};

		let next = NextTaskId::<T>::get();
		// Per submitter: escrow, deposits and live tasks.
		let mut by_submitter: BTreeMap<T::AccountId, (BalanceOf<T>, BalanceOf<T>, u32)> =
			BTreeMap::new();
		let mut pending = 0u32;
		let mut live = 0u32;
		let mut open = BTreeSet::new();
		let mut slots: BTreeMap<TaskId, BlockNumberFor<T>> = BTreeMap::new();
		for (task, record) in Tasks::<T>::iter() {
			ensure!(task < next, "a task id is not below NextTaskId");
			live = live.saturating_add(1);
			let escrow = record.escrow().ok_or("a task's escrow overflows")?;
			let totals = by_submitter.entry(record.submitter.clone()).or_default();
			totals.0 = totals.0.saturating_add(escrow);
			totals.1 = totals.1.saturating_add(record.deposit);
			totals.2 = totals.2.saturating_add(1);
			if record.state.is_pending() {
				pending = pending.saturating_add(1);
			}
			if matches!(record.state, TaskState::Open { .. }) {
				open.insert(task);
			}
			if let Some(slot) = record.state.deadline_slot() {
				slots.insert(task, slot);
			}
			let mut seen = BTreeSet::new();
			ensure!(
				record.passed_over.iter().all(|s| seen.insert(s.clone())),
				"a solver is passed over twice"
			);
			let locked = |who: &T::AccountId| T::RoleStaking::collateral(who, Role::Solver, task);
			if let Some(solver) = record.state.solver() {
				ensure!(
					record.draws == DrawHistory::SolverDrawn,
					"a drawn task's history says not"
				);
				ensure!(*solver != record.submitter, "a task's solver is its submitter");
				ensure!(!record.passed_over.contains(solver), "a task's solver was passed over");
				let expected = if record.state.has_collateral() {
					record.collateral
				} else {
					Self::no_show_stake(&record)
				};
				ensure!(locked(solver) == expected, "a solver's collateral is not the task's");
			}
			for passed in &record.passed_over {
				ensure!(locked(passed).is_zero(), "a passed-over solver still has collateral");
			}
		}
		for (submitter, (escrow, deposits, tasks)) in &by_submitter {
			ensure!(
				T::Currency::balance_on_hold(&Self::hold_reason(), submitter) == *escrow,
				"a submitter's escrow hold differs from its tasks' escrow"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::SubmissionDeposit.into(), submitter)
					== *deposits,
				"a submitter's deposit hold differs from its tasks' deposits"
			);
			ensure!(
				SubmitterLiveTasks::<T>::get(submitter) == Some(*tasks),
				"SubmitterLiveTasks differs from a submitter's tasks"
			);
		}
		ensure!(
			SubmitterLiveTasks::<T>::iter_keys().all(|who| by_submitter.contains_key(&who)),
			"SubmitterLiveTasks counts a submitter without live tasks"
		);

		ensure!(PendingTasks::<T>::get() == pending, "PendingTasks differs from the tasks");
		ensure!(LiveTasks::<T>::get() == live, "LiveTasks differs from the tasks");
		ensure!(live <= T::MaxLiveTasks::get(), "more live tasks than the maximum");

		let fresh = DrawQueue::<T>::get();
		let parked = ParkedTasks::<T>::get();
		let queued: BTreeSet<TaskId> = fresh.iter().chain(parked.iter()).copied().collect();
		ensure!(queued.len() == fresh.len() + parked.len(), "a task is queued twice");
		ensure!(queued == open, "the draw queues are not exactly the open tasks");
		ensure!(
			parked.iter().all(|task| Tasks::<T>::get(task)
				.is_some_and(|record| record.draws != DrawHistory::NotTried)),
			"a parked task was never tried"
		);

		TaskDeadlines::<T>::check(&slots, frame_system::Pallet::<T>::block_number())?;
		ensure!(
			T::Currency::balance(&T::JackpotAccount::get()) >= Jackpot::<T>::get(),
			"the jackpot account holds less than its books"
		);
		Ok(())
	}
}

impl<T: Config> TaskLifecycle<T::AccountId> for Pallet<T> {
	fn summary(task: TaskId) -> Option<TaskSummary<T::AccountId>> {
		let record = Tasks::<T>::get(task)?;
		Some(TaskSummary {
			phase: record.state.phase(),
			solver: record.state.solver().cloned(),
			submitter: record.submitter,
			spec: record.spec,
		})
	}

	fn committed(task: TaskId, solver: &T::AccountId) -> Result<(), LifecycleError> {
		let mut record = Self::task_in(task, &[TaskPhase::Training])?;
		let TaskState::Training { solver: training, commit_by } = &record.state else {
			return Err(LifecycleError::WrongPhase);
		};
		ensure!(training == solver, LifecycleError::NotTheSolver);
		Self::unschedule(task, *commit_by);
		record.state = TaskState::Verifying { solver: solver.clone() };
		Tasks::<T>::insert(task, record);
		PendingTasks::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::TaskCommitted { task, solver: solver.clone() });
		Ok(())
	}

	fn verified(task: TaskId) -> Result<(), LifecycleError> {
		Self::transition(
			task,
			&[TaskPhase::Verifying, TaskPhase::Disputed],
			|solver| TaskState::Verified { solver },
			Event::TaskVerified { task },
		)
	}

	fn disputed(task: TaskId) -> Result<(), LifecycleError> {
		Self::transition(
			task,
			&[TaskPhase::Verifying, TaskPhase::Verified, TaskPhase::Disputed],
			|solver| TaskState::Disputed { solver },
			Event::TaskDisputed { task },
		)
	}

	fn settle(task: TaskId, paid_verifiers: &[T::AccountId]) -> Result<(), LifecycleError> {
		let record = Self::task_in(task, &[TaskPhase::Verified, TaskPhase::Disputed])?;
		let solver = record.state.solver().cloned().ok_or(LifecycleError::WrongPhase)?;

		let taxed =
			Self::pay_from_escrow(&record, &T::JackpotAccount::get(), Self::jackpot_tax(&record));
		if !taxed.is_zero() {
			Jackpot::<T>::mutate(|books| *books = books.saturating_add(taxed));
			Self::deposit_event(Event::JackpotTaxed { task, amount: taxed });
		}
		let reward = Self::pay_from_escrow(&record, &solver, record.reward.saturating_sub(taxed));
		let fees = Self::pay_verifiers(task, &record, paid_verifiers);
		let escrow = record.escrow().unwrap_or_else(Zero::zero);
		let refunded = Self::release_escrow(
			&record,
			escrow.saturating_sub(taxed).saturating_sub(reward).saturating_sub(fees),
		);
		let collateral_released = T::RoleStaking::release_collateral(&solver, Role::Solver, task);
		T::RoleStaking::reward_reputation(&solver, Role::Solver);
		Self::remove_task(task, &record);
		Self::deposit_event(Event::TaskSettled {
			task,
			solver,
			reward,
			collateral_released,
			refunded,
		});
		Ok(())
	}

	fn fail(
		task: TaskId,
		finder: Option<&T::AccountId>,
		paid_verifiers: &[T::AccountId],
	) -> Result<(), LifecycleError> {
		let record =
			Self::task_in(task, &[TaskPhase::Verifying, TaskPhase::Verified, TaskPhase::Disputed])?;
		let solver = record.state.solver().cloned().ok_or(LifecycleError::WrongPhase)?;

		let slashed =
			T::RoleStaking::slash(&solver, Role::Solver, Some(task), record.collateral, finder);
		// Whatever the slash could not take (the bond was slashed elsewhere) is released.
		T::RoleStaking::release_collateral(&solver, Role::Solver, task);
		let fees = Self::pay_verifiers(task, &record, paid_verifiers);

		// While the task has time and attempts left, another solver trains it, once the
		// submitter's escrow is whole again for the next round's verifiers.
		let now = frame_system::Pallet::<T>::block_number();
		if Self::ends_when_passed_over(&record, now).is_none()
			&& T::Currency::hold(&Self::hold_reason(), &record.submitter, fees).is_ok()
		{
			PendingTasks::<T>::mutate(|n| *n = n.saturating_add(1));
			Self::pass_over(task, record, solver, PassReason::TrainingFailed, slashed, now);
			return Ok(());
		}

		T::RoleStaking::penalize_reputation(&solver, Role::Solver);
		let escrow = record.escrow().unwrap_or_else(Zero::zero);
		let refunded = Self::release_escrow(&record, escrow.saturating_sub(fees));
		Self::remove_task(task, &record);
		Self::deposit_event(Event::TaskFailed { task, solver, slashed, refunded });
		Ok(())
	}

	fn pay_jackpot(task: TaskId, finders: &[T::AccountId], odds_ppb: u32) -> u128 {
		let Ok(count) = u32::try_from(finders.len()) else { return 0 };
		let Some(record) = Tasks::<T>::get(task) else { return 0 };
		if count == 0 || odds_ppb == 0 {
			return 0;
		}
		// A solver that tells an accomplice where it was forced wins back at most half of
		// what its tasks pay in: E[prize] = odds × prize ≤ tax / 2.
		let fair = Perbill::from_parts(odds_ppb)
			.saturating_reciprocal_mul_floor(Self::jackpot_tax(&record))
			/ 2u32.into();
		let prize = Jackpot::<T>::get().min(T::JackpotCap::get()).min(fair);
		let each = prize / count.into();
		let paid = finders.iter().fold(BalanceOf::<T>::zero(), |paid, finder| {
			let sent = T::Currency::transfer(
				&T::JackpotAccount::get(),
				finder,
				each,
				frame_support::traits::tokens::Preservation::Preserve,
			);
			match sent {
				Ok(_) if !each.is_zero() => {
					Self::deposit_event(Event::JackpotPaid {
						task,
						finder: finder.clone(),
						amount: each,
					});
					paid.saturating_add(each)
				},
				Ok(_) => paid,
				Err(e) => {
					log::warn!(target: LOG_TARGET, "jackpot share to {finder:?} not paid: {e:?}");
					paid
				},
			}
		});
		Jackpot::<T>::mutate(|books| *books = books.saturating_sub(paid));
		paid.unique_saturated_into()
	}

	fn abandon(task: TaskId) -> Result<(), LifecycleError> {
		let record =
			Self::task_in(task, &[TaskPhase::Verifying, TaskPhase::Verified, TaskPhase::Disputed])?;
		let solver = record.state.solver().cloned().ok_or(LifecycleError::WrongPhase)?;
		let collateral_released = T::RoleStaking::release_collateral(&solver, Role::Solver, task);
		let refunded = Self::release_escrow(&record, record.escrow().unwrap_or_else(Zero::zero));
		Self::remove_task(task, &record);
		Self::deposit_event(Event::TaskAbandoned { task, solver, collateral_released, refunded });
		Ok(())
	}
}
