//! Models: the built-in MLP and LeNet of [`ModelSpec`], and TorchScript modules, all as a
//! forward function over named parameter tensors.
//!
//! ## Initial parameters of the built-in models
//!
//! Drawn without libtorch's global RNG, so they are the same on every machine and every
//! libtorch version: a ChaCha20 stream keyed by
//! `sha256("assay/init/v1" ‖ u64le(seed))` (`seed`: the task seed) fills, layer by layer in
//! forward order, the weight and then the bias. Each value is
//! `u = (x >> 40) · 2^-24` for the next `u64` output `x` (an exact `f64` in `[0, 1)`), then
//! `(−b + 2b·u) as f32` with `b = 1/√fan_in` computed in `f64` (`fan_in`: the layer's input
//! width, `in_channels · 25` for the 5×5 convolutions). That is the distribution of
//! PyTorch's default `nn.Linear`/`nn.Conv2d` initialisation, `U(−1/√fan_in, 1/√fan_in)`, for
//! weights and biases alike.
//!
//! A TorchScript module starts from the parameters saved in its file.

use crate::{
	checkpoint::{Checkpoint, HostTensor},
	error::{LearningError, Result},
};
use assay_primitives::{sha256_concat, ModelSpec};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use std::collections::BTreeMap;
use tch::{Device, Kind, Tensor};

/// The most parameters a built-in model may have (4 GiB of float32): a task asking for more is
/// refused before anything is allocated.
pub const MAX_PARAMETERS: usize = 1 << 30;

/// The domain tag of the parameter-initialisation stream.
const INIT_DOMAIN: &[u8] = b"assay/init/v1";

/// How the parameters map inputs to logits.
enum Architecture {
	/// `layers` widths; parameters `layer{i}.weight`, `layer{i}.bias`.
	Mlp { layers: Vec<i64> },
	/// LeNet-5 per [`ModelSpec::LeNet`]; parameters `conv1`, `conv2`, `fc1`, `fc2`, `fc3`
	/// (`.weight`, `.bias`).
	LeNet { channels: i64, side: i64 },
	/// A TorchScript module; its parameters are its `named_parameters`.
	TorchScript(Box<tch::CModule>),
}

/// A classifier: an architecture and its named parameters on one device.
pub struct Model {
	architecture: Architecture,
	/// Trainable tensors on `device`, by name (canonical order).
	parameters: BTreeMap<String, Tensor>,
	/// The number of classes (the width of the logits), when the architecture declares it.
	classes: Option<i64>,
}

/// A parameter to draw: name, shape and fan-in.
struct ParamPlan {
	name: String,
	shape: Vec<i64>,
	fan_in: i64,
}

fn to_i64(n: impl TryInto<i64>, what: &str) -> Result<i64> {
	n.try_into()
		.map_err(|_| LearningError::ShapeMismatch(format!("{what} too large")))
}

impl Model {
	/// Builds the model of `spec`: built-in models with parameters drawn from `seed`, a
	/// TorchScript model from `module_file` (the verified bytes of the module).
	pub fn new(
		spec: &ModelSpec,
		seed: u64,
		module_file: Option<&[u8]>,
		device: Device,
	) -> Result<Self> {
		let (architecture, plan, classes) = match spec {
			ModelSpec::Mlp { layers } => {
				let layers =
					layers.iter().map(|w| to_i64(*w, "layer width")).collect::<Result<Vec<_>>>()?;
				if layers.len() < 2 || layers.iter().any(|w| *w <= 0) {
					return Err(LearningError::InvalidTask(
						"an MLP needs at least two non-zero layer widths".into(),
					));
				}
				let mut plan = Vec::new();
				for (i, pair) in layers.windows(2).enumerate() {
					if let [fan_in, fan_out] = *pair {
						plan.push(ParamPlan {
							name: format!("layer{i}.weight"),
							shape: vec![fan_out, fan_in],
							fan_in,
						});
						plan.push(ParamPlan {
							name: format!("layer{i}.bias"),
							shape: vec![fan_out],
							fan_in,
						});
					}
				}
				let classes = layers.last().copied();
				(Architecture::Mlp { layers }, plan, classes)
			},
			ModelSpec::LeNet { input_channels, input_side, classes } => {
				let channels = i64::from(*input_channels);
				let side = i64::from(*input_side);
				let classes = to_i64(*classes, "class count")?;
				// side ≤ 65535, so these products stay far inside i64.
				let a = (side - 4) / 2;
				let b = (a - 4) / 2;
				if channels == 0 || classes == 0 || b < 1 {
					return Err(LearningError::InvalidTask(
						"LeNet needs channels, classes and an input side of at least 16".into(),
					));
				}
				let flat = 16 * b * b;
				let layer = |name: &str, shape: Vec<i64>, fan_in: i64| {
					[
						ParamPlan { name: format!("{name}.weight"), shape: shape.clone(), fan_in },
						ParamPlan {
							name: format!("{name}.bias"),
							shape: shape.first().copied().into_iter().collect(),
							fan_in,
						},
					]
				};
				let plan = [
					layer("conv1", vec![6, channels, 5, 5], channels * 25),
					layer("conv2", vec![16, 6, 5, 5], 6 * 25),
					layer("fc1", vec![120, flat], flat),
					layer("fc2", vec![84, 120], 120),
					layer("fc3", vec![classes, 84], 84),
				]
				.into_iter()
				.flatten()
				.collect();
				(Architecture::LeNet { channels, side }, plan, Some(classes))
			},
			ModelSpec::TorchScript { .. } => {
				let bytes = module_file.ok_or_else(|| {
					LearningError::ModelFile("a TorchScript task needs its module file".into())
				})?;
				return Self::torchscript(bytes, device);
			},
		};
		if module_file.is_some() {
			return Err(LearningError::ModelFile(
				"a module file was given for a built-in model".into(),
			));
		}
		let parameters = draw_parameters(&plan, seed, device)?;
		Ok(Self { architecture, parameters, classes })
	}

	fn torchscript(bytes: &[u8], device: Device) -> Result<Self> {
		let mut reader = bytes;
		let mut module = tch::CModule::load_data_on_device(&mut reader, device)
			.map_err(|e| LearningError::InvalidTorchScript(first_line(&e.to_string())))?;
		module
			.f_set_train()
			.map_err(|e| LearningError::InvalidTorchScript(e.to_string()))?;
		let named = module
			.named_parameters()
			.map_err(|e| LearningError::InvalidTorchScript(e.to_string()))?;
		if named.is_empty() {
			return Err(LearningError::InvalidTorchScript("the module has no parameters".into()));
		}
		let mut parameters = BTreeMap::new();
		for (name, mut tensor) in named {
			if tensor.f_kind()? != Kind::Float {
				return Err(LearningError::InvalidTorchScript(format!(
					"parameter {name} is {:?}; only float32 parameters are supported",
					tensor.f_kind()?
				)));
			}
			// The handle shares its storage with the module: updating it in place trains the
			// module.
			let _ = tensor.f_requires_grad_(true)?;
			parameters.insert(name, tensor);
		}
		Ok(Self {
			architecture: Architecture::TorchScript(Box::new(module)),
			parameters,
			classes: None,
		})
	}

	/// The parameters, by name.
	pub fn parameters(&self) -> &BTreeMap<String, Tensor> {
		&self.parameters
	}

	/// The parameters, by name, for the optimizer's in-place updates.
	pub(crate) fn parameters_mut(&mut self) -> &mut BTreeMap<String, Tensor> {
		&mut self.parameters
	}

	/// The number of classes, when the architecture declares it (built-in models).
	pub fn classes(&self) -> Option<i64> {
		self.classes
	}

	/// Checks that samples of `sample_shape` fit the model's input.
	pub fn check_input(&self, sample_shape: &[i64]) -> Result<()> {
		let width: i64 = sample_shape.iter().product();
		match &self.architecture {
			Architecture::Mlp { layers } => {
				let input = layers.first().copied().unwrap_or(0);
				if input != width {
					return Err(LearningError::ShapeMismatch(format!(
						"the MLP takes {input} features, the samples have {width}"
					)));
				}
			},
			Architecture::LeNet { channels, side } => {
				if channels * side * side != width {
					return Err(LearningError::ShapeMismatch(format!(
						"LeNet takes {channels}x{side}x{side} = {} values, the samples have {width}",
						channels * side * side
					)));
				}
			},
			Architecture::TorchScript(_) => {},
		}
		Ok(())
	}

	/// Sets training or evaluation mode (only TorchScript modules have a mode).
	pub fn set_train(&mut self, train: bool) -> Result<()> {
		if let Architecture::TorchScript(module) = &mut self.architecture {
			if train {
				module.f_set_train()?;
			} else {
				module.f_set_eval()?;
			}
		}
		Ok(())
	}

	/// The logits `[batch, classes]` of `inputs` `[batch, width]`, whose samples have
	/// `sample_shape`.
	pub fn forward(&self, inputs: &Tensor, sample_shape: &[i64]) -> Result<Tensor> {
		let param = |name: &str| {
			self.parameters.get(name).ok_or_else(|| {
				LearningError::CheckpointMismatch(format!("missing parameter {name}"))
			})
		};
		let batch = inputs.size().first().copied().unwrap_or(0);
		let logits = match &self.architecture {
			Architecture::Mlp { layers } => {
				let last = layers.len().saturating_sub(2);
				let mut x = inputs.shallow_clone();
				for i in 0..layers.len().saturating_sub(1) {
					let weight = param(&format!("layer{i}.weight"))?;
					let bias = param(&format!("layer{i}.bias"))?;
					x = x.f_linear(weight, Some(bias))?;
					if i < last {
						x = x.f_relu()?;
					}
				}
				x
			},
			Architecture::LeNet { channels, side } => {
				let conv = |x: &Tensor, name: &str| -> Result<Tensor> {
					let weight = param(&format!("{name}.weight"))?;
					let bias = param(&format!("{name}.bias"))?;
					Ok(x.f_conv2d(weight, Some(bias), [1, 1], [0, 0], [1, 1], 1)?
						.f_relu()?
						.f_max_pool2d([2, 2], [2, 2], [0, 0], [1, 1], false)?)
				};
				let linear = |x: &Tensor, name: &str| -> Result<Tensor> {
					let weight = param(&format!("{name}.weight"))?;
					let bias = param(&format!("{name}.bias"))?;
					Ok(x.f_linear(weight, Some(bias))?)
				};
				let x = inputs.f_reshape([batch, *channels, *side, *side])?;
				let x = conv(&conv(&x, "conv1")?, "conv2")?.f_flatten(1, -1)?;
				let x = linear(&x, "fc1")?.f_relu()?;
				let x = linear(&x, "fc2")?.f_relu()?;
				linear(&x, "fc3")?
			},
			Architecture::TorchScript(module) => {
				let shape: Vec<i64> =
					std::iter::once(batch).chain(sample_shape.iter().copied()).collect();
				let x = inputs.f_reshape(shape.as_slice())?;
				module
					.forward_ts(&[x])
					.map_err(|e| LearningError::InvalidTorchScript(first_line(&e.to_string())))?
			},
		};
		let size = logits.size();
		if size.len() != 2 || size.first() != Some(&batch) || logits.f_kind()? != Kind::Float {
			return Err(LearningError::ShapeMismatch(format!(
				"the model returned {:?} {size:?}, expected float logits [{batch}, classes]",
				logits.f_kind()?
			)));
		}
		Ok(logits)
	}

	/// Checks that `checkpoint`'s parameters are exactly this model's (names, dtypes, shapes).
	pub fn check_parameters(&self, checkpoint: &Checkpoint) -> Result<()> {
		let mut seen = 0usize;
		for (name, value) in checkpoint.parameters() {
			let target = self.parameters.get(name).ok_or_else(|| {
				LearningError::CheckpointMismatch(format!("unknown parameter {name}"))
			})?;
			check_fits(target, value, name)?;
			seen += 1;
		}
		if seen != self.parameters.len() {
			return Err(LearningError::CheckpointMismatch(format!(
				"{seen} parameters, the model has {}",
				self.parameters.len()
			)));
		}
		Ok(())
	}

	/// Overwrites the parameters with `checkpoint`'s, after [`Self::check_parameters`].
	pub fn load_parameters(&mut self, checkpoint: &Checkpoint) -> Result<()> {
		self.check_parameters(checkpoint)?;
		for (name, value) in checkpoint.parameters() {
			if let Some(target) = self.parameters.get_mut(name) {
				copy_into(target, value, name)?;
			}
		}
		Ok(())
	}
}

/// Checks that `value` has `target`'s dtype and shape.
pub(crate) fn check_fits(target: &Tensor, value: &HostTensor, name: &str) -> Result<()> {
	let expected: Vec<usize> =
		target.size().iter().map(|d| usize::try_from(*d).unwrap_or(0)).collect();
	if value.shape() != expected.as_slice() || Some(value.dtype().kind()) != target.f_kind().ok() {
		return Err(LearningError::CheckpointMismatch(format!(
			"{name} is {} {:?}, expected {:?} {expected:?}",
			value.dtype().name(),
			value.shape(),
			target.f_kind()?
		)));
	}
	Ok(())
}

/// Copies `value` into `target` in place, without recording the copy for autograd.
pub(crate) fn copy_into(target: &mut Tensor, value: &HostTensor, name: &str) -> Result<()> {
	check_fits(target, value, name)?;
	let source = value.to_tensor(target.device())?;
	tch::no_grad(|| target.f_copy_(&source))?;
	Ok(())
}

fn draw_parameters(
	plan: &[ParamPlan],
	seed: u64,
	device: Device,
) -> Result<BTreeMap<String, Tensor>> {
	let key = sha256_concat(&[INIT_DOMAIN, &seed.to_le_bytes()]);
	let mut rng = ChaCha20Rng::from_seed(key);
	let too_large = || {
		LearningError::InvalidTask(format!(
			"the model has more than {MAX_PARAMETERS} parameters, the engine's limit"
		))
	};
	let mut total = 0usize;
	for param in plan {
		let numel = param
			.shape
			.iter()
			.try_fold(1usize, |n, d| usize::try_from(*d).ok().and_then(|d| n.checked_mul(d)))
			.ok_or_else(too_large)?;
		total = total
			.checked_add(numel)
			.filter(|t| *t <= MAX_PARAMETERS)
			.ok_or_else(too_large)?;
	}
	let mut parameters = BTreeMap::new();
	for param in plan {
		let numel = param.shape.iter().map(|d| usize::try_from(*d).unwrap_or(0)).product();
		// fan_in is a positive i64 far below 2^53: exact in f64.
		let bound = 1.0 / (param.fan_in as f64).sqrt();
		let values: Vec<f32> = (0..numel)
			.map(|_| {
				let unit = (rng.next_u64() >> 40) as f64 * (1.0 / (1u64 << 24) as f64);
				(-bound + 2.0 * bound * unit) as f32
			})
			.collect();
		let tensor = Tensor::f_from_slice(&values)?
			.f_reshape(param.shape.as_slice())?
			.f_to(device)?
			.f_requires_grad_(true)?;
		parameters.insert(param.name.clone(), tensor);
	}
	Ok(parameters)
}

/// The first line of a libtorch error (the rest is a C++ backtrace).
pub(crate) fn first_line(message: &str) -> String {
	message.lines().next().unwrap_or_default().to_owned()
}
