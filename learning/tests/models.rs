//! Learning happens, for each kind of model: MLP, LeNet, TorchScript.

mod common;
use assay_learning::{fetch_module_file, Dataset, LearningError, Trainer, TrainerOptions};
use assay_primitives::*;
use common::*;
use std::time::Instant;

#[test]
fn mlp_learns_the_digits() {
	let mut task = digits_task(adam(), VerificationMode::Exact);
	task.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 128, 10]) };
	task.hyper.total_steps = 1000;
	task.hyper.checkpoint_interval = 100;
	let mut trainer = trainer(&task);
	let before = trainer.evaluate().unwrap();
	let started = Instant::now();
	let mut losses = Vec::new();
	for _ in 0..task.hyper.n_segments() {
		losses.push(trainer.run_segment(100, false).unwrap().mean_loss);
	}
	let elapsed = started.elapsed();
	let after = trainer.evaluate().unwrap();
	eprintln!(
		"MLP 64-128-10, Adam lr 0.001, batch 32, 1000 steps, 1 thread: {elapsed:?}; \
		 held-out accuracy {:.4} -> {:.4}, loss {:.4} -> {:.4}; segment losses {losses:.3?}",
		before.accuracy, after.accuracy, before.loss, after.loss
	);
	assert_eq!(after.samples, 297);
	assert!(after.accuracy >= 0.90, "held-out accuracy {}", after.accuracy);
	assert!(after.loss < before.loss);
}

fn mnist_task(model: ModelSpec) -> TaskSpec {
	let mut task =
		digits_task(Optimizer::Momentum { momentum: fixed("0.9") }, VerificationMode::Exact);
	task.model = model;
	task.dataset = DatasetRef {
		uri: file_uri("mnist-100.idx.gz"),
		sha256: sha(MNIST_100_SHA256),
		format: DatasetFormat::MnistIdx,
		train_samples: 80,
	};
	task.hyper.learning_rate = fixed("0.01");
	task.hyper.batch_size = 16;
	task.hyper.total_steps = 20;
	task.hyper.checkpoint_interval = 10;
	task
}

#[test]
fn lenet_trains_and_replays_on_mnist() {
	let task = mnist_task(ModelSpec::LeNet { input_channels: 1, input_side: 28, classes: 10 });
	let checkpoints = train_all(&task);
	let fc1 = checkpoints[0].get("param/fc1.weight").unwrap();
	assert_eq!(fc1.shape(), [120, 256], "the 256-wide flatten of the primitives' table");
	assert_eq!(checkpoints[0].get("param/conv1.weight").unwrap().shape(), [6, 1, 5, 5]);
	assert_eq!(checkpoints[0].get("param/conv2.weight").unwrap().shape(), [16, 6, 5, 5]);
	assert_eq!(checkpoints[0].get("param/fc3.weight").unwrap().shape(), [10, 84]);
	let mut verifier = trainer(&task);
	let run = verifier.replay(&checkpoints[1], 10, false).unwrap();
	assert_eq!(run.checkpoint.canonical_hash(), checkpoints[2].canonical_hash());
	// Training fits the training split.
	let mut fit = trainer(&task);
	let first = fit.run_segment(5, false).unwrap().mean_loss;
	let later = fit.run_segment(30, false).unwrap().mean_loss;
	assert!(later < first, "{first} -> {later}");
	let evaluation = fit.evaluate().unwrap();
	assert_eq!(evaluation.samples, 20);
}

fn torchscript_task() -> TaskSpec {
	let mut task = digits_task(adam(), VerificationMode::Exact);
	task.model = ModelSpec::TorchScript {
		uri: file_uri("mlp-64-32-10.pt"),
		sha256: sha(MLP_PT_SHA256),
		flops_per_sample: 2 * (64 * 32 + 32 * 10),
	};
	task.hyper.learning_rate = fixed("0.005");
	task
}

#[test]
fn torchscript_module_trains_and_replays() {
	let task = torchscript_task();
	let module = fetch_module_file(&task.model, cache().path()).unwrap().unwrap();
	let new =
		|| Trainer::new(&task, load(&task), Some(&module), &TrainerOptions::default()).unwrap();
	let mut solver = new();
	let names: Vec<String> = solver.model().parameters().keys().cloned().collect();
	assert_eq!(names, ["0.bias", "0.weight", "2.bias", "2.weight"]);
	let before = solver.evaluate().unwrap();
	let h0 = solver.checkpoint().unwrap();
	let h1 = solver.run_segment(10, false).unwrap().checkpoint;
	let h2 = solver.run_segment(200, false).unwrap().checkpoint;
	let after = solver.evaluate().unwrap();
	eprintln!("TorchScript MLP: held-out accuracy {:.4} -> {:.4}", before.accuracy, after.accuracy);
	assert!(after.accuracy > before.accuracy + 0.3);
	assert_ne!(h0.canonical_hash(), h1.canonical_hash());
	// A fresh verifier (its own module instance) reproduces the segments bit for bit.
	let mut verifier = new();
	assert_eq!(
		verifier.replay(&h0, 10, false).unwrap().checkpoint.canonical_hash(),
		h1.canonical_hash()
	);
	assert_eq!(
		verifier.replay(&h1, 200, false).unwrap().checkpoint.canonical_hash(),
		h2.canonical_hash()
	);
}

#[test]
fn bad_torchscript_input_is_refused() {
	let task = torchscript_task();
	let data = || load(&task);
	let options = TrainerOptions::default();
	// Not a TorchScript file.
	for junk in [
		&b""[..],
		b"definitely not a zip archive",
		&std::fs::read(fixture("digits.csv.gz")).unwrap(),
	] {
		assert!(matches!(
			Trainer::new(&task, data(), Some(junk), &options),
			Err(LearningError::InvalidTorchScript(_))
		));
	}
	// A truncated module.
	let module = std::fs::read(fixture("mlp-64-32-10.pt")).unwrap();
	assert!(matches!(
		Trainer::new(&task, data(), Some(&module[..module.len() / 2]), &options),
		Err(LearningError::InvalidTorchScript(_))
	));
	// No module file.
	assert!(matches!(
		Trainer::new(&task, data(), None, &options),
		Err(LearningError::ModelFile(_))
	));
	// A module that does not take the samples' width (MNIST's 784 into a 64-input module).
	let mnist = mnist_task(task.model.clone());
	let mnist_data = Dataset::fetch(&mnist.dataset, cache().path()).unwrap();
	assert!(matches!(
		Trainer::new(&mnist, mnist_data, Some(&module), &options),
		Err(LearningError::InvalidTorchScript(_))
	));
	// Labels beyond the module's 10 logits.
	let row = |label: u32| format!("{}{label}\n", "0,".repeat(64));
	let csv: String = (0..40).map(|i| row(if i == 33 { 12 } else { i % 10 })).collect();
	let data = Dataset::parse(csv.as_bytes(), DatasetFormat::Csv, 40).unwrap();
	assert!(matches!(
		Trainer::new(&task, data, Some(&module), &options),
		Err(LearningError::LabelOutOfRange { sample: 33, label: 12, classes: 10 })
	));
	// The module file's hash is checked.
	let mut wrong = task.clone();
	if let ModelSpec::TorchScript { sha256, .. } = &mut wrong.model {
		sha256[0] ^= 1;
	}
	assert!(matches!(
		fetch_module_file(&wrong.model, cache().path()),
		Err(LearningError::HashMismatch { .. })
	));
}
