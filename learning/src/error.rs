//! The one error type of the crate.

use std::path::PathBuf;

/// Why a learning-engine operation failed. Every failure caused by input from outside (a task,
/// a file, a checkpoint, the network) is one of these, never a panic.
#[derive(Debug, thiserror::Error)]
pub enum LearningError {
	/// A URI that is not UTF-8 or not `file://`, `http://` or `https://`.
	#[error("unsupported URI {0:?}: expected file://, http:// or https://")]
	UnsupportedUri(String),
	/// A local file could not be read or written.
	#[error("{path}: {source}")]
	Io {
		/// The file.
		path: PathBuf,
		/// The underlying error.
		#[source]
		source: std::io::Error,
	},
	/// An HTTP(S) download failed.
	#[error("could not fetch {uri}: {reason}")]
	Fetch {
		/// The URI.
		uri: String,
		/// What went wrong.
		reason: String,
	},
	/// Content larger than the engine accepts.
	#[error("{what} is larger than {limit} bytes")]
	TooLarge {
		/// What was being read.
		what: String,
		/// The limit, in bytes.
		limit: u64,
	},
	/// A gzip stream that does not decompress.
	#[error("invalid gzip data in {what}: {reason}")]
	Gzip {
		/// What was being read.
		what: String,
		/// The decoder's error.
		reason: String,
	},
	/// Content whose sha256 is not the one the task names.
	#[error("sha256 mismatch for {what}: expected {expected}, got {actual}")]
	HashMismatch {
		/// What was checked (a URI).
		what: String,
		/// The sha256 the task names, in hex.
		expected: String,
		/// The sha256 of the content, in hex.
		actual: String,
	},
	/// MNIST idx data that does not follow the format.
	#[error("malformed idx data: {0}")]
	MalformedIdx(String),
	/// CSV data that does not follow the format.
	#[error("malformed CSV, line {line}: {reason}")]
	MalformedCsv {
		/// 1-based line number.
		line: usize,
		/// What is wrong.
		reason: String,
	},
	/// A dataset with fewer samples than the task declares for training.
	#[error("the dataset has {available} samples, fewer than the {declared} training samples the task declares")]
	NotEnoughSamples {
		/// Samples in the file.
		available: usize,
		/// `train_samples` of the task.
		declared: u32,
	},
	/// Evaluation asked for on a dataset whose samples are all training samples.
	#[error("the dataset has no held-out samples (all are training samples)")]
	NoHeldOutSamples,
	/// Data, a model and a task that do not fit together (input width, image side, batch).
	#[error("shape mismatch: {0}")]
	ShapeMismatch(String),
	/// A label that is not a class of the model.
	#[error("label {label} of sample {sample} is not one of the model's {classes} classes")]
	LabelOutOfRange {
		/// 0-based sample index.
		sample: usize,
		/// The label.
		label: i64,
		/// The number of classes.
		classes: i64,
	},
	/// A task the engine cannot train (see [`assay_primitives::SpecError`]).
	#[error("invalid task: {0}")]
	InvalidTask(String),
	/// Bytes that are not a checkpoint, or a checkpoint that is inconsistent in itself.
	#[error("corrupt checkpoint: {0}")]
	CorruptCheckpoint(String),
	/// A well-formed checkpoint of another model, optimizer or task.
	#[error("checkpoint does not fit this training: {0}")]
	CheckpointMismatch(String),
	/// A model file that libtorch cannot load as a TorchScript module, or one that does not
	/// behave as a classifier.
	#[error("invalid TorchScript module: {0}")]
	InvalidTorchScript(String),
	/// A TorchScript task without the module file, or a module file for a built-in model.
	#[error("{0}")]
	ModelFile(String),
	/// The requested device is not present or not allowed.
	#[error("device unavailable: {0}")]
	DeviceUnavailable(String),
	/// `Exact` mode in a process whose CPU kernels are not pinned (see
	/// [`crate::determinism`]).
	#[error("CPU kernels not pinned: {0}")]
	CpuKernelsNotPinned(String),
	/// Two checkpoints that cannot be compared (different tensors or shapes).
	#[error("checkpoints are not comparable: {0}")]
	NotComparable(String),
	/// NaN or infinity where a finite number is needed.
	#[error("non-finite value in {0}")]
	NonFinite(String),
	/// libtorch reported an error.
	#[error("libtorch: {0}")]
	Torch(#[from] tch::TchError),
}

/// The crate's result type.
pub type Result<T, E = LearningError> = std::result::Result<T, E>;

impl LearningError {
	pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
		Self::Io { path: path.into(), source }
	}
}
