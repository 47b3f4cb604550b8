//! Benchmarks for `pallet_task_pool`: one per call, and the three parts of `on_initialize`.
//!
//! Worst cases: the [`DrawQueue`] one short of [`Config::MaxLiveTasks`] (every push or
//! removal decodes and re-encodes it), and every block a deadline could land in full up to the
//! last one the search reaches (so scheduling reads the whole span). The spec is the largest
//! encoding: sixteen layer widths and a dataset URI of the maximum length.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use alloc::vec;
use assay_primitives::{
	DatasetFormat, DatasetRef, Device, Fixed, HardwareClass, Hyperparams, Layers, MaxUriLen,
	ModelSpec, Optimizer, Uri, VerificationMode, VerificationPolicy,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Hooks,
};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// A task id no real task has, to fill queues with.
const FILLER: TaskId = TaskId::MAX;

/// The largest valid spec within the runtime's limits.
fn bench_spec<T: Config>() -> TaskSpec {
	let limits = T::SpecLimits::get();
	let mut uri = b"https://".to_vec();
	uri.resize(<MaxUriLen as Get<u32>>::get() as usize, b'a');
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::truncate_from(vec![4; 16]) },
		dataset: DatasetRef {
			uri: Uri::truncate_from(uri),
			sha256: [1; 32],
			format: DatasetFormat::MnistIdx,
			train_samples: 60_000,
		},
		hyper: Hyperparams {
			optimizer: Optimizer::Adam {
				beta1: Fixed::from_parts(900_000_000),
				beta2: Fixed::from_parts(999_000_000),
				epsilon: Fixed::from_parts(10),
			},
			learning_rate: Fixed::from_parts(1_000_000),
			batch_size: 1,
			total_steps: 1,
			seed: 7,
			checkpoint_interval: 1,
		},
		verification: VerificationPolicy {
			mode: VerificationMode::Exact,
			sampled_segments: 1,
			verifiers: limits.max_verifiers.clamp(1, 3),
		},
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 0 },
		deadline_blocks: limits.min_deadline_blocks.max(1),
	}
}

/// The reward used: the spec's minimum plus a thousand existential deposits.
fn reward<T: Config>() -> BalanceOf<T> {
	Pallet::<T>::min_reward(&bench_spec::<T>())
		.saturating_add(T::Currency::minimum_balance().saturating_mul(1_000u32.into()))
}

/// The least fee the runtime allows for [`reward`], and at least ten existential deposits.
fn verifier_fee<T: Config>() -> BalanceOf<T> {
	T::MinVerifierFee::get()
		.mul_ceil(reward::<T>())
		.max(T::Currency::minimum_balance().saturating_mul(10u32.into()))
}

/// An account able to pay the benchmark task's escrow several times over.
fn submitter<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("submitter", 0, SEED);
	let balance = reward::<T>()
		.saturating_add(verifier_fee::<T>().saturating_mul(100u32.into()))
		.saturating_add(T::SubmissionDeposit::get())
		.saturating_mul(10u32.into());
	T::Currency::set_balance(&who, balance);
	who
}

/// A bonded solver, drawable for the benchmark task.
fn solver<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("solver", index, SEED);
	T::BenchmarkHelper::make_solver(&who);
	who
}

/// Fills the draw queue with fillers up to one short of its bound, and counts them pending.
fn fill_queue<T: Config>() {
	let room = T::MaxLiveTasks::get().saturating_sub(1);
	let len = DrawQueue::<T>::decode_len().unwrap_or(0) as u32;
	DrawQueue::<T>::mutate(|queue| {
		for _ in len..room {
			let _ = queue.try_push(FILLER);
		}
	});
	PendingTasks::<T>::mutate(|n| *n = (*n).max(room));
}

/// Fills `block`'s deadline list to the longest a deadline is ever added to.
fn fill_deadlines<T: Config>(block: BlockNumberFor<T>) {
	TaskDeadlines::<T>::fill_one_short(block, FILLER);
}

/// Submits the benchmark task from `who` and returns its id.
fn submit<T: Config>(who: &T::AccountId) -> TaskId {
	let task = NextTaskId::<T>::get();
	Pallet::<T>::do_submit(who.clone(), bench_spec::<T>(), reward::<T>(), verifier_fee::<T>())
		.expect("the benchmark spec is valid and affordable");
	task
}

/// Submits a task and moves to the block where it is drawn for one of the solvers.
fn assigned<T: Config>(who: &T::AccountId) -> (TaskId, T::AccountId) {
	let task = submit::<T>(who);
	let next = frame_system::Pallet::<T>::block_number().saturating_add(T::DrawDelay::get());
	frame_system::Pallet::<T>::set_block_number(next);
	Pallet::<T>::draw_solvers(next);
	let solver = Tasks::<T>::get(task)
		.and_then(|t| match t.state {
			TaskState::Assigned { solver, .. } => Some(solver),
			_ => None,
		})
		.expect("the benchmark task is drawn for a solver");
	(task, solver)
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn submit_task() {
		let who = submitter::<T>();
		fill_queue::<T>();
		let lifetime = bench_spec::<T>().deadline_blocks.saturating_mul(T::ExpiryFactor::get());
		fill_deadlines::<T>(now::<T>().saturating_add(lifetime.into()));
		let task = NextTaskId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), Box::new(bench_spec::<T>()), reward::<T>(), verifier_fee::<T>());

		assert!(Tasks::<T>::contains_key(task));
	}

	// A task nobody could take: its deposit goes to the treasury.
	#[benchmark]
	fn cancel_task() {
		let who = submitter::<T>();
		fill_queue::<T>();
		let task = submit::<T>(&who);
		Tasks::<T>::mutate(task, |record| {
			if let Some(record) = record {
				record.draws = DrawHistory::NobodyEligible;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task);

		assert!(!Tasks::<T>::contains_key(task));
	}

	#[benchmark]
	fn accept_task() {
		let who = submitter::<T>();
		solver::<T>(0);
		let (task, solver) = assigned::<T>(&who);
		let deadline = bench_spec::<T>().deadline_blocks;
		fill_deadlines::<T>(now::<T>().saturating_add(deadline.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(solver), task);

		assert!(matches!(Tasks::<T>::get(task).map(|t| t.state), Some(TaskState::Training { .. })));
	}

	// Not the solver's first decline in the window: it is slashed.
	#[benchmark]
	fn decline_task() {
		let who = submitter::<T>();
		solver::<T>(0);
		let (task, solver) = assigned::<T>(&who);
		fill_queue::<T>();
		LastFreeDecline::<T>::insert(&solver, now::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(solver), task);

		assert!(matches!(Tasks::<T>::get(task).map(|t| t.state), Some(TaskState::Open { .. })));
	}

	#[benchmark]
	fn set_min_price_per_gflop() {
		let price = T::Currency::minimum_balance();

		#[extrinsic_call]
		_(RawOrigin::Root, price);

		assert_eq!(MinPricePerGflop::<T>::get(), price);
	}

	// Nothing due, nothing queued.
	#[benchmark]
	fn on_initialize_base() {
		let block = now::<T>().saturating_add(1u32.into());

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}
	}

	// The costliest deadline: a missed commit (slash, release, reputation, reopen into a long
	// queue).
	#[benchmark]
	fn handle_deadline() {
		let who = submitter::<T>();
		solver::<T>(0);
		let (task, solver) = assigned::<T>(&who);
		Pallet::<T>::accept_task(RawOrigin::Signed(solver).into(), task)
			.expect("the drawn solver can accept");
		let commit_by = Tasks::<T>::get(task)
			.and_then(|t| match t.state {
				TaskState::Training { commit_by, .. } => Some(commit_by),
				_ => None,
			})
			.expect("the benchmark task is training");
		fill_queue::<T>();
		frame_system::Pallet::<T>::set_block_number(commit_by);

		#[block]
		{
			Pallet::<T>::handle_deadlines(commit_by);
		}

		assert!(matches!(Tasks::<T>::get(task).map(|t| t.state), Some(TaskState::Open { .. })));
	}

	// One draw among `c` eligible solvers.
	#[benchmark]
	fn draw_solver(c: Linear<1, { T::MaxSolverCandidates::get() }>) {
		for i in 0..c {
			solver::<T>(i);
		}
		let who = submitter::<T>();
		let task = submit::<T>(&who);
		let block = now::<T>().saturating_add(T::DrawDelay::get());
		frame_system::Pallet::<T>::set_block_number(block);

		#[block]
		{
			Pallet::<T>::draw_solvers(block);
		}

		assert!(matches!(Tasks::<T>::get(task).map(|t| t.state), Some(TaskState::Assigned { .. })));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
