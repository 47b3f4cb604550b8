//! Every pallet's `Config`, with the parameters it reads.
//!
//! The consensus pieces fit together like this: Session rotates when Babe says an epoch ends;
//! Historical wraps Staking as Session's manager so old validator sets stay provable; Babe and
//! Grandpa report equivocations through Offences, which forwards them to Staking for slashing;
//! Authorship finds each block's author through Session + Babe and gives Staking its era points.

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers;
pub mod randomness;

use crate::{
	AccountId, Babe, Balance, Balances, Block, BlockNumber, Dispute, Historical, Moment, Nonce,
	Offences, OriginCaller, PalletInfo, ProofOfLearning, RoleStaking, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Session,
	SessionKeys, Staking, System, TaskPool, Timestamp, UncheckedExtrinsic, EPOCH_DURATION_IN_SLOTS,
	EXISTENTIAL_DEPOSIT, MICRO_UNITS, MILLI_SECS_PER_BLOCK, SLOT_DURATION, SS58_PREFIX, UNITS,
	VERSION,
};
use frame_election_provider_support::{
	bounds::{ElectionBounds, ElectionBoundsBuilder},
	onchain, SequentialPhragmen,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		ConstBool, ConstU32, ConstU64, ConstU8, Nothing, OnUnbalanced, VariantCountOf,
	},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, IdentityFee, Weight,
	},
	PalletId,
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_session::historical as session_historical;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{
	curve::PiecewiseLinear,
	traits::{AccountIdConversion, ConvertInto, One, OpaqueKeys},
	Perbill,
};
use sp_staking::{EraIndex, SessionIndex};

// ---------------------------------------------------------------------------------------------
// System

/// Normal extrinsics may fill three quarters of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// 5 MiB blocks.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// A third of the block time may be spent executing: the rest is for import and gossip.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(
			WEIGHT_REF_TIME_PER_SECOND.saturating_mul(MILLI_SECS_PER_BLOCK) / 3_000,
			u64::MAX,
		),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = crate::Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores state in ParityDB (RocksDB is not compiled in).
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

// Unsigned extrinsics built inside the runtime (BABE and GRANDPA equivocation reports).
impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

// ---------------------------------------------------------------------------------------------
// Consensus: BABE, GRANDPA, Session, Historical, Authorship, Offences

parameter_types! {
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	pub const ExpectedBlockTime: Moment = MILLI_SECS_PER_BLOCK;
	pub const MaxAuthorities: u32 = 100;
	/// Equivocation evidence stays reportable for as long as the offender's stake is bonded.
	pub const ReportLongevity: u64 =
		BondingDuration::get() as u64 * SessionsPerEra::get() as u64 * EpochDuration::get();
	pub const MaxSetIdSessionEntries: u64 =
		BondingDuration::get() as u64 * SessionsPerEra::get() as u64;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	// Session decides when an epoch ends, so epochs and sessions stay one and the same.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxExposurePageSize;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxExposurePageSize;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = Moment;
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A validator is identified by its stash account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = session_historical::NoteHistoricalRoot<Self, Staking>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ();
}

impl session_historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_staking::UnitIdentificationOf<Self>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	// Every authored block earns its author era points.
	type EventHandler = Staking;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = session_historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Staking;
}

// ---------------------------------------------------------------------------------------------
// Balances and fees

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = frame_support::traits::ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Transaction fees and tips go to the author of the block that includes them; with no author
/// (never the case on a running chain) they are burned.
pub struct FeesToBlockAuthor;
impl OnUnbalanced<Credit<AccountId, Balances>> for FeesToBlockAuthor {
	fn on_nonzero_unbalanced(fees: Credit<AccountId, Balances>) {
		if let Some(author) = pallet_authorship::Pallet::<Runtime>::author() {
			// Resolving fails only if the author's account cannot exist; the credit is then
			// dropped, which burns it.
			let _ = <Balances as Balanced<AccountId>>::resolve(&author, fees);
		}
	}
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// One micro-ASY per byte of extrinsic.
	pub const TransactionByteFee: Balance = MICRO_UNITS;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, FeesToBlockAuthor>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Nominated proof-of-stake

// Yearly inflation paid to stakers: 2.5 % at no stake, rising to 10 % at 50 % staked.
pallet_staking_reward_curve::build! {
	const REWARD_CURVE: PiecewiseLinear<'static> = curve!(
		min_inflation: 0_025_000,
		max_inflation: 0_100_000,
		ideal_stake: 0_500_000,
		falloff: 0_050_000,
		max_piece_count: 40,
		test_precision: 0_005_000,
	);
}

#[cfg(feature = "fast-runtime")]
parameter_types! {
	pub const SessionsPerEra: SessionIndex = 3;
	pub const BondingDuration: EraIndex = 2;
	pub const SlashDeferDuration: EraIndex = 1;
}

#[cfg(not(feature = "fast-runtime"))]
parameter_types! {
	/// Six one-hour sessions per era.
	pub const SessionsPerEra: SessionIndex = 6;
	/// 7 days of 6-hour eras.
	pub const BondingDuration: EraIndex = 28;
	/// Slashes wait a little less than the bonding duration, so root can cancel a wrong one.
	pub const SlashDeferDuration: EraIndex = 27;
}

parameter_types! {
	pub const RewardCurve: &'static PiecewiseLinear<'static> = &REWARD_CURVE;
	pub const MaxExposurePageSize: u32 = 64;
	pub const MaxValidatorSet: u32 = 100;
	pub const MaxNominations: u32 = 16;
	/// Bounds the on-chain election so it always fits in the block that rotates the era.
	pub ElectionBoundsOnChain: ElectionBounds = ElectionBoundsBuilder::default()
		.voters_count(2_000.into())
		.targets_count(500.into())
		.build();
}

/// The on-chain sequential Phragmén election that picks each era's validators.
pub struct OnChainSeqPhragmen;
impl onchain::Config for OnChainSeqPhragmen {
	type Sort = ConstBool<true>;
	type System = Runtime;
	type Solver = SequentialPhragmen<AccountId, Perbill>;
	type MaxBackersPerWinner = ConstU32<2_000>;
	type MaxWinnersPerPage = MaxValidatorSet;
	type DataProvider = Staking;
	type WeightInfo = frame_election_provider_support::weights::SubstrateWeight<Runtime>;
	type Bounds = ElectionBoundsOnChain;
}

/// Sizes used when benchmarking staking; the chain's bounds above, not the pallet's test ones.
pub struct StakingBenchmarkingConfig;
impl pallet_staking::BenchmarkingConfig for StakingBenchmarkingConfig {
	type MaxValidators = ConstU32<100>;
	type MaxNominators = ConstU32<1_000>;
}

impl pallet_staking::Config for Runtime {
	type OldCurrency = Balances;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CurrencyBalance = Balance;
	type UnixTime = Timestamp;
	type CurrencyToVote = sp_staking::currency_to_vote::U128CurrencyToVote;
	type ElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type GenesisElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type NominationsQuota = pallet_staking::FixedNominationsQuota<{ MaxNominations::get() }>;
	type HistoryDepth = ConstU32<84>;
	// Inflation beyond the stakers' share, and slashed stake, are burned: there is no treasury.
	type RewardRemainder = ();
	type RuntimeEvent = RuntimeEvent;
	type Slash = ();
	type Reward = ();
	type SessionsPerEra = SessionsPerEra;
	type BondingDuration = BondingDuration;
	type SlashDeferDuration = SlashDeferDuration;
	type AdminOrigin = EnsureRoot<AccountId>;
	type SessionInterface = Self;
	type EraPayout = pallet_staking::ConvertCurve<RewardCurve>;
	type NextNewSession = Session;
	type MaxExposurePageSize = MaxExposurePageSize;
	type MaxValidatorSet = MaxValidatorSet;
	type VoterList = pallet_staking::UseNominatorsAndValidatorsMap<Self>;
	type TargetList = pallet_staking::UseValidatorsMap<Self>;
	type MaxUnlockingChunks = ConstU32<32>;
	type MaxControllersInDeprecationBatch = ConstU32<100>;
	type EventListeners = ();
	type Filter = Nothing;
	type BenchmarkingConfig = StakingBenchmarkingConfig;
	type WeightInfo = pallet_staking::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Utility and Sudo

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// The Assay compute market

parameter_types! {
	pub const MinSolverBond: Balance = 100 * UNITS;
	pub const MinVerifierBond: Balance = 100 * UNITS;
	pub const MinWhistleblowerBond: Balance = 50 * UNITS;
	/// A leaving member stays slashable this long, for verdicts and disputes still in flight.
	pub const RoleUnbondingPeriod: BlockNumber = ROLE_UNBONDING_PERIOD;
	/// The share of a slash paid to whoever proved the fault; the rest goes to the treasury.
	pub const SlashRewardShare: Perbill = Perbill::from_percent(50);
	pub AssayTreasuryAccount: AccountId = ASSAY_TREASURY.into_account_truncating();
	pub AssayJackpotAccount: AccountId = ASSAY_JACKPOT.into_account_truncating();
	pub const MaxMembersPerRole: u32 = 1_000;
	pub const MinReputation: u32 = 100_000;
	pub const MaxReputation: u32 = 10_000_000;
	pub const ReputationReward: u32 = 10_000;
	pub const ReputationPenalty: u32 = 200_000;
}

/// The account that receives the protocol's share of slashes (no key controls it).
pub const ASSAY_TREASURY: PalletId = PalletId(*b"asy/trsy");
/// The account that holds the forced-error jackpot (no key controls it).
pub const ASSAY_JACKPOT: PalletId = PalletId(*b"asy/jkpt");

#[cfg(feature = "fast-runtime")]
const ROLE_UNBONDING_PERIOD: BlockNumber = 10 * crate::MINUTES;
#[cfg(not(feature = "fast-runtime"))]
const ROLE_UNBONDING_PERIOD: BlockNumber = 7 * 24 * crate::HOURS;

impl pallet_role_staking::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinSolverBond = MinSolverBond;
	type MinVerifierBond = MinVerifierBond;
	type MinWhistleblowerBond = MinWhistleblowerBond;
	type UnbondingPeriod = RoleUnbondingPeriod;
	type SlashRewardShare = SlashRewardShare;
	type TreasuryAccount = AssayTreasuryAccount;
	type MaxMembersPerRole = MaxMembersPerRole;
	type MinReputation = MinReputation;
	type MaxReputation = MaxReputation;
	type ReputationReward = ReputationReward;
	type ReputationPenalty = ReputationPenalty;
	type WeightInfo = pallet_role_staking::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// What a task may ask for. Deadlines are in blocks; the cap on GFLOPs keeps a single task
	/// within what one well-equipped solver trains in days, not months.
	pub const TaskSpecLimits: assay_primitives::SpecLimits = assay_primitives::SpecLimits {
		max_total_steps: 10_000_000,
		max_batch_size: 65_536,
		max_segments: 100_000,
		// A reveal checks two Merkle proofs per sampled segment: 8 keep it well inside a block.
		max_sampled_segments: 8,
		max_verifiers: 16,
		min_deadline_blocks: MIN_TASK_DEADLINE,
		max_deadline_blocks: 30 * 24 * crate::HOURS,
		max_gflops: 1_000_000_000_000,
	};
	/// The solver stakes as much as it stands to earn: lying must cost more than it pays.
	pub const SolverCollateral: Perbill = Perbill::from_percent(100);
	/// Each verifier is paid at least 1 % of the reward: checking must always pay more than
	/// declaring the artifacts unavailable, which is unpaid.
	pub const MinVerifierFee: Perbill = Perbill::from_percent(1);
	/// A drawn solver that never answers loses a little and the task is drawn again.
	pub const NoShowSlash: Perbill = Perbill::from_percent(5);
	/// A solver that accepts and does not deliver loses half its collateral.
	pub const MissedDeadlineSlash: Perbill = Perbill::from_percent(50);
	pub const TaskAcceptWindow: BlockNumber = TASK_ACCEPT_WINDOW;
	pub const TaskExpiryFactor: u32 = 3;
	pub const MaxLiveTasks: u32 = 1_024;
	/// One draw over up to 1 000 solvers weighs about 158 ms on the debug-node weights (session
	/// 9); with 6 deadlines (4.4 ms each) the task pool's hook stays under a fifth of a 3-second
	/// block, and the market hooks together under three quarters (checked by the runtime tests).
	pub const MaxTaskDrawsPerBlock: u32 = 1;
	pub const MaxTaskDeadlinesPerBlock: u32 = 6;
	pub const MaxSolverAttempts: u32 = 8;
	/// Forfeited by a task no solver was ever drawn for: filling the 1 024 live-task slots with
	/// tasks nobody can take costs 10 240 ASY each time they expire.
	pub const SubmissionDeposit: Balance = 10 * UNITS;
	/// A submitter's live tasks; a flood needs many funded accounts, each paying deposits.
	pub const MaxLiveTasksPerSubmitter: u32 = 32;
	/// A decline past the first free one in the window costs 1 % of the collateral (a no-show
	/// costs 5 %): a cartel steering tasks among its members pays for every pass.
	pub const DeclineSlash: Perbill = Perbill::from_percent(1);
	pub const FreeDeclineWindow: BlockNumber = FREE_DECLINE_WINDOW;
	/// 2 % of each settled reward funds the forced-error jackpot (see proof of learning).
	pub const JackpotTax: Perbill = Perbill::from_percent(2);
	/// One forced error pays its finders at most 200 ASY together.
	pub const JackpotCap: Balance = 200 * UNITS;
}

#[cfg(feature = "fast-runtime")]
const FREE_DECLINE_WINDOW: BlockNumber = 10 * crate::MINUTES;
#[cfg(not(feature = "fast-runtime"))]
const FREE_DECLINE_WINDOW: BlockNumber = 24 * crate::HOURS;

#[cfg(feature = "fast-runtime")]
const TASK_ACCEPT_WINDOW: BlockNumber = 10;
#[cfg(not(feature = "fast-runtime"))]
const TASK_ACCEPT_WINDOW: BlockNumber = 5 * crate::MINUTES;
#[cfg(feature = "fast-runtime")]
const MIN_TASK_DEADLINE: BlockNumber = 10;
#[cfg(not(feature = "fast-runtime"))]
const MIN_TASK_DEADLINE: BlockNumber = 10 * crate::MINUTES;

impl pallet_task_pool::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RoleStaking = RoleStaking;
	type Randomness = crate::RandomnessBeacon;
	type SpecLimits = TaskSpecLimits;
	type SolverCollateral = SolverCollateral;
	type MinVerifierFee = MinVerifierFee;
	type NoShowSlash = NoShowSlash;
	type MissedDeadlineSlash = MissedDeadlineSlash;
	type AcceptWindow = TaskAcceptWindow;
	type DrawDelay = randomness::RandomnessDelay;
	type ExpiryFactor = TaskExpiryFactor;
	type MaxLiveTasks = MaxLiveTasks;
	type MaxDrawsPerBlock = MaxTaskDrawsPerBlock;
	type MaxDeadlinesPerBlock = MaxTaskDeadlinesPerBlock;
	type MaxSolverAttempts = MaxSolverAttempts;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxLiveTasksPerSubmitter = MaxLiveTasksPerSubmitter;
	type DeclineSlash = DeclineSlash;
	type FreeDeclineWindow = FreeDeclineWindow;
	type TreasuryAccount = AssayTreasuryAccount;
	type JackpotAccount = AssayJackpotAccount;
	type JackpotTax = JackpotTax;
	type JackpotCap = JackpotCap;
	type MaxSolverCandidates = MaxMembersPerRole;
	type WeightInfo = pallet_task_pool::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::MarketBenchmarks;
}

parameter_types! {
	/// What each drawn verifier locks: enough that skipping the replay and guessing costs more
	/// than a fee earns.
	pub const VerifierCollateral: Balance = 20 * UNITS;
	pub const VerifierNoShowSlash: Perbill = Perbill::from_percent(10);
	pub const VerdictCommitWindow: BlockNumber = VERDICT_COMMIT_WINDOW;
	pub const VerdictRevealWindow: BlockNumber = VERDICT_REVEAL_WINDOW;
	pub const ChallengeWindow: BlockNumber = CHALLENGE_WINDOW;
	pub const MaxVerifiers: u32 = 16;
	/// As many as live tasks: a solver's commitment is never refused for want of room.
	pub MaxVerifications: u32 = MaxLiveTasks::get();
	/// The heaviest verification deadline (a reveal phase ending with all 16 verifiers silent:
	/// 16 slashes and a fresh draw over 1 000 verifiers) weighs ~193 ms on the debug-node
	/// weights (session 7): one a block keeps the market hooks within three quarters of a
	/// 3-second block.
	pub const MaxVerificationDeadlinesPerBlock: u32 = 1;
}

#[cfg(feature = "fast-runtime")]
const VERDICT_COMMIT_WINDOW: BlockNumber = 20;
#[cfg(not(feature = "fast-runtime"))]
const VERDICT_COMMIT_WINDOW: BlockNumber = crate::HOURS;
#[cfg(feature = "fast-runtime")]
const VERDICT_REVEAL_WINDOW: BlockNumber = 10;
#[cfg(not(feature = "fast-runtime"))]
const VERDICT_REVEAL_WINDOW: BlockNumber = 30 * crate::MINUTES;
#[cfg(feature = "fast-runtime")]
const CHALLENGE_WINDOW: BlockNumber = 20;
#[cfg(not(feature = "fast-runtime"))]
const CHALLENGE_WINDOW: BlockNumber = 24 * crate::HOURS;

#[cfg(feature = "fast-runtime")]
const JURY_SIZE: u32 = 3;
#[cfg(not(feature = "fast-runtime"))]
const JURY_SIZE: u32 = 5;

#[cfg(feature = "fast-runtime")]
const UNAVAILABLE_TO_FAIL: u32 = 2;
#[cfg(not(feature = "fast-runtime"))]
const UNAVAILABLE_TO_FAIL: u32 = 3;

parameter_types! {
	pub const UnavailableToFail: u32 = UNAVAILABLE_TO_FAIL;
}

parameter_types! {
	/// Blocks a solver has to show its root once sampled, and to disclose its seal once the
	/// verdicts are in: it only reads the chain and signs (and, forced, writes one file).
	pub const SealWindow: BlockNumber = SEAL_WINDOW;
	/// One task in about 33 has a forced error until governance says otherwise; none on the
	/// fast dev runtime, whose tests and demo set the odds with `sudo` where they want one.
	pub const DefaultForcedErrorOdds: Perbill = DEFAULT_FORCED_ERROR_ODDS;
}

#[cfg(feature = "fast-runtime")]
const SEAL_WINDOW: BlockNumber = 10;
#[cfg(not(feature = "fast-runtime"))]
const SEAL_WINDOW: BlockNumber = 10 * crate::MINUTES;
#[cfg(feature = "fast-runtime")]
const DEFAULT_FORCED_ERROR_ODDS: Perbill = Perbill::zero();
#[cfg(not(feature = "fast-runtime"))]
const DEFAULT_FORCED_ERROR_ODDS: Perbill = Perbill::from_percent(3);

impl pallet_proof_of_learning::Config for Runtime {
	type Balance = Balance;
	type RoleStaking = RoleStaking;
	type Tasks = TaskPool;
	type Disputes = Dispute;
	type Randomness = crate::RandomnessBeacon;
	type VerifierCollateral = VerifierCollateral;
	type VerifierNoShowSlash = VerifierNoShowSlash;
	type SamplingDelay = randomness::RandomnessDelay;
	type CommitWindow = VerdictCommitWindow;
	type RevealWindow = VerdictRevealWindow;
	type ChallengeWindow = ChallengeWindow;
	type ShowWindow = SealWindow;
	type DiscloseWindow = SealWindow;
	type DefaultForcedErrorOdds = DefaultForcedErrorOdds;
	/// Ten commit windows without a judgment (10 minutes fast, 10 hours in production).
	type MaxVerificationRounds = ConstU32<10>;
	/// Fast chains have two verifiers to a task in the end-to-end tests; production wants a
	/// third independent draw before an unavailability claim fails a solver.
	type UnavailableToFail = UnavailableToFail;
	type MaxVerifiers = MaxVerifiers;
	type MaxVerifications = MaxVerifications;
	type MaxDeadlinesPerBlock = MaxVerificationDeadlinesPerBlock;
	type MaxVerifierCandidates = MaxMembersPerRole;
	type WeightInfo = pallet_proof_of_learning::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::MarketBenchmarks;
}

parameter_types! {
	/// What a whistleblower risks on a challenge.
	pub const ChallengeBond: Balance = 50 * UNITS;
	/// Odd; a side wins with a majority of a full jury (3 of 5; 2 of 3 on the fast dev
	/// runtime, whose test networks have few verifiers), so the pool must hold that many
	/// verifiers outside the task.
	pub const JurySize: u32 = JURY_SIZE;
	pub const JurorCollateral: Balance = 20 * UNITS;
	pub const JurorReward: Balance = 2 * UNITS;
	pub const JurorNoShowSlash: Perbill = Perbill::from_percent(10);
	pub const VoteCommitWindow: BlockNumber = VERDICT_COMMIT_WINDOW;
	pub const VoteRevealWindow: BlockNumber = VERDICT_REVEAL_WINDOW;
	pub const MaxJurors: u32 = 9;
	/// As many as verifications (one dispute per task): a challenge is never refused for want of
	/// room.
	pub MaxDisputes: u32 = MaxVerifications::get();
	/// A jury draw over 1 000 verifiers weighs ~180 ms on the debug-node weights (session 6);
	/// disputes are rare beside verifications, which keep 2 a block.
	pub const MaxDisputeDeadlinesPerBlock: u32 = 1;
}

impl pallet_dispute::Config for Runtime {
	type Balance = Balance;
	type RoleStaking = RoleStaking;
	type Verification = ProofOfLearning;
	type Randomness = crate::RandomnessBeacon;
	type ChallengeBond = ChallengeBond;
	type JurySize = JurySize;
	type JurorCollateral = JurorCollateral;
	type JurorReward = JurorReward;
	type JurorNoShowSlash = JurorNoShowSlash;
	type JuryDrawDelay = randomness::RandomnessDelay;
	type VoteCommitWindow = VoteCommitWindow;
	type VoteRevealWindow = VoteRevealWindow;
	type MaxJurors = MaxJurors;
	type MaxJuryRounds = ConstU32<10>;
	type MaxDisputes = MaxDisputes;
	type MaxDeadlinesPerBlock = MaxDisputeDeadlinesPerBlock;
	type MaxJurorCandidates = MaxMembersPerRole;
	type WeightInfo = pallet_dispute::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::MarketBenchmarks;
}
