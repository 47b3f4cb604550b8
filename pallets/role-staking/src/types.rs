//! Miscellaneous additional datatypes.

use crate::Config;
use assay_primitives::HardwareClass;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::fungible::Inspect;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A [`RoleBond`] as stored for runtime `T`.
pub type RoleBondOf<T> = RoleBond<BalanceOf<T>, BlockNumberFor<T>>;

/// A role bond made at genesis: `(account, role, amount, hardware)`.
pub type GenesisBond<T> = (
	<T as frame_system::Config>::AccountId,
	assay_primitives::Role,
	BalanceOf<T>,
	Option<HardwareClass>,
);

/// A reputation score in millionths: [`REPUTATION_ONE`] is 1.0, the score every new bond starts
/// with (clamped into `[MinReputation, MaxReputation]`).
pub type Reputation = u32;

/// The reputation score meaning 1.0: a member drawn with exactly its free stake as weight.
pub const REPUTATION_ONE: Reputation = 1_000_000;

/// Where a role bond stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum BondStatus<BlockNumber> {
	/// In the draw for new work (a member of [`Members`](crate::Members)), at or above the
	/// role's minimum bond.
	#[codec(index = 0)]
	Active,
	/// Bonded but out of the draw: the owner [chilled](crate::Call::chill), or a slash left the
	/// bond below the role's minimum. Still slashable; back in with
	/// [`rejoin`](crate::Call::rejoin).
	#[codec(index = 1)]
	Chilled,
	/// Leaving: out of the draw and still slashable until block `until`, after which
	/// [`withdraw_unbonded`](crate::Call::withdraw_unbonded) releases the stake.
	#[codec(index = 2)]
	Unbonding {
		/// The first block at which the stake may be withdrawn.
		until: BlockNumber,
	},
}

/// One account's bond for one role.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct RoleBond<Balance, BlockNumber> {
	/// The stake, all of it held from the owner under
	/// [`HoldReason::RoleBond`](crate::HoldReason::RoleBond).
	pub amount: Balance,
	/// The part of `amount` locked as collateral for tasks: the sum of the owner's
	/// [`Collateral`](crate::Collateral) entries for this role. Never more than `amount`.
	pub locked: Balance,
	/// Where the bond stands.
	pub status: BondStatus<BlockNumber>,
	/// The declared hardware: `Some` for a solver, `None` for the other roles.
	pub hardware: Option<HardwareClass>,
	/// Reputation in millionths ([`REPUTATION_ONE`] = 1.0), within
	/// `[MinReputation, MaxReputation]`.
	pub reputation: Reputation,
}

impl<Balance, BlockNumber> RoleBond<Balance, BlockNumber>
where
	Balance: sp_runtime::traits::Saturating + Copy,
{
	/// The stake not locked as collateral.
	pub fn free(&self) -> Balance {
		self.amount.saturating_sub(self.locked)
	}

	/// Whether the bond is [`BondStatus::Active`].
	pub fn is_active(&self) -> bool {
		matches!(self.status, BondStatus::Active)
	}

	/// Whether the bond is [`BondStatus::Unbonding`].
	pub fn is_unbonding(&self) -> bool {
		matches!(self.status, BondStatus::Unbonding { .. })
	}
}
