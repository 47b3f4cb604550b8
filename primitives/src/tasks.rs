//! The task lifecycle after training ([`TaskLifecycle`]): how proof-of-learning and dispute
//! move a task the task pool handed out, and settle or fail it.
//!
//! `pallet-task-pool` owns every task, its escrow and its solver's collateral; it implements
//! [`TaskLifecycle`]. The judging pallets take it as an associated type of their `Config` and
//! drive a task through it, never touching the task pool's storage:
//!
//! ```text
//! Training ─committed─▶ Verifying ─verified─▶ Verified ─settle─▶ (ended: solver paid)
//!                          │   └──disputed──┐    │
//!                          │                ▼    │
//!                          │             Disputed ─settle / fail─▶ (ended)
//!                          └─fail─▶ (ended: solver slashed, submitter refunded)
//! ```
//!
//! The task pool itself handles everything before `Training` ends (submission, draw,
//! acceptance, deadlines, cancellation).

use crate::{roles::TaskId, spec::TaskSpec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Where a live task stands. Ended tasks (settled, failed, cancelled, expired) are removed from
/// the chain's state; their outcome is in the events.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TaskPhase {
	/// Waiting for a solver to be drawn.
	#[codec(index = 0)]
	Open,
	/// A solver was drawn and has until its accept deadline to accept or decline.
	#[codec(index = 1)]
	Assigned,
	/// The solver accepted (its collateral is locked) and trains until its commit deadline.
	#[codec(index = 2)]
	Training,
	/// The solver committed its checkpoints; verifiers replay sampled segments.
	#[codec(index = 3)]
	Verifying,
	/// The verifiers passed it; the challenge window is open.
	#[codec(index = 4)]
	Verified,
	/// A verdict is disputed.
	#[codec(index = 5)]
	Disputed,
}

/// What a judging pallet needs to know of a task.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TaskSummary<AccountId> {
	/// Who submitted and pays for it.
	pub submitter: AccountId,
	/// The solver it is assigned to, from [`TaskPhase::Assigned`] on.
	pub solver: Option<AccountId>,
	/// Where it stands.
	pub phase: TaskPhase,
	/// What to train and how to verify it.
	pub spec: TaskSpec,
}

/// Why a [`TaskLifecycle`] step was refused. A judging pallet maps each to its own `Error`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LifecycleError {
	/// No live task has this id.
	#[codec(index = 0)]
	UnknownTask,
	/// The task is not in a phase this step applies to.
	#[codec(index = 1)]
	WrongPhase,
	/// The account is not the task's solver.
	#[codec(index = 2)]
	NotTheSolver,
}

/// The task pool, as the pallets that judge training see it.
///
/// Every step checks the task's phase and refuses a step that does not apply with
/// [`LifecycleError::WrongPhase`], moving nothing.
pub trait TaskLifecycle<AccountId> {
	/// What the judging pallets need of a live task, or `None` if there is none with this id.
	fn summary(task: TaskId) -> Option<TaskSummary<AccountId>>;

	/// The solver committed its checkpoints: [`TaskPhase::Training`] → [`TaskPhase::Verifying`].
	/// Refused with [`LifecycleError::NotTheSolver`] unless `solver` is the task's solver.
	fn committed(task: TaskId, solver: &AccountId) -> Result<(), LifecycleError>;

	/// Every sampled segment reproduced (or every dispute went the solver's way):
	/// [`TaskPhase::Verifying`] or [`TaskPhase::Disputed`] → [`TaskPhase::Verified`].
	fn verified(task: TaskId) -> Result<(), LifecycleError>;

	/// A verdict was challenged: [`TaskPhase::Verifying`], [`TaskPhase::Verified`] or (a
	/// further dispute) [`TaskPhase::Disputed`] → [`TaskPhase::Disputed`].
	fn disputed(task: TaskId) -> Result<(), LifecycleError>;

	/// The training stands ([`TaskPhase::Verified`] or [`TaskPhase::Disputed`]): the solver
	/// gets the reward (less the jackpot tax) and its collateral back, each of `paid_verifiers` one verifier fee (or,
	/// when they are more than the policy's verifiers, an equal share of the fees escrowed for
	/// those), the submitter the rest, and the task ends.
	fn settle(task: TaskId, paid_verifiers: &[AccountId]) -> Result<(), LifecycleError>;

	/// The training is wrong ([`TaskPhase::Verifying`], [`TaskPhase::Verified`] or
	/// [`TaskPhase::Disputed`]): the solver's collateral is slashed (a share to `finder`, who
	/// proved it) and each of `paid_verifiers` gets one verifier fee for the checking they did
	/// (shared as in [`Self::settle`]).
	/// Then the task either goes back to the draw for another solver (it has time and attempts
	/// left, and the submitter's escrow is made whole again), or ends with the reward and the
	/// other fees back to the submitter.
	fn fail(
		task: TaskId,
		finder: Option<&AccountId>,
		paid_verifiers: &[AccountId],
	) -> Result<(), LifecycleError>;

	/// The training could not be judged, through nobody's proven fault (no verifier or juror
	/// could be found in time) ([`TaskPhase::Verifying`], [`TaskPhase::Verified`] or
	/// [`TaskPhase::Disputed`]): the submitter gets everything back, the solver its collateral
	/// (no reward, no slash, no reputation change), and the task ends.
	fn abandon(task: TaskId) -> Result<(), LifecycleError>;

	/// A forced error in `task`, forced with odds `odds_ppb` per billion, was found by
	/// `finders`: they share what the jackpot holds, up to the cap per forced error and to
	/// half the tax `task`'s solver would pay divided by the odds (so that what forced errors
	/// pay out never exceeds half what their solvers pay in). Returns the total paid.
	fn pay_jackpot(task: TaskId, finders: &[AccountId], odds_ppb: u32) -> u128;
}
