//! Benchmarks for `pallet_proof_of_learning`: one per call, and the parts of `on_initialize`.
//!
//! Worst cases: the most verifiers a task may have, the most sampled segments (a reveal checks
//! two Merkle proofs per segment), a reveal that ends the reveal phase by opening a dispute, a
//! draw among every eligible verifier, and the end of a verification that fails for
//! unavailability with the most declarers a verification can hold.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use assay_primitives::{merkle_proof, merkle_root, sha256, Distance, Sha256};
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn solver<T: Config>() -> T::AccountId {
	account("solver", 0, SEED)
}

/// The checkpoint hashes `h_0 … h_n` of a task with `n` segments.
fn hashes(n: u32) -> Vec<Sha256> {
	(0..=n).map(|i| sha256(&i.to_le_bytes())).collect()
}

/// A task training by [`solver`], with its `n` segments; `verifiers` verifiers bonded.
fn training<T: Config>(verifiers: u32) -> (TaskId, u32) {
	let solver = solver::<T>();
	for i in 0..verifiers {
		T::BenchmarkHelper::make_verifier(&account("verifier", i, SEED));
	}
	let task = T::BenchmarkHelper::training_task(&solver);
	let n = T::Tasks::summary(task).map(|s| s.spec.hyper.n_segments()).unwrap_or_default();
	(task, n)
}

/// The benchmark solver's seal secret.
const SECRET: SealSecret = [0x5e; 32];

/// `hashes` sealed by the benchmark solver for `task`.
fn sealed<T: Config>(task: TaskId, hashes: &[Sha256]) -> SealedCommitment {
	SealedCommitment {
		sealed: sealed_checkpoints(task, &solver::<T>(), &SECRET, &merkle_root(hashes)),
		checkpoints: hashes.len() as u32,
		final_model: [0xaa; 32],
	}
}

/// A training task with `verifiers` verifiers bonded whose checkpoints are committed and whose
/// segments and verifiers are drawn (the solver not yet shown); returns the task and its
/// checkpoint hashes.
fn sampled<T: Config>(verifiers: u32) -> (TaskId, Vec<Sha256>) {
	let (task, n) = training::<T>(verifiers);
	let hashes = hashes(n);
	Pallet::<T>::do_commit_checkpoints(
		solver::<T>(),
		task,
		sealed::<T>(task, &hashes),
		artifact_uri(),
	)
	.expect("the benchmark task is training");
	let at = sampling_block::<T>(task);
	frame_system::Pallet::<T>::set_block_number(at);
	Pallet::<T>::on_initialize(at);
	(task, hashes)
}

/// A task whose checkpoints are committed and shown (true: the odds are zero) and whose
/// verifiers are drawn; returns the task, its checkpoint hashes and its verifiers.
fn verifying<T: Config>() -> (TaskId, Vec<Sha256>, Vec<T::AccountId>) {
	let (task, hashes) = sampled::<T>(T::MaxVerifiers::get());
	Pallet::<T>::show_checkpoints(
		RawOrigin::Signed(solver::<T>()).into(),
		task,
		merkle_root(&hashes),
	)
	.expect("the solver shows its root");
	let verifiers = Verifications::<T>::get(task)
		.map(|v| v.slots.iter().map(|s| s.verifier.clone()).collect())
		.unwrap_or_default();
	(task, hashes, verifiers)
}

/// Marks `task`'s seal disclosed, as it is after the first reveal phase, so that a later
/// phase's end goes straight to its outcome.
fn disclosed<T: Config>(task: TaskId) {
	Verifications::<T>::mutate(task, |v| {
		if let Some(v) = v {
			v.seal = SealStage::Disclosed;
		}
	});
}

/// A verdict failing the initial state and every sampled segment (the heaviest outcome).
fn failing_verdict<T: Config>(task: TaskId, hashes: &[Sha256]) -> Verdict {
	verdict::<T>(task, hashes, false)
}

/// A verdict on the initial state and every sampled segment of `task`: all passing, or all
/// failing.
fn verdict<T: Config>(task: TaskId, hashes: &[Sha256], passing: bool) -> Verdict {
	let segments = Verifications::<T>::get(task).map(|v| v.segments.to_vec()).unwrap_or_default();
	let committed_start = hashes.first().copied().unwrap_or_default();
	let found = |committed: Sha256| if passing { committed } else { [0xee; 32] };
	let initial_state = InitialStateReport {
		committed_hash: committed_start,
		proof: merkle_proof(hashes, 0).unwrap_or_default(),
		derived_hash: found(committed_start),
	};
	let segments = SegmentReports::truncate_from(
		segments
			.into_iter()
			.map(|s| SegmentReport {
				segment: s,
				start_hash: hashes.get(s as usize).copied().unwrap_or_default(),
				start_proof: merkle_proof(hashes, s).unwrap_or_default(),
				end_hash: hashes.get(s as usize + 1).copied().unwrap_or_default(),
				end_proof: merkle_proof(hashes, s + 1).unwrap_or_default(),
				replayed_hash: found(hashes.get(s as usize + 1).copied().unwrap_or_default()),
				distance: Distance::ZERO,
			})
			.collect::<Vec<_>>(),
	);
	Verdict::Checked { initial_state, segments }
}

/// The block a just-committed task's sampling happens in.
fn sampling_block<T: Config>(task: TaskId) -> BlockNumberFor<T> {
	Verifications::<T>::get(task)
		.and_then(|v| match v.phase {
			Phase::Sampling { at } => Some(at),
			_ => None,
		})
		.expect("a just-committed task waits for sampling")
}

fn artifact_uri() -> Uri {
	let mut uri = b"https://".to_vec();
	uri.resize(256, b'a');
	Uri::truncate_from(uri)
}

/// Fills the schedule list `delay` blocks from now (where the benchmarked call schedules) to
/// the longest a new entry can join.
fn fill_schedule<T: Config>(delay: BlockNumberFor<T>) {
	let block = frame_system::Pallet::<T>::block_number().saturating_add(delay);
	VerificationSchedule::<T>::fill_one_short(block, TaskId::MAX);
}

fn salt<T: Config>(who: &T::AccountId) -> Salt {
	sp_io::hashing::blake2_256(&who.encode())
}

/// Each of `verifiers` commits to `verdict` on `task`.
fn commit_all<T: Config>(task: TaskId, verifiers: &[T::AccountId], verdict: &Verdict) {
	for v in verifiers {
		let hash = verdict_commitment(task, v, verdict, &salt::<T>(v));
		Pallet::<T>::commit_verdict(RawOrigin::Signed(v.clone()).into(), task, hash)
			.expect("a drawn verifier commits");
	}
}

/// Each of `verifiers` reveals `verdict` on `task` (committed with [`commit_all`]).
fn reveal_all<T: Config>(task: TaskId, verifiers: &[T::AccountId], verdict: &Verdict) {
	for v in verifiers {
		Pallet::<T>::reveal_verdict(
			RawOrigin::Signed(v.clone()).into(),
			task,
			verdict.clone(),
			salt::<T>(v),
		)
		.expect("a committed verifier reveals");
	}
}

/// The block `task`'s current phase ends in.
fn phase_end<T: Config>(task: TaskId) -> BlockNumberFor<T> {
	Verifications::<T>::get(task)
		.and_then(|v| v.phase.deadline())
		.expect("the verification is scheduled")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn commit_checkpoints() {
		let (task, n) = training::<T>(0);
		let commitment = sealed::<T>(task, &hashes(n));
		fill_schedule::<T>(T::SamplingDelay::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(solver::<T>()), task, commitment, artifact_uri());

		assert!(Verifications::<T>::contains_key(task));
	}

	// The last verifier commits, which opens the reveal phase.
	#[benchmark]
	fn commit_verdict() {
		let (task, hashes, verifiers) = verifying::<T>();
		let verdict = failing_verdict::<T>(task, &hashes);
		let (last, others) = verifiers.split_last().expect("verifiers were drawn");
		for v in others {
			let hash = verdict_commitment(task, v, &verdict, &salt::<T>(v));
			Pallet::<T>::commit_verdict(RawOrigin::Signed(v.clone()).into(), task, hash)
				.expect("a drawn verifier commits");
		}
		let hash = verdict_commitment(task, last, &verdict, &salt::<T>(last));
		fill_schedule::<T>(T::RevealWindow::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, hash);

		assert!(matches!(
			Verifications::<T>::get(task).map(|v| v.phase),
			Some(Phase::Revealing { .. })
		));
	}

	// The last verifier reveals a verdict of `s` failing segments (every proof checked), which
	// opens a dispute (the seal disclosed in an earlier round).
	#[benchmark]
	fn reveal_verdict(s: Linear<1, { assay_primitives::MaxSampledSegments::get() }>) {
		let (task, hashes, verifiers) = verifying::<T>();
		let mut verdict = failing_verdict::<T>(task, &hashes);
		let Verdict::Checked { segments, .. } = &mut verdict;
		segments.truncate(s as usize);
		// Only `s` segments are checked: sample that many.
		Verifications::<T>::mutate(task, |v| {
			if let Some(v) = v {
				v.segments.truncate(s as usize);
			}
		});
		commit_all::<T>(task, &verifiers, &verdict);
		let (last, others) = verifiers.split_last().expect("verifiers were drawn");
		reveal_all::<T>(task, others, &verdict);
		disclosed::<T>(task);

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, verdict.clone(), salt::<T>(last));

		// Every verdict failed: the solver gets to defend in a dispute.
		assert!(matches!(Verifications::<T>::get(task).map(|v| v.phase), Some(Phase::Disputed)));
	}

	// The declaration that ends the commitments (every other verifier committed): it moves the
	// phase's end to the randomness delay later, whose hook draws the seat again.
	#[benchmark]
	fn declare_unavailable() {
		let (task, hashes, verifiers) = verifying::<T>();
		let verdict = failing_verdict::<T>(task, &hashes);
		let (last, others) = verifiers.split_last().expect("verifiers were drawn");
		commit_all::<T>(task, others, &verdict);
		fill_schedule::<T>(T::SamplingDelay::get());
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::SamplingDelay::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task);

		let phase = Verifications::<T>::get(task).map(|v| v.phase);
		assert!(matches!(phase, Some(Phase::Committing { until }) if until >= due));
	}

	#[benchmark]
	fn on_initialize_base() {
		let block = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}
	}

	// The heaviest deadline: a reveal phase ends with every seated verifier committed and
	// none revealed, so each loses its whole collateral, and a full set is drawn again among
	// every bonded verifier (sampling alone is this draw without the slashes).
	#[benchmark]
	fn handle_deadline() {
		let (task, hashes) = sampled::<T>(T::MaxVerifierCandidates::get());
		Pallet::<T>::show_checkpoints(
			RawOrigin::Signed(solver::<T>()).into(),
			task,
			merkle_root(&hashes),
		)
		.expect("the solver shows its root");
		disclosed::<T>(task);
		let verifiers: Vec<T::AccountId> = Verifications::<T>::get(task)
			.map(|v| v.slots.iter().map(|s| s.verifier.clone()).collect())
			.unwrap_or_default();
		for v in &verifiers {
			Pallet::<T>::commit_verdict(RawOrigin::Signed(v.clone()).into(), task, [0x11; 32])
				.expect("a drawn verifier commits");
		}
		let until = Verifications::<T>::get(task)
			.and_then(|v| match v.phase {
				Phase::Revealing { until } => Some(until),
				_ => None,
			})
			.expect("every verifier committed: the reveals start");
		frame_system::Pallet::<T>::set_block_number(until);

		#[block]
		{
			Pallet::<T>::handle_schedule(until);
		}

		let record = Verifications::<T>::get(task).expect("a new round, not an end");
		assert!(matches!(record.phase, Phase::Committing { .. }));
		assert!(verifiers.iter().all(|v| record.former_verifiers.contains(v)));
	}

	// The heaviest end of a verification: a reveal phase ends with the most declarations a
	// verification can hold (`DeclarersBound`) outnumbering the passing verdicts of every
	// other seat, so the task fails (the solver slashed, the task back in the draw), every
	// verdict is paid and every declarer's reputation moves.
	#[benchmark]
	fn handle_unavailability_deadline() {
		let (task, hashes, verifiers) = verifying::<T>();
		let passing = verdict::<T>(task, &hashes, true);
		let (last, others) = verifiers.split_last().expect("verifiers were drawn");
		commit_all::<T>(task, others, &passing);
		Pallet::<T>::declare_unavailable(RawOrigin::Signed(last.clone()).into(), task)
			.expect("a drawn verifier declares");
		let earlier: Vec<T::AccountId> = (1..DeclarersBound::<T>::get())
			.map(|i| {
				let who = account("declarer", i, SEED);
				T::BenchmarkHelper::make_verifier(&who);
				who
			})
			.collect();
		Pallet::<T>::note_declarers(task, &earlier);
		disclosed::<T>(task);
		// The commitments end with the declarations past every verdict: the reveals open.
		let commits_end = phase_end::<T>(task);
		frame_system::Pallet::<T>::set_block_number(commits_end);
		Pallet::<T>::handle_schedule(commits_end);
		reveal_all::<T>(task, others, &passing);
		let until = phase_end::<T>(task);
		assert!(matches!(
			Verifications::<T>::get(task).map(|v| v.phase),
			Some(Phase::Revealing { .. })
		));
		frame_system::Pallet::<T>::set_block_number(until);

		#[block]
		{
			Pallet::<T>::handle_schedule(until);
		}

		assert!(Verifications::<T>::get(task).is_none(), "the verification ended");
	}

	// The solver shows its root once sampled: the commit phase opens.
	#[benchmark]
	fn show_checkpoints() {
		let (task, hashes) = sampled::<T>(T::MaxVerifiers::get());
		fill_schedule::<T>(T::CommitWindow::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(solver::<T>()), task, merkle_root(&hashes));

		assert!(matches!(
			Verifications::<T>::get(task).map(|v| v.phase),
			Some(Phase::Committing { .. })
		));
	}

	// The heaviest disclosure: forced, `v` verdicts (each failing the initial state and
	// every sampled segment, the forced one included) share the jackpot, and the outcome is
	// decided at once: a dispute.
	#[benchmark]
	fn disclose(v: Linear<1, { T::MaxVerifiers::get() }>) {
		ForcedErrorOdds::<T>::put(Perbill::one());
		let (task, hashes) = sampled::<T>(T::MaxVerifiers::get());
		let record = Verifications::<T>::get(task).expect("sampled");
		let forced = record.forced_segment(&SECRET);
		let mut shown = hashes.clone();
		let forced_leaf = forced.map(|segment| {
			let index = segment.saturating_add(1);
			let truth = hashes.get(index as usize).copied().unwrap_or_default();
			let wrong = sha256(&truth);
			if let Some(leaf) = shown.get_mut(index as usize) {
				*leaf = wrong;
			}
			ForcedLeaf {
				shown: wrong,
				truth,
				proof: merkle_proof(&hashes, index).unwrap_or_default(),
			}
		});
		Pallet::<T>::show_checkpoints(
			RawOrigin::Signed(solver::<T>()).into(),
			task,
			merkle_root(&shown),
		)
		.expect("the solver shows its root");
		let verifiers: Vec<T::AccountId> = Verifications::<T>::get(task)
			.map(|r| r.slots.iter().take(v as usize).map(|s| s.verifier.clone()).collect())
			.unwrap_or_default();
		// Every seat reveals: `v` verdicts failing everything (the finders), the others
		// passing everything (slashed for missing the forced error).
		let failing = failing_verdict::<T>(task, &shown);
		let passing = verdict::<T>(task, &shown, true);
		let all: Vec<T::AccountId> = Verifications::<T>::get(task)
			.map(|r| r.slots.iter().map(|s| s.verifier.clone()).collect())
			.unwrap_or_default();
		let of = |who: &T::AccountId| if verifiers.contains(who) { &failing } else { &passing };
		for who in &all {
			commit_all::<T>(task, core::slice::from_ref(who), of(who));
		}
		for who in &all {
			reveal_all::<T>(task, core::slice::from_ref(who), of(who));
		}
		assert!(matches!(
			Verifications::<T>::get(task).map(|r| r.phase),
			Some(Phase::Disclosing { .. })
		));

		#[extrinsic_call]
		_(RawOrigin::Signed(solver::<T>()), task, SECRET, merkle_root(&hashes), forced_leaf);

		assert!(Verifications::<T>::get(task).is_some_and(|r| r.seal == SealStage::Disclosed));
	}

	#[benchmark]
	fn set_forced_error_odds() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_percent(3));

		assert_eq!(ForcedErrorOdds::<T>::get(), Some(Perbill::from_percent(3)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
