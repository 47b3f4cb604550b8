//! The solver's training and a verifier's check, end to end on the bundled digits data: an
//! honest training is reproduced segment by segment, a faked segment is not, neither is a
//! training from weights of the solver's choosing nor one off the task's step schedule, and a
//! restarted training resumes to the same commitment.

use assay_learning::DeviceChoice;
use assay_primitives::{
	CheckpointCommitment, Claim, DatasetFormat, DatasetRef, Device, Distance, DistanceMetric,
	Fixed, HardwareClass, Hyperparams, Layers, ModelSpec, Optimizer, Report, TaskSpec, Uri,
	VerificationMode, VerificationPolicy,
};
use assay_workers::{
	artifacts::{router, serve},
	engine::{
		check_segment, check_training, judge_dispute, train, Committed, Fault, SegmentCheck,
		TaskRun,
	},
	store::{Store, CHECKPOINTS, SERVED},
};
use std::path::PathBuf;

fn digits_task() -> TaskSpec {
	let fixture =
		PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../learning/tests/fixtures/digits.csv.gz");
	let bytes = std::fs::read(&fixture).unwrap();
	let mut csv = Vec::new();
	std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut csv)
		.unwrap();
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::try_from(vec![64, 16, 10]).unwrap() },
		dataset: DatasetRef {
			uri: Uri::try_from(
				format!("file://{}", fixture.canonicalize().unwrap().display()).into_bytes(),
			)
			.unwrap(),
			sha256: assay_primitives::sha256(&csv),
			format: DatasetFormat::Csv,
			train_samples: 1500,
		},
		hyper: Hyperparams {
			optimizer: Optimizer::Sgd,
			learning_rate: "0.05".parse::<Fixed>().unwrap(),
			batch_size: 16,
			total_steps: 24,
			seed: 3,
			checkpoint_interval: 8,
		},
		verification: VerificationPolicy {
			mode: VerificationMode::Exact,
			sampled_segments: 3,
			verifiers: 1,
		},
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 1 },
		deadline_blocks: 100,
	}
}

/// The claim a verifier holding `check` would make (whether or not it passes).
fn claim(check: &SegmentCheck) -> Claim {
	Report::Segment(check.report.clone()).claim()
}

/// A solver's store served over HTTP (its base URL) and an empty verifier store; the
/// directories go when the first element is dropped.
async fn solver_and_verifier() -> ((tempfile::TempDir, tempfile::TempDir), Store, Store, String) {
	let (solver_dir, verifier_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
	let solver = Store::open(solver_dir.path()).unwrap();
	let verifier = Store::open(verifier_dir.path()).unwrap();
	let base = served(solver.clone()).await;
	((solver_dir, verifier_dir), solver, verifier, base)
}

async fn served(store: Store) -> String {
	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
	let base = format!("http://{}", listener.local_addr().unwrap());
	tokio::spawn(serve(listener, router(store)));
	base
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_faked_segment_fails_its_check_and_the_honest_ones_pass() {
	assay_learning::pin_cpu_kernels();
	let (_dirs, solver, verifier, base) = solver_and_verifier().await;
	let checks = tokio::task::spawn_blocking(move || {
		let run = TaskRun::prepare(digits_task(), solver.clone(), DeviceChoice::Cpu).unwrap();
		let trained = train(9, &run, Some(Fault::CorruptSegment(1)), |_| {}).unwrap();
		// The solver shows what it trained (the test solver is never forced).
		solver.set_hashes(9, SERVED, &trained.checkpoints).unwrap();
		assert_eq!(trained.checkpoints.len(), 4);
		let committed = Committed { task: 9, artifact_uri: base, commitment: trained.commitment };
		let run = TaskRun::prepare(digits_task(), verifier.clone(), DeviceChoice::Cpu).unwrap();
		let checks: Vec<_> =
			(0..3).map(|i| check_segment(&run, &committed, i, None).unwrap()).collect();
		// A juror of the dispute over segment 1 finds the committed end state wrong, and the
		// honest segments' right.
		assert!(!judge_dispute(&run, &committed, &claim(&checks[1])).unwrap());
		assert!(judge_dispute(&run, &committed, &claim(&checks[0])).unwrap());
		let lazy = check_segment(&run, &committed, 1, Some(Fault::ApproveWithoutReplay)).unwrap();
		assert!(lazy.passes);
		checks
	})
	.await
	.unwrap();
	assert_eq!(checks.iter().map(|c| c.passes).collect::<Vec<_>>(), vec![true, false, true]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_training_resumes_to_the_same_commitment() {
	assay_learning::pin_cpu_kernels();
	tokio::task::spawn_blocking(|| {
		let (once_dir, twice_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let once = Store::open(once_dir.path()).unwrap();
		let run = TaskRun::prepare(digits_task(), once, DeviceChoice::Cpu).unwrap();
		let straight = train(1, &run, None, |_| {}).unwrap();

		// Interrupted after the first segment: the progress list is cut back to h_0, h_1.
		let twice = Store::open(twice_dir.path()).unwrap();
		let run = TaskRun::prepare(digits_task(), twice.clone(), DeviceChoice::Cpu).unwrap();
		train(1, &run, None, |_| {}).unwrap();
		twice.set_hashes(1, CHECKPOINTS, &straight.checkpoints[..2]).unwrap();
		let mut resumed_segments = Vec::new();
		let resumed = train(1, &run, None, |p| resumed_segments.push(p.segment)).unwrap();
		assert_eq!(resumed_segments, vec![2, 3], "only the missing segments are trained");
		assert_eq!(resumed.commitment, straight.commitment);
	})
	.await
	.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_tolerance_mode_the_distance_decides() {
	let mut task = digits_task();
	// The fault moves one weight by 0.01: far above this L∞ threshold.
	let threshold = "0.001".parse::<Distance>().unwrap();
	task.verification.mode =
		VerificationMode::Tolerance { metric: DistanceMetric::Linf, threshold };
	let (_dirs, solver, verifier, base) = solver_and_verifier().await;
	tokio::task::spawn_blocking(move || {
		let run = TaskRun::prepare(task.clone(), solver.clone(), DeviceChoice::Cpu).unwrap();
		let trained = train(4, &run, Some(Fault::CorruptSegment(2)), |_| {}).unwrap();
		// The solver shows what it trained (the test solver is never forced).
		solver.set_hashes(4, SERVED, &trained.checkpoints).unwrap();
		let committed = Committed { task: 4, artifact_uri: base, commitment: trained.commitment };
		let run = TaskRun::prepare(task, verifier, DeviceChoice::Cpu).unwrap();
		let honest = check_segment(&run, &committed, 0, None).unwrap();
		let faked = check_segment(&run, &committed, 2, None).unwrap();
		assert!(
			honest.passes && honest.report.distance <= threshold,
			"{:?}",
			honest.report.distance
		);
		assert!(!faked.passes && faked.report.distance > threshold, "{:?}", faked.report.distance);
		// A juror judges the whole segment by the same distance.
		assert!(judge_dispute(&run, &committed, &claim(&honest)).unwrap());
		assert!(!judge_dispute(&run, &committed, &claim(&faked)).unwrap());
	})
	.await
	.unwrap();
}

/// The CUDA path a GPU solver runs (`--device cuda`): a Tolerance task trained on the GPU is
/// checked by a CPU verifier and by a GPU verifier; the honest segments pass both, the faked
/// one fails both. Runs on a GPU machine; elsewhere it says it was skipped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gpu_training_is_checked_on_cpu_and_gpu() {
	if !assay_learning::cuda_available() {
		eprintln!("skipped: no CUDA device");
		return;
	}
	let mut task = digits_task();
	let threshold = "0.001".parse::<Distance>().unwrap();
	task.verification.mode =
		VerificationMode::Tolerance { metric: DistanceMetric::Linf, threshold };
	task.hardware = HardwareClass { device: Device::Gpu, memory_gib: 1 };
	let solver_dir = tempfile::tempdir().unwrap();
	let solver = Store::open(solver_dir.path()).unwrap();
	let base = served(solver.clone()).await;
	tokio::task::spawn_blocking(move || {
		let run = TaskRun::prepare(task.clone(), solver.clone(), DeviceChoice::Cuda(0)).unwrap();
		let trained = train(5, &run, Some(Fault::CorruptSegment(1)), |_| {}).unwrap();
		// The solver shows what it trained (the test solver is never forced).
		solver.set_hashes(5, SERVED, &trained.checkpoints).unwrap();
		let committed = Committed { task: 5, artifact_uri: base, commitment: trained.commitment };
		for device in [DeviceChoice::Cpu, DeviceChoice::Cuda(0)] {
			let verifier_dir = tempfile::tempdir().unwrap();
			let verifier = Store::open(verifier_dir.path()).unwrap();
			let run = TaskRun::prepare(task.clone(), verifier, device).unwrap();
			let training = check_training(&run, &committed, &[0, 1, 2], None).unwrap();
			assert!(training.initial_state.passes, "a GPU solver starts from the task's h_0");
			let checks = training.segments;
			for (segment, check) in checks.iter().enumerate() {
				eprintln!(
					"{device:?} verifier, segment {segment}: L∞ {:?} passes {}",
					check.report.distance, check.passes
				);
			}
			assert_eq!(
				checks.iter().map(|c| c.passes).collect::<Vec<_>>(),
				vec![true, false, true]
			);
		}
	})
	.await
	.unwrap();
}

/// Attack 6: a solver that starts from weights of its own choosing and trains honestly from
/// them. Every segment replays from its committed start, but `h_0` is not the state the
/// task's seed gives, and the verifier and a juror both say so without training.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_training_from_weights_of_the_solvers_choosing_fails_its_initial_state() {
	assay_learning::pin_cpu_kernels();
	let (_dirs, solver, verifier, base) = solver_and_verifier().await;
	tokio::task::spawn_blocking(move || {
		let run = TaskRun::prepare(digits_task(), solver.clone(), DeviceChoice::Cpu).unwrap();
		let trained = train(6, &run, Some(Fault::ChosenStart), |_| {}).unwrap();
		// The solver shows what it trained (the test solver is never forced).
		solver.set_hashes(6, SERVED, &trained.checkpoints).unwrap();
		let committed = Committed { task: 6, artifact_uri: base, commitment: trained.commitment };
		let run = TaskRun::prepare(digits_task(), verifier, DeviceChoice::Cpu).unwrap();
		let training = check_training(&run, &committed, &[0, 1, 2], None).unwrap();
		assert!(training.segments.iter().all(|check| check.passes), "every segment replays");
		assert!(!training.initial_state.passes, "h_0 is not the task's initial state");
		let initial_state = training.initial_state.report.clone();
		assert_eq!(initial_state.committed_hash, trained.checkpoints[0]);
		let claim = Report::InitialState(initial_state).claim();
		assert!(!judge_dispute(&run, &committed, &claim).unwrap());
		assert!(training.verdict().is_some());
		// A lazy verifier takes the committed h_0 for the initial state.
		let lazy =
			check_training(&run, &committed, &[0], Some(Fault::ApproveWithoutReplay)).unwrap();
		assert!(lazy.initial_state.passes);
	})
	.await
	.unwrap();
}

/// Attack 6, the schedule: a solver trains two segments but commits three by listing `h_1`
/// twice (`h_0, h_1, h_1, h_2`). Replayed from its start alone, the third segment would
/// reproduce its end (`h_1` plus 8 steps is `h_2`), but that start is at step 8, not the
/// segment's step 16: it fails, and so does the second, whose end went nowhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_checkpoint_off_the_step_schedule_fails_its_segment() {
	assay_learning::pin_cpu_kernels();
	let (_dirs, solver, verifier, base) = solver_and_verifier().await;
	tokio::task::spawn_blocking(move || {
		let run = TaskRun::prepare(digits_task(), solver.clone(), DeviceChoice::Cpu).unwrap();
		let honest = train(7, &run, None, |_| {}).unwrap();
		let h = &honest.checkpoints;
		let skipped = vec![h[0], h[1], h[1], h[2]];
		solver.set_hashes(7, SERVED, &skipped).unwrap();
		let model = solver.checkpoint(&h[2]).unwrap().unwrap().model_hash();
		let commitment = CheckpointCommitment::new(&skipped, model).unwrap();
		let committed = Committed { task: 7, artifact_uri: base, commitment };
		let run = TaskRun::prepare(digits_task(), verifier, DeviceChoice::Cpu).unwrap();
		let training = check_training(&run, &committed, &[0, 1, 2], None).unwrap();
		assert!(training.initial_state.passes);
		assert_eq!(
			training.segments.iter().map(|c| c.passes).collect::<Vec<_>>(),
			vec![true, false, false]
		);
		assert!(!judge_dispute(&run, &committed, &claim(&training.segments[2])).unwrap());
	})
	.await
	.unwrap();
}
