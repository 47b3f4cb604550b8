//! The update rules of [`assay_primitives::Optimizer`], written out as tensor operations so
//! that their state is ours to checkpoint and their arithmetic is fixed.
//!
//! Every operation below is one libtorch kernel on F32 tensors (scalars enter as `f64` and
//! are applied as PyTorch applies a Python float), run in this order, under `no_grad`:
//!
//! - SGD: `p −= g·lr`.
//! - Momentum: `v = v·μ; v += g; p −= v·lr`.
//! - Adam, at step `t`: `m = m·β1; m += g·(1−β1); v = v·β2; v += (g·g)·(1−β2);`
//!   `β1^t = β1^(t−1)·β1`, `β2^t = β2^(t−1)·β2` (host `f64`, stored in the checkpoint);
//!   `denominator = sqrt(v / (1−β2^t)) + ε; p −= ((m / (1−β1^t)) / denominator)·lr`.
//!
//! The `Fixed` constants become `f64` through [`Fixed::to_f64`].
//!
//! The square root is the one exception to "one libtorch kernel": on the CPU, libtorch's
//! `sqrt` goes through MKL's vector math, whose code path depends on the processor even with
//! `MKL_CBWR` pinned. Measured: Adam's first step hashed differently on an AMD EPYC (AVX2) and
//! an Intel Xeon (AVX-512) while SGD and momentum agreed for 20 steps
//! (`docs/benchmarks.md`, "On a GPU"). [`ieee_sqrt`] takes the square root on the host with
//! Rust's `f32::sqrt`, which IEEE 754 rounds correctly on every machine.

use crate::{
	checkpoint::{Checkpoint, HostTensor, OPTIM_PREFIX},
	error::{LearningError, Result},
	model::{check_fits, copy_into},
};
use assay_primitives::{Fixed, Optimizer};
use std::collections::BTreeMap;
use tch::Tensor;

const BETA1_POWER: &str = "optim/beta1_power";
const BETA2_POWER: &str = "optim/beta2_power";

/// An update rule with its constants as `f64`.
#[derive(Clone, Copy, Debug)]
enum Rule {
	Sgd,
	Momentum { momentum: f64 },
	Adam { beta1: f64, beta2: f64, epsilon: f64 },
}

/// The optimizer: the rule, the learning rate and the state.
pub struct OptimizerState {
	rule: Rule,
	learning_rate: f64,
	/// Per-parameter state tensors by full checkpoint name (`optim/<p>/<slot>`).
	slots: BTreeMap<String, Tensor>,
	/// Adam's `β1^t`, `β2^t` after the last step (`1` before the first).
	beta_powers: Option<(f64, f64)>,
}

fn slot_name(param: &str, slot: &str) -> String {
	format!("{OPTIM_PREFIX}{param}/{slot}")
}

impl OptimizerState {
	/// Zero state for `parameters`.
	pub fn new(
		optimizer: &Optimizer,
		learning_rate: Fixed,
		parameters: &BTreeMap<String, Tensor>,
	) -> Result<Self> {
		let rule = match *optimizer {
			Optimizer::Sgd => Rule::Sgd,
			Optimizer::Momentum { momentum } => Rule::Momentum { momentum: momentum.to_f64() },
			Optimizer::Adam { beta1, beta2, epsilon } => Rule::Adam {
				beta1: beta1.to_f64(),
				beta2: beta2.to_f64(),
				epsilon: epsilon.to_f64(),
			},
		};
		let slot_kinds: &[&str] = match rule {
			Rule::Sgd => &[],
			Rule::Momentum { .. } => &["momentum"],
			Rule::Adam { .. } => &["exp_avg", "exp_avg_sq"],
		};
		let mut slots = BTreeMap::new();
		for (name, param) in parameters {
			for slot in slot_kinds {
				let zeros = tch::no_grad(|| param.f_zeros_like())?;
				slots.insert(slot_name(name, slot), zeros);
			}
		}
		let beta_powers = matches!(rule, Rule::Adam { .. }).then_some((1.0, 1.0));
		Ok(Self { rule, learning_rate: learning_rate.to_f64(), slots, beta_powers })
	}

	/// Applies one update to `parameters` with `gradients` (same order as the parameters).
	pub fn step(
		&mut self,
		parameters: &mut BTreeMap<String, Tensor>,
		gradients: &[Tensor],
	) -> Result<()> {
		if gradients.len() != parameters.len() {
			return Err(LearningError::ShapeMismatch("one gradient per parameter".into()));
		}
		let lr = self.learning_rate;
		let beta_powers = match (self.rule, self.beta_powers) {
			(Rule::Adam { beta1, beta2, .. }, Some((p1, p2))) => Some((p1 * beta1, p2 * beta2)),
			_ => None,
		};
		tch::no_grad(|| -> Result<()> {
			for ((name, param), grad) in parameters.iter_mut().zip(gradients) {
				match self.rule {
					Rule::Sgd => {
						param.f_sub_(&grad.f_mul_scalar(lr)?).map(drop)?;
					},
					Rule::Momentum { momentum } => {
						let velocity = self.slot(name, "momentum")?;
						velocity.f_mul_scalar_(momentum).map(drop)?;
						velocity.f_add_(grad).map(drop)?;
						let update = velocity.f_mul_scalar(lr)?;
						param.f_sub_(&update).map(drop)?;
					},
					Rule::Adam { beta1, beta2, epsilon } => {
						let (power1, power2) = beta_powers.unwrap_or((beta1, beta2));
						let exp_avg = self.slot(name, "exp_avg")?;
						exp_avg.f_mul_scalar_(beta1).map(drop)?;
						exp_avg.f_add_(&grad.f_mul_scalar(1.0 - beta1)?).map(drop)?;
						let first = exp_avg.f_div_scalar(1.0 - power1)?;
						let exp_avg_sq = self.slot(name, "exp_avg_sq")?;
						exp_avg_sq.f_mul_scalar_(beta2).map(drop)?;
						exp_avg_sq
							.f_add_(&grad.f_mul(grad)?.f_mul_scalar(1.0 - beta2)?)
							.map(drop)?;
						let denominator = ieee_sqrt(&exp_avg_sq.f_div_scalar(1.0 - power2)?)?
							.f_add_scalar(epsilon)?;
						param.f_sub_(&first.f_div(&denominator)?.f_mul_scalar(lr)?).map(drop)?;
					},
				}
			}
			Ok(())
		})?;
		if beta_powers.is_some() {
			self.beta_powers = beta_powers;
		}
		Ok(())
	}

	fn slot(&mut self, param: &str, slot: &str) -> Result<&mut Tensor> {
		let name = slot_name(param, slot);
		self.slots
			.get_mut(&name)
			.ok_or(LearningError::CheckpointMismatch(format!("missing optimizer state {name}")))
	}

	/// Writes the state into `checkpoint`.
	pub fn save(&self, checkpoint: &mut Checkpoint) -> Result<()> {
		for (name, tensor) in &self.slots {
			checkpoint.insert(name.clone(), HostTensor::from_tensor(tensor)?);
		}
		if let Some((power1, power2)) = self.beta_powers {
			checkpoint.insert(BETA1_POWER.into(), HostTensor::scalar_f64(power1));
			checkpoint.insert(BETA2_POWER.into(), HostTensor::scalar_f64(power2));
		}
		Ok(())
	}

	/// Checks that `checkpoint` holds exactly this optimizer's state tensors (names, dtypes,
	/// shapes).
	pub fn check(&self, checkpoint: &Checkpoint) -> Result<()> {
		let mut expected = self.slots.len();
		for (name, slot) in &self.slots {
			let value = checkpoint.get(name).ok_or_else(|| {
				LearningError::CheckpointMismatch(format!("missing optimizer state {name}"))
			})?;
			check_fits(slot, value, name)?;
		}
		if self.beta_powers.is_some() {
			checkpoint.scalar_f64(BETA1_POWER)?;
			checkpoint.scalar_f64(BETA2_POWER)?;
			expected += 2;
		}
		let present = checkpoint.tensors().keys().filter(|n| n.starts_with(OPTIM_PREFIX)).count();
		if present != expected {
			return Err(LearningError::CheckpointMismatch(format!(
				"{present} optimizer tensors, this optimizer has {expected}"
			)));
		}
		Ok(())
	}

	/// Reads the state from `checkpoint`, after [`Self::check`].
	pub fn load(&mut self, checkpoint: &Checkpoint) -> Result<()> {
		self.check(checkpoint)?;
		for (name, slot) in &mut self.slots {
			if let Some(value) = checkpoint.get(name) {
				copy_into(slot, value, name)?;
			}
		}
		if self.beta_powers.is_some() {
			self.beta_powers =
				Some((checkpoint.scalar_f64(BETA1_POWER)?, checkpoint.scalar_f64(BETA2_POWER)?));
		}
		Ok(())
	}
}

/// The element-wise square root of an F32 tensor, correctly rounded whatever the processor: on
/// the CPU it is taken on the host with `f32::sqrt` (see the module docs); on a GPU, CUDA's
/// `sqrt` is already correctly rounded.
fn ieee_sqrt(tensor: &Tensor) -> Result<Tensor> {
	if tensor.device() != tch::Device::Cpu {
		return Ok(tensor.f_sqrt()?);
	}
	let mut values = Vec::<f32>::try_from(&tensor.f_flatten(0, -1)?)?;
	for value in &mut values {
		*value = value.sqrt();
	}
	Ok(Tensor::f_from_slice(&values)?.f_view(tensor.size().as_slice())?)
}
