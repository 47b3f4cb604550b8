//! The deterministic trainer: steps, segments, replay and evaluation.

use crate::{
	checkpoint::{Checkpoint, HostTensor, BATCH_IN_EPOCH, EPOCH, PARAM_PREFIX, STEP},
	data::Dataset,
	error::{LearningError, Result},
	model::Model,
	optim::OptimizerState,
};
use assay_primitives::{sha256_concat, Sha256, TaskSpec, VerificationMode};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use tch::{Device, Kind, Reduction, Tensor};

/// The domain tag of the batch-order stream.
const BATCH_ORDER_DOMAIN: &[u8] = b"assay/batch-order/v1";

/// The domain tag of the per-step seed of libtorch's generator (TorchScript models only).
const TORCH_RNG_DOMAIN: &[u8] = b"assay/torch-rng/v1";

/// Samples per forward pass in [`Trainer::evaluate`].
const EVAL_CHUNK: usize = 1024;

/// Where to train.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DeviceChoice {
	/// The CPU.
	Cpu,
	/// CUDA device `n`; an error if it is not there.
	Cuda(usize),
	/// CUDA device 0 when libtorch sees one, else the CPU.
	CudaIfAvailable,
}

impl DeviceChoice {
	/// The libtorch device, or an error if CUDA is asked for and absent.
	pub fn resolve(self) -> Result<Device> {
		match self {
			Self::Cpu => Ok(Device::Cpu),
			Self::Cuda(index) if tch::Cuda::is_available() => {
				let count = usize::try_from(tch::Cuda::device_count()).unwrap_or(0);
				if index < count {
					Ok(Device::Cuda(index))
				} else {
					Err(LearningError::DeviceUnavailable(format!(
						"CUDA device {index} (this machine has {count})"
					)))
				}
			},
			Self::Cuda(index) => Err(LearningError::DeviceUnavailable(format!(
				"CUDA device {index}: libtorch sees no CUDA device"
			))),
			Self::CudaIfAvailable => Ok(Device::cuda_if_available()),
		}
	}
}

/// How to run a training.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TrainerOptions {
	/// The device.
	pub device: DeviceChoice,
	/// libtorch's intra-op thread count in `Tolerance` mode (`None`: libtorch's default).
	/// `Exact` mode always uses one thread.
	pub threads: Option<usize>,
}

impl Default for TrainerOptions {
	fn default() -> Self {
		Self { device: DeviceChoice::Cpu, threads: None }
	}
}

/// What one segment produced.
#[derive(Clone, Debug)]
pub struct SegmentRun {
	/// The state after the segment.
	pub checkpoint: Checkpoint,
	/// The canonical hash of the state after each step of the segment (a debugging aid: where
	/// two replays part); the last one is the checkpoint's hash. Empty unless asked for.
	pub step_hashes: Vec<Sha256>,
	/// The mean training loss over the segment's steps.
	pub mean_loss: f64,
}

/// Accuracy and loss of a model on the held-out split.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Evaluation {
	/// Held-out samples scored.
	pub samples: usize,
	/// The fraction classified correctly (arg-max logit), in `[0, 1]`.
	pub accuracy: f64,
	/// The mean cross-entropy loss.
	pub loss: f64,
}

/// A training in progress: model, optimizer state, step counter and data, for one task.
///
/// A trainer starts at the task's initial state (`h_0`), can be moved to any checkpoint of the
/// same task with [`Self::load_checkpoint`], and advances with [`Self::train_step`] /
/// [`Self::run_segment`]. Steps depend only on the state and the step number, so a verifier
/// that loads `checkpoint_i` and runs `k` steps reproduces `checkpoint_{i+1}`.
pub struct Trainer {
	model: Model,
	optimizer: OptimizerState,
	step: u64,
	data: Dataset,
	train_features: Tensor,
	train_labels: Tensor,
	batch_size: usize,
	seed: u64,
	device: Device,
	/// The epoch whose permutation `permutation` holds.
	permutation_epoch: Option<u64>,
	permutation: Vec<i64>,
}

impl Trainer {
	/// A trainer for `task` at its initial state, on `data` (the task's dataset, fetched and
	/// verified), with `module_file` the verified bytes of a TorchScript task's module (`None`
	/// for built-in models).
	///
	/// In `Exact` mode the device must be the CPU, the CPU kernels must be pinned
	/// ([`crate::determinism`]) and libtorch is set to one intra-op thread (a process-wide
	/// setting).
	pub fn new(
		task: &TaskSpec,
		data: Dataset,
		module_file: Option<&[u8]>,
		options: &TrainerOptions,
	) -> Result<Self> {
		let device = options.device.resolve()?;
		match task.verification.mode {
			VerificationMode::Exact => {
				if device != Device::Cpu {
					return Err(LearningError::DeviceUnavailable(
						"Exact mode is defined on the CPU backend only".into(),
					));
				}
				crate::determinism::check_cpu_kernels_pinned()?;
				tch::set_num_threads(1);
			},
			VerificationMode::Tolerance { .. } => {
				if let Some(threads) = options.threads {
					tch::set_num_threads(i32::try_from(threads).unwrap_or(i32::MAX));
				}
			},
		}
		let batch_size = usize::try_from(task.hyper.batch_size).unwrap_or(usize::MAX);
		if batch_size == 0 || batch_size > data.train_samples() {
			return Err(LearningError::InvalidTask(format!(
				"batch size {} must be between 1 and the {} training samples",
				task.hyper.batch_size,
				data.train_samples()
			)));
		}
		if task.hyper.learning_rate.is_zero() {
			return Err(LearningError::InvalidTask("the learning rate is zero".into()));
		}
		let model = Model::new(&task.model, task.hyper.seed, module_file, device)?;
		model.check_input(data.sample_shape())?;
		if let Some(classes) = model.classes() {
			data.check_classes(classes)?;
		}
		let optimizer = OptimizerState::new(
			&task.hyper.optimizer,
			task.hyper.learning_rate,
			model.parameters(),
		)?;
		let (train_features, train_labels) = data.split(0, data.train_samples(), device)?;
		let mut trainer = Self {
			model,
			optimizer,
			step: 0,
			data,
			train_features,
			train_labels,
			batch_size,
			seed: task.hyper.seed,
			device,
			permutation_epoch: None,
			permutation: Vec::new(),
		};
		// A TorchScript model's logits width is only known by running it: one forward pass on
		// the first batch checks it against the labels before any training.
		if trainer.model.classes().is_none() {
			trainer.check_torchscript_output()?;
		}
		Ok(trainer)
	}

	fn check_torchscript_output(&mut self) -> Result<()> {
		let take = i64::try_from(self.batch_size.min(8)).unwrap_or(1);
		let inputs = self.train_features.f_slice(0, 0, take, 1)?;
		// In evaluation mode, so that the probe changes no module state.
		self.model.set_train(false)?;
		let logits = tch::no_grad(|| self.model.forward(&inputs, self.data.sample_shape()));
		self.model.set_train(true)?;
		let classes = logits?.size().get(1).copied().unwrap_or(0);
		self.data.check_classes(classes)?;
		Ok(())
	}

	/// The number of steps taken so far.
	pub fn step(&self) -> u64 {
		self.step
	}

	/// The device the trainer runs on.
	pub fn device(&self) -> Device {
		self.device
	}

	/// The model (for inspection).
	pub fn model(&self) -> &Model {
		&self.model
	}

	/// Batches per epoch: `⌊train_samples / batch_size⌋` (the remainder of each epoch's
	/// permutation is not used).
	pub fn batches_per_epoch(&self) -> u64 {
		u64::try_from(self.data.train_samples() / self.batch_size)
			.unwrap_or(u64::MAX)
			.max(1)
	}

	/// The data cursor of step `step`: (epoch, batch index within the epoch).
	pub fn cursor(&self, step: u64) -> (u64, u64) {
		let per_epoch = self.batches_per_epoch();
		(step / per_epoch, step % per_epoch)
	}

	/// The current state as a checkpoint.
	pub fn checkpoint(&self) -> Result<Checkpoint> {
		let mut checkpoint = Checkpoint::default();
		for (name, tensor) in self.model.parameters() {
			checkpoint.insert(format!("{PARAM_PREFIX}{name}"), HostTensor::from_tensor(tensor)?);
		}
		self.optimizer.save(&mut checkpoint)?;
		let (epoch, batch) = self.cursor(self.step);
		let as_i64 = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
		checkpoint.insert(STEP.into(), HostTensor::scalar_i64(as_i64(self.step)));
		checkpoint.insert(EPOCH.into(), HostTensor::scalar_i64(as_i64(epoch)));
		checkpoint.insert(BATCH_IN_EPOCH.into(), HostTensor::scalar_i64(as_i64(batch)));
		Ok(checkpoint)
	}

	/// Moves the trainer to `checkpoint`, which must be a state of this task (same parameter
	/// names and shapes, same optimizer, consistent data cursor).
	pub fn load_checkpoint(&mut self, checkpoint: &Checkpoint) -> Result<()> {
		let step = checkpoint.step()?;
		let (epoch, batch) = self.cursor(step);
		let stored = (checkpoint.scalar_i64(EPOCH)?, checkpoint.scalar_i64(BATCH_IN_EPOCH)?);
		if u64::try_from(stored.0).ok() != Some(epoch)
			|| u64::try_from(stored.1).ok() != Some(batch)
		{
			return Err(LearningError::CheckpointMismatch(format!(
				"data cursor {stored:?} at step {step}, this task's batch schedule gives ({epoch}, {batch})"
			)));
		}
		let known = |name: &String| {
			name.starts_with(PARAM_PREFIX)
				|| name.starts_with(crate::checkpoint::OPTIM_PREFIX)
				|| [STEP, EPOCH, BATCH_IN_EPOCH].contains(&name.as_str())
		};
		if let Some(name) = checkpoint.tensors().keys().find(|name| !known(name)) {
			return Err(LearningError::CheckpointMismatch(format!("unexpected tensor {name}")));
		}
		// Everything is checked before anything is copied, so a refused checkpoint leaves the
		// trainer as it was.
		self.model.check_parameters(checkpoint)?;
		self.optimizer.check(checkpoint)?;
		self.model.load_parameters(checkpoint)?;
		self.optimizer.load(checkpoint)?;
		self.step = step;
		Ok(())
	}

	/// The sample indices of step `step`'s batch.
	///
	/// Epoch `e` is a permutation of the training samples `0 … N−1`: a Fisher–Yates shuffle of
	/// the identity driven by ChaCha20 keyed with `sha256("assay/batch-order/v1" ‖ u64le(seed)
	/// ‖ u64le(e))`: for `i` from `N−1` down to `1`, `j` is a uniform draw from `0 ..= i` and
	/// elements `i` and `j` swap. A uniform draw below `n` takes the next `u64` `x` until
	/// `x < 2^64 − (2^64 mod n)` and returns `x mod n`. Batch `b` of the epoch is elements
	/// `b·B … (b+1)·B − 1` of the permutation.
	pub fn batch_indices(&mut self, step: u64) -> Result<Vec<i64>> {
		let (epoch, batch) = self.cursor(step);
		if self.permutation_epoch != Some(epoch) {
			self.permutation = epoch_permutation(self.seed, epoch, self.data.train_samples());
			self.permutation_epoch = Some(epoch);
		}
		let start = usize::try_from(batch)
			.ok()
			.and_then(|b| b.checked_mul(self.batch_size))
			.ok_or_else(|| LearningError::InvalidTask("batch index overflows".into()))?;
		self.permutation
			.get(start..start.saturating_add(self.batch_size))
			.map(<[i64]>::to_vec)
			.ok_or_else(|| LearningError::InvalidTask("batch outside the epoch".into()))
	}

	/// One optimizer step on the next batch; returns the batch's loss.
	pub fn train_step(&mut self) -> Result<f64> {
		let indices = self.batch_indices(self.step)?;
		let index = Tensor::f_from_slice(&indices)?.f_to(self.device)?;
		let inputs = self.train_features.f_index_select(0, &index)?;
		let labels = self.train_labels.f_index_select(0, &index)?;
		self.model.set_train(true)?;
		if self.model.classes().is_none() {
			// A TorchScript module may draw random numbers (dropout) from libtorch's global
			// generator: seeding it from (task seed, step) makes those draws part of the
			// deterministic schedule on the CPU.
			let key = sha256_concat(&[
				TORCH_RNG_DOMAIN,
				&self.seed.to_le_bytes(),
				&self.step.to_le_bytes(),
			]);
			let head = key.first_chunk::<8>().copied().unwrap_or_default();
			tch::manual_seed(i64::from_le_bytes(head) & i64::MAX);
		}
		let logits = self.model.forward(&inputs, self.data.sample_shape())?;
		let loss = logits.f_log_softmax(-1, Kind::Float)?.f_nll_loss(
			&labels,
			None::<Tensor>,
			Reduction::Mean,
			-100,
		)?;
		let parameters: Vec<&Tensor> = self.model.parameters().values().collect();
		let gradients = Tensor::f_run_backward(&[&loss], &parameters, false, false)?;
		let loss_value = loss.f_double_value(&[])?;
		if !loss_value.is_finite() {
			return Err(LearningError::NonFinite(format!("the loss at step {}", self.step)));
		}
		self.optimizer.step(self.model.parameters_mut(), &gradients)?;
		self.step = self.step.saturating_add(1);
		Ok(loss_value)
	}

	/// Runs `steps` steps; with `trace`, records the canonical hash after each one.
	pub fn run_segment(&mut self, steps: u32, trace: bool) -> Result<SegmentRun> {
		let mut step_hashes = Vec::new();
		let mut loss_sum = 0.0;
		for _ in 0..steps {
			loss_sum += self.train_step()?;
			if trace {
				step_hashes.push(self.checkpoint()?.canonical_hash());
			}
		}
		let mean_loss = if steps == 0 { 0.0 } else { loss_sum / f64::from(steps) };
		Ok(SegmentRun { checkpoint: self.checkpoint()?, step_hashes, mean_loss })
	}

	/// `replay(checkpoint_i, k) → checkpoint_{i+1}`: loads `start` and runs `steps` steps.
	pub fn replay(&mut self, start: &Checkpoint, steps: u32, trace: bool) -> Result<SegmentRun> {
		self.load_checkpoint(start)?;
		self.run_segment(steps, trace)
	}

	/// Accuracy and mean loss of the current parameters on the held-out split (the samples
	/// after `train_samples`).
	pub fn evaluate(&mut self) -> Result<Evaluation> {
		let total = self.data.len();
		let first = self.data.train_samples();
		if total <= first {
			return Err(LearningError::NoHeldOutSamples);
		}
		self.model.set_train(false)?;
		let mut correct = 0i64;
		let mut loss_sum = 0.0;
		let mut start = first;
		while start < total {
			let end = start.saturating_add(EVAL_CHUNK).min(total);
			let (inputs, labels) = self.data.split(start, end, self.device)?;
			let (chunk_correct, chunk_loss) = tch::no_grad(|| -> Result<(i64, f64)> {
				let logits = self.model.forward(&inputs, self.data.sample_shape())?;
				let loss = logits
					.f_log_softmax(-1, Kind::Float)?
					.f_nll_loss(&labels, None::<Tensor>, Reduction::Sum, -100)?
					.f_double_value(&[])?;
				let hits = logits
					.f_argmax(-1, false)?
					.f_eq_tensor(&labels)?
					.f_sum(Kind::Int64)?
					.f_int64_value(&[])?;
				Ok((hits, loss))
			})?;
			correct += chunk_correct;
			loss_sum += chunk_loss;
			start = end;
		}
		self.model.set_train(true)?;
		let samples = total - first;
		Ok(Evaluation {
			samples,
			accuracy: correct as f64 / samples as f64,
			loss: loss_sum / samples as f64,
		})
	}
}

/// The permutation of `0 … samples−1` for `epoch` (see [`Trainer::batch_indices`]).
pub fn epoch_permutation(seed: u64, epoch: u64, samples: usize) -> Vec<i64> {
	let key = sha256_concat(&[BATCH_ORDER_DOMAIN, &seed.to_le_bytes(), &epoch.to_le_bytes()]);
	let mut rng = ChaCha20Rng::from_seed(key);
	let mut permutation: Vec<i64> =
		(0..samples).map(|i| i64::try_from(i).unwrap_or(i64::MAX)).collect();
	for i in (1..samples).rev() {
		let bound = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
		let j = usize::try_from(uniform_below(&mut rng, bound)).unwrap_or(0);
		permutation.swap(i, j);
	}
	permutation
}

/// A uniform draw from `0 .. bound` (`bound > 0`) by rejection.
fn uniform_below(rng: &mut ChaCha20Rng, bound: u64) -> u64 {
	let limit = u64::MAX - (u64::MAX % bound + 1) % bound;
	loop {
		let x = rng.next_u64();
		if x <= limit {
			return x % bound;
		}
	}
}
