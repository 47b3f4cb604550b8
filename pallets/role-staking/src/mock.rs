//! A test runtime: System, Balances and RoleStaking, with settings as `pub static`s.

use crate::{self as pallet_role_staking, *};
use assay_primitives::Device;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use sp_runtime::{BuildStorage, Perbill};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

pub const TREASURY: AccountId = 999;
/// Every test account (1 ..= 20) starts with this much.
pub const ENDOWMENT: Balance = 10_000;
pub const ED: Balance = 1;

pub const CPU_4: HardwareClass = HardwareClass { device: Device::Cpu, memory_gib: 4 };
pub const GPU_8: HardwareClass = HardwareClass { device: Device::Gpu, memory_gib: 8 };
pub const GPU_24: HardwareClass = HardwareClass { device: Device::Gpu, memory_gib: 24 };

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		RoleStaking: pallet_role_staking,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub static ExistentialDeposit: Balance = ED;
	pub static MinSolverBond: Balance = 100;
	pub static MinVerifierBond: Balance = 50;
	pub static MinWhistleblowerBond: Balance = 20;
	pub static UnbondingPeriod: BlockNumber = 10;
	pub static SlashRewardShare: Perbill = Perbill::from_percent(10);
	pub static TreasuryAccount: AccountId = TREASURY;
	pub static MaxMembersPerRole: u32 = 16;
	pub static MinReputation: Reputation = 100_000;
	pub static MaxReputation: Reputation = 2_000_000;
	pub static ReputationReward: Reputation = 50_000;
	pub static ReputationPenalty: Reputation = 200_000;
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinSolverBond = MinSolverBond;
	type MinVerifierBond = MinVerifierBond;
	type MinWhistleblowerBond = MinWhistleblowerBond;
	type UnbondingPeriod = UnbondingPeriod;
	type SlashRewardShare = SlashRewardShare;
	type TreasuryAccount = TreasuryAccount;
	type MaxMembersPerRole = MaxMembersPerRole;
	type MinReputation = MinReputation;
	type MaxReputation = MaxReputation;
	type ReputationReward = ReputationReward;
	type ReputationPenalty = ReputationPenalty;
	type WeightInfo = ();
}

/// Builds test externalities: accounts 1 ..= 20 endowed with [`ENDOWMENT`], the treasury with
/// the existential deposit, and the given bonds made at genesis.
#[derive(Default)]
pub struct ExtBuilder {
	bonds: Vec<(AccountId, Role, Balance, Option<HardwareClass>)>,
}

impl ExtBuilder {
	/// Bonds `amount` of `who` for `role` at genesis (solvers get [`GPU_8`]).
	pub fn bond(mut self, who: AccountId, role: Role, amount: Balance) -> Self {
		let hardware = (role == Role::Solver).then_some(GPU_8);
		self.bonds.push((who, role, amount, hardware));
		self
	}

	/// Bonds `amount` of solver `who` with `hardware` at genesis.
	pub fn solver(mut self, who: AccountId, amount: Balance, hardware: HardwareClass) -> Self {
		self.bonds.push((who, Role::Solver, amount, Some(hardware)));
		self
	}

	/// Sets the most members per role.
	pub fn max_members(self, max: u32) -> Self {
		MaxMembersPerRole::set(max);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances: Vec<(AccountId, Balance)> = (1..=20).map(|a| (a, ENDOWMENT)).collect();
		balances.push((TREASURY, ED));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_role_staking::GenesisConfig::<Test> { bonds: self.bonds }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::from(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			// Genesis emits nothing; start the event count here.
			let _ = role_events_since_last_call();
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			RoleStaking::do_try_state().unwrap();
		})
	}
}

/// Runs blocks until block `n`.
pub fn run_to_block(n: BlockNumber) {
	assert!(n > System::block_number());
	while System::block_number() < n {
		RoleStaking::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		RoleStaking::on_initialize(System::block_number());
	}
}

parameter_types! {
	storage RoleEvents: u32 = 0;
}

/// The events of this pallet since the last call.
pub fn role_events_since_last_call() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.map(|r| r.event)
		.filter_map(|e| if let RuntimeEvent::RoleStaking(inner) = e { Some(inner) } else { None })
		.collect::<Vec<_>>();
	let already_seen = RoleEvents::get();
	RoleEvents::set(&(events.len() as u32));
	events.into_iter().skip(already_seen as usize).collect()
}

/// `who`'s free balance.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// `who`'s balance held for role bonds.
pub fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::RoleBond.into(), &who)
}

/// `who`'s `role` bond.
pub fn bond_of(who: AccountId, role: Role) -> RoleBondOf<Test> {
	Bonds::<Test>::get(who, role).expect("bonded")
}

/// The members of `role`'s draw.
pub fn members(role: Role) -> Vec<AccountId> {
	Members::<Test>::get(role).into_inner()
}

/// The default externalities, for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
