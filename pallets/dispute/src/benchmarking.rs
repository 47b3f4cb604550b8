//! Benchmarks for `pallet_dispute`: one per call, and the parts of `on_initialize`.
//!
//! Worst cases: the last vote revealed, which resolves the dispute (juror rewards, slashes, and
//! the task's failure through proof of learning and the task pool); a deadline that drops a
//! silent jury and draws a new one among every bonded verifier.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use assay_primitives::{merkle_proof, sha256};
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use frame_system::RawOrigin;

const SEED: u32 = 0;

fn whistleblower<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("whistleblower", 0, SEED);
	T::BenchmarkHelper::make_whistleblower(&who);
	who
}

/// `count` bonded verifiers, the jury's candidates.
fn verifiers<T: Config>(count: u32) {
	for i in 0..count {
		T::BenchmarkHelper::make_verifier(&account("juror", i, SEED));
	}
}

/// A false challenge of segment 0 of a task in its challenge window (the heavier report: two
/// proofs), committed to in the previous block; returns the task, the whistleblower and the
/// report.
fn challenged<T: Config>() -> (TaskId, T::AccountId, Report) {
	let (task, hashes) = T::BenchmarkHelper::challengeable_task();
	let (who, report) = committed_report::<T>(task, &hashes);
	(task, who, report)
}

/// The whistleblower's false report on segment 0 of `task` (checkpoints `hashes`), committed
/// to in the previous block.
fn committed_report<T: Config>(task: TaskId, hashes: &[Sha256]) -> (T::AccountId, Report) {
	let report = Report::Segment(SegmentReport {
		segment: 0,
		start_hash: hashes.first().copied().unwrap_or_default(),
		start_proof: merkle_proof(hashes, 0).unwrap_or_default(),
		end_hash: hashes.get(1).copied().unwrap_or_default(),
		end_proof: merkle_proof(hashes, 1).unwrap_or_default(),
		replayed_hash: [0x66; 32],
		distance: assay_primitives::Distance::MAX,
	});
	let who = whistleblower::<T>();
	let commitment = challenge_commitment(task, &who, &report.claim());
	Pallet::<T>::commit_challenge(RawOrigin::Signed(who.clone()).into(), task, commitment)
		.expect("a whistleblower commits in the challenge window");
	let next = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
	frame_system::Pallet::<T>::set_block_number(next);
	(who, report)
}

/// A dispute whose jury is drawn; returns the task and the jurors.
fn with_jury<T: Config>() -> (TaskId, Vec<T::AccountId>) {
	verifiers::<T>(T::JurySize::get().saturating_add(4));
	let (task, who, report) = challenged::<T>();
	Pallet::<T>::challenge(RawOrigin::Signed(who).into(), task, report)
		.expect("the challenge is valid");
	// The jury is drawn in a later block.
	if let Some(Phase::AwaitingJury { at }) = Disputes::<T>::get(task).map(|d| d.phase) {
		frame_system::Pallet::<T>::set_block_number(at);
		Pallet::<T>::handle_schedule(at);
	}
	let jurors = Disputes::<T>::get(task)
		.map(|d| d.jurors.iter().map(|j| j.juror.clone()).collect())
		.unwrap_or_default();
	(task, jurors)
}

/// Fills the schedule list `delay` blocks from now (where the benchmarked call schedules) to
/// the longest a new entry can join.
fn fill_schedule<T: Config>(delay: BlockNumberFor<T>) {
	let block = frame_system::Pallet::<T>::block_number().saturating_add(delay);
	DisputeSchedule::<T>::fill_one_short(block, TaskId::MAX);
}

fn salt<T: Config>(who: &T::AccountId) -> [u8; 32] {
	sp_io::hashing::blake2_256(&who.encode())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn challenge() {
		let (task, who, report) = challenged::<T>();
		fill_schedule::<T>(T::JuryDrawDelay::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, report);

		assert!(Disputes::<T>::contains_key(task));
	}

	#[benchmark]
	fn commit_challenge() {
		let (task, hashes) = T::BenchmarkHelper::challengeable_task();
		let who = whistleblower::<T>();
		// Replacing an earlier commitment writes over it.
		let earlier = sha256(b"an earlier claim");
		Pallet::<T>::commit_challenge(RawOrigin::Signed(who.clone()).into(), task, earlier)
			.expect("a whistleblower commits in the challenge window");
		let commitment = sha256(&hashes.encode());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), task, commitment);

		assert_eq!(ChallengeCommitments::<T>::get(&who).map(|(_, c, _)| c), Some(commitment));
	}

	// A stranger withdraws a commitment left stale by someone else's challenge (the task can
	// no longer be challenged), releasing its bond.
	#[benchmark]
	fn withdraw_challenge_commitment() {
		let (task, hashes) = T::BenchmarkHelper::challengeable_task();
		let stale: T::AccountId = account("whistleblower", 1, SEED);
		T::BenchmarkHelper::make_whistleblower(&stale);
		Pallet::<T>::commit_challenge(
			RawOrigin::Signed(stale.clone()).into(),
			task,
			sha256(b"a claim never made"),
		)
		.expect("a whistleblower commits in the challenge window");
		let (who, report) = committed_report::<T>(task, &hashes);
		Pallet::<T>::challenge(RawOrigin::Signed(who).into(), task, report)
			.expect("the challenge is valid");
		let stranger: T::AccountId = account("stranger", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(stranger), stale.clone());

		assert!(ChallengeCommitments::<T>::get(&stale).is_none());
	}

	// The last juror commits, which opens the reveal.
	#[benchmark]
	fn commit_vote() {
		let (task, jurors) = with_jury::<T>();
		let (last, others) = jurors.split_last().expect("a jury was drawn");
		for j in others {
			let hash = vote_commitment(task, j, JuryVote::Holds, &salt::<T>(j));
			Pallet::<T>::commit_vote(RawOrigin::Signed(j.clone()).into(), task, hash)
				.expect("a juror commits");
		}
		let hash = vote_commitment(task, last, JuryVote::Holds, &salt::<T>(last));
		fill_schedule::<T>(T::VoteRevealWindow::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, hash);

		assert!(matches!(
			Disputes::<T>::get(task).map(|d| d.phase),
			Some(Phase::JuryReveal { .. })
		));
	}

	// The last juror reveals and the challenger wins: the heaviest resolution (the solver and
	// the verifiers that passed the segment slashed, juror rewards, the verifiers paid, the
	// failed task reopened for another solver).
	#[benchmark]
	fn reveal_vote() {
		let (task, jurors) = with_jury::<T>();
		for j in &jurors {
			let hash = vote_commitment(task, j, JuryVote::Wrong, &salt::<T>(j));
			Pallet::<T>::commit_vote(RawOrigin::Signed(j.clone()).into(), task, hash)
				.expect("a juror commits");
		}
		let (last, others) = jurors.split_last().expect("a jury was drawn");
		for j in others {
			Pallet::<T>::reveal_vote(
				RawOrigin::Signed(j.clone()).into(),
				task,
				JuryVote::Wrong,
				salt::<T>(j),
			)
			.expect("a juror reveals");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, JuryVote::Wrong, salt::<T>(last));

		assert!(!Disputes::<T>::contains_key(task));
	}

	#[benchmark]
	fn on_initialize_base() {
		let block = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}
	}

	// A jury that never voted is dropped (slashed), and a new one is drawn among every bonded
	// verifier but the task's own. The pool is full (in the runtime: its 1 000 members) once
	// these join the task's verifiers and declarers (15 more than the jury's 5 + 12 spare).
	#[benchmark]
	fn handle_deadline() {
		let (task, _) = with_jury::<T>();
		verifiers::<T>(T::MaxJurorCandidates::get().saturating_sub(T::JurySize::get() + 27));
		let until = Disputes::<T>::get(task).map(|d| d.phase.deadline()).expect("opened");
		frame_system::Pallet::<T>::set_block_number(until);

		#[block]
		{
			Pallet::<T>::handle_schedule(until);
		}

		assert!(matches!(
			Disputes::<T>::get(task).map(|d| d.phase),
			Some(Phase::JuryCommit { .. })
		));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::build(), crate::mock::Test);
}
