//! What the Assay market pallets' mock runtimes share: block-by-block randomness, the standard
//! test task, and the `Config` blocks of role staking and the task pool, so that each mock
//! only states what is particular to it. Test code only (`publish = false`).

#![deny(missing_docs)]

use assay_primitives::{
	DatasetFormat, DatasetRef, Device, Fixed, HardwareClass, Hyperparams, Layers, ModelSpec,
	Optimizer, TaskSpec, Uri, VerificationMode, VerificationPolicy,
};
use codec::Encode;
use core::marker::PhantomData;
use frame_support::traits::Randomness;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Hash;

/// `hash(subject ‖ block number)`: changes every block and with every subject, like the
/// runtime's BABE randomness, and is reproducible in tests.
pub struct BlockRandomness<T>(PhantomData<T>);

impl<T: frame_system::Config> Randomness<T::Hash, BlockNumberFor<T>> for BlockRandomness<T> {
	fn random(subject: &[u8]) -> (T::Hash, BlockNumberFor<T>) {
		let block = frame_system::Pallet::<T>::block_number();
		(T::Hashing::hash(&(subject, block).encode()), block)
	}
}

/// The standard test task: an MLP `[64, 32, 10]` on a CSV file, 100 SGD steps of 16 in 10
/// segments, 2 of them sampled, `verifiers` verifiers, any CPU with 4 GiB, a 20-block deadline.
/// 3 × (2·64·32 + 32 + 2·32·10 + 10) × 16 × 100 = 20 865 600 FLOPs: 1 GFLOP (rounded up).
pub fn mlp_task(verifiers: u16, mode: VerificationMode) -> TaskSpec {
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 32, 10]) },
		dataset: DatasetRef {
			uri: Uri::truncate_from(b"https://example.org/digits.csv".to_vec()),
			sha256: [7; 32],
			format: DatasetFormat::Csv,
			train_samples: 1_797,
		},
		hyper: Hyperparams {
			optimizer: Optimizer::Sgd,
			learning_rate: Fixed::from_parts(10_000_000),
			batch_size: 16,
			total_steps: 100,
			seed: 42,
			checkpoint_interval: 10,
		},
		verification: VerificationPolicy { mode, sampled_segments: 2, verifiers },
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 4 },
		deadline_blocks: 20,
	}
}

/// `impl pallet_role_staking::Config for $runtime` with the mocks' settings: minimum bonds 100
/// (solver, verifier) and 50 (whistleblower), 10 blocks of unbonding, 16 members per role,
/// reputation in [0.1, 2] moving +0.05 / −0.2. Needs `Balances` and `RuntimeHoldReason` in
/// scope.
#[macro_export]
macro_rules! impl_role_staking_config {
	($runtime:ty, treasury = $treasury:ty, slash_reward_share = $share:ty) => {
		impl pallet_role_staking::Config for $runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type MinSolverBond = frame_support::traits::ConstU128<100>;
			type MinVerifierBond = frame_support::traits::ConstU128<100>;
			type MinWhistleblowerBond = frame_support::traits::ConstU128<50>;
			type UnbondingPeriod = frame_support::traits::ConstU64<10>;
			type SlashRewardShare = $share;
			type TreasuryAccount = $treasury;
			type MaxMembersPerRole = frame_support::traits::ConstU32<16>;
			type MinReputation = frame_support::traits::ConstU32<100_000>;
			type MaxReputation = frame_support::traits::ConstU32<2_000_000>;
			type ReputationReward = frame_support::traits::ConstU32<50_000>;
			type ReputationPenalty = frame_support::traits::ConstU32<200_000>;
			type WeightInfo = ();
		}
	};
}

/// `impl pallet_task_pool::Config for $runtime` as the judging pallets' mocks use it (with
/// [`BlockRandomness`] unless `randomness = …` names another source):
/// collateral half the reward, 10 % no-show and 50 % missed-deadline slashes, 3-block accept
/// window, 8 pending tasks, no submission deposit. Needs `Balances`, `RuntimeHoldReason`,
/// `RoleStaking` and `Treasury` in scope.
#[macro_export]
macro_rules! impl_task_pool_config {
	($runtime:ty, spec_limits = $limits:ty) => {
		$crate::impl_task_pool_config!(
			$runtime,
			spec_limits = $limits,
			randomness = $crate::BlockRandomness<$runtime>
		);
	};
	($runtime:ty, spec_limits = $limits:ty, randomness = $randomness:ty) => {
		frame_support::parameter_types! {
			pub const TaskPoolHalf: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
			pub const TaskPoolTenth: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(10);
			pub const TaskPoolOnePercent: sp_runtime::Perbill =
				sp_runtime::Perbill::from_percent(1);
			pub static TaskPoolJackpotTax: sp_runtime::Perbill = sp_runtime::Perbill::zero();
		}
		impl pallet_task_pool::Config for $runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type RoleStaking = RoleStaking;
			type Randomness = $randomness;
			type SpecLimits = $limits;
			type SolverCollateral = TaskPoolHalf;
			type MinVerifierFee = TaskPoolOnePercent;
			type NoShowSlash = TaskPoolTenth;
			type MissedDeadlineSlash = TaskPoolHalf;
			type AcceptWindow = frame_support::traits::ConstU64<3>;
			type DrawDelay = frame_support::traits::ConstU64<1>;
			type ExpiryFactor = frame_support::traits::ConstU32<3>;
			type MaxLiveTasks = frame_support::traits::ConstU32<8>;
			type MaxDrawsPerBlock = frame_support::traits::ConstU32<2>;
			type MaxDeadlinesPerBlock = frame_support::traits::ConstU32<4>;
			type MaxSolverAttempts = frame_support::traits::ConstU32<3>;
			// No deposit: the judging pallets' balance arithmetic starts after submission.
			type SubmissionDeposit = frame_support::traits::ConstU128<0>;
			type MaxLiveTasksPerSubmitter = frame_support::traits::ConstU32<8>;
			type DeclineSlash = TaskPoolOnePercent;
			type FreeDeclineWindow = frame_support::traits::ConstU64<10>;
			type TreasuryAccount = Treasury;
			type JackpotAccount = JackpotAccount;
			type JackpotTax = TaskPoolJackpotTax;
			type JackpotCap = frame_support::traits::ConstU128<1_000>;
			type MaxSolverCandidates = frame_support::traits::ConstU32<16>;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = ();
		}
	};
}

/// The spec limits of the mocks: small enough to test every bound.
pub const MOCK_SPEC_LIMITS: assay_primitives::SpecLimits = assay_primitives::SpecLimits {
	max_total_steps: 100_000,
	max_batch_size: 1_024,
	max_segments: 1_000,
	max_sampled_segments: 16,
	max_verifiers: 8,
	min_deadline_blocks: 5,
	max_deadline_blocks: 1_000,
	max_gflops: 1_000_000,
};
