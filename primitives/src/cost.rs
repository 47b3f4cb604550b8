//! The training cost of a task, in FLOPs, in integer arithmetic.
//!
//! The chain prices a task from this estimate (`reward ≥ gflops × MinPricePerGflop`), so it
//! must be the same everywhere, cheap, and free of floats and panics: every operation is
//! checked and an overflow yields `None`.
//!
//! ## Formulas
//!
//! A multiply–add counts as 2 FLOPs and a bias add as 1. Activations, pooling and the loss are
//! not counted: they are a small fraction of the total and vary by implementation.
//!
//! - Linear `in → out` with bias: `2·in·out + out`.
//! - Conv `c_in → c_out`, `k×k` kernel, `h×w` output, with bias: `(2·c_in·k²·c_out + c_out)·h·w`.
//! - [`ModelSpec::Mlp`]: the sum over consecutive widths of the linear formula.
//! - [`ModelSpec::LeNet`] (`C` channels, side `S`, `K` classes, `a = ⌊(S−4)/2⌋`,
//!   `b = ⌊(a−4)/2⌋`):
//!   conv `C → 6`, 5×5, output side `S−4`; conv `6 → 16`, 5×5, output side `a−4`; linear
//!   `16·b² → 120`; linear `120 → 84`; linear `84 → K`. MNIST LeNet (`C = 1, S = 28, K = 10`)
//!   is 567 974 FLOPs per sample.
//! - [`ModelSpec::TorchScript`]: the declared `flops_per_sample`.
//!
//! Training a sample costs a forward and a backward pass, and the backward pass costs about
//! twice the forward (gradients with respect to both inputs and weights), so
//! `training FLOPs = 3 × forward FLOPs per sample × batch_size × total_steps`.

use crate::spec::{Hyperparams, ModelSpec, LENET_MIN_INPUT_SIDE};

/// Training FLOPs per forward FLOP: forward plus a backward pass of twice the cost.
pub const TRAINING_FLOPS_PER_FORWARD_FLOP: u128 = 3;

/// FLOPs in one GFLOP.
pub const FLOPS_PER_GFLOP: u128 = 1_000_000_000;

/// `2·inputs·outputs + outputs`: a linear layer with bias.
fn linear(inputs: u128, outputs: u128) -> Option<u128> {
	inputs.checked_mul(outputs)?.checked_mul(2)?.checked_add(outputs)
}

/// `(2·c_in·k²·c_out + c_out)·side²`: a `k×k` convolution with bias and a `side × side` output.
fn conv(c_in: u128, c_out: u128, kernel: u128, side: u128) -> Option<u128> {
	let per_position = c_in
		.checked_mul(kernel.checked_mul(kernel)?)?
		.checked_mul(c_out)?
		.checked_mul(2)?
		.checked_add(c_out)?;
	per_position.checked_mul(side.checked_mul(side)?)
}

/// The forward-pass FLOPs of one sample through `model` (see the module docs).
///
/// `None` on overflow, or for a LeNet input smaller than [`LENET_MIN_INPUT_SIDE`] (its
/// feature maps would be empty). An MLP with fewer than two widths costs `0`: check
/// [`TaskSpec::validate`](crate::TaskSpec::validate) first.
pub fn forward_flops_per_sample(model: &ModelSpec) -> Option<u128> {
	match model {
		ModelSpec::Mlp { layers } => {
			layers
				.iter()
				.zip(layers.iter().skip(1))
				.try_fold(0u128, |sum, (&inputs, &outputs)| {
					sum.checked_add(linear(u128::from(inputs), u128::from(outputs))?)
				})
		},
		ModelSpec::LeNet { input_channels, input_side, classes } => {
			if *input_side < LENET_MIN_INPUT_SIDE {
				return None;
			}
			let side1 = u128::from(*input_side).checked_sub(4)?;
			let side2 = (side1 / 2).checked_sub(4)?;
			let flat_side = side2 / 2;
			let flat = flat_side.checked_mul(flat_side)?.checked_mul(16)?;
			conv(u128::from(*input_channels), 6, 5, side1)?
				.checked_add(conv(6, 16, 5, side2)?)?
				.checked_add(linear(flat, 120)?)?
				.checked_add(linear(120, 84)?)?
				.checked_add(linear(84, u128::from(*classes))?)
		},
		ModelSpec::TorchScript { flops_per_sample, .. } => Some(u128::from(*flops_per_sample)),
	}
}

/// The FLOPs of training `model` as `hyper` says:
/// `3 × forward FLOPs per sample × batch_size × total_steps`. `None` on overflow.
pub fn estimated_flops(model: &ModelSpec, hyper: &Hyperparams) -> Option<u128> {
	forward_flops_per_sample(model)?
		.checked_mul(TRAINING_FLOPS_PER_FORWARD_FLOP)?
		.checked_mul(u128::from(hyper.batch_size))?
		.checked_mul(u128::from(hyper.total_steps))
}

/// [`estimated_flops`] in GFLOPs, rounded up (a task of 1 FLOP costs 1 GFLOP).
pub fn estimated_gflops(model: &ModelSpec, hyper: &Hyperparams) -> Option<u128> {
	Some(estimated_flops(model, hyper)?.div_ceil(FLOPS_PER_GFLOP))
}
