//! Set-up for the market pallets' benchmarks on the real runtime: bonded solvers, verifiers
//! and whistleblowers, a task training by a given solver, and a task in its challenge window,
//! all made through the pallets' own calls.

use super::{MaxVerifiers, MinSolverBond, TaskSpecLimits};
use crate::{
	AccountId, Balance, Balances, ProofOfLearning, RoleStaking, RuntimeOrigin, System, TaskPool,
	UNITS,
};
use alloc::{boxed::Box, vec, vec::Vec};
use assay_primitives::{
	merkle_proof, merkle_root, sealed_checkpoints, sha256, verdict_commitment, DatasetFormat,
	DatasetRef, Device, Distance, Fixed, HardwareClass, Hyperparams, InitialStateReport, Layers,
	ModelSpec, Optimizer, Role, SealedCommitment, SegmentReport, SegmentReports, Sha256, TaskId,
	TaskSpec, Uri, Verdict, VerificationMode, VerificationPolicy,
};
use frame_support::traits::{fungible::Mutate, Hooks};

/// The market pallets' benchmark helper.
pub struct MarketBenchmarks;

/// A bond of every role, with room for any collateral the benchmarks lock.
const BOND: Balance = 1_000 * 100 * UNITS;

fn defensive(result: frame_support::dispatch::DispatchResult, what: &'static str) {
	if result.is_err() {
		frame_support::defensive!(what);
	}
}

/// Funds `who` and bonds it for `role` (once).
fn bond_once(who: &AccountId, role: Role) {
	if pallet_role_staking::Bonds::<crate::Runtime>::get(who, role).is_some() {
		return;
	}
	Balances::set_balance(who, BOND.saturating_mul(3));
	let hardware = (role == Role::Solver)
		.then_some(HardwareClass { device: Device::Gpu, memory_gib: u16::MAX });
	let amount = BOND.max(MinSolverBond::get());
	defensive(
		RoleStaking::bond(RuntimeOrigin::signed(who.clone()), role, amount, hardware),
		"a benchmark account could not bond",
	);
}

/// The task every helper submits: 64 segments of 2 steps, the most sampled segments and
/// verifiers.
fn spec() -> TaskSpec {
	let limits = TaskSpecLimits::get();
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::truncate_from(vec![4, 4]) },
		dataset: DatasetRef {
			uri: Uri::truncate_from(b"https://example.org/data.csv".to_vec()),
			sha256: [1; 32],
			format: DatasetFormat::Csv,
			train_samples: 1_000,
		},
		hyper: Hyperparams {
			optimizer: Optimizer::Sgd,
			learning_rate: Fixed::from_parts(1_000_000),
			batch_size: 1,
			total_steps: 128,
			seed: 1,
			checkpoint_interval: 2,
		},
		verification: VerificationPolicy {
			mode: VerificationMode::Exact,
			sampled_segments: limits.max_sampled_segments.min(64),
			verifiers: limits.max_verifiers.min(MaxVerifiers::get() as u16),
		},
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 0 },
		deadline_blocks: limits.min_deadline_blocks,
	}
}

/// The checkpoint hashes `h_0 … h_64` every helper commits to.
fn checkpoint_hashes() -> Vec<Sha256> {
	(0..=spec().hyper.n_segments()).map(|i| sha256(&i.to_le_bytes())).collect()
}

fn advance_to(block: crate::BlockNumber) {
	System::set_block_number(block);
	TaskPool::on_initialize(block);
	ProofOfLearning::on_initialize(block);
}

impl pallet_task_pool::BenchmarkHelper<AccountId> for MarketBenchmarks {
	fn make_solver(who: &AccountId) {
		bond_once(who, Role::Solver);
	}
}

impl pallet_proof_of_learning::BenchmarkHelper<AccountId> for MarketBenchmarks {
	fn training_task(solver: &AccountId) -> TaskId {
		bond_once(solver, Role::Solver);
		let submitter = AccountId::from([0xbe; 32]);
		Balances::set_balance(&submitter, 1_000_000 * UNITS);
		let task = pallet_task_pool::NextTaskId::<crate::Runtime>::get();
		defensive(
			TaskPool::submit_task(
				RuntimeOrigin::signed(submitter),
				Box::new(spec()),
				10 * UNITS,
				UNITS,
			),
			"the benchmark task was refused",
		);
		advance_to(
			System::block_number().saturating_add(super::randomness::RandomnessDelay::get()),
		);
		defensive(
			TaskPool::accept_task(RuntimeOrigin::signed(solver.clone()), task),
			"the benchmark solver was not drawn",
		);
		task
	}

	fn make_verifier(who: &AccountId) {
		bond_once(who, Role::Verifier);
	}
}

impl pallet_dispute::BenchmarkHelper<AccountId> for MarketBenchmarks {
	fn challengeable_task() -> (TaskId, Vec<Sha256>) {
		use pallet_proof_of_learning::BenchmarkHelper as _;
		let solver = AccountId::from([0x50; 32]);
		let verifiers = spec().verification.verifiers;
		for i in 0..verifiers {
			bond_once(&AccountId::from([0x60u8.saturating_add(i as u8); 32]), Role::Verifier);
		}
		let task = Self::training_task(&solver);
		let hashes = checkpoint_hashes();
		let root = merkle_root(&hashes);
		let secret = [0x5e; 32];
		let commitment = SealedCommitment {
			sealed: sealed_checkpoints(task, &solver, &secret, &root),
			checkpoints: hashes.len() as u32,
			final_model: [0xaa; 32],
		};
		let uri = Uri::truncate_from(b"https://solver.example/checkpoints".to_vec());
		pallet_proof_of_learning::ForcedErrorOdds::<crate::Runtime>::put(
			sp_runtime::Perbill::zero(),
		);
		defensive(
			ProofOfLearning::commit_checkpoints(
				RuntimeOrigin::signed(solver.clone()),
				task,
				commitment,
				uri,
			),
			"the benchmark commitment was refused",
		);
		advance_to(
			System::block_number().saturating_add(super::randomness::RandomnessDelay::get()),
		);
		// Not forced (odds zero, set before the sampling): the true root is shown.
		defensive(
			ProofOfLearning::show_checkpoints(RuntimeOrigin::signed(solver.clone()), task, root),
			"the benchmark solver could not show its root",
		);
		let Some(record) = pallet_proof_of_learning::Verifications::<crate::Runtime>::get(task)
		else {
			return (task, hashes);
		};
		// Every verifier passes the initial state and every sampled segment.
		let initial_state = InitialStateReport {
			committed_hash: hashes.first().copied().unwrap_or_default(),
			proof: merkle_proof(&hashes, 0).unwrap_or_default(),
			derived_hash: hashes.first().copied().unwrap_or_default(),
		};
		let segments = SegmentReports::truncate_from(
			record
				.segments
				.iter()
				.map(|&s| SegmentReport {
					segment: s,
					start_hash: hashes.get(s as usize).copied().unwrap_or_default(),
					start_proof: merkle_proof(&hashes, s).unwrap_or_default(),
					end_hash: hashes.get(s as usize + 1).copied().unwrap_or_default(),
					end_proof: merkle_proof(&hashes, s + 1).unwrap_or_default(),
					replayed_hash: hashes.get(s as usize + 1).copied().unwrap_or_default(),
					distance: Distance::ZERO,
				})
				.collect::<Vec<_>>(),
		);
		let verdict = Verdict::Checked { initial_state, segments };
		let drawn: Vec<AccountId> = record.slots.iter().map(|s| s.verifier.clone()).collect();
		for v in &drawn {
			let hash = verdict_commitment(task, v, &verdict, &[0; 32]);
			defensive(
				ProofOfLearning::commit_verdict(RuntimeOrigin::signed(v.clone()), task, hash),
				"a benchmark verifier could not commit",
			);
		}
		for v in &drawn {
			defensive(
				ProofOfLearning::reveal_verdict(
					RuntimeOrigin::signed(v.clone()),
					task,
					verdict.clone(),
					[0; 32],
				),
				"a benchmark verifier could not reveal",
			);
		}
		defensive(
			ProofOfLearning::disclose(RuntimeOrigin::signed(solver), task, secret, root, None),
			"the benchmark solver could not disclose",
		);
		// The most declarers a verification the verdicts decided can hold (one fewer than
		// its verdicts), whose reputation falls when the task ends with its checkpoints shown.
		let declarers: Vec<AccountId> = (0..drawn.len().saturating_sub(1))
			.map(|i| {
				let who = AccountId::from([0x90u8.saturating_add(i as u8); 32]);
				bond_once(&who, Role::Verifier);
				who
			})
			.collect();
		ProofOfLearning::note_declarers(task, &declarers);
		(task, hashes)
	}

	fn make_whistleblower(who: &AccountId) {
		bond_once(who, Role::Whistleblower);
	}

	fn make_verifier(who: &AccountId) {
		bond_once(who, Role::Verifier);
	}
}
