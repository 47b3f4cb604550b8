//! Fixtures and task builders shared by the integration tests.
#![allow(dead_code)]

use assay_learning::{Dataset, Trainer, TrainerOptions};
use assay_primitives::*;
use std::path::PathBuf;

/// sha256 of the decompressed `digits.csv.gz` fixture.
pub const DIGITS_SHA256: &str = "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8";
/// sha256 of the decompressed `mnist-100.idx.gz` fixture.
pub const MNIST_100_SHA256: &str =
	"4add88ac124ee1ec3c5745fcc93f77646cb0d80fedec01e2a72cda004c46b331";
/// sha256 of `mlp-64-32-10.pt`.
pub const MLP_PT_SHA256: &str = "7dd5316e763d6a172632787bc1bb5006c716aa79d1ea31e78f10a3cd9cd1dbde";
/// Training samples of the digits tasks; the other 297 rows are held out.
pub const DIGITS_TRAIN: u32 = 1500;

pub fn fixture(name: &str) -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn file_uri(name: &str) -> Uri {
	Uri::truncate_from(format!("file://{}", fixture(name).display()).into_bytes())
}

pub fn sha(hex_digest: &str) -> Sha256 {
	hex::decode(hex_digest).unwrap().try_into().unwrap()
}

pub fn fixed(s: &str) -> Fixed {
	s.parse().unwrap()
}

pub fn adam() -> Optimizer {
	Optimizer::Adam { beta1: fixed("0.9"), beta2: fixed("0.999"), epsilon: Fixed::from_parts(10) }
}

/// An MLP 64-32-10 task on the digits fixture.
pub fn digits_task(optimizer: Optimizer, mode: VerificationMode) -> TaskSpec {
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 32, 10]) },
		dataset: DatasetRef {
			uri: file_uri("digits.csv.gz"),
			sha256: sha(DIGITS_SHA256),
			format: DatasetFormat::Csv,
			train_samples: DIGITS_TRAIN,
		},
		hyper: Hyperparams {
			optimizer,
			learning_rate: fixed("0.001"),
			batch_size: 32,
			total_steps: 40,
			seed: 7,
			checkpoint_interval: 10,
		},
		verification: VerificationPolicy { mode, sampled_segments: 1, verifiers: 1 },
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 1 },
		deadline_blocks: 100,
	}
}

pub fn tolerance() -> VerificationMode {
	VerificationMode::Tolerance { metric: DistanceMetric::L2, threshold: Distance::from_parts(1) }
}

/// A fresh cache directory.
pub fn cache() -> tempfile::TempDir {
	tempfile::tempdir().unwrap()
}

pub fn load(task: &TaskSpec) -> Dataset {
	Dataset::fetch(&task.dataset, cache().path()).unwrap()
}

pub fn trainer(task: &TaskSpec) -> Trainer {
	Trainer::new(task, load(task), None, &TrainerOptions::default()).unwrap()
}

/// Checkpoints h_0 … h_n of a whole training.
pub fn train_all(task: &TaskSpec) -> Vec<assay_learning::Checkpoint> {
	let mut trainer = trainer(task);
	let mut checkpoints = vec![trainer.checkpoint().unwrap()];
	for _ in 0..task.hyper.n_segments() {
		checkpoints
			.push(trainer.run_segment(task.hyper.checkpoint_interval, false).unwrap().checkpoint);
	}
	checkpoints
}
