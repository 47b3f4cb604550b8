//! The staked roles ([`Role`]) and the capability the Assay pallets need from role staking
//! ([`RoleStaking`]).
//!
//! `pallet-role-staking` implements [`RoleStaking`]; the pallets that hand out work and punish
//! bad work (task-pool, proof-of-learning, dispute) take it as an associated type of their
//! `Config` and never read role-staking's storage. Their test runtimes use the real
//! `pallet-role-staking`, so that slashes, holds and issuance are checked end to end.
//!
//! The trait lives here, not in a pallet, so that a consumer pallet depends on this small crate
//! only, and so that its failures ([`StakingError`]) are plain data the consumer maps to its own
//! `Error` variants.

use crate::spec::HardwareClass;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The identifier of a task, assigned by the task pool.
pub type TaskId = u64;

/// A role one bonds for. One account may hold several roles, each with its own bond.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Role {
	/// Trains assigned tasks off-chain and commits to its checkpoints; declares its hardware.
	#[codec(index = 0)]
	Solver,
	/// Replays sampled segments of a solver's training and reveals verdicts.
	#[codec(index = 1)]
	Verifier,
	/// Re-checks verdicts and opens disputes.
	#[codec(index = 2)]
	Whistleblower,
}

impl Role {
	/// Every role, in encoding order.
	pub const ALL: [Role; 3] = [Role::Solver, Role::Verifier, Role::Whistleblower];
}

/// Why a [`RoleStaking`] operation was refused. A consumer pallet maps each to its own `Error`
/// variant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum StakingError {
	/// The account has no active bond for the role: none at all, chilled, unbonding, or below
	/// the role's minimum.
	#[codec(index = 0)]
	NotActive,
	/// The role bond's free stake (bond minus locked collateral) is less than asked for.
	#[codec(index = 1)]
	InsufficientFreeStake,
	/// Collateral for this task is already locked in this role bond.
	#[codec(index = 2)]
	CollateralAlreadyLocked,
	/// No collateral is locked for this task in this role bond. No function of
	/// [`RoleStaking`] returns it ([`RoleStaking::release_collateral`] returns zero instead); it
	/// is for consumers that require collateral to be there.
	#[codec(index = 3)]
	NoCollateral,
	/// Fewer eligible members than asked for.
	#[codec(index = 4)]
	NotEnoughCandidates,
}

/// Role staking, as the Assay pallets that assign and judge work see it.
///
/// Every function names the `(account, role)` bond it acts on: one account may hold several
/// roles, and the bonds never mix.
pub trait RoleStaking<AccountId> {
	/// The unit of stake.
	type Balance;

	/// Whether `who` may take new work as `role`: bonded at or above the role's minimum, not
	/// unbonding and not chilled.
	fn is_active(who: &AccountId, role: Role) -> bool;

	/// The part of `who`'s `role` bond not locked as collateral (zero without a bond).
	fn free_stake(who: &AccountId, role: Role) -> Self::Balance;

	/// Locks `amount` of `who`'s free `role` stake as collateral for `task`.
	///
	/// Refused with [`StakingError::NotActive`] unless [`is_active`](Self::is_active),
	/// [`StakingError::InsufficientFreeStake`] above [`free_stake`](Self::free_stake), and
	/// [`StakingError::CollateralAlreadyLocked`] if `task` already has collateral in this bond.
	fn lock_collateral(
		who: &AccountId,
		role: Role,
		task: TaskId,
		amount: Self::Balance,
	) -> Result<(), StakingError>;

	/// Unlocks all collateral of `who`'s `role` bond for `task` and returns it (zero if there
	/// was none). The stake stays bonded.
	fn release_collateral(who: &AccountId, role: Role, task: TaskId) -> Self::Balance;

	/// Slashes up to `amount` of `who`'s `role` bond: first from `task`'s collateral (when
	/// given), then from the bond's free stake. Of what was slashed, the implementation's reward
	/// share goes to `beneficiary` (when given) and the rest to its treasury. Returns the amount
	/// actually slashed.
	fn slash(
		who: &AccountId,
		role: Role,
		task: Option<TaskId>,
		amount: Self::Balance,
		beneficiary: Option<&AccountId>,
	) -> Self::Balance;

	/// Raises `who`'s `role` reputation one step (for work found correct).
	fn reward_reputation(who: &AccountId, role: Role);

	/// Lowers `who`'s `role` reputation one step (for work found wrong or missing).
	fn penalize_reputation(who: &AccountId, role: Role);

	/// The collateral of `who`'s `role` bond locked for `task` (zero if none).
	fn collateral(who: &AccountId, role: Role, task: TaskId) -> Self::Balance;

	/// Draws `count` distinct active `role` members, weighted by free stake scaled by
	/// reputation, none of them in `exclude`, each with at least `min_free_stake` free (so that
	/// whoever is drawn can lock the collateral the work needs), and (when `hardware` is given)
	/// only solvers whose declared hardware [satisfies](HardwareClass::satisfies) it. The same
	/// state and `seed` give the same draw. Refused with [`StakingError::NotEnoughCandidates`]
	/// if fewer than `count` members are eligible.
	fn select(
		role: Role,
		count: u32,
		exclude: &[AccountId],
		hardware: Option<&HardwareClass>,
		min_free_stake: Self::Balance,
		seed: [u8; 32],
	) -> Result<Vec<AccountId>, StakingError>;

	/// Like [`select`](Self::select), but draws as many eligible members as there are, up to
	/// `count`, instead of refusing when there are fewer: `min(count, eligible)` members, in one
	/// pass over the members. With `busy_with`, members that already have collateral locked for
	/// that task are not eligible either (a task's verifiers cannot sit on its jury). Empty if
	/// nobody is eligible.
	fn select_up_to(
		role: Role,
		count: u32,
		exclude: &[AccountId],
		busy_with: Option<TaskId>,
		min_free_stake: Self::Balance,
		seed: [u8; 32],
	) -> Vec<AccountId>;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn role_encoding_is_stable() {
		assert_eq!(Role::Solver.encode(), vec![0]);
		assert_eq!(Role::Verifier.encode(), vec![1]);
		assert_eq!(Role::Whistleblower.encode(), vec![2]);
		assert_eq!(Role::decode(&mut &[2u8][..]), Ok(Role::Whistleblower));
		assert!(Role::decode(&mut &[3u8][..]).is_err());
		assert_eq!(Role::max_encoded_len(), 1);
		assert_eq!(Role::ALL.map(|r| r.encode()[0]), [0, 1, 2]);
	}

	#[cfg(feature = "serde")]
	#[test]
	fn serde_is_derived() {
		fn assert_serde<T: serde::Serialize + for<'de> serde::Deserialize<'de>>() {}
		assert_serde::<Role>();
		assert_serde::<StakingError>();
	}

	#[test]
	fn staking_error_encoding_is_stable() {
		let all = [
			StakingError::NotActive,
			StakingError::InsufficientFreeStake,
			StakingError::CollateralAlreadyLocked,
			StakingError::NoCollateral,
			StakingError::NotEnoughCandidates,
		];
		for (i, e) in all.iter().enumerate() {
			assert_eq!(e.encode(), vec![i as u8]);
		}
	}
}
