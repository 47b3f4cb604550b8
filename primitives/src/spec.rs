//! The task description ([`TaskSpec`] and its parts) and its validation against the runtime's
//! [`SpecLimits`].
//!
//! These types are the contract between the submitter, the chain and the learning engine:
//! where a doc comment below says what a field means for training (an architecture, an update
//! rule, a file layout), the engine implements exactly that.

use crate::{
	cost,
	fixed::{Distance, Fixed},
	hash::Sha256,
};
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use scale_info::TypeInfo;

/// The most layer widths of a [`ModelSpec::Mlp`] (input and output included).
pub type MaxLayers = ConstU32<16>;
/// The longest URI, in bytes.
pub type MaxUriLen = ConstU32<256>;
/// The layer widths of a [`ModelSpec::Mlp`].
pub type Layers = BoundedVec<u32, MaxLayers>;
/// A URI (UTF-8 bytes) naming an artifact: `https://…`, `http://…` or `file://…`.
pub type Uri = BoundedVec<u8, MaxUriLen>;

/// The URI schemes the workers fetch from; [`TaskSpec::validate`] refuses any other.
pub const URI_SCHEMES: [&str; 3] = ["https://", "http://", "file://"];

/// The smallest [`ModelSpec::LeNet`] input side: below it the second pooling layer has no
/// output.
pub const LENET_MIN_INPUT_SIDE: u16 = 16;

/// Whether `uri` is UTF-8 and starts with one of [`URI_SCHEMES`] followed by something.
pub fn uri_supported(uri: &[u8]) -> bool {
	match core::str::from_utf8(uri) {
		Ok(uri) => URI_SCHEMES
			.iter()
			.any(|scheme| uri.strip_prefix(scheme).is_some_and(|rest| !rest.is_empty())),
		Err(_) => false,
	}
}

/// The model to train.
///
/// Every built-in model is a classifier trained with cross-entropy loss on its logits. The
/// initial parameters are drawn by the learning engine from the task seed; they are the
/// checkpoint `h_0`, so verifiers never need to re-derive them.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ModelSpec {
	/// A multi-layer perceptron: `Linear(layers[i] → layers[i+1])` with bias for each pair of
	/// consecutive widths, ReLU after every linear layer but the last. `layers[0]` is the
	/// number of input features (a sample is flattened), the last width the number of classes;
	/// e.g. `[64, 128, 10]`.
	#[codec(index = 0)]
	Mlp {
		/// Layer widths, input and output included; at least two, none zero.
		layers: Layers,
	},
	/// LeNet-5 as follows, for an input of `C × S × S` (`C = input_channels`,
	/// `S = input_side`, at least [`LENET_MIN_INPUT_SIDE`]):
	///
	/// | layer | operation | output |
	/// |---|---|---|
	/// | conv1 | `C → 6` channels, 5×5 kernel, stride 1, no padding, bias; ReLU | `6 × (S−4) × (S−4)` |
	/// | pool1 | 2×2 max-pool, stride 2, rounding down | `6 × a × a`, `a = ⌊(S−4)/2⌋` |
	/// | conv2 | `6 → 16` channels, 5×5 kernel, stride 1, no padding, bias; ReLU | `16 × (a−4) × (a−4)` |
	/// | pool2 | 2×2 max-pool, stride 2, rounding down | `16 × b × b`, `b = ⌊(a−4)/2⌋` |
	/// | flatten | channel-major (`C, H, W`, as PyTorch) | `16·b²` |
	/// | fc1 | `Linear(16·b² → 120)` with bias; ReLU | `120` |
	/// | fc2 | `Linear(120 → 84)` with bias; ReLU | `84` |
	/// | fc3 | `Linear(84 → classes)` with bias | `classes` logits |
	///
	/// MNIST (`C = 1`, `S = 28`) gives `a = 12`, `b = 4` and a 256-wide flatten.
	#[codec(index = 1)]
	LeNet {
		/// `C`: 1 for grey-scale, 3 for RGB.
		input_channels: u8,
		/// `S`: inputs are square images of `S × S` pixels.
		input_side: u16,
		/// The number of classes (the width of fc3).
		classes: u32,
	},
	/// A TorchScript module (`torch.jit.save`) that maps a batch of inputs to a batch of
	/// logits.
	#[codec(index = 2)]
	TorchScript {
		/// Where to fetch the module.
		uri: Uri,
		/// sha256 of the module file; workers refuse a file that does not match.
		sha256: Sha256,
		/// The submitter's declared forward-pass FLOPs for one sample. The chain cannot
		/// inspect the module, so it prices the task with this figure as declared.
		flops_per_sample: u64,
	},
}

/// How a dataset file is laid out.
///
/// The sha256 in [`DatasetRef`] is of the file's content; a file served gzip-compressed
/// (starting with the bytes `1f 8b`) is decompressed first, and its hash and layout are those
/// of the decompressed bytes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DatasetFormat {
	/// MNIST's idx format: an `idx3-ubyte` images file immediately followed by the matching
	/// `idx1-ubyte` labels file, in one stream (the headers carry the sizes, so the split is
	/// unambiguous). Gzip members concatenate, so
	/// `cat train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz` is a valid file.
	/// Pixels are scaled to `[0, 1]` (`byte / 255`).
	#[codec(index = 0)]
	MnistIdx,
	/// Comma-separated decimal numbers, one sample per line, no header: the features, then
	/// the label (an integer class index) in the last column.
	#[codec(index = 1)]
	Csv,
}

/// The training data: where it is, what it hashes to and how it is laid out.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DatasetRef {
	/// Where to fetch the data.
	pub uri: Uri,
	/// sha256 of the (decompressed) content; workers refuse data that does not match.
	pub sha256: Sha256,
	/// How the content is laid out.
	pub format: DatasetFormat,
	/// The number of training samples in the file.
	pub train_samples: u32,
}

/// The update rule, applied once per step to every parameter `p` with gradient `g` and
/// learning rate `lr`. State (velocities, moments) starts at zero and is part of every
/// checkpoint.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Optimizer {
	/// `p ← p − lr·g`.
	#[codec(index = 0)]
	Sgd,
	/// Heavy-ball momentum as PyTorch's `SGD(momentum=μ)` (no dampening, no Nesterov):
	/// `v ← μ·v + g; p ← p − lr·v`.
	#[codec(index = 1)]
	Momentum {
		/// `μ`, in `[0, 1)`.
		momentum: Fixed,
	},
	/// Adam as PyTorch's `Adam` (no weight decay, no AMSGrad), at step `t = 1, 2, …`:
	/// `m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
	/// p ← p − lr·(m / (1−β1^t)) / (√(v / (1−β2^t)) + ε)`.
	#[codec(index = 2)]
	Adam {
		/// `β1`, in `[0, 1)`; usually `0.9`.
		beta1: Fixed,
		/// `β2`, in `[0, 1)`; usually `0.999`.
		beta2: Fixed,
		/// `ε`, positive; usually `1e-8` (`Fixed::from_parts(10)`).
		epsilon: Fixed,
	},
}

/// How to train: the optimizer and the step schedule.
///
/// A step is one optimizer update on one batch of `batch_size` samples; the batch order is
/// derived from `seed` by the learning engine. The solver checkpoints every
/// `checkpoint_interval` steps: segment `i` (0-based) runs steps
/// `i·k … (i+1)·k − 1` from checkpoint `h_i` to `h_{i+1}`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Hyperparams {
	/// The update rule.
	pub optimizer: Optimizer,
	/// The learning rate `lr`, constant over training.
	pub learning_rate: Fixed,
	/// Samples per step.
	pub batch_size: u32,
	/// Steps in the whole training.
	pub total_steps: u32,
	/// Seeds parameter initialisation and batch order.
	pub seed: u64,
	/// `k`: steps per segment, dividing `total_steps`.
	pub checkpoint_interval: u32,
}

impl Hyperparams {
	/// The number of segments `n = total_steps / checkpoint_interval` (`0` when the interval
	/// is zero, which [`TaskSpec::validate`] refuses).
	pub fn n_segments(&self) -> u32 {
		self.total_steps.checked_div(self.checkpoint_interval).unwrap_or(0)
	}

	/// The number of checkpoints `n + 1` (`h_0 … h_n`), or `None` if it does not fit a `u32`.
	pub fn n_checkpoints(&self) -> Option<u32> {
		self.n_segments().checked_add(1)
	}
}

/// How two checkpoints are compared in [`VerificationMode::Tolerance`], over the model's
/// parameters (every trainable tensor, flattened, in the canonical name order; the optimizer
/// state is not compared).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DistanceMetric {
	/// `√Σ (a_i − b_i)²`.
	#[codec(index = 0)]
	L2,
	/// `max |a_i − b_i|`.
	#[codec(index = 1)]
	Linf,
	/// `1 − ⟨a, b⟩ / (‖a‖·‖b‖)`, in `[0, 2]`.
	#[codec(index = 2)]
	Cosine,
}

/// How a replayed segment is judged.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum VerificationMode {
	/// Bitwise reproduction on the deterministic CPU backend: the replayed checkpoint's hash
	/// must equal `h_{i+1}`.
	#[codec(index = 0)]
	Exact,
	/// Reproduction within a tolerance (GPU, cross-device): the distance between the replayed
	/// checkpoint and `checkpoint_{i+1}` must be at most `threshold`.
	#[codec(index = 1)]
	Tolerance {
		/// How to measure the distance.
		metric: DistanceMetric,
		/// The largest distance that passes; positive.
		threshold: Distance,
	},
}

/// How much verification the submitter buys.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VerificationPolicy {
	/// How a replayed segment is judged.
	pub mode: VerificationMode,
	/// `s`: how many segments are drawn for replay; at most the number of segments.
	pub sampled_segments: u16,
	/// `m`: how many verifiers are drawn to replay them.
	pub verifiers: u16,
}

/// A kind of compute device.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Device {
	/// Any CPU.
	#[codec(index = 0)]
	Cpu,
	/// A CUDA GPU.
	#[codec(index = 1)]
	Gpu,
}

/// A hardware class: what a task requires, or what a solver offers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct HardwareClass {
	/// The device kind.
	pub device: Device,
	/// Memory of that device (host RAM for a CPU), in GiB.
	pub memory_gib: u16,
}

impl HardwareClass {
	/// Whether hardware `self` can run a task requiring `required`: a GPU satisfies a CPU or
	/// GPU requirement, a CPU only a CPU one, and the memory must be at least the required.
	pub fn satisfies(&self, required: &HardwareClass) -> bool {
		let device_ok = match (self.device, required.device) {
			(_, Device::Cpu) | (Device::Gpu, Device::Gpu) => true,
			(Device::Cpu, Device::Gpu) => false,
		};
		device_ok && self.memory_gib >= required.memory_gib
	}
}

/// A training task, as submitted.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TaskSpec {
	/// What to train.
	pub model: ModelSpec,
	/// On what.
	pub dataset: DatasetRef,
	/// How.
	pub hyper: Hyperparams,
	/// How the result is checked.
	pub verification: VerificationPolicy,
	/// The least hardware a solver must have.
	pub hardware: HardwareClass,
	/// Blocks from the solver's acceptance by which it must commit its checkpoints.
	pub deadline_blocks: u32,
}

/// The runtime's bounds on a [`TaskSpec`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SpecLimits {
	/// The most training steps.
	pub max_total_steps: u32,
	/// The largest batch.
	pub max_batch_size: u32,
	/// The most segments (`n`).
	pub max_segments: u32,
	/// The most sampled segments (`s`).
	pub max_sampled_segments: u16,
	/// The most verifiers (`m`).
	pub max_verifiers: u16,
	/// The shortest deadline, in blocks.
	pub min_deadline_blocks: u32,
	/// The longest deadline, in blocks.
	pub max_deadline_blocks: u32,
	/// The largest training cost, in GFLOPs ([`cost::estimated_gflops`]).
	pub max_gflops: u64,
}

impl SpecLimits {
	/// No bound beyond the types' own (and a deadline of at least one block): for tools that
	/// check a spec's internal consistency before knowing the runtime's limits.
	pub const UNBOUNDED: Self = Self {
		max_total_steps: u32::MAX,
		max_batch_size: u32::MAX,
		max_segments: u32::MAX,
		max_sampled_segments: u16::MAX,
		max_verifiers: u16::MAX,
		min_deadline_blocks: 1,
		max_deadline_blocks: u32::MAX,
		max_gflops: u64::MAX,
	};
}

/// Why a [`TaskSpec`] is refused. [`TaskSpec::validate`] reports the first in declaration
/// order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SpecError {
	/// An MLP with fewer than two layer widths.
	EmptyModel,
	/// An MLP layer of width zero.
	ZeroWidthLayer,
	/// A LeNet with zero input channels.
	ZeroInputChannels,
	/// A LeNet input side below [`LENET_MIN_INPUT_SIDE`].
	InputTooSmall,
	/// A LeNet with zero classes.
	ZeroClasses,
	/// A TorchScript module with an empty URI.
	EmptyModelUri,
	/// A TorchScript URI that is not UTF-8 or not in one of [`URI_SCHEMES`].
	UnsupportedModelUri,
	/// A TorchScript module declaring zero FLOPs per sample.
	ZeroFlopsPerSample,
	/// A dataset with an empty URI.
	EmptyDatasetUri,
	/// A dataset URI that is not UTF-8 or not in one of [`URI_SCHEMES`].
	UnsupportedDatasetUri,
	/// A dataset declaring no training samples.
	ZeroTrainSamples,
	/// A learning rate of zero.
	ZeroLearningRate,
	/// A momentum of one or more.
	MomentumOutOfRange,
	/// An Adam `β1` or `β2` of one or more.
	BetaOutOfRange,
	/// An Adam `ε` of zero.
	ZeroEpsilon,
	/// A batch size of zero.
	ZeroBatch,
	/// A batch size above the runtime's maximum.
	BatchTooLarge,
	/// A batch larger than the dataset.
	BatchLargerThanDataset,
	/// Zero training steps.
	ZeroSteps,
	/// More training steps than the runtime's maximum.
	TooManySteps,
	/// A checkpoint interval of zero.
	ZeroCheckpointInterval,
	/// A checkpoint interval that does not divide the number of steps.
	IntervalDoesNotDivideSteps,
	/// More segments than the runtime's maximum (or `u32::MAX`, whose checkpoints cannot be
	/// counted in a `u32`).
	TooManySegments,
	/// No segment sampled for verification.
	NoSampledSegments,
	/// More sampled segments than the runtime's maximum.
	TooManySampledSegments,
	/// More sampled segments than the task has segments.
	SampledSegmentsExceedSegments,
	/// No verifier.
	NoVerifiers,
	/// More verifiers than the runtime's maximum.
	TooManyVerifiers,
	/// `Tolerance` mode with a zero threshold: use `Exact`.
	ToleranceWithoutThreshold,
	/// A cosine threshold of 2 or more, which every pair of checkpoints passes.
	CosineThresholdTooLarge,
	/// A deadline of zero blocks.
	ZeroDeadline,
	/// A deadline below the runtime's minimum.
	DeadlineTooShort,
	/// A deadline above the runtime's maximum.
	DeadlineTooLong,
	/// The training cost overflows a `u128` of FLOPs.
	CostOverflow,
	/// A training cost above the runtime's maximum.
	TooExpensive,
}

impl fmt::Display for SpecError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			Self::EmptyModel => "an MLP needs at least two layer widths",
			Self::ZeroWidthLayer => "an MLP layer has width zero",
			Self::ZeroInputChannels => "LeNet input has zero channels",
			Self::InputTooSmall => "LeNet input side is below 16",
			Self::ZeroClasses => "LeNet has zero classes",
			Self::EmptyModelUri => "the model URI is empty",
			Self::UnsupportedModelUri => "the model URI is not UTF-8 https://, http:// or file://",
			Self::ZeroFlopsPerSample => "the model declares zero FLOPs per sample",
			Self::EmptyDatasetUri => "the dataset URI is empty",
			Self::UnsupportedDatasetUri => {
				"the dataset URI is not UTF-8 https://, http:// or file://"
			},
			Self::ZeroTrainSamples => "the dataset has no training samples",
			Self::ZeroLearningRate => "the learning rate is zero",
			Self::MomentumOutOfRange => "momentum must be below 1",
			Self::BetaOutOfRange => "Adam betas must be below 1",
			Self::ZeroEpsilon => "Adam epsilon is zero",
			Self::ZeroBatch => "the batch size is zero",
			Self::BatchTooLarge => "the batch size is above the maximum",
			Self::BatchLargerThanDataset => "the batch is larger than the dataset",
			Self::ZeroSteps => "zero training steps",
			Self::TooManySteps => "more training steps than the maximum",
			Self::ZeroCheckpointInterval => "the checkpoint interval is zero",
			Self::IntervalDoesNotDivideSteps => {
				"the checkpoint interval does not divide the number of steps"
			},
			Self::TooManySegments => "more segments than the maximum",
			Self::NoSampledSegments => "no segment is sampled",
			Self::TooManySampledSegments => "more sampled segments than the maximum",
			Self::SampledSegmentsExceedSegments => "more sampled segments than segments",
			Self::NoVerifiers => "no verifier",
			Self::TooManyVerifiers => "more verifiers than the maximum",
			Self::ToleranceWithoutThreshold => "tolerance mode with a zero threshold",
			Self::CosineThresholdTooLarge => "a cosine threshold of 2 or more passes everything",
			Self::ZeroDeadline => "the deadline is zero blocks",
			Self::DeadlineTooShort => "the deadline is below the minimum",
			Self::DeadlineTooLong => "the deadline is above the maximum",
			Self::CostOverflow => "the training cost overflows",
			Self::TooExpensive => "the training cost is above the maximum",
		})
	}
}

impl core::error::Error for SpecError {}

/// Whether `x < 1`.
fn below_one(x: Fixed) -> bool {
	x < Fixed::ONE
}

/// The largest cosine distance, `2`: a threshold there passes every pair of checkpoints.
const COSINE_DISTANCE_MAX: Distance = Distance::from_parts(2 * crate::fixed::ACCURACY);

/// Fails with `$err` when `$cond` is false.
macro_rules! ensure {
	($cond:expr, $err:expr) => {
		if !$cond {
			return Err($err);
		}
	};
}

impl TaskSpec {
	/// Checks the spec's internal consistency and the runtime's `limits`, in the order of
	/// [`SpecError`]'s variants: model, dataset, hyperparameters, verification, deadline,
	/// cost. Returns the first failure.
	pub fn validate(&self, limits: &SpecLimits) -> Result<(), SpecError> {
		self.validate_model()?;
		self.validate_dataset()?;
		self.validate_hyper(limits)?;
		self.validate_verification(limits)?;

		ensure!(self.deadline_blocks > 0, SpecError::ZeroDeadline);
		ensure!(self.deadline_blocks >= limits.min_deadline_blocks, SpecError::DeadlineTooShort);
		ensure!(self.deadline_blocks <= limits.max_deadline_blocks, SpecError::DeadlineTooLong);

		let gflops = self.estimated_gflops().ok_or(SpecError::CostOverflow)?;
		ensure!(gflops <= u128::from(limits.max_gflops), SpecError::TooExpensive);
		Ok(())
	}

	fn validate_model(&self) -> Result<(), SpecError> {
		match &self.model {
			ModelSpec::Mlp { layers } => {
				ensure!(layers.len() >= 2, SpecError::EmptyModel);
				ensure!(layers.iter().all(|w| *w > 0), SpecError::ZeroWidthLayer);
			},
			ModelSpec::LeNet { input_channels, input_side, classes } => {
				ensure!(*input_channels > 0, SpecError::ZeroInputChannels);
				ensure!(*input_side >= LENET_MIN_INPUT_SIDE, SpecError::InputTooSmall);
				ensure!(*classes > 0, SpecError::ZeroClasses);
			},
			ModelSpec::TorchScript { uri, sha256: _, flops_per_sample } => {
				ensure!(!uri.is_empty(), SpecError::EmptyModelUri);
				ensure!(uri_supported(uri), SpecError::UnsupportedModelUri);
				ensure!(*flops_per_sample > 0, SpecError::ZeroFlopsPerSample);
			},
		}
		Ok(())
	}

	fn validate_dataset(&self) -> Result<(), SpecError> {
		ensure!(!self.dataset.uri.is_empty(), SpecError::EmptyDatasetUri);
		ensure!(uri_supported(&self.dataset.uri), SpecError::UnsupportedDatasetUri);
		ensure!(self.dataset.train_samples > 0, SpecError::ZeroTrainSamples);
		Ok(())
	}

	fn validate_hyper(&self, limits: &SpecLimits) -> Result<(), SpecError> {
		let hyper = &self.hyper;
		ensure!(!hyper.learning_rate.is_zero(), SpecError::ZeroLearningRate);
		match hyper.optimizer {
			Optimizer::Sgd => {},
			Optimizer::Momentum { momentum } => {
				ensure!(below_one(momentum), SpecError::MomentumOutOfRange)
			},
			Optimizer::Adam { beta1, beta2, epsilon } => {
				ensure!(below_one(beta1) && below_one(beta2), SpecError::BetaOutOfRange);
				ensure!(!epsilon.is_zero(), SpecError::ZeroEpsilon);
			},
		}
		ensure!(hyper.batch_size > 0, SpecError::ZeroBatch);
		ensure!(hyper.batch_size <= limits.max_batch_size, SpecError::BatchTooLarge);
		ensure!(hyper.batch_size <= self.dataset.train_samples, SpecError::BatchLargerThanDataset);
		ensure!(hyper.total_steps > 0, SpecError::ZeroSteps);
		ensure!(hyper.total_steps <= limits.max_total_steps, SpecError::TooManySteps);
		ensure!(hyper.checkpoint_interval > 0, SpecError::ZeroCheckpointInterval);
		ensure!(
			hyper.total_steps.is_multiple_of(hyper.checkpoint_interval),
			SpecError::IntervalDoesNotDivideSteps
		);
		let segments = hyper.n_segments();
		ensure!(
			segments <= limits.max_segments && hyper.n_checkpoints().is_some(),
			SpecError::TooManySegments
		);
		Ok(())
	}

	fn validate_verification(&self, limits: &SpecLimits) -> Result<(), SpecError> {
		let policy = &self.verification;
		ensure!(policy.sampled_segments > 0, SpecError::NoSampledSegments);
		ensure!(
			policy.sampled_segments <= limits.max_sampled_segments,
			SpecError::TooManySampledSegments
		);
		ensure!(
			u32::from(policy.sampled_segments) <= self.hyper.n_segments(),
			SpecError::SampledSegmentsExceedSegments
		);
		ensure!(policy.verifiers > 0, SpecError::NoVerifiers);
		ensure!(policy.verifiers <= limits.max_verifiers, SpecError::TooManyVerifiers);
		if let VerificationMode::Tolerance { metric, threshold } = policy.mode {
			ensure!(!threshold.is_zero(), SpecError::ToleranceWithoutThreshold);
			if metric == DistanceMetric::Cosine {
				ensure!(threshold < COSINE_DISTANCE_MAX, SpecError::CosineThresholdTooLarge);
			}
		}
		Ok(())
	}

	/// [`cost::estimated_flops`] of this task.
	pub fn estimated_flops(&self) -> Option<u128> {
		cost::estimated_flops(&self.model, &self.hyper)
	}

	/// [`cost::estimated_gflops`] of this task.
	pub fn estimated_gflops(&self) -> Option<u128> {
		cost::estimated_gflops(&self.model, &self.hyper)
	}
}
