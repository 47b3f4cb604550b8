//! Exact mode refuses a process whose CPU kernels are not pinned. Alone in its test binary:
//! it changes the process environment.

mod common;
use assay_learning::{determinism, LearningError, Trainer, TrainerOptions};
use assay_primitives::*;
use common::*;

#[test]
fn exact_mode_needs_pinned_cpu_kernels() {
	let task = digits_task(adam(), VerificationMode::Exact);
	let data = || load(&task);
	std::env::remove_var("MKL_CBWR");
	assert!(matches!(
		Trainer::new(&task, data(), None, &TrainerOptions::default()),
		Err(LearningError::CpuKernelsNotPinned(_))
	));
	// Tolerance mode does not need them.
	let tolerant = digits_task(adam(), tolerance());
	assert!(Trainer::new(&tolerant, data(), None, &TrainerOptions::default()).is_ok());
	determinism::pin_cpu_kernels();
	assert!(determinism::check_cpu_kernels_pinned().is_ok());
	assert!(Trainer::new(&task, data(), None, &TrainerOptions::default()).is_ok());
}
