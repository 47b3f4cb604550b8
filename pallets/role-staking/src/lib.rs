//! # Role staking pallet
//!
//! Bonds for Assay's staked roles, [`Role::Solver`], [`Role::Verifier`] and
//! [`Role::Whistleblower`]: who may be drawn for work, how much they stand to lose, and how the
//! pallets that hand out and judge work lock, release and slash that stake.
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Event`], [`Error`]
//! - the [`RoleStaking`] implementation for [`Pallet`], used by task-pool, proof-of-learning and
//!   dispute
//!
//! ## Key Terms
//!
//! - **Role bond**: an account's stake for one role ([`RoleBond`], stored in [`Bonds`]), held
//!   from its balance under [`HoldReason::RoleBond`]. One account may hold several roles, each
//!   with its own bond; they never mix.
//! - **Minimum bond**: the least a role bond may start with or stay active at
//!   ([`Config::MinSolverBond`], [`Config::MinVerifierBond`], [`Config::MinWhistleblowerBond`]).
//! - **Active**: bonded at or above the minimum, not chilled and not unbonding
//!   ([`BondStatus::Active`]). Only active members are in [`Members`], and only they are drawn
//!   or can lock collateral for new work.
//! - **Chilled**: bonded but out of the draw ([`BondStatus::Chilled`]), by
//!   [`Call::chill`] or because a slash left the bond below the minimum. Back in with
//!   [`Call::rejoin`].
//! - **Unbonding**: leaving ([`BondStatus::Unbonding`]); started by [`Call::unbond`], still
//!   slashable for [`Config::UnbondingPeriod`] blocks, then [`Call::withdraw_unbonded`].
//! - **Collateral**: part of a role bond locked for one task ([`Collateral`]); a bond's
//!   **free stake** is its amount minus its locked collateral.
//! - **Hardware**: the [`HardwareClass`] a solver declares with its bond ([`Call::bond`],
//!   [`Call::set_hardware`]); a draw for a task only considers solvers whose hardware
//!   [satisfies](HardwareClass::satisfies) the task's.
//! - **Reputation**: a score in millionths ([`REPUTATION_ONE`] = 1.0) per role bond, moved by
//!   the judging pallets and scaling the bond's weight in the draw.
//!
//! ## Usage
//!
//! ### A solver joins with its hardware
//!
//! [`Call::bond`] with `role = Solver`, at least [`Config::MinSolverBond`] and
//! `hardware = Some(HardwareClass { device: Gpu, memory_gib: 24 })`. The stake is held (still in
//! the account's total balance, no longer transferable), the solver enters the draw, and
//! [`Event::Bonded`] is emitted. [`Call::bond_extra`] adds stake (more weight in the draw);
//! [`Call::set_hardware`] declares an upgrade.
//!
//! ### A verifier or whistleblower joins
//!
//! [`Call::bond`] with its role and `hardware = None` (hardware is a solver's declaration only;
//! giving it for another role is refused with [`Error::HardwareNotApplicable`]).
//!
//! ### Taking a break
//!
//! [`Call::chill`] leaves the draw at once and keeps the bond (and its reputation); no new work
//! is assigned, work already taken continues. [`Call::rejoin`] comes back, if the bond still
//! meets the minimum. A member slashed below the minimum is chilled automatically and comes back
//! with [`Call::bond_extra`] then [`Call::rejoin`].
//!
//! ### Leaving
//!
//! [`Call::unbond`] (refused with [`Error::CollateralLocked`] while any task holds collateral)
//! leaves the draw and starts the [`Config::UnbondingPeriod`], during which the bond can still
//! be slashed for work already done. From block `until` on, [`Call::withdraw_unbonded`]
//! releases what is left and removes the bond.
//!
//! ### A consumer pallet assigns, locks, judges and pays (task-pool, proof-of-learning, dispute)
//!
//! Through the [`RoleStaking`] trait only:
//! [`select`](RoleStaking::select) draws `k` distinct active members of a role, weighted by
//! free stake × reputation, excluding given accounts and, for solvers, filtering by hardware,
//! from a seed the caller takes from the randomness beacon;
//! [`lock_collateral`](RoleStaking::lock_collateral) locks part of a member's free stake for a
//! task; at settlement
//! [`release_collateral`](RoleStaking::release_collateral) unlocks it and
//! [`reward_reputation`](RoleStaking::reward_reputation) /
//! [`penalize_reputation`](RoleStaking::penalize_reputation) move reputation; on proven bad
//! work [`slash`](RoleStaking::slash) takes from the task's collateral first, then from the
//! free stake, and pays [`Config::SlashRewardShare`] to the one who proved it and the rest to
//! [`Config::TreasuryAccount`].
//!
//! ## Implementor's Guide
//!
//! In the runtime:
//!
//! ```ignore
//! impl pallet_role_staking::Config for Runtime {
//!     type Currency = Balances;
//!     type RuntimeHoldReason = RuntimeHoldReason;
//!     type MinSolverBond = ConstU128<{ 100 * ASY }>;
//!     type MinVerifierBond = ConstU128<{ 50 * ASY }>;
//!     type MinWhistleblowerBond = ConstU128<{ 50 * ASY }>;
//!     type UnbondingPeriod = ConstU32<{ 7 * DAYS }>;
//!     type SlashRewardShare = SlashRewardShare; // e.g. Perbill::from_percent(50)
//!     type TreasuryAccount = TreasuryAccount;   // an endowed account
//!     type MaxMembersPerRole = ConstU32<1_000>;
//!     type MinReputation = ConstU32<0>;
//!     type MaxReputation = ConstU32<2_000_000>;
//!     type ReputationReward = ConstU32<10_000>;
//!     type ReputationPenalty = ConstU32<100_000>;
//!     type WeightInfo = pallet_role_staking::weights::SubstrateWeight<Runtime>;
//! }
//! // and in the consumer pallets' configs:
//! type RoleStaking = RoleStaking; // the pallet, as named in the runtime
//! ```
//!
//! A consumer pallet declares `type RoleStaking: RoleStaking<Self::AccountId, Balance =
//! BalanceOf<Self>>` in its `Config` and maps [`StakingError`] to its own errors; its mock
//! implements the trait over statics. The trait functions do no weight accounting of their
//! own: a consumer's benchmarks, run against this pallet in the runtime, include them.
//! [`RoleStaking::select`] reads [`Members`] and one [`Bonds`] entry per member, so its cost is
//! bounded by [`Config::MaxMembersPerRole`].
//!
//! [`Members`] is a `BoundedVec` of `MaxMembersPerRole`: lowering that bound below the current
//! length of a list needs a migration (an over-long list no longer decodes).
//!
//! The treasury account should exist (hold at least the existential deposit): a treasury share
//! below the existential deposit that cannot be paid to it is burned.
//!
//! ## Design
//!
//! - **Holds, one reason.** All of an account's role bonds are held under the single
//!   [`HoldReason::RoleBond`]; the per-role split is this pallet's bookkeeping, checked against
//!   the held balance by `Pallet::do_try_state` (built for try-runtime and tests). Collateral
//!   is bookkeeping inside a bond, not a second hold.
//! - **Whole-bond unbonding.** [`Call::unbond`] unbonds the whole role bond; there is no partial
//!   unbonding (one role bond, one status). To lower a bond, unbond and bond again.
//! - **Explicit status changes.** Money calls ([`Call::bond_extra`]) never change status; only
//!   [`Call::chill`], [`Call::rejoin`] and [`Call::unbond`] (and a slash below the minimum,
//!   which chills) do.
//! - **Bounded draw.** [`Members`] holds at most [`Config::MaxMembersPerRole`] active members
//!   per role, so a draw is `O(k × MaxMembersPerRole)` `u128` operations
//!   ([`selection::draw`]); a bond or rejoin that would overflow it is refused
//!   ([`Error::TooManyMembers`]).
//! - **Draw weight** is `free stake × reputation / REPUTATION_ONE` in `u128`; members of weight
//!   zero (everything locked, or zero reputation) are not eligible. A draw given a hardware
//!   requirement only considers bonds that declare hardware satisfying it, i.e. solvers.
//! - **Slashing order.** A slash takes from the named task's collateral first, then from the
//!   bond's free stake, and never from collateral locked for other tasks (it backs their own
//!   outcome). It moves held funds out with [`fungible::BalancedHold::slash`] and pays the
//!   credit to the beneficiary and treasury, so total issuance is unchanged. The beneficiary's
//!   share is rounded down; rounding dust goes to the treasury. A beneficiary equal to the
//!   slashed account gets nothing (its share goes to the treasury).
//! - **Reputation** starts at [`REPUTATION_ONE`] (clamped into `[MinReputation, MaxReputation]`)
//!   with every new bond and moves by fixed steps; it lives in the bond and goes with it at
//!   withdrawal (a fresh account would start at 1.0 anyway).
//! - **One bond per role at a time.** Bonding again for a role while a bond of that role exists,
//!   even unbonding, is refused ([`Error::AlreadyBonded`]); withdraw first.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic))]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod selection;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use assay_primitives::{HardwareClass, Role, RoleStaking, StakingError, TaskId};
pub use types::{
	BalanceOf, BondStatus, GenesisBond, Reputation, RoleBond, RoleBondOf, REPUTATION_ONE,
};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::ensure;
use frame_support::traits::{
	fungible::{self, Balanced, InspectHold, MutateHold},
	tokens::{Imbalance, Precision},
	Defensive, Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, Saturating, UniqueSaturatedInto, Zero},
	ArithmeticError, DispatchResult, Rounding,
};

const LOG_TARGET: &str = "runtime::role-staking";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::{DispatchResult, Perbill};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// A reason for this pallet placing a hold on funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The account's role bonds, all roles together.
		#[codec(index = 0)]
		RoleBond,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency role bonds are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The least a solver bond may start with or stay active at.
		#[pallet::constant]
		type MinSolverBond: Get<BalanceOf<Self>>;

		/// The least a verifier bond may start with or stay active at.
		#[pallet::constant]
		type MinVerifierBond: Get<BalanceOf<Self>>;

		/// The least a whistleblower bond may start with or stay active at.
		#[pallet::constant]
		type MinWhistleblowerBond: Get<BalanceOf<Self>>;

		/// Blocks from [`Call::unbond`] until the stake can be withdrawn; the bond stays
		/// slashable meanwhile.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The share of a slash paid to its beneficiary (the one who proved the fault); the rest
		/// goes to [`Config::TreasuryAccount`].
		#[pallet::constant]
		type SlashRewardShare: Get<Perbill>;

		/// Where slashes go that are not the beneficiary's. Should exist (be endowed).
		#[pallet::constant]
		type TreasuryAccount: Get<Self::AccountId>;

		/// The most active members of one role; bounds the work of a draw.
		#[pallet::constant]
		type MaxMembersPerRole: Get<u32>;

		/// The lowest reputation score (millionths).
		#[pallet::constant]
		type MinReputation: Get<Reputation>;

		/// The highest reputation score (millionths).
		#[pallet::constant]
		type MaxReputation: Get<Reputation>;

		/// The reputation gained per [`RoleStaking::reward_reputation`] (millionths).
		#[pallet::constant]
		type ReputationReward: Get<Reputation>;

		/// The reputation lost per [`RoleStaking::penalize_reputation`] (millionths).
		#[pallet::constant]
		type ReputationPenalty: Get<Reputation>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The role bonds: account → role → bond.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		Role,
		RoleBondOf<T>,
		OptionQuery,
	>;

	/// The active members of each role, in the order they became active: the draw's candidates.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<
		_,
		Twox64Concat,
		Role,
		BoundedVec<T::AccountId, T::MaxMembersPerRole>,
		ValueQuery,
	>;

	/// Collateral locked in role bonds: (account, role) → task → amount (never zero).
	#[pallet::storage]
	pub type Collateral<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(T::AccountId, Role),
		Twox64Concat,
		TaskId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// Role bonds made at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, role, amount, hardware)`, each bonded as by [`Call::bond`] from the
		/// account's genesis balance.
		pub bonds: Vec<GenesisBond<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// Halting is right here: a chain spec with an impossible bond is a bug.
		#[allow(clippy::panic)]
		fn build(&self) {
			for (who, role, amount, hardware) in &self.bonds {
				if let Err(e) = Pallet::<T>::do_bond(who, *role, *amount, *hardware) {
					panic!("genesis role bond {who:?} {role:?} {amount:?} refused: {e:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account bonded for a role and joined its draw.
		Bonded {
			/// The bonding account.
			who: T::AccountId,
			/// The role bonded for.
			role: Role,
			/// The stake now held.
			amount: BalanceOf<T>,
			/// The declared hardware (solvers only).
			hardware: Option<HardwareClass>,
		},
		/// An account added to a role bond.
		BondedExtra {
			/// The bonding account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
			/// The stake added.
			extra: BalanceOf<T>,
			/// The bond now.
			total: BalanceOf<T>,
		},
		/// An account started unbonding a role bond.
		Unbonded {
			/// The unbonding account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
			/// The bond, still held and slashable.
			amount: BalanceOf<T>,
			/// The first block at which it can be withdrawn.
			until: BlockNumberFor<T>,
		},
		/// An account withdrew an unbonded role bond.
		Withdrawn {
			/// The withdrawing account.
			who: T::AccountId,
			/// The role of the bond, now removed.
			role: Role,
			/// The stake released.
			amount: BalanceOf<T>,
		},
		/// A role bond left the draw, keeping its stake.
		Chilled {
			/// The bond's account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
		},
		/// A chilled role bond came back into the draw.
		Rejoined {
			/// The bond's account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
		},
		/// A solver declared its hardware.
		HardwareSet {
			/// The solver.
			who: T::AccountId,
			/// The hardware declared.
			hardware: HardwareClass,
		},
		/// Part of a role bond was locked as collateral for a task.
		CollateralLocked {
			/// The bond's account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
			/// The task the collateral backs.
			task: TaskId,
			/// The collateral.
			amount: BalanceOf<T>,
		},
		/// A task's collateral in a role bond was unlocked.
		CollateralReleased {
			/// The bond's account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
			/// The task the collateral backed.
			task: TaskId,
			/// The collateral unlocked.
			amount: BalanceOf<T>,
		},
		/// A role bond was slashed; `reward` went to `beneficiary`, the rest to the treasury.
		Slashed {
			/// The slashed account.
			who: T::AccountId,
			/// The role of the slashed bond.
			role: Role,
			/// The task whose collateral was slashed first, if any.
			task: Option<TaskId>,
			/// The amount slashed.
			amount: BalanceOf<T>,
			/// Who was to receive the reward share, if anyone.
			beneficiary: Option<T::AccountId>,
			/// What the beneficiary received.
			reward: BalanceOf<T>,
		},
		/// A role bond's reputation changed.
		ReputationChanged {
			/// The bond's account.
			who: T::AccountId,
			/// The role of the bond.
			role: Role,
			/// The new reputation (millionths).
			reputation: Reputation,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account already has a bond for this role (possibly unbonding).
		AlreadyBonded,
		/// The account has no bond for this role.
		NotBonded,
		/// The bond would be below the role's minimum.
		BelowMinimumBond,
		/// The account's free balance cannot cover the amount (keeping the existential deposit).
		InsufficientBalance,
		/// The amount is zero.
		ZeroAmount,
		/// A solver bond needs a declared hardware class.
		HardwareRequired,
		/// Only solvers declare hardware.
		HardwareNotApplicable,
		/// The role already has `MaxMembersPerRole` active members.
		TooManyMembers,
		/// The bond is unbonding: it takes no new work and no change but withdrawal.
		IsUnbonding,
		/// The bond is not unbonding.
		NotUnbonding,
		/// The unbonding period has not ended.
		StillUnbonding,
		/// Collateral is locked in the bond for unfinished tasks.
		CollateralLocked,
		/// The bond is already chilled.
		AlreadyChilled,
		/// The bond is not chilled.
		NotChilled,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMembersPerRole::get() > 0, "MaxMembersPerRole must be positive");
			assert!(
				T::MinReputation::get() <= T::MaxReputation::get(),
				"MinReputation must not exceed MaxReputation"
			);
			for role in Role::ALL {
				assert!(!Pallet::<T>::min_bond(role).is_zero(), "minimum bonds must be positive");
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bonds `amount` (at least the role's minimum) for `role` from the caller's free
		/// balance and joins the role's draw. A solver declares its `hardware`; other roles
		/// pass `None`.
		///
		/// Emits [`Event::Bonded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(
			origin: OriginFor<T>,
			role: Role,
			#[pallet::compact] amount: BalanceOf<T>,
			hardware: Option<HardwareClass>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond(&who, role, amount, hardware)
		}

		/// Adds `extra` to the caller's `role` bond. Does not change its status: a chilled bond
		/// stays chilled until [`Call::rejoin`].
		///
		/// Emits [`Event::BondedExtra`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(
			origin: OriginFor<T>,
			role: Role,
			#[pallet::compact] extra: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond_extra(&who, role, extra)
		}

		/// Starts unbonding the caller's whole `role` bond: it leaves the draw now and can be
		/// withdrawn after [`Config::UnbondingPeriod`]. Refused while collateral is locked.
		///
		/// Emits [`Event::Unbonded`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(&who, role)
		}

		/// Releases the caller's unbonded `role` stake once the unbonding period has ended, and
		/// removes the bond.
		///
		/// Emits [`Event::Withdrawn`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(&who, role)
		}

		/// Takes the caller's `role` bond out of the draw, keeping it bonded.
		///
		/// Emits [`Event::Chilled`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::chill())]
		pub fn chill(origin: OriginFor<T>, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_chill(&who, role)
		}

		/// Brings the caller's chilled `role` bond back into the draw; it must meet the role's
		/// minimum.
		///
		/// Emits [`Event::Rejoined`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::rejoin())]
		pub fn rejoin(origin: OriginFor<T>, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rejoin(&who, role)
		}

		/// Declares the caller's solver hardware, replacing the one declared before.
		///
		/// Emits [`Event::HardwareSet`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_hardware())]
		pub fn set_hardware(origin: OriginFor<T>, hardware: HardwareClass) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_hardware(&who, hardware)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The least a `role` bond may start with or stay active at.
	pub fn min_bond(role: Role) -> BalanceOf<T> {
		match role {
			Role::Solver => T::MinSolverBond::get(),
			Role::Verifier => T::MinVerifierBond::get(),
			Role::Whistleblower => T::MinWhistleblowerBond::get(),
		}
	}

	/// Whether `bond` may take new work for `role`: active and at or above the role's minimum.
	/// The one eligibility rule behind [`RoleStaking::is_active`], collateral locks and the draw.
	pub fn is_eligible(bond: &RoleBondOf<T>, role: Role) -> bool {
		bond.is_active() && bond.amount >= Self::min_bond(role)
	}

	/// The reputation a new bond starts with: 1.0, clamped into the configured bounds.
	pub fn initial_reputation() -> Reputation {
		REPUTATION_ONE
			.clamp(T::MinReputation::get(), T::MaxReputation::get().max(T::MinReputation::get()))
	}

	fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::RoleBond.into()
	}

	fn ensure_hardware_fits(role: Role, hardware: &Option<HardwareClass>) -> DispatchResult {
		match (role, hardware) {
			(Role::Solver, None) => Err(Error::<T>::HardwareRequired.into()),
			(Role::Verifier | Role::Whistleblower, Some(_)) => {
				Err(Error::<T>::HardwareNotApplicable.into())
			},
			_ => Ok(()),
		}
	}

	fn ensure_can_hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(
			T::Currency::can_hold(&Self::hold_reason(), who, amount),
			Error::<T>::InsufficientBalance
		);
		Ok(())
	}

	/// Removes `who` from the `role` draw (a no-op if absent).
	fn remove_member(role: Role, who: &T::AccountId) {
		Members::<T>::mutate(role, |members| members.retain(|m| m != who));
	}

	/// Bonds `amount` for `role` from `who`'s free balance. See [`Call::bond`].
	pub fn do_bond(
		who: &T::AccountId,
		role: Role,
		amount: BalanceOf<T>,
		hardware: Option<HardwareClass>,
	) -> DispatchResult {
		ensure!(!Bonds::<T>::contains_key(who, role), Error::<T>::AlreadyBonded);
		ensure!(amount >= Self::min_bond(role), Error::<T>::BelowMinimumBond);
		Self::ensure_hardware_fits(role, &hardware)?;
		let mut members = Members::<T>::get(role);
		members.try_push(who.clone()).map_err(|_| Error::<T>::TooManyMembers)?;
		Self::ensure_can_hold(who, amount)?;

		// Now that we know everything has worked, move the funds and write to storage.
		T::Currency::hold(&Self::hold_reason(), who, amount)?;
		Bonds::<T>::insert(
			who,
			role,
			RoleBond {
				amount,
				locked: Zero::zero(),
				status: BondStatus::Active,
				hardware,
				reputation: Self::initial_reputation(),
			},
		);
		Members::<T>::insert(role, members);
		Self::deposit_event(Event::Bonded { who: who.clone(), role, amount, hardware });
		Ok(())
	}

	/// Adds `extra` to `who`'s `role` bond. See [`Call::bond_extra`].
	pub fn do_bond_extra(who: &T::AccountId, role: Role, extra: BalanceOf<T>) -> DispatchResult {
		let mut bond = Bonds::<T>::get(who, role).ok_or(Error::<T>::NotBonded)?;
		ensure!(!bond.is_unbonding(), Error::<T>::IsUnbonding);
		ensure!(!extra.is_zero(), Error::<T>::ZeroAmount);
		let total = bond.amount.checked_add(&extra).ok_or(ArithmeticError::Overflow)?;
		Self::ensure_can_hold(who, extra)?;

		T::Currency::hold(&Self::hold_reason(), who, extra)?;
		bond.amount = total;
		Bonds::<T>::insert(who, role, bond);
		Self::deposit_event(Event::BondedExtra { who: who.clone(), role, extra, total });
		Ok(())
	}

	/// Starts unbonding `who`'s `role` bond. See [`Call::unbond`].
	pub fn do_unbond(who: &T::AccountId, role: Role) -> DispatchResult {
		let mut bond = Bonds::<T>::get(who, role).ok_or(Error::<T>::NotBonded)?;
		ensure!(!bond.is_unbonding(), Error::<T>::IsUnbonding);
		ensure!(bond.locked.is_zero(), Error::<T>::CollateralLocked);

		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		if bond.is_active() {
			Self::remove_member(role, who);
		}
		bond.status = BondStatus::Unbonding { until };
		let amount = bond.amount;
		Bonds::<T>::insert(who, role, bond);
		Self::deposit_event(Event::Unbonded { who: who.clone(), role, amount, until });
		Ok(())
	}

	/// Releases `who`'s unbonded `role` stake and removes the bond. See
	/// [`Call::withdraw_unbonded`].
	pub fn do_withdraw_unbonded(who: &T::AccountId, role: Role) -> DispatchResult {
		let bond = Bonds::<T>::get(who, role).ok_or(Error::<T>::NotBonded)?;
		let BondStatus::Unbonding { until } = bond.status else {
			return Err(Error::<T>::NotUnbonding.into());
		};
		ensure!(frame_system::Pallet::<T>::block_number() >= until, Error::<T>::StillUnbonding);

		if !bond.amount.is_zero() {
			T::Currency::release(&Self::hold_reason(), who, bond.amount, Precision::Exact)?;
		}
		Bonds::<T>::remove(who, role);
		Self::deposit_event(Event::Withdrawn { who: who.clone(), role, amount: bond.amount });
		Ok(())
	}

	/// Takes `who`'s `role` bond out of the draw. See [`Call::chill`].
	pub fn do_chill(who: &T::AccountId, role: Role) -> DispatchResult {
		let mut bond = Bonds::<T>::get(who, role).ok_or(Error::<T>::NotBonded)?;
		match bond.status {
			BondStatus::Active => {},
			BondStatus::Chilled => return Err(Error::<T>::AlreadyChilled.into()),
			BondStatus::Unbonding { .. } => return Err(Error::<T>::IsUnbonding.into()),
		}

		bond.status = BondStatus::Chilled;
		Self::remove_member(role, who);
		Bonds::<T>::insert(who, role, bond);
		Self::deposit_event(Event::Chilled { who: who.clone(), role });
		Ok(())
	}

	/// Brings `who`'s chilled `role` bond back into the draw. See [`Call::rejoin`].
	pub fn do_rejoin(who: &T::AccountId, role: Role) -> DispatchResult {
		let mut bond = Bonds::<T>::get(who, role).ok_or(Error::<T>::NotBonded)?;
		match bond.status {
			BondStatus::Chilled => {},
			BondStatus::Active => return Err(Error::<T>::NotChilled.into()),
			BondStatus::Unbonding { .. } => return Err(Error::<T>::IsUnbonding.into()),
		}
		ensure!(bond.amount >= Self::min_bond(role), Error::<T>::BelowMinimumBond);
		let mut members = Members::<T>::get(role);
		members.try_push(who.clone()).map_err(|_| Error::<T>::TooManyMembers)?;

		bond.status = BondStatus::Active;
		Bonds::<T>::insert(who, role, bond);
		Members::<T>::insert(role, members);
		Self::deposit_event(Event::Rejoined { who: who.clone(), role });
		Ok(())
	}

	/// Declares solver `who`'s hardware. See [`Call::set_hardware`].
	pub fn do_set_hardware(who: &T::AccountId, hardware: HardwareClass) -> DispatchResult {
		let mut bond = Bonds::<T>::get(who, Role::Solver).ok_or(Error::<T>::NotBonded)?;
		ensure!(!bond.is_unbonding(), Error::<T>::IsUnbonding);

		bond.hardware = Some(hardware);
		Bonds::<T>::insert(who, Role::Solver, bond);
		Self::deposit_event(Event::HardwareSet { who: who.clone(), hardware });
		Ok(())
	}

	/// Locks `amount` of `who`'s free `role` stake for `task`. See
	/// [`RoleStaking::lock_collateral`]. Locking zero is a no-op.
	pub fn do_lock_collateral(
		who: &T::AccountId,
		role: Role,
		task: TaskId,
		amount: BalanceOf<T>,
	) -> Result<(), StakingError> {
		let mut bond = Bonds::<T>::get(who, role).ok_or(StakingError::NotActive)?;
		if !Self::is_eligible(&bond, role) {
			return Err(StakingError::NotActive);
		}
		let key = (who.clone(), role);
		if Collateral::<T>::contains_key(&key, task) {
			return Err(StakingError::CollateralAlreadyLocked);
		}
		if amount > bond.free() {
			return Err(StakingError::InsufficientFreeStake);
		}
		if amount.is_zero() {
			return Ok(());
		}

		bond.locked = bond.locked.saturating_add(amount);
		Collateral::<T>::insert(&key, task, amount);
		Bonds::<T>::insert(who, role, bond);
		Self::deposit_event(Event::CollateralLocked { who: who.clone(), role, task, amount });
		Ok(())
	}

	/// Unlocks `who`'s `role` collateral for `task`. See [`RoleStaking::release_collateral`].
	pub fn do_release_collateral(who: &T::AccountId, role: Role, task: TaskId) -> BalanceOf<T> {
		let Some(amount) = Collateral::<T>::take((who.clone(), role), task) else {
			return Zero::zero();
		};
		if let Some(mut bond) =
			Bonds::<T>::get(who, role).defensive_proof("collateral belongs to a bond; qed")
		{
			bond.locked = bond.locked.saturating_sub(amount);
			Bonds::<T>::insert(who, role, bond);
		}
		Self::deposit_event(Event::CollateralReleased { who: who.clone(), role, task, amount });
		amount
	}

	/// Slashes up to `amount` of `who`'s `role` bond. See [`RoleStaking::slash`].
	pub fn do_slash(
		who: &T::AccountId,
		role: Role,
		task: Option<TaskId>,
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> BalanceOf<T> {
		let Some(mut bond) = Bonds::<T>::get(who, role) else { return Zero::zero() };
		let key = (who.clone(), role);

		// First the task's collateral, then the free stake; never other tasks' collateral.
		let task_collateral =
			task.and_then(|task| Collateral::<T>::get(&key, task).map(|c| (task, c)));
		let from_collateral = task_collateral.map_or(Zero::zero(), |(_, c)| c.min(amount));
		let from_free = amount.saturating_sub(from_collateral).min(bond.free());
		let total = from_collateral.saturating_add(from_free);
		if total.is_zero() {
			return Zero::zero();
		}

		let (credit, missing) =
			<T::Currency as fungible::BalancedHold<_>>::slash(&Self::hold_reason(), who, total);
		if !missing.is_zero() {
			frame_support::defensive!("role bonds are fully held; qed");
		}
		let slashed = credit.peek();

		// Pay the beneficiary its share, the treasury the rest.
		let beneficiary = beneficiary.filter(|b| *b != who);
		let share = match beneficiary {
			Some(_) => T::SlashRewardShare::get().mul_floor(slashed),
			None => Zero::zero(),
		};
		let (to_beneficiary, mut to_treasury) = credit.split(share);
		let mut reward = Zero::zero();
		match beneficiary {
			Some(b) => {
				let paid = to_beneficiary.peek();
				match T::Currency::resolve(b, to_beneficiary) {
					Ok(()) => reward = paid,
					Err(unpaid) => to_treasury.subsume(unpaid),
				}
			},
			None => to_treasury.subsume(to_beneficiary),
		}
		if let Err(unpaid) = T::Currency::resolve(&T::TreasuryAccount::get(), to_treasury) {
			log::warn!(
				target: LOG_TARGET,
				"treasury cannot receive {:?} of a slash; burned",
				unpaid.peek(),
			);
		}

		// Bookkeeping: the bond, the task's collateral, and the draw if now below minimum.
		bond.amount = bond.amount.saturating_sub(total);
		bond.locked = bond.locked.saturating_sub(from_collateral);
		if let Some((task, collateral)) = task_collateral {
			let left = collateral.saturating_sub(from_collateral);
			if left.is_zero() {
				Collateral::<T>::remove(&key, task);
			} else {
				Collateral::<T>::insert(&key, task, left);
			}
		}
		let chilled = bond.is_active() && bond.amount < Self::min_bond(role);
		if chilled {
			bond.status = BondStatus::Chilled;
			Self::remove_member(role, who);
		}
		Bonds::<T>::insert(who, role, bond);

		Self::deposit_event(Event::Slashed {
			who: who.clone(),
			role,
			task,
			amount: slashed,
			beneficiary: beneficiary.cloned(),
			reward,
		});
		if chilled {
			Self::deposit_event(Event::Chilled { who: who.clone(), role });
		}
		slashed
	}

	/// Moves `who`'s `role` reputation up (`up`) or down one step, within the bounds. A no-op
	/// without a bond.
	pub fn do_adjust_reputation(who: &T::AccountId, role: Role, up: bool) {
		let Some(mut bond) = Bonds::<T>::get(who, role) else { return };
		let (min, max) = (T::MinReputation::get(), T::MaxReputation::get());
		let new = if up {
			bond.reputation.saturating_add(T::ReputationReward::get())
		} else {
			bond.reputation.saturating_sub(T::ReputationPenalty::get())
		}
		.min(max)
		.max(min);
		if new == bond.reputation {
			return;
		}
		bond.reputation = new;
		Bonds::<T>::insert(who, role, bond);
		Self::deposit_event(Event::ReputationChanged { who: who.clone(), role, reputation: new });
	}

	/// A bond's weight in the draw: free stake × reputation / [`REPUTATION_ONE`], in `u128`
	/// (saturating).
	pub fn draw_weight(bond: &RoleBondOf<T>) -> u128 {
		let free: u128 = bond.free().unique_saturated_into();
		multiply_by_rational_with_rounding(
			free,
			u128::from(bond.reputation),
			u128::from(REPUTATION_ONE),
			Rounding::Down,
		)
		.unwrap_or(u128::MAX)
	}

	/// Draws `count` active `role` members. See [`RoleStaking::select`].
	pub fn do_select(
		role: Role,
		count: u32,
		exclude: &[T::AccountId],
		hardware: Option<&HardwareClass>,
		min_free_stake: BalanceOf<T>,
		seed: [u8; 32],
	) -> Result<Vec<T::AccountId>, StakingError> {
		if count == 0 {
			return Ok(Vec::new());
		}
		let candidates = Self::candidates(role, exclude, hardware, min_free_stake);
		selection::draw(candidates, count, &seed).ok_or(StakingError::NotEnoughCandidates)
	}

	/// Draws up to `count` active `role` members. See [`RoleStaking::select_up_to`].
	pub fn do_select_up_to(
		role: Role,
		count: u32,
		exclude: &[T::AccountId],
		busy_with: Option<TaskId>,
		min_free_stake: BalanceOf<T>,
		seed: [u8; 32],
	) -> Vec<T::AccountId> {
		if count == 0 {
			return Vec::new();
		}
		let candidates = Self::candidates(role, exclude, None, min_free_stake);
		// Checked on the picks only: one collateral read per pick, not one per member.
		let free_of_task = |m: &T::AccountId| {
			busy_with.is_none_or(|task| !Collateral::<T>::contains_key((m.clone(), role), task))
		};
		selection::draw_up_to(candidates, count, &seed, free_of_task)
	}

	/// The members of `role` a draw may pick, with their draw weight (positive only): active,
	/// not in `exclude`, with `min_free_stake` free and, when given, the `hardware`.
	fn candidates(
		role: Role,
		exclude: &[T::AccountId],
		hardware: Option<&HardwareClass>,
		min_free_stake: BalanceOf<T>,
	) -> Vec<(T::AccountId, u128)> {
		Members::<T>::get(role)
			.into_iter()
			.filter(|m| !exclude.contains(m))
			.filter_map(|m| {
				let bond = Bonds::<T>::get(&m, role)?;
				if !Self::is_eligible(&bond, role) || bond.free() < min_free_stake {
					return None;
				}
				if let Some(required) = hardware {
					if !bond.hardware.is_some_and(|h| h.satisfies(required)) {
						return None;
					}
				}
				let weight = Self::draw_weight(&bond);
				(weight > 0).then_some((m, weight))
			})
			.collect()
	}

	/// Ensure the correctness of the state of this pallet.
	///
	/// This should be valid before or after each state transition of this pallet.
	///
	/// ## Invariants:
	///
	/// Bonds and holds:
	///
	/// * For every account, the balance held under `HoldReason::RoleBond` equals the sum of its
	///   role bonds.
	/// * Every solver bond declares hardware, and no other bond does.
	/// * Every reputation is within `[MinReputation, MaxReputation]`.
	///
	/// Collateral:
	///
	/// * The locked collateral of every role bond equals the sum of its `Collateral` entries.
	/// * No role bond has more collateral locked than its amount.
	/// * Every `Collateral` entry is non-zero and belongs to an existing role bond.
	///
	/// Members:
	///
	/// * Every member in `Members` has an active bond of that role at or above the minimum.
	/// * No account is in `Members` twice for a role.
	/// * Every active bond is in `Members`.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::try_state_bonds()?;
		Self::try_state_collateral()?;
		Self::try_state_members()
	}

	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn try_state_bonds() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::ensure;

		let mut bonded: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (who, role, bond) in Bonds::<T>::iter() {
			let sum = bonded.entry(who).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(bond.amount);
			ensure!(
				bond.hardware.is_some() == (role == Role::Solver),
				"Every solver bond declares hardware, and no other bond does."
			);
			ensure!(
				bond.reputation >= T::MinReputation::get()
					&& bond.reputation <= T::MaxReputation::get(),
				"Every reputation is within `[MinReputation, MaxReputation]`."
			);
		}
		for (who, sum) in bonded {
			ensure!(
				T::Currency::balance_on_hold(&Self::hold_reason(), &who) == sum,
				"For every account, the balance held under `HoldReason::RoleBond` equals the sum of its role bonds."
			);
		}
		Ok(())
	}

	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn try_state_collateral() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::ensure;

		let mut locked: BTreeMap<(T::AccountId, Role), BalanceOf<T>> = BTreeMap::new();
		for ((who, role), _task, amount) in Collateral::<T>::iter() {
			ensure!(
				!amount.is_zero() && Bonds::<T>::contains_key(&who, role),
				"Every `Collateral` entry is non-zero and belongs to an existing role bond."
			);
			let sum = locked.entry((who, role)).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(amount);
		}
		for (who, role, bond) in Bonds::<T>::iter() {
			let sum = locked.get(&(who, role)).copied().unwrap_or_else(Zero::zero);
			ensure!(
				bond.locked == sum,
				"The locked collateral of every role bond equals the sum of its `Collateral` entries."
			);
			ensure!(
				bond.locked <= bond.amount,
				"No role bond has more collateral locked than its amount."
			);
		}
		Ok(())
	}

	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn try_state_members() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeSet;
		use frame_support::ensure;

		for role in Role::ALL {
			let members = Members::<T>::get(role);
			let mut seen = BTreeSet::new();
			for who in members.iter() {
				ensure!(
					Bonds::<T>::get(who, role).is_some_and(|bond| Self::is_eligible(&bond, role)),
					"Every member in `Members` has an active bond of that role at or above the minimum."
				);
				ensure!(seen.insert(who.clone()), "No account is in `Members` twice for a role.");
			}
		}
		for (who, role, bond) in Bonds::<T>::iter() {
			if bond.is_active() {
				ensure!(
					Members::<T>::get(role).contains(&who),
					"Every active bond is in `Members`."
				);
			}
		}
		Ok(())
	}
}

impl<T: Config> RoleStaking<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn is_active(who: &T::AccountId, role: Role) -> bool {
		Bonds::<T>::get(who, role).is_some_and(|bond| Self::is_eligible(&bond, role))
	}

	fn free_stake(who: &T::AccountId, role: Role) -> BalanceOf<T> {
		Bonds::<T>::get(who, role).map_or(Zero::zero(), |bond| bond.free())
	}

	fn lock_collateral(
		who: &T::AccountId,
		role: Role,
		task: TaskId,
		amount: BalanceOf<T>,
	) -> Result<(), StakingError> {
		Self::do_lock_collateral(who, role, task, amount)
	}

	fn release_collateral(who: &T::AccountId, role: Role, task: TaskId) -> BalanceOf<T> {
		Self::do_release_collateral(who, role, task)
	}

	fn slash(
		who: &T::AccountId,
		role: Role,
		task: Option<TaskId>,
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> BalanceOf<T> {
		Self::do_slash(who, role, task, amount, beneficiary)
	}

	fn reward_reputation(who: &T::AccountId, role: Role) {
		Self::do_adjust_reputation(who, role, true)
	}

	fn penalize_reputation(who: &T::AccountId, role: Role) {
		Self::do_adjust_reputation(who, role, false)
	}

	fn select(
		role: Role,
		count: u32,
		exclude: &[T::AccountId],
		hardware: Option<&HardwareClass>,
		min_free_stake: BalanceOf<T>,
		seed: [u8; 32],
	) -> Result<Vec<T::AccountId>, StakingError> {
		Self::do_select(role, count, exclude, hardware, min_free_stake, seed)
	}

	fn select_up_to(
		role: Role,
		count: u32,
		exclude: &[T::AccountId],
		busy_with: Option<TaskId>,
		min_free_stake: BalanceOf<T>,
		seed: [u8; 32],
	) -> Vec<T::AccountId> {
		Self::do_select_up_to(role, count, exclude, busy_with, min_free_stake, seed)
	}

	fn collateral(who: &T::AccountId, role: Role, task: TaskId) -> BalanceOf<T> {
		Collateral::<T>::get((who, role), task).unwrap_or_else(Zero::zero)
	}
}
