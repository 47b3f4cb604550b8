//! A test runtime: System, Balances, the real RoleStaking and TaskPool, and ProofOfLearning,
//! with a dispute pallet stand-in that records what it is asked to open.

use crate::{self as pallet_proof_of_learning, *};
use assay_primitives::{
	merkle_proof, sha256, Device, Distance, HardwareClass, Sha256, SpecLimits, TaskSpec,
	VerificationMode,
};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use sp_runtime::{BuildStorage, Perbill};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

pub const TREASURY: AccountId = 999;
/// The task pool's jackpot account.
pub const JACKPOT: AccountId = 998;
pub const ENDOWMENT: Balance = 100_000;
pub const ED: Balance = 1;
pub const SUBMITTER: AccountId = 1;
pub const SOLVER: AccountId = 5;
pub const WHISTLEBLOWER: AccountId = 15;
pub const VERIFIERS: [AccountId; 4] = [10, 11, 12, 13];
pub const BOND: Balance = 1_000;
pub const REWARD: Balance = 600;
pub const FEE: Balance = 7;
pub const COLLATERAL: Balance = 100;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		RoleStaking: pallet_role_staking,
		TaskPool: pallet_task_pool,
		ProofOfLearning: pallet_proof_of_learning,
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
	type ExistentialDeposit = frame_support::traits::ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
	pub const JackpotAccount: AccountId = JACKPOT;
	pub const SlashRewardShare: Perbill = Perbill::from_percent(50);
}

assay_test_support::impl_role_staking_config!(
	Test,
	treasury = Treasury,
	slash_reward_share = SlashRewardShare
);

parameter_types! {
	pub const Limits: SpecLimits = assay_test_support::MOCK_SPEC_LIMITS;
}

assay_test_support::impl_task_pool_config!(Test, spec_limits = Limits);

thread_local! {
	/// The disputes proof of learning asked to open: `(task, segment, challenger, defender)`.
	pub static OPENED_DISPUTES: RefCell<Vec<(TaskId, Subject, AccountId, AccountId)>> =
		const { RefCell::new(Vec::new()) };
	/// Whether the stand-in refuses to open disputes (a full dispute pallet).
	pub static DISPUTES_FULL: RefCell<bool> = const { RefCell::new(false) };
}

/// The dispute pallet's stand-in: records what it is asked to open.
pub struct RecordingDisputes;
impl DisputeOpener<AccountId> for RecordingDisputes {
	fn open(task: TaskId, terms: DisputeTerms<AccountId>) -> Result<(), DisputeError> {
		assert_eq!(terms.challenger_role, Role::Verifier);
		if DISPUTES_FULL.with(|f| *f.borrow()) {
			return Err(DisputeError::Full);
		}
		OPENED_DISPUTES.with(|d| {
			d.borrow_mut()
				.push((task, terms.claim.subject(), terms.challenger, terms.defender))
		});
		Ok(())
	}
}

pub fn opened_disputes() -> Vec<(TaskId, Subject, AccountId, AccountId)> {
	OPENED_DISPUTES.with(|d| d.borrow().clone())
}

parameter_types! {
	pub static VerifierCollateral: Balance = COLLATERAL;
	pub static NoShowSlash: Perbill = Perbill::from_percent(10);
	pub static SamplingDelay: BlockNumber = 2;
	pub static CommitWindow: BlockNumber = 5;
	pub static RevealWindow: BlockNumber = 5;
	pub static ChallengeWindow: BlockNumber = 5;
	pub static ShowWindow: BlockNumber = 3;
	pub static DiscloseWindow: BlockNumber = 3;
	pub static DefaultForcedErrorOdds: Perbill = Perbill::zero();
}

impl Config for Test {
	type Balance = Balance;
	type RoleStaking = RoleStaking;
	type Tasks = TaskPool;
	type Disputes = RecordingDisputes;
	type Randomness = assay_test_support::BlockRandomness<Test>;
	type VerifierCollateral = VerifierCollateral;
	type VerifierNoShowSlash = NoShowSlash;
	type SamplingDelay = SamplingDelay;
	type CommitWindow = CommitWindow;
	type RevealWindow = RevealWindow;
	type ChallengeWindow = ChallengeWindow;
	type ShowWindow = ShowWindow;
	type DiscloseWindow = DiscloseWindow;
	type DefaultForcedErrorOdds = DefaultForcedErrorOdds;
	type MaxVerificationRounds = frame_support::traits::ConstU32<3>;
	type UnavailableToFail = frame_support::traits::ConstU32<2>;
	type MaxVerifiers = frame_support::traits::ConstU32<8>;
	type MaxVerifications = frame_support::traits::ConstU32<8>;
	type MaxDeadlinesPerBlock = frame_support::traits::ConstU32<2>;
	type MaxVerifierCandidates = frame_support::traits::ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn training_task(solver: &AccountId) -> TaskId {
		use frame_support::traits::fungible::Mutate;
		let gpu = HardwareClass { device: Device::Gpu, memory_gib: 16 };
		Balances::set_balance(solver, ENDOWMENT);
		if pallet_role_staking::Bonds::<Test>::get(solver, Role::Solver).is_none() {
			RoleStaking::bond(RuntimeOrigin::signed(*solver), Role::Solver, BOND, Some(gpu))
				.unwrap();
		}
		// The mock's only other solver must not be drawn.
		let _ = RoleStaking::chill(RuntimeOrigin::signed(SOLVER), Role::Solver);
		let submitter = 77;
		Balances::set_balance(&submitter, ENDOWMENT);
		let task = pallet_task_pool::NextTaskId::<Test>::get();
		let mut spec = spec(8, VerificationMode::Exact);
		spec.verification.sampled_segments = 10;
		TaskPool::submit_task(RuntimeOrigin::signed(submitter), Box::new(spec), REWARD, FEE)
			.unwrap();
		next_block();
		TaskPool::accept_task(RuntimeOrigin::signed(*solver), task).unwrap();
		task
	}

	fn make_verifier(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, ENDOWMENT);
		// The mock's pool holds 16 verifiers; past it (the many declarers of the
		// unavailability benchmark) an account stays unbonded, which the benchmark test
		// tolerates: only the runtime's figures count.
		if let Err(e) = RoleStaking::bond(RuntimeOrigin::signed(*who), Role::Verifier, BOND, None) {
			assert_eq!(e, pallet_role_staking::Error::<Test>::TooManyMembers.into());
		}
	}
}

/// A task of 10 segments (100 steps, checkpoints every 10), 2 sampled, `verifiers` verifiers,
/// a 50-block deadline.
pub fn spec(verifiers: u16, mode: VerificationMode) -> TaskSpec {
	TaskSpec { deadline_blocks: 50, ..assay_test_support::mlp_task(verifiers, mode) }
}

/// The solver's checkpoint hashes `h_0 … h_10`.
pub fn checkpoints() -> Vec<Sha256> {
	(0u8..11).map(|i| sha256(&[i])).collect()
}

pub fn commitment() -> CheckpointCommitment {
	CheckpointCommitment::new(&checkpoints(), [0xaa; 32]).unwrap()
}

/// [`checkpoints`] sealed by [`SOLVER`] for `task` (the test solver then shows and discloses
/// them: see [`crate::testing`]).
pub fn sealed(task: TaskId) -> SealedCommitment {
	crate::testing::seal(task, &SOLVER, &checkpoints(), [0xaa; 32])
}

/// [`SOLVER`] commits [`sealed`] checkpoints for `task`.
pub fn commit_sealed(task: TaskId) {
	ProofOfLearning::commit_checkpoints(
		RuntimeOrigin::signed(SOLVER),
		task,
		sealed(task),
		assay_primitives::Uri::truncate_from(b"http://solver.example/ckpt".to_vec()),
	)
	.unwrap();
}

/// A report on `segment` whose replay ends in `replayed` (the honest replay: `h_{segment+1}`).
pub fn report(segment: u32, replayed: Sha256, distance: Distance) -> SegmentReport {
	let hashes = checkpoints();
	SegmentReport {
		segment,
		start_hash: hashes[segment as usize],
		start_proof: merkle_proof(&hashes, segment).unwrap(),
		end_hash: hashes[segment as usize + 1],
		end_proof: merkle_proof(&hashes, segment + 1).unwrap(),
		replayed_hash: replayed,
		distance,
	}
}

/// The report on `h_0` of a verifier that derived `derived` as the task's initial state.
pub fn initial_state(derived: Sha256) -> InitialStateReport {
	let hashes = checkpoints();
	InitialStateReport {
		committed_hash: hashes[0],
		proof: merkle_proof(&hashes, 0).unwrap(),
		derived_hash: derived,
	}
}

/// An honest verdict on the sampled `segments`, except that those in `fail` do not reproduce.
pub fn verdict(segments: &[u32], fail: &[u32]) -> Verdict {
	checked(initial_state(checkpoints()[0]), segments, fail)
}

/// [`verdict`], from a verifier that found `h_0` not to be the task's initial state.
pub fn verdict_failing_initial_state(segments: &[u32], fail: &[u32]) -> Verdict {
	checked(initial_state([0xdd; 32]), segments, fail)
}

fn checked(initial_state: InitialStateReport, segments: &[u32], fail: &[u32]) -> Verdict {
	let hashes = checkpoints();
	let segments = SegmentReports::truncate_from(
		segments
			.iter()
			.map(|&s| {
				let replayed = if fail.contains(&s) { [0xee; 32] } else { hashes[s as usize + 1] };
				report(s, replayed, Distance::ZERO)
			})
			.collect(),
	);
	Verdict::Checked { initial_state, segments }
}

/// A verdict on `task`'s shown checkpoints: of a verifier that replays (`replays`: its
/// replays reach the true ends) or of a lazy one that copies the shown ends.
pub fn verdict_on_shown(task: TaskId, replays: bool) -> Verdict {
	let record = Verifications::<Test>::get(task).unwrap();
	let shown = crate::testing::shown_leaves(task, &record).unwrap();
	let truth = checkpoints();
	verdict_on(task, &shown, truth[0], |s| {
		if replays {
			truth[s as usize + 1]
		} else {
			shown[s as usize + 1]
		}
	})
}

/// A verdict on `task`'s sampled segments of `leaves` (the checkpoints served), with
/// `derived` as the initial state and `replayed(segment)` as each replay's end.
pub fn verdict_on(
	task: TaskId,
	leaves: &[Sha256],
	derived: Sha256,
	replayed: impl Fn(u32) -> Sha256,
) -> Verdict {
	let record = Verifications::<Test>::get(task).unwrap();
	let segments = record
		.segments
		.iter()
		.map(|&s| SegmentReport {
			segment: s,
			start_hash: leaves[s as usize],
			start_proof: merkle_proof(leaves, s).unwrap(),
			end_hash: leaves[s as usize + 1],
			end_proof: merkle_proof(leaves, s + 1).unwrap(),
			replayed_hash: replayed(s),
			distance: Distance::ZERO,
		})
		.collect();
	Verdict::Checked {
		initial_state: InitialStateReport {
			committed_hash: leaves[0],
			proof: merkle_proof(leaves, 0).unwrap(),
			derived_hash: derived,
		},
		segments: SegmentReports::truncate_from(segments),
	}
}

/// Moves `amount` from account 20 into the jackpot and its books.
pub fn fund_jackpot(amount: Balance) {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	<Balances as Mutate<_>>::transfer(&20, &JACKPOT, amount, Preservation::Preserve).unwrap();
	pallet_task_pool::Jackpot::<Test>::mutate(|books| *books += amount);
}

pub struct ExtBuilder {
	verifiers: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { verifiers: VERIFIERS[..3].to_vec() }
	}
}

impl ExtBuilder {
	/// Bonds these accounts as verifiers (instead of 10, 11 and 12).
	pub fn verifiers(mut self, verifiers: &[AccountId]) -> Self {
		self.verifiers = verifiers.to_vec();
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
		let gpu = HardwareClass { device: Device::Gpu, memory_gib: 16 };
		let mut bonds = vec![(SOLVER, Role::Solver, BOND, Some(gpu))];
		bonds.extend(self.verifiers.iter().map(|v| (*v, Role::Verifier, BOND, None)));
		pallet_role_staking::GenesisConfig::<Test> { bonds }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_task_pool::GenesisConfig::<Test> { min_price_per_gflop: 1 }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::from(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			OPENED_DISPUTES.with(|d| d.borrow_mut().clear());
			DISPUTES_FULL.with(|f| *f.borrow_mut() = false);
			let _ = events_since_last_call();
		});
		ext
	}

	/// Runs `test`, then checks all three pallets' invariants and that issuance did not move.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			test();
			ProofOfLearning::do_try_state().unwrap();
			TaskPool::do_try_state().unwrap();
			RoleStaking::do_try_state().unwrap();
			assert_eq!(Balances::total_issuance(), issuance, "issuance changed");
		})
	}
}

/// Runs blocks until block `n`, checking the invariants after each.
pub fn run_to_block(n: BlockNumber) {
	assert!(n > System::block_number());
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		let now = System::block_number();
		TaskPool::on_initialize(now);
		ProofOfLearning::on_initialize(now);
		crate::testing::act::<Test>();
		ProofOfLearning::do_try_state().unwrap();
	}
}

pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

parameter_types! {
	storage SeenEvents: u32 = 0;
}

/// This pallet's events since the last call.
pub fn events_since_last_call() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::ProofOfLearning(inner) => Some(inner),
			_ => None,
		})
		.collect::<Vec<_>>();
	let seen = SeenEvents::get();
	SeenEvents::set(&(events.len() as u32));
	events.into_iter().skip(seen as usize).collect()
}

/// Submits a task with `verifiers` verifiers in `mode`, has it drawn for and accepted by
/// [`SOLVER`], and returns its id.
pub fn training_task(verifiers: u16, mode: VerificationMode) -> TaskId {
	let task = pallet_task_pool::NextTaskId::<Test>::get();
	TaskPool::submit_task(
		RuntimeOrigin::signed(SUBMITTER),
		Box::new(spec(verifiers, mode)),
		REWARD,
		FEE,
	)
	.unwrap();
	next_block();
	TaskPool::accept_task(RuntimeOrigin::signed(SOLVER), task).unwrap();
	task
}

/// A training task whose checkpoints [`SOLVER`] committed and whose verification started;
/// returns `(task, sampled segments, verifiers)`.
pub fn verifying_task(
	verifiers: u16,
	mode: VerificationMode,
) -> (TaskId, Vec<u32>, Vec<AccountId>) {
	let task = training_task(verifiers, mode);
	commit_sealed(task);
	run_to_block(System::block_number() + SamplingDelay::get());
	let record = Verifications::<Test>::get(task).unwrap();
	assert!(matches!(record.phase, Phase::Committing { .. }), "{:?}", record.phase);
	(task, record.segments.to_vec(), record.slots.iter().map(|s| s.verifier).collect())
}

/// `who` commits to `verdict` with a salt made from its id.
pub fn commit(task: TaskId, who: AccountId, verdict: &Verdict) {
	let salt = [who as u8; 32];
	let hash = verdict_commitment(task, &who, verdict, &salt);
	ProofOfLearning::commit_verdict(RuntimeOrigin::signed(who), task, hash).unwrap();
}

/// `who` reveals `verdict` with the salt [`commit`] used.
pub fn reveal(task: TaskId, who: AccountId, verdict: &Verdict) -> DispatchResult {
	ProofOfLearning::reveal_verdict(
		RuntimeOrigin::signed(who),
		task,
		verdict.clone(),
		[who as u8; 32],
	)?;
	// The solver discloses as soon as every verdict is in.
	crate::testing::act::<Test>();
	Ok(())
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// `who`'s reputation as a verifier.
pub fn reputation(who: AccountId) -> pallet_role_staking::Reputation {
	pallet_role_staking::Bonds::<Test>::get(who, Role::Verifier).map_or(0, |b| b.reputation)
}

pub fn bond(who: AccountId, role: Role) -> Balance {
	pallet_role_staking::Bonds::<Test>::get(who, role).map_or(0, |b| b.amount)
}

pub fn task_phase(task: TaskId) -> Option<TaskPhase> {
	TaskPool::summary(task).map(|s| s.phase)
}

/// Checks that `task` failed with time left and is open again without [`SOLVER`], then has
/// the submitter cancel it, so that balances read as if it had ended (the escrow refunded).
pub fn cancel_reopened(task: TaskId) {
	let passed_over = pallet_task_pool::Tasks::<Test>::get(task).map(|t| t.passed_over.to_vec());
	assert_eq!((task_phase(task), passed_over), (Some(TaskPhase::Open), Some(vec![SOLVER])));
	TaskPool::cancel_task(RuntimeOrigin::signed(SUBMITTER), task).unwrap();
}

/// The default externalities, for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	// The benchmarks bond their own verifiers, up to the role's bound.
	ExtBuilder::default().verifiers(&[]).build()
}
