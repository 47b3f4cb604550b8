//! `assay-learn`: the learning engine from the command line — train a task, replay a segment,
//! hash or compare checkpoints. For operators checking a task by hand and for benchmarks; the
//! workers call the library.
//!
//! ```text
//! assay-learn train --model mlp:64,128,10 --data file:///…/digits.csv.gz --sha256 … \
//!     --format csv --train-samples 1500 --optimizer adam --lr 0.001 --batch 32 \
//!     --steps 1000 --interval 100 --seed 7 --out /tmp/run
//! assay-learn replay <same task flags> --checkpoint /tmp/run/checkpoint-3.safetensors
//! assay-learn hash /tmp/run/checkpoint-3.safetensors
//! assay-learn distance a.safetensors b.safetensors --metric l2
//! assay-learn evaluate <same task flags> --checkpoint model.safetensors
//! assay-learn bench-train <same task flags> --out /tmp/bench --replay 2
//! assay-learn bench-hash --mib 256
//! ```
//!
//! `bench-train` and `bench-hash` are what `scripts/bench/learning.sh` measures
//! (`docs/benchmarks.md`).

use anyhow::{bail, Context, Result};
use assay_learning::{
	distance_f64, fetch_module_file, pin_cpu_kernels, Checkpoint, Dataset, DeviceChoice, Trainer,
	TrainerOptions,
};
use assay_primitives::{
	DatasetFormat, DatasetRef, Device, Distance, DistanceMetric, Fixed, HardwareClass, Hyperparams,
	Layers, ModelSpec, Optimizer, TaskSpec, Uri, VerificationMode, VerificationPolicy,
};
use clap::{Args, Parser, Subcommand};
use std::{path::PathBuf, time::Instant};

#[derive(Parser)]
#[command(version, about = "Assay learning engine: train, replay, hash and compare checkpoints")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Train a task from h_0, writing `checkpoint-<i>.safetensors` and printing `h_i`.
	Train {
		#[command(flatten)]
		task: TaskArgs,
		/// Directory for the checkpoints.
		#[arg(long)]
		out: PathBuf,
	},
	/// Replay one segment from a checkpoint and print the resulting hash.
	Replay {
		#[command(flatten)]
		task: TaskArgs,
		/// The checkpoint to start from.
		#[arg(long)]
		checkpoint: PathBuf,
		/// Where to write the resulting checkpoint (optional).
		#[arg(long)]
		out: Option<PathBuf>,
		/// Also print the hash after every step (to find where two replays part).
		#[arg(long)]
		trace: bool,
	},
	/// Score a checkpoint (a trained model) on the task's held-out samples: accuracy, loss,
	/// and the model hash a solver commits as `final_model`.
	Evaluate {
		#[command(flatten)]
		task: TaskArgs,
		/// The checkpoint to score.
		#[arg(long)]
		checkpoint: PathBuf,
	},
	/// Print a checkpoint's canonical hash, model hash and step.
	Hash {
		/// The checkpoint file.
		checkpoint: PathBuf,
	},
	/// Benchmark: train a task (timing only the steps, and separately the checkpoint copy,
	/// canonical hash and file write after every segment), then optionally replay some
	/// segments as a verifier would and time that.
	BenchTrain {
		#[command(flatten)]
		task: TaskArgs,
		/// Directory for the checkpoints (needed unless --no-checkpoints).
		#[arg(long)]
		out: Option<PathBuf>,
		/// Take no checkpoint and compute no hash: `train_step` in a loop.
		#[arg(long)]
		no_checkpoints: bool,
		/// After training, replay this many of the n segments (spread over the run) from their
		/// saved checkpoints and check each resulting hash.
		#[arg(long, default_value_t = 0)]
		replay: u32,
	},
	/// Benchmark: the canonical hash of a large synthetic checkpoint (F32 tensors), on one
	/// core, against plain sha256 of one buffer of the same size.
	BenchHash {
		/// Size of the checkpoint's tensor data in MiB.
		#[arg(long, default_value_t = 256)]
		mib: usize,
		/// Number of tensors the data is split into.
		#[arg(long, default_value_t = 64)]
		tensors: usize,
		/// Timed repetitions (the median is reported).
		#[arg(long, default_value_t = 5)]
		repeat: usize,
	},
	/// Print the distance between two checkpoints' parameters.
	Distance {
		/// One checkpoint.
		a: PathBuf,
		/// The other.
		b: PathBuf,
		/// l2, linf or cosine.
		#[arg(long, default_value = "l2")]
		metric: String,
	},
}

/// The task, as flags.
#[derive(Args)]
struct TaskArgs {
	/// mlp:W0,W1,…  |  lenet:CHANNELS,SIDE,CLASSES  |  torchscript:URI#SHA256
	#[arg(long)]
	model: String,
	/// Dataset URI (file://, http://, https://).
	#[arg(long)]
	data: String,
	/// sha256 of the (decompressed) dataset, hex.
	#[arg(long)]
	sha256: String,
	/// csv or idx.
	#[arg(long)]
	format: String,
	/// The first N samples train; the rest are held out.
	#[arg(long)]
	train_samples: u32,
	/// sgd  |  momentum:MU  |  adam  |  adam:BETA1,BETA2,EPS
	#[arg(long, default_value = "sgd")]
	optimizer: String,
	/// Learning rate.
	#[arg(long)]
	lr: String,
	/// Batch size.
	#[arg(long)]
	batch: u32,
	/// Total steps.
	#[arg(long)]
	steps: u32,
	/// Steps per segment.
	#[arg(long)]
	interval: u32,
	/// Task seed.
	#[arg(long, default_value_t = 0)]
	seed: u64,
	/// Tolerance mode (any device, any thread count) instead of Exact.
	#[arg(long)]
	tolerance: bool,
	/// cpu, cuda or auto (Tolerance mode only for cuda/auto).
	#[arg(long, default_value = "cpu")]
	device: String,
	/// libtorch threads in Tolerance mode.
	#[arg(long)]
	threads: Option<usize>,
	/// Cache directory for fetched datasets and modules.
	#[arg(long, default_value = "/var/tmp/assay-cache")]
	cache: PathBuf,
}

fn fixed(s: &str) -> Result<Fixed> {
	s.parse().map_err(|e| anyhow::anyhow!("{s:?}: {e}"))
}

fn uri(s: &str) -> Result<Uri> {
	Uri::try_from(s.as_bytes().to_vec()).map_err(|_| anyhow::anyhow!("URI too long: {s}"))
}

fn sha(s: &str) -> Result<[u8; 32]> {
	hex::decode(s)
		.ok()
		.and_then(|b| b.try_into().ok())
		.with_context(|| format!("not a hex sha256: {s}"))
}

impl TaskArgs {
	fn spec(&self) -> Result<TaskSpec> {
		let model = match self.model.split_once(':') {
			Some(("mlp", widths)) => {
				let layers = widths.split(',').map(str::parse).collect::<Result<Vec<u32>, _>>()?;
				ModelSpec::Mlp {
					layers: Layers::try_from(layers)
						.map_err(|_| anyhow::anyhow!("too many layers"))?,
				}
			},
			Some(("lenet", args)) => match args.split(',').collect::<Vec<_>>().as_slice() {
				[c, s, k] => ModelSpec::LeNet {
					input_channels: c.parse()?,
					input_side: s.parse()?,
					classes: k.parse()?,
				},
				_ => bail!("lenet:CHANNELS,SIDE,CLASSES"),
			},
			Some(("torchscript", rest)) => {
				let (location, digest) = rest.rsplit_once('#').context("torchscript:URI#SHA256")?;
				ModelSpec::TorchScript {
					uri: uri(location)?,
					sha256: sha(digest)?,
					flops_per_sample: 1,
				}
			},
			_ => bail!("unknown model {:?}", self.model),
		};
		let optimizer = match self.optimizer.split_once(':').unwrap_or((&self.optimizer, "")) {
			("sgd", _) => Optimizer::Sgd,
			("momentum", mu) => Optimizer::Momentum { momentum: fixed(mu)? },
			("adam", "") => Optimizer::Adam {
				beta1: fixed("0.9")?,
				beta2: fixed("0.999")?,
				epsilon: Fixed::from_parts(10),
			},
			("adam", args) => match args.split(',').collect::<Vec<_>>().as_slice() {
				[b1, b2, eps] => {
					Optimizer::Adam { beta1: fixed(b1)?, beta2: fixed(b2)?, epsilon: fixed(eps)? }
				},
				_ => bail!("adam:BETA1,BETA2,EPS"),
			},
			_ => bail!("unknown optimizer {:?}", self.optimizer),
		};
		let format = match self.format.as_str() {
			"csv" => DatasetFormat::Csv,
			"idx" => DatasetFormat::MnistIdx,
			other => bail!("unknown format {other:?}"),
		};
		let mode = if self.tolerance {
			VerificationMode::Tolerance {
				metric: DistanceMetric::L2,
				threshold: Distance::from_parts(1),
			}
		} else {
			VerificationMode::Exact
		};
		Ok(TaskSpec {
			model,
			dataset: DatasetRef {
				uri: uri(&self.data)?,
				sha256: sha(&self.sha256)?,
				format,
				train_samples: self.train_samples,
			},
			hyper: Hyperparams {
				optimizer,
				learning_rate: fixed(&self.lr)?,
				batch_size: self.batch,
				total_steps: self.steps,
				seed: self.seed,
				checkpoint_interval: self.interval,
			},
			verification: VerificationPolicy { mode, sampled_segments: 1, verifiers: 1 },
			hardware: HardwareClass { device: Device::Cpu, memory_gib: 1 },
			deadline_blocks: 1,
		})
	}

	fn trainer(&self) -> Result<(TaskSpec, Trainer)> {
		let spec = self.spec()?;
		let device = match self.device.as_str() {
			"cpu" => DeviceChoice::Cpu,
			"cuda" => DeviceChoice::Cuda(0),
			"auto" => DeviceChoice::CudaIfAvailable,
			other => bail!("unknown device {other:?}"),
		};
		let data = Dataset::fetch(&spec.dataset, &self.cache).context("dataset")?;
		let module = fetch_module_file(&spec.model, &self.cache).context("model file")?;
		let options = TrainerOptions { device, threads: self.threads };
		let trainer = Trainer::new(&spec, data, module.as_deref(), &options)?;
		Ok((spec, trainer))
	}
}

fn main() -> Result<()> {
	let cli = Cli::parse();
	// Before any libtorch call: Exact mode's pinned CPU kernels. Tolerance runs keep the
	// fastest kernels of the machine.
	let tolerance = match &cli.command {
		Command::Train { task, .. } | Command::Replay { task, .. } => task.tolerance,
		Command::Evaluate { task, .. } => task.tolerance,
		Command::BenchTrain { task, .. } => task.tolerance,
		Command::Hash { .. } | Command::Distance { .. } | Command::BenchHash { .. } => false,
	};
	if !tolerance {
		pin_cpu_kernels();
	}
	match cli.command {
		Command::Train { task, out } => {
			let (spec, mut trainer) = task.trainer()?;
			std::fs::create_dir_all(&out).with_context(|| out.display().to_string())?;
			let h0 = trainer.checkpoint()?;
			h0.save(&out.join("checkpoint-0.safetensors"))?;
			println!("h_0 {}", hex::encode(h0.canonical_hash()));
			let started = Instant::now();
			for segment in 1..=spec.hyper.n_segments() {
				let run = trainer.run_segment(spec.hyper.checkpoint_interval, false)?;
				run.checkpoint.save(&out.join(format!("checkpoint-{segment}.safetensors")))?;
				println!(
					"h_{segment} {} loss {:.4} elapsed {:.3}s",
					hex::encode(run.checkpoint.canonical_hash()),
					run.mean_loss,
					started.elapsed().as_secs_f64()
				);
			}
			let seconds = started.elapsed().as_secs_f64();
			println!(
				"{} steps in {seconds:.3}s ({:.1} steps/s) on {:?}",
				spec.hyper.total_steps,
				f64::from(spec.hyper.total_steps) / seconds,
				trainer.device()
			);
			match trainer.evaluate() {
				Ok(e) => println!(
					"held-out: {} samples, accuracy {:.4}, loss {:.4}",
					e.samples, e.accuracy, e.loss
				),
				Err(e) => println!("held-out: {e}"),
			}
		},
		Command::Replay { task, checkpoint, out, trace } => {
			let (spec, mut trainer) = task.trainer()?;
			let start = Checkpoint::load(&checkpoint)?;
			let run = trainer.replay(&start, spec.hyper.checkpoint_interval, trace)?;
			for (i, hash) in run.step_hashes.iter().enumerate() {
				println!("step {} {}", start.step()? + i as u64 + 1, hex::encode(hash));
			}
			println!(
				"{} (step {})",
				hex::encode(run.checkpoint.canonical_hash()),
				run.checkpoint.step()?
			);
			if let Some(out) = out {
				run.checkpoint.save(&out)?;
			}
		},
		Command::BenchTrain { task, out, no_checkpoints, replay } => {
			bench_train(&task, out, no_checkpoints, replay)?;
		},
		Command::BenchHash { mib, tensors, repeat } => bench_hash(mib, tensors, repeat)?,
		Command::Evaluate { task, checkpoint } => {
			let (_, mut trainer) = task.trainer()?;
			let checkpoint = Checkpoint::load(&checkpoint)?;
			trainer.load_checkpoint(&checkpoint)?;
			let scored = trainer.evaluate()?;
			println!("model    {}", hex::encode(checkpoint.model_hash()));
			println!("samples  {}", scored.samples);
			println!("accuracy {:.4}", scored.accuracy);
			println!("loss     {:.4}", scored.loss);
		},
		Command::Hash { checkpoint } => {
			let checkpoint = Checkpoint::load(&checkpoint)?;
			println!("state {}", hex::encode(checkpoint.canonical_hash()));
			println!("model {}", hex::encode(checkpoint.model_hash()));
			println!("step  {}", checkpoint.step()?);
		},
		Command::Distance { a, b, metric } => {
			let metric = match metric.as_str() {
				"l2" => DistanceMetric::L2,
				"linf" => DistanceMetric::Linf,
				"cosine" => DistanceMetric::Cosine,
				other => bail!("unknown metric {other:?}"),
			};
			println!("{:e}", distance_f64(&Checkpoint::load(&a)?, &Checkpoint::load(&b)?, metric)?);
		},
	}
	Ok(())
}

/// `bench-train`: one line `engine …` with the training figures, and with `--replay` one line
/// `replay …` with the verification figures.
fn bench_train(
	task: &TaskArgs,
	out: Option<PathBuf>,
	no_checkpoints: bool,
	replay: u32,
) -> Result<()> {
	let (spec, mut trainer) = task.trainer()?;
	let interval = spec.hyper.checkpoint_interval;
	let segments = spec.hyper.n_segments();
	let mode = match (task.tolerance, no_checkpoints) {
		(false, false) => "exact+ckpt",
		(false, true) => "exact",
		(true, false) => "tolerance+ckpt",
		(true, true) => "tolerance",
	};
	let out = match (no_checkpoints, out) {
		(true, _) => None,
		(false, Some(out)) => Some(out),
		(false, None) => bail!("--out is needed unless --no-checkpoints"),
	};
	if let Some(out) = &out {
		std::fs::create_dir_all(out).with_context(|| out.display().to_string())?;
	}
	let path = |out: &PathBuf, i: u32| out.join(format!("checkpoint-{i}.safetensors"));
	// The solver's work per checkpoint: copy the state to the host, hash it, write the file.
	// Seconds spent copying the state to the host, hashing it and writing the file.
	let mut parts = [0.0f64; 3];
	let mut take_checkpoint = |trainer: &Trainer, i: u32| -> Result<Option<[u8; 32]>> {
		let Some(out) = &out else { return Ok(None) };
		let started = Instant::now();
		let checkpoint = trainer.checkpoint()?;
		let copied = Instant::now();
		let hash = checkpoint.canonical_hash();
		let hashed = Instant::now();
		checkpoint.save(&path(out, i))?;
		let saved = Instant::now();
		for (part, (from, to)) in
			parts.iter_mut().zip([(started, copied), (copied, hashed), (hashed, saved)])
		{
			*part += (to - from).as_secs_f64();
		}
		Ok(Some(hash))
	};
	let started = Instant::now();
	let mut hashes = vec![take_checkpoint(&trainer, 0)?];
	let mut loss_sum = 0.0;
	for segment in 1..=segments {
		for _ in 0..interval {
			loss_sum += trainer.train_step()?;
		}
		hashes.push(take_checkpoint(&trainer, segment)?);
	}
	let seconds = started.elapsed().as_secs_f64();
	let [copy_seconds, hash_seconds, save_seconds] = parts;
	let checkpoint_seconds = copy_seconds + hash_seconds + save_seconds;
	let steps = f64::from(spec.hyper.total_steps);
	let samples = steps * f64::from(spec.hyper.batch_size);
	let train_only = seconds - checkpoint_seconds;
	println!(
		"engine {mode} steps {} batch {} seconds {seconds:.4} samples/s {:.1} \
		 checkpoint_seconds {checkpoint_seconds:.4} (copy {copy_seconds:.4} hash \
		 {hash_seconds:.4} write {save_seconds:.4}) checkpoint_overhead {:.4} checkpoints {} \
		 loss {:.4}",
		spec.hyper.total_steps,
		spec.hyper.batch_size,
		samples / seconds,
		if train_only > 0.0 { checkpoint_seconds / train_only } else { 0.0 },
		if no_checkpoints { 0 } else { segments + 1 },
		loss_sum / steps.max(1.0),
	);
	if replay == 0 {
		return Ok(());
	}
	let Some(out) = out.as_ref() else { bail!("--replay needs checkpoints") };
	let replay = replay.min(segments);
	// Segments spread over the run (the chain draws them at random; their cost is the same).
	let chosen: Vec<u32> = (0..replay).map(|j| (2 * j + 1) * segments / (2 * replay)).collect();
	let started = Instant::now();
	let mut all_match = true;
	for &i in &chosen {
		let start = Checkpoint::load(&path(out, i))?;
		let run = trainer.replay(&start, interval, false)?;
		let expected = hashes.get(usize::try_from(i + 1)?).copied().flatten();
		all_match &= Some(run.checkpoint.canonical_hash()) == expected;
	}
	let replay_seconds = started.elapsed().as_secs_f64();
	println!(
		"replay {replay} of {segments} segments {chosen:?} seconds {replay_seconds:.4} \
		 fraction_of_training {:.4} all_match {all_match}",
		replay_seconds / seconds
	);
	if !all_match {
		bail!("a replayed segment did not reproduce its hash");
	}
	Ok(())
}

/// `bench-hash`: the median over `repeat` runs of the canonical hash of a synthetic checkpoint
/// of `mib` MiB in `tensors` F32 tensors, and of plain sha256 over one buffer of that size.
fn bench_hash(mib: usize, tensors: usize, repeat: usize) -> Result<()> {
	use assay_learning::HostTensor;
	use sha2::Digest;
	let tensors = tensors.max(1);
	let bytes = mib.checked_mul(1 << 20).context("size")?;
	let per_tensor = bytes / tensors / 4;
	let mut checkpoint = Checkpoint::default();
	let mut x = 0x9e37_79b9_u32;
	for t in 0..tensors {
		let values: Vec<f32> = (0..per_tensor)
			.map(|_| {
				x ^= x << 13;
				x ^= x >> 17;
				x ^= x << 5;
				f32::from_bits(x & 0x3fff_ffff)
			})
			.collect();
		let tensor = HostTensor::from_f32(vec![per_tensor], &values).context("tensor")?;
		checkpoint.insert(format!("param/t{t:04}"), tensor);
	}
	checkpoint.insert("state/step".into(), HostTensor::scalar_i64(0));
	let total: usize = checkpoint.tensors().values().map(|t| t.data().len()).sum();
	let flat: Vec<u8> = checkpoint.tensors().values().flat_map(|t| t.data().to_vec()).collect();
	let median = |mut v: Vec<f64>| {
		v.sort_by(f64::total_cmp);
		v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
	};
	let time = |f: &dyn Fn()| {
		median(
			(0..repeat.max(1))
				.map(|_| {
					let started = Instant::now();
					f();
					started.elapsed().as_secs_f64()
				})
				.collect(),
		)
	};
	let canonical = time(&|| {
		std::hint::black_box(checkpoint.canonical_hash());
	});
	let plain = time(&|| {
		std::hint::black_box(sha2::Sha256::digest(&flat));
	});
	let gb = total as f64 / 1e9;
	println!(
		"hash {} MB in {tensors} tensors: canonical_hash {canonical:.4} s = {:.3} GB/s; \
		 plain sha256 of one buffer {plain:.4} s = {:.3} GB/s",
		total / 1_000_000,
		gb / canonical,
		gb / plain
	);
	Ok(())
}
