//! The process settings `Exact` mode needs, so that two x86-64 machines compute the same bits.
//!
//! libtorch picks its CPU kernels by what the processor offers: ATen's vectorised kernels
//! (`default`, `avx2`, `avx512`), MKL's GEMM code paths and oneDNN's JIT kernels each round
//! differently. Measured on this project's build machine (AVX2, no AVX-512), each of the three
//! settings below changes the hash of a 40-step digits training; so a solver on an AVX-512
//! machine and a verifier on an AVX2 machine would disagree without them. They pin every
//! choice to the baseline every x86-64 CPU runs:
//!
//! | variable | value | effect |
//! |---|---|---|
//! | `ATEN_CPU_CAPABILITY` | `default` | ATen's non-vectorised-dispatch kernels |
//! | `MKL_CBWR` | `COMPATIBLE,STRICT` | MKL's conditional numerical reproducibility, SSE2 paths, alignment-independent |
//! | `ONEDNN_MAX_CPU_ISA` | `SSE41` | oneDNN's lowest x86 ISA |
//!
//! Each library reads its variable once, at its first use, so the variables must be set
//! before the first libtorch call of the process: by the environment (`.cargo/config.toml`
//! sets them for `cargo test`/`cargo run` in this repository) or by [`pin_cpu_kernels`] as the
//! first line of `main`. [`Trainer::new`](crate::Trainer::new) refuses `Exact` mode when they
//! are not set to these values. The measured cost on the digits MLP is within noise.

use crate::error::{LearningError, Result};

/// The environment of `Exact` mode: variable, value.
pub const EXACT_CPU_ENV: [(&str, &str); 3] = [
	("ATEN_CPU_CAPABILITY", "default"),
	("MKL_CBWR", "COMPATIBLE,STRICT"),
	("ONEDNN_MAX_CPU_ISA", "SSE41"),
];

/// Sets [`EXACT_CPU_ENV`] in this process. Call it first thing in `main`, before any other
/// thread exists and before any libtorch call; later it has no effect on libtorch.
pub fn pin_cpu_kernels() {
	for (name, value) in EXACT_CPU_ENV {
		std::env::set_var(name, value);
	}
}

/// Checks that the process environment has [`EXACT_CPU_ENV`].
pub fn check_cpu_kernels_pinned() -> Result<()> {
	for (name, value) in EXACT_CPU_ENV {
		let actual = std::env::var(name).ok();
		if actual.as_deref() != Some(value) {
			return Err(LearningError::CpuKernelsNotPinned(format!(
				"{name} is {actual:?}, Exact mode needs {value:?} set before libtorch starts \
				 (see assay_learning::determinism)"
			)));
		}
	}
	Ok(())
}
