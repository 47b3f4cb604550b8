//! How proof of learning and the dispute pallet hand a contested segment to each other.
//!
//! - [`DisputeOpener`], implemented by the dispute pallet: proof of learning opens a dispute
//!   when revealed verdicts on a segment conflict.
//! - [`VerificationDisputes`], implemented by proof of learning: the dispute pallet checks that
//!   a whistleblower's challenge is in time, tells proof of learning a task is challenged, and
//!   reports who was right.

use crate::roles::TaskId;
use alloc::vec::Vec;
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

/// Opens disputes (the dispute pallet).
pub trait DisputeOpener<AccountId> {
	/// Opens a dispute over `segment` of `task`: `challenger` holds that the solver's
	/// checkpoint `h_{segment+1}` is not what replaying the segment from `h_segment` gives;
	/// `defender` (the solver) holds that it is.
	fn open(
		task: TaskId,
		segment: u32,
		challenger: &AccountId,
		defender: &AccountId,
	) -> Result<(), DisputeError>;
}

/// A task whose verification can be challenged, as the dispute pallet sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Challengeable<AccountId> {
	/// The solver, who defends its training.
	pub solver: AccountId,
	/// The sampled segments (a challenge names one of them).
	pub segments: Vec<u32>,
}

/// Proof of learning, as the dispute pallet sees it.
pub trait VerificationDisputes<AccountId> {
	/// The task's solver and sampled segments if its challenge window is open, else `None`.
	fn challengeable(task: TaskId) -> Option<Challengeable<AccountId>>;

	/// A challenge was accepted: the task waits for the dispute's outcome instead of settling.
	fn challenged(task: TaskId) -> Result<(), DisputeError>;

	/// The dispute over `task` ended. `solver_was_right`: the segment reproduces, so verifiers
	/// that reported it failing were wrong; otherwise the solver's training is wrong and
	/// verifiers that passed the segment were.
	fn resolved(task: TaskId, segment: u32, solver_was_right: bool) -> Result<(), DisputeError>;
}
