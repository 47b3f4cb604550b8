//! # Assay learning engine
//!
//! Deterministic training on libtorch (through `tch` 0.24), and everything a solver, a verifier
//! and a juror need to agree on a training run:
//!
//! - [`Dataset`]: MNIST idx and CSV data, fetched from `file://` or `http(s)://` and refused
//!   unless the sha256 of the (decompressed) content is the task's ([`fetch`]);
//! - [`Model`]: the built-in MLP and LeNet of [`assay_primitives::ModelSpec`], and TorchScript
//!   modules, as forward functions over named parameters;
//! - [`Trainer`]: the step loop with the optimizer written out ([`optim`]), the batch order
//!   from a seeded ChaCha20 stream, [`Trainer::replay`] and [`Trainer::evaluate`];
//! - [`Checkpoint`]: the whole training state as named tensors, its safetensors file and its
//!   [canonical hash](Checkpoint::canonical_hash) (the `h_i` the chain commits to);
//! - [`distance()`]: L2, L∞ and cosine distances between checkpoints for `Tolerance` mode.
//!
//! `docs/learning.md` in the repository has the determinism rules, the checkpoint format and
//! the hash layout in one place.
//!
//! ## Usage
//!
//! ### Train a task (solver)
//!
//! ```no_run
//! # fn run(task: &assay_primitives::TaskSpec) -> Result<(), assay_learning::LearningError> {
//! use assay_learning::{Dataset, Trainer, TrainerOptions};
//! let data = Dataset::fetch(&task.dataset, std::path::Path::new("/var/cache/assay"))?;
//! let mut trainer = Trainer::new(task, data, None, &TrainerOptions::default())?;
//! let mut hashes = vec![trainer.checkpoint()?.canonical_hash()]; // h_0
//! for _ in 0..task.hyper.n_segments() {
//!     let run = trainer.run_segment(task.hyper.checkpoint_interval, false)?;
//!     hashes.push(run.checkpoint.canonical_hash()); // h_{i+1}
//!     // run.checkpoint.save(..) and serve it
//! }
//! # Ok(()) }
//! ```
//!
//! ### Replay a segment (verifier)
//!
//! ```no_run
//! # fn run(task: &assay_primitives::TaskSpec, data: assay_learning::Dataset,
//! #        checkpoint_i: &assay_learning::Checkpoint, h_next: [u8; 32])
//! #        -> Result<bool, assay_learning::LearningError> {
//! use assay_learning::{Trainer, TrainerOptions};
//! let mut trainer = Trainer::new(task, data, None, &TrainerOptions::default())?;
//! let run = trainer.replay(checkpoint_i, task.hyper.checkpoint_interval, false)?;
//! Ok(run.checkpoint.canonical_hash() == h_next)
//! # }
//! ```
//!
//! ## Linking
//!
//! `tch` links the libtorch of the pip `torch==2.11.0` installed by `scripts/setup.sh` in
//! `/var/tmp/assay-torch` (`.cargo/config.toml` sets `LIBTORCH`). This crate's `build.rs`
//! embeds that directory as an rpath and keeps `libtorch_cuda` linked; a binary crate that
//! uses this library needs the same lines in its own build script (see `build.rs`).

#![deny(missing_docs)]
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod checkpoint;
pub mod data;
pub mod determinism;
pub mod distance;
mod error;
pub mod fetch;
pub mod model;
pub mod optim;
pub mod trainer;

pub use checkpoint::{canonical_hash, Checkpoint, Dtype, HostTensor};
pub use data::Dataset;
pub use determinism::pin_cpu_kernels;
pub use distance::{distance, distance_f64, within_tolerance};
pub use error::{LearningError, Result};
pub use model::Model;
pub use trainer::{DeviceChoice, Evaluation, SegmentRun, Trainer, TrainerOptions};

/// Whether libtorch sees a CUDA device (which also tells that `libtorch_cuda` is linked).
pub fn cuda_available() -> bool {
	tch::Cuda::is_available()
}

/// Fetches and verifies the module file of a TorchScript `model` (`None` for built-in
/// models), through `cache_dir`.
pub fn fetch_module_file(
	model: &assay_primitives::ModelSpec,
	cache_dir: &std::path::Path,
) -> Result<Option<Vec<u8>>> {
	match model {
		assay_primitives::ModelSpec::TorchScript { uri, sha256, .. } => {
			let uri = fetch::uri_str(uri)?;
			fetch::fetch_verified(uri, sha256, fetch::Compression::AsIs, cache_dir).map(Some)
		},
		_ => Ok(None),
	}
}
