//! The whole Assay market on the FRAME mock runtime: System, Balances, and the real
//! RoleStaking, RandomnessBeacon, TaskPool, ProofOfLearning and Dispute, wired as in the
//! runtime. The beacon is fed by [`ScheduledVrf`], whose block authors a test can assign.

use crate::{self as pallet_dispute, *};
use assay_primitives::{
	merkle_proof, sha256, Device, Distance, HardwareClass, InitialStateReport, SegmentReport,
	SegmentReports, SpecLimits, TaskPhase, TaskSpec, Uri, Verdict, VerificationMode,
};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{Hooks, Randomness},
};
use pallet_proof_of_learning::{Phase as VerificationPhase, Verifications};
use sp_runtime::traits::Hash as _;
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
/// Verifiers: the first three check tasks, all of them can sit on juries.
pub const VERIFIERS: [AccountId; 6] = [10, 11, 12, 20, 21, 22];
pub const BOND: Balance = 1_000;
pub const REWARD: Balance = 600;
pub const FEE: Balance = 7;
pub const VERIFIER_COLLATERAL: Balance = 100;
pub const CHALLENGE_BOND: Balance = 200;
pub const JUROR_COLLATERAL: Balance = 50;
pub const JUROR_REWARD: Balance = 20;
/// Steps per segment of the test task.
pub const K: u32 = 10;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		RoleStaking: pallet_role_staking,
		Beacon: pallet_randomness_beacon,
		TaskPool: pallet_task_pool,
		ProofOfLearning: pallet_proof_of_learning,
		Dispute: pallet_dispute,
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
	pub static ForcedErrorOdds: Perbill = Perbill::zero();
	pub const JackpotAccount: AccountId = JACKPOT;
	pub const Half: Perbill = Perbill::from_percent(50);
	pub const Tenth: Perbill = Perbill::from_percent(10);
	pub const Limits: SpecLimits = assay_test_support::MOCK_SPEC_LIMITS;
}

assay_test_support::impl_role_staking_config!(Test, treasury = Treasury, slash_reward_share = Half);

assay_test_support::impl_task_pool_config!(Test, spec_limits = Limits, randomness = Beacon);

thread_local! {
	/// Which world the honest block authors' VRF outputs come from (see [`ScheduledVrf`]).
	pub static HONEST_WORLD: RefCell<u8> = const { RefCell::new(0) };
	/// Whether the attacker authors block `b`: it knows those blocks' VRF outputs in advance.
	pub static ATTACKER_AUTHORS: RefCell<fn(u64) -> bool> = const { RefCell::new(|_| false) };
}

/// The VRF output of each block, as BABE's `ParentBlockRandomness` reports the parent's: the
/// attacker's own blocks give the same output in every world (it knows them in advance), the
/// honest authors' differ between worlds (nobody knows them before their block).
pub struct ScheduledVrf;
impl Randomness<Option<<Test as frame_system::Config>::Hash>, BlockNumber> for ScheduledVrf {
	fn random(subject: &[u8]) -> (Option<<Test as frame_system::Config>::Hash>, BlockNumber) {
		let parent = System::block_number().saturating_sub(1);
		(
			Some(sp_runtime::traits::BlakeTwo256::hash(&(subject, vrf_output(parent)).encode())),
			parent,
		)
	}
}

/// Block `block`'s VRF output.
pub fn vrf_output(block: BlockNumber) -> Sha256 {
	if ATTACKER_AUTHORS.with(|a| (*a.borrow())(block)) {
		sha256(&(b"attacker", block).encode())
	} else {
		sha256(&(b"honest", HONEST_WORLD.with(|w| *w.borrow()), block).encode())
	}
}

impl pallet_randomness_beacon::Config for Test {
	type ParentBlockVrf = ScheduledVrf;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_proof_of_learning::Config for Test {
	type Balance = Balance;
	type RoleStaking = RoleStaking;
	type Tasks = TaskPool;
	type Disputes = Dispute;
	type Randomness = Beacon;
	type VerifierCollateral = frame_support::traits::ConstU128<VERIFIER_COLLATERAL>;
	type VerifierNoShowSlash = Tenth;
	type SamplingDelay = frame_support::traits::ConstU64<2>;
	type CommitWindow = frame_support::traits::ConstU64<5>;
	type RevealWindow = frame_support::traits::ConstU64<5>;
	type ChallengeWindow = frame_support::traits::ConstU64<5>;
	type ShowWindow = frame_support::traits::ConstU64<3>;
	type DiscloseWindow = frame_support::traits::ConstU64<3>;
	type DefaultForcedErrorOdds = ForcedErrorOdds;
	type MaxVerificationRounds = frame_support::traits::ConstU32<10>;
	type UnavailableToFail = frame_support::traits::ConstU32<2>;
	type MaxVerifiers = frame_support::traits::ConstU32<8>;
	type MaxVerifications = frame_support::traits::ConstU32<8>;
	type MaxDeadlinesPerBlock = frame_support::traits::ConstU32<2>;
	type MaxVerifierCandidates = frame_support::traits::ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl Config for Test {
	type Balance = Balance;
	type RoleStaking = RoleStaking;
	type Verification = ProofOfLearning;
	type Randomness = Beacon;
	type ChallengeBond = frame_support::traits::ConstU128<CHALLENGE_BOND>;
	type JurySize = frame_support::traits::ConstU32<3>;
	type JurorCollateral = frame_support::traits::ConstU128<JUROR_COLLATERAL>;
	type JurorReward = frame_support::traits::ConstU128<JUROR_REWARD>;
	type JurorNoShowSlash = Tenth;
	type JuryDrawDelay = frame_support::traits::ConstU64<2>;
	type VoteCommitWindow = frame_support::traits::ConstU64<4>;
	type VoteRevealWindow = frame_support::traits::ConstU64<4>;
	type MaxJurors = frame_support::traits::ConstU32<5>;
	type MaxJuryRounds = frame_support::traits::ConstU32<3>;
	type MaxDisputes = frame_support::traits::ConstU32<8>;
	type MaxDeadlinesPerBlock = frame_support::traits::ConstU32<2>;
	type MaxJurorCandidates = frame_support::traits::ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn challengeable_task() -> (TaskId, Vec<Sha256>) {
		let hashes = committed_checkpoints(None);
		let (task, segments, verifiers) = verifying_task(2, &hashes);
		verify(task, &verifiers, |_| verdict_from(&hashes, &segments, |s| lazy_report(&hashes, s)));
		// One declarer outvoted by the two verdicts, as the runtime's worst case has them.
		let declarer = VERIFIERS.into_iter().find(|v| !verifiers.contains(v)).unwrap();
		ProofOfLearning::note_declarers(task, &[declarer]);
		(task, hashes)
	}

	fn make_whistleblower(who: &AccountId) {
		bond_once(who, Role::Whistleblower);
	}

	fn make_verifier(who: &AccountId) {
		bond_once(who, Role::Verifier);
	}
}

#[cfg(feature = "runtime-benchmarks")]
fn bond_once(who: &AccountId, role: Role) {
	use frame_support::traits::fungible::Mutate;
	if pallet_role_staking::Bonds::<Test>::get(who, role).is_none() {
		Balances::set_balance(who, ENDOWMENT);
		RoleStaking::bond(RuntimeOrigin::signed(*who), role, BOND, None).unwrap();
	}
}

/// A task of 10 segments of [`K`] steps, 2 sampled, `verifiers` verifiers, `Exact`, a
/// 50-block deadline.
pub fn spec(verifiers: u16) -> TaskSpec {
	TaskSpec {
		deadline_blocks: 50,
		..assay_test_support::mlp_task(verifiers, VerificationMode::Exact)
	}
}

/// The true state hash after `step` steps of segment `segment` (step 0: `h_segment`).
pub fn honest_state(segment: u32, step: u32) -> Sha256 {
	if step == 0 {
		return checkpoint(segment);
	}
	if step == K {
		return checkpoint(segment + 1);
	}
	sha256(&(b"honest", segment, step).encode())
}

/// A cheating solver's state after `step` steps of segment `segment`: it trained honestly up
/// to step `diverge`, then made states up.
pub fn faked_state(segment: u32, step: u32, diverge: u32) -> Sha256 {
	if step <= diverge {
		honest_state(segment, step)
	} else {
		sha256(&(b"faked", segment, step).encode())
	}
}

/// What an honest juror votes on `task`'s dispute: whether the committed `h_0` is the task's
/// initial state, or whether the disputed segment's committed end state is the one its replay
/// from the committed start reaches.
pub fn honest_vote(task: TaskId) -> JuryVote {
	let holds = match crate::Disputes::<Test>::get(task).unwrap().claim {
		Claim::InitialState { committed, .. } => committed == initial_state(),
		Claim::Segment(claim) => claim.defender_end == replayed(claim.start_hash, claim.segment),
	};
	if holds {
		JuryVote::Holds
	} else {
		JuryVote::Wrong
	}
}

/// The task's initial state, as anyone derives it from the spec: the true `h_0`.
pub fn initial_state() -> Sha256 {
	checkpoint(0)
}

/// The true checkpoint `h_i` (hashes `h_0 … h_10`).
pub fn checkpoint(i: u32) -> Sha256 {
	sha256(&(b"checkpoint", i).encode())
}

/// The state replaying segment `segment` from `start` ends in: the true `h_{s+1}` from the
/// true `h_s`, a state of its own from anything else (as training from weights of a solver's
/// own choosing does).
pub fn replayed(start: Sha256, segment: u32) -> Sha256 {
	if start == checkpoint(segment) {
		honest_state(segment, K)
	} else {
		sha256(&(b"trained from", start, segment).encode())
	}
}

/// The checkpoints of a solver that started from weights of its own choosing instead of the
/// task's initial state, then trained honestly from them: every segment replays.
pub fn chosen_start_checkpoints() -> Vec<Sha256> {
	let mut hashes = vec![sha256(b"weights of the solver's choosing")];
	for segment in 0..10u32 {
		hashes.push(replayed(hashes[segment as usize], segment));
	}
	hashes
}

/// What is wrong with `hashes` as training of the mock task, the initial state first (the
/// order disputes take), if anything.
pub fn first_wrong(hashes: &[Sha256]) -> Option<Subject> {
	if hashes.first() != Some(&initial_state()) {
		return Some(Subject::InitialState);
	}
	(0..hashes.len().saturating_sub(1) as u32)
		.find(|&s| hashes[s as usize + 1] != replayed(hashes[s as usize], s))
		.map(Subject::Segment)
}

/// The checkpoints a solver commits to; with `faked = Some(s)`, segment `s` was faked from
/// step 3 on, so `h_{s+1}` (and everything after) is made up.
pub fn committed_checkpoints(faked: Option<u32>) -> Vec<Sha256> {
	(0..=10u32)
		.map(|i| match faked {
			Some(s) if i == s + 1 => faked_state(s, K, 3),
			Some(s) if i > s + 1 => sha256(&(b"faked checkpoint", i).encode()),
			_ => checkpoint(i),
		})
		.collect()
}

/// A report on `segment` against `hashes`, replaying honestly from the committed `h_i`: it
/// reproduces `h_{i+1}` iff the solver trained the segment honestly.
pub fn honest_report(hashes: &[Sha256], segment: u32) -> SegmentReport {
	let i = segment as usize;
	SegmentReport {
		segment,
		start_hash: hashes[i],
		start_proof: merkle_proof(hashes, segment).unwrap(),
		end_hash: hashes[i + 1],
		end_proof: merkle_proof(hashes, segment + 1).unwrap(),
		replayed_hash: replayed(hashes[i], segment),
		distance: Distance::ZERO,
	}
}

/// A lazy verifier's report: it claims to reproduce whatever the solver committed.
pub fn lazy_report(hashes: &[Sha256], segment: u32) -> SegmentReport {
	SegmentReport { replayed_hash: hashes[segment as usize + 1], ..honest_report(hashes, segment) }
}

/// A report on `hashes`' `h_0` by a verifier that derived `derived` as the initial state.
pub fn initial_report(hashes: &[Sha256], derived: Sha256) -> InitialStateReport {
	InitialStateReport {
		committed_hash: hashes[0],
		proof: merkle_proof(hashes, 0).unwrap(),
		derived_hash: derived,
	}
}

pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances: Vec<(AccountId, Balance)> = (1..=30).map(|a| (a, ENDOWMENT)).collect();
		balances.push((TREASURY, ED));
		balances.push((JACKPOT, ED));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let gpu = HardwareClass { device: Device::Gpu, memory_gib: 16 };
		let mut bonds = vec![
			(SOLVER, Role::Solver, BOND, Some(gpu)),
			(WHISTLEBLOWER, Role::Whistleblower, BOND, None),
		];
		bonds.extend(VERIFIERS.iter().map(|v| (*v, Role::Verifier, BOND, None)));
		pallet_role_staking::GenesisConfig::<Test> { bonds }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_task_pool::GenesisConfig::<Test> { min_price_per_gflop: 1 }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::from(storage);
		ext.execute_with(|| {
			HONEST_WORLD.with(|w| *w.borrow_mut() = 0);
			ATTACKER_AUTHORS.with(|a| *a.borrow_mut() = |_| false);
			System::set_block_number(1);
		});
		ext
	}

	/// Runs `test`, then checks every pallet's invariants and that issuance did not move.
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			let issuance = Balances::total_issuance();
			test();
			check_invariants();
			assert_eq!(Balances::total_issuance(), issuance, "issuance changed");
		})
	}
}

/// Every pallet's `do_try_state`, and one invariant across them: every collateral locked in
/// role staking belongs to a live task (a solver's), verification (a verifier's), dispute (a
/// juror's or whistleblower's) or challenge commitment (a whistleblower's).
pub fn check_invariants() {
	Dispute::do_try_state().unwrap();
	Beacon::do_try_state().unwrap();
	ProofOfLearning::do_try_state().unwrap();
	TaskPool::do_try_state().unwrap();
	RoleStaking::do_try_state().unwrap();
	for ((who, role), task, _) in pallet_role_staking::Collateral::<Test>::iter() {
		let owned = match role {
			Role::Solver => <TaskPool as assay_primitives::TaskLifecycle<AccountId>>::summary(task)
				.is_some_and(|s| s.solver == Some(who)),
			Role::Verifier => {
				Verifications::<Test>::get(task)
					.is_some_and(|v| v.slots.iter().any(|s| s.verifier == who))
					|| crate::Disputes::<Test>::get(task)
						.is_some_and(|d| d.jurors.iter().any(|j| j.juror == who))
			},
			Role::Whistleblower => {
				crate::Disputes::<Test>::get(task).is_some_and(|d| d.challenger == who)
					|| crate::ChallengeCommitments::<Test>::get(who).is_some_and(|c| c.0 == task)
			},
		};
		assert!(owned, "collateral of {who} as {role:?} for task {task} belongs to nothing live");
	}
}

/// Runs blocks until block `n`, checking the invariants after each.
pub fn run_to_block(n: BlockNumber) {
	assert!(n > System::block_number());
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		let now = System::block_number();
		Beacon::on_initialize(now);
		TaskPool::on_initialize(now);
		ProofOfLearning::on_initialize(now);
		pallet_proof_of_learning::testing::act::<Test>();
		Dispute::on_initialize(now);
		check_invariants();
	}
}

pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// This pallet's events so far.
pub fn dispute_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Dispute(inner) => Some(inner),
			_ => None,
		})
		.collect()
}

/// A task whose solver committed `hashes` and whose `verifiers` verifiers were drawn; returns
/// the task, the sampled segments and the verifiers.
pub fn verifying_task(verifiers: u16, hashes: &[Sha256]) -> (TaskId, Vec<u32>, Vec<AccountId>) {
	let task = pallet_task_pool::NextTaskId::<Test>::get();
	TaskPool::submit_task(RuntimeOrigin::signed(SUBMITTER), Box::new(spec(verifiers)), REWARD, FEE)
		.unwrap();
	next_block();
	TaskPool::accept_task(RuntimeOrigin::signed(SOLVER), task).unwrap();
	ProofOfLearning::commit_checkpoints(
		RuntimeOrigin::signed(SOLVER),
		task,
		sealed(task, hashes),
		Uri::truncate_from(b"http://solver.example/ckpt".to_vec()),
	)
	.unwrap();
	run_to_block(System::block_number() + 2);
	let record = Verifications::<Test>::get(task).unwrap();
	(task, record.segments.to_vec(), record.slots.iter().map(|s| s.verifier).collect())
}

/// `hashes` sealed by [`SOLVER`] for `task` (the test solver then shows and discloses them).
pub fn sealed(task: TaskId, hashes: &[Sha256]) -> assay_primitives::SealedCommitment {
	pallet_proof_of_learning::testing::seal(task, &SOLVER, hashes, [0xaa; 32])
}

/// Each verifier commits to and reveals its verdict (`reports(verifier index)`).
pub fn verify(task: TaskId, verifiers: &[AccountId], verdict_of: impl Fn(usize) -> Verdict) {
	for (i, v) in verifiers.iter().enumerate() {
		let hash = assay_primitives::verdict_commitment(task, v, &verdict_of(i), &[*v as u8; 32]);
		ProofOfLearning::commit_verdict(RuntimeOrigin::signed(*v), task, hash).unwrap();
	}
	for (i, v) in verifiers.iter().enumerate() {
		ProofOfLearning::reveal_verdict(
			RuntimeOrigin::signed(*v),
			task,
			verdict_of(i),
			[*v as u8; 32],
		)
		.unwrap();
	}
	// The solver discloses its seal as soon as every verdict is in.
	pallet_proof_of_learning::testing::act::<Test>();
}

/// A verdict on `hashes` made of `report(segment)` for each sampled segment, with the initial
/// state checked honestly.
pub fn verdict_from(
	hashes: &[Sha256],
	segments: &[u32],
	report: impl Fn(u32) -> SegmentReport,
) -> Verdict {
	verdict_with(initial_report(hashes, initial_state()), segments, report)
}

/// The verdict of an honest verifier on `hashes`: the initial state and every sampled
/// segment checked.
pub fn honest_verdict(hashes: &[Sha256], segments: &[u32]) -> Verdict {
	verdict_from(hashes, segments, |s| honest_report(hashes, s))
}

/// A verdict with `initial_state` and `report(segment)` for each sampled segment.
pub fn verdict_with(
	initial_state: InitialStateReport,
	segments: &[u32],
	report: impl Fn(u32) -> SegmentReport,
) -> Verdict {
	let segments = SegmentReports::truncate_from(segments.iter().map(|s| report(*s)).collect());
	Verdict::Checked { initial_state, segments }
}

/// Runs blocks until `task`'s jury is drawn (it is drawn from a later block's randomness).
pub fn await_jury(task: TaskId) {
	while let Some(Phase::AwaitingJury { at }) = crate::Disputes::<Test>::get(task).map(|d| d.phase)
	{
		run_to_block(at);
	}
}

/// Every juror votes `vote_of(juror)`, committing then revealing.
pub fn jury_votes(task: TaskId, vote_of: impl Fn(AccountId) -> JuryVote) {
	let jurors: Vec<AccountId> = crate::Disputes::<Test>::get(task)
		.unwrap()
		.jurors
		.iter()
		.map(|j| j.juror)
		.collect();
	assert!(!jurors.is_empty(), "no jury");
	for j in &jurors {
		let hash = vote_commitment(task, j, vote_of(*j), &[*j as u8; 32]);
		Dispute::commit_vote(RuntimeOrigin::signed(*j), task, hash).unwrap();
	}
	for j in &jurors {
		Dispute::reveal_vote(RuntimeOrigin::signed(*j), task, vote_of(*j), [*j as u8; 32]).unwrap();
	}
}

/// The sampled task's phase in the task pool (`None`: ended).
pub fn task_phase(task: TaskId) -> Option<TaskPhase> {
	<TaskPool as assay_primitives::TaskLifecycle<AccountId>>::summary(task).map(|s| s.phase)
}

/// Checks that `task` failed with time left and is open again without [`SOLVER`], then has
/// the submitter cancel it, so that balances read as if it had ended (the escrow refunded).
pub fn cancel_reopened(task: TaskId) {
	let passed_over = pallet_task_pool::Tasks::<Test>::get(task).map(|t| t.passed_over.to_vec());
	assert_eq!((task_phase(task), passed_over), (Some(TaskPhase::Open), Some(vec![SOLVER])));
	TaskPool::cancel_task(RuntimeOrigin::signed(SUBMITTER), task).unwrap();
}

/// The verification phase of `task`.
pub fn verification_phase(task: TaskId) -> Option<VerificationPhase<BlockNumber>> {
	Verifications::<Test>::get(task).map(|v| v.phase)
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn bond(who: AccountId, role: Role) -> Balance {
	pallet_role_staking::Bonds::<Test>::get(who, role).map_or(0, |b| b.amount)
}
