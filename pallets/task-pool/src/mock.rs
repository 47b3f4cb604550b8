//! A test runtime: System, Balances, the real RoleStaking, and TaskPool, with settings as
//! `pub static`s.

use crate::{self as pallet_task_pool, *};
use assay_primitives::{Device, HardwareClass, VerificationMode};
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use sp_runtime::{BuildStorage, Perbill};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

pub const TREASURY: AccountId = 999;
/// Every test account (1 ..= 20) starts with this much.
pub const ENDOWMENT: Balance = 100_000;
pub const ED: Balance = 1;
/// The solver bond the [`ExtBuilder`] gives by default.
pub const SOLVER_BOND: Balance = 1_000;
pub const GPU_16: HardwareClass = HardwareClass { device: Device::Gpu, memory_gib: 16 };
pub const CPU_4: HardwareClass = HardwareClass { device: Device::Cpu, memory_gib: 4 };

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		RoleStaking: pallet_role_staking,
		TaskPool: pallet_task_pool,
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
	pub static TreasuryAccount: AccountId = TREASURY;
	pub static SlashRewardShare: Perbill = Perbill::from_percent(50);
}

assay_test_support::impl_role_staking_config!(
	Test,
	treasury = TreasuryAccount,
	slash_reward_share = SlashRewardShare
);

parameter_types! {
	pub static Limits: SpecLimits = SpecLimits {
		max_total_steps: 100_000,
		max_batch_size: 1_024,
		max_segments: 1_000,
		max_sampled_segments: 16,
		max_verifiers: 8,
		min_deadline_blocks: 5,
		max_deadline_blocks: 1_000,
		max_gflops: 1_000_000,
	};
	pub static SolverCollateral: Perbill = Perbill::from_percent(50);
	/// Half a per cent: the tests' fee of 5 on a reward of 1 000 is the least allowed.
	pub static MinVerifierFee: Perbill = Perbill::from_parts(5_000_000);
	pub static NoShowSlash: Perbill = Perbill::from_percent(10);
	pub static MissedDeadlineSlash: Perbill = Perbill::from_percent(50);
	pub static AcceptWindow: BlockNumber = 3;
	pub static ExpiryFactor: u32 = 3;
	pub static MaxLiveTasks: u32 = 8;
	pub static MaxDrawsPerBlock: u32 = 2;
	pub static MaxDeadlinesPerBlock: u32 = 2;
	pub static MaxSolverAttempts: u32 = 3;
	pub static SubmissionDeposit: Balance = DEPOSIT;
	pub static MaxLiveTasksPerSubmitter: u32 = 4;
	pub static DeclineSlash: Perbill = Perbill::from_percent(2);
	pub static FreeDeclineWindow: BlockNumber = 10;
	pub static JackpotAccount: AccountId = JACKPOT;
	pub static JackpotTax: Perbill = Perbill::zero();
	pub static JackpotCap: Balance = 100;
}

/// The jackpot account, endowed with the existential deposit.
pub const JACKPOT: AccountId = 998;

/// The submission deposit of the tests, unless they change it.
pub const DEPOSIT: Balance = 7;

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RoleStaking = RoleStaking;
	type Randomness = assay_test_support::BlockRandomness<Test>;
	type SpecLimits = Limits;
	type SolverCollateral = SolverCollateral;
	type MinVerifierFee = MinVerifierFee;
	type NoShowSlash = NoShowSlash;
	type MissedDeadlineSlash = MissedDeadlineSlash;
	type AcceptWindow = AcceptWindow;
	type DrawDelay = frame_support::traits::ConstU64<1>;
	type ExpiryFactor = ExpiryFactor;
	type MaxLiveTasks = MaxLiveTasks;
	type MaxDrawsPerBlock = MaxDrawsPerBlock;
	type MaxDeadlinesPerBlock = MaxDeadlinesPerBlock;
	type MaxSolverAttempts = MaxSolverAttempts;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxLiveTasksPerSubmitter = MaxLiveTasksPerSubmitter;
	type DeclineSlash = DeclineSlash;
	type FreeDeclineWindow = FreeDeclineWindow;
	type TreasuryAccount = TreasuryAccount;
	type JackpotAccount = JackpotAccount;
	type JackpotTax = JackpotTax;
	type JackpotCap = JackpotCap;
	type MaxSolverCandidates = frame_support::traits::ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn make_solver(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		let hardware = HardwareClass { device: Device::Gpu, memory_gib: u16::MAX };
		Balances::set_balance(who, 1_000_000_000_000);
		pallet_role_staking::Pallet::<Test>::do_bond(
			who,
			Role::Solver,
			1_000_000_000,
			Some(hardware),
		)
		.unwrap();
	}
}

/// A valid spec: [`assay_test_support::mlp_task`] with 3 verifiers (1 GFLOP, 10 segments, a
/// 20-block deadline, any CPU with 4 GiB).
pub fn spec() -> TaskSpec {
	assay_test_support::mlp_task(3, VerificationMode::Exact)
}

/// The [`spec`] needing a 16 GiB GPU.
pub fn gpu_spec() -> TaskSpec {
	TaskSpec { hardware: GPU_16, ..spec() }
}

/// Builds test externalities: accounts 1 ..= 20 endowed with [`ENDOWMENT`], the treasury with
/// the existential deposit, the given solvers bonded at genesis, and the minimum price.
pub struct ExtBuilder {
	solvers: Vec<(AccountId, Balance, HardwareClass)>,
	min_price_per_gflop: Balance,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { solvers: Vec::new(), min_price_per_gflop: 10 }
	}
}

impl ExtBuilder {
	/// Bonds solver `who` with [`SOLVER_BOND`] and a 16 GiB GPU at genesis.
	pub fn solver(self, who: AccountId) -> Self {
		self.solver_with(who, SOLVER_BOND, GPU_16)
	}

	/// Bonds solver `who` with `amount` and `hardware` at genesis.
	pub fn solver_with(mut self, who: AccountId, amount: Balance, hardware: HardwareClass) -> Self {
		self.solvers.push((who, amount, hardware));
		self
	}

	/// Sets the genesis minimum price per GFLOP.
	pub fn min_price(mut self, price: Balance) -> Self {
		self.min_price_per_gflop = price;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances: Vec<(AccountId, Balance)> = (1..=20).map(|a| (a, ENDOWMENT)).collect();
		balances.push((TREASURY, ED));
		balances.push((JACKPOT, ED));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_role_staking::GenesisConfig::<Test> {
			bonds: self
				.solvers
				.into_iter()
				.map(|(who, amount, hardware)| (who, Role::Solver, amount, Some(hardware)))
				.collect(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_task_pool::GenesisConfig::<Test> { min_price_per_gflop: self.min_price_per_gflop }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::from(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			// Genesis emits nothing; start the event count here.
			let _ = pool_events_since_last_call();
		});
		ext
	}

	/// Runs `test`, then checks both pallets' invariants and that no balance was minted or
	/// burned (slashes and payments only move funds).
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			test();
			TaskPool::do_try_state().unwrap();
			RoleStaking::do_try_state().unwrap();
			assert_eq!(Balances::total_issuance(), issuance, "issuance changed");
		})
	}
}

/// Runs blocks until block `n`, checking the invariants after every block.
pub fn run_to_block(n: BlockNumber) {
	assert!(n > System::block_number());
	while System::block_number() < n {
		TaskPool::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		TaskPool::on_initialize(System::block_number());
		TaskPool::do_try_state().unwrap();
	}
}

/// Runs one block.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

parameter_types! {
	storage PoolEvents: u32 = 0;
}

/// The events of this pallet since the last call.
pub fn pool_events_since_last_call() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.map(|r| r.event)
		.filter_map(|e| if let RuntimeEvent::TaskPool(inner) = e { Some(inner) } else { None })
		.collect::<Vec<_>>();
	let already_seen = PoolEvents::get();
	PoolEvents::set(&(events.len() as u32));
	events.into_iter().skip(already_seen as usize).collect()
}

/// `who`'s free balance.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// `who`'s balance held in task escrow.
pub fn escrowed(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::TaskEscrow.into(), &who)
}

/// `who`'s balance held in submission deposits.
pub fn deposited(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::SubmissionDeposit.into(), &who)
}

/// `who`'s solver bond.
pub fn solver_bond(who: AccountId) -> Balance {
	pallet_role_staking::Bonds::<Test>::get(who, Role::Solver).map_or(0, |b| b.amount)
}

/// `who`'s solver reputation.
pub fn reputation(who: AccountId) -> u32 {
	pallet_role_staking::Bonds::<Test>::get(who, Role::Solver).map_or(0, |b| b.reputation)
}

/// The state of live task `task`.
pub fn state(task: TaskId) -> TaskStateOf<Test> {
	Tasks::<Test>::get(task).expect("live task").state
}

/// The default externalities, for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
