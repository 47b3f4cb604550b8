//! The pallets `assay-node benchmark pallet` can measure (build with `runtime-benchmarks`).
//! `scripts/benchmark-pallets.sh` runs them and writes each pallet's `weights.rs`.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_randomness_beacon, RandomnessBeacon]
	[pallet_role_staking, RoleStaking]
	[pallet_task_pool, TaskPool]
	[pallet_proof_of_learning, ProofOfLearning]
	[pallet_dispute, Dispute]
);

impl frame_system_benchmarking::Config for crate::Runtime {}
impl frame_benchmarking::baseline::Config for crate::Runtime {}
