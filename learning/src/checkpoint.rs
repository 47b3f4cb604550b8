//! Checkpoints: named host tensors, their canonical hash and their safetensors encoding.
//!
//! A [`Checkpoint`] holds the whole training state as named tensors in host memory:
//!
//! | name | dtype, shape | what |
//! |---|---|---|
//! | `param/<p>` | F32, the parameter's | every trainable tensor `<p>` of the model |
//! | `optim/<p>/momentum` | F32, as `<p>` | momentum velocity `v` |
//! | `optim/<p>/exp_avg`, `optim/<p>/exp_avg_sq` | F32, as `<p>` | Adam's `m` and `v` |
//! | `optim/beta1_power`, `optim/beta2_power` | F64, `[]` | Adam's `β1^t`, `β2^t` |
//! | `state/step` | I64, `[]` | optimizer steps taken |
//! | `state/epoch`, `state/batch_in_epoch` | I64, `[]` | data cursor of the next step |
//!
//! ## Canonical hash
//!
//! [`Checkpoint::canonical_hash`] is the sha256 of the concatenation, over the tensors in
//! ascending byte order of their names, of the record
//!
//! ```text
//! u32le(len(name)) ‖ name (UTF-8)
//! ‖ u32le(len(dtype)) ‖ dtype (ASCII: "F32", "F64" or "I64")
//! ‖ u32le(rank) ‖ u64le(dim_0) ‖ … ‖ u64le(dim_{rank−1})
//! ‖ u64le(len(data)) ‖ data (elements little-endian, row-major)
//! ```
//!
//! with nothing before the first record or after the last. The hash depends only on the
//! tensors, not on the file they were read from.

use crate::error::{LearningError, Result};
use assay_primitives::Sha256;
use sha2::{Digest, Sha256 as Hasher};
use std::{borrow::Cow, collections::BTreeMap, collections::HashMap, path::Path};

#[cfg(target_endian = "big")]
compile_error!("checkpoints store little-endian bytes copied from native tensors");

/// The prefix of parameter tensor names.
pub const PARAM_PREFIX: &str = "param/";
/// The prefix of optimizer state tensor names.
pub const OPTIM_PREFIX: &str = "optim/";
/// The step counter.
pub const STEP: &str = "state/step";
/// The epoch of the next step's batch.
pub const EPOCH: &str = "state/epoch";
/// The index, within its epoch, of the next step's batch.
pub const BATCH_IN_EPOCH: &str = "state/batch_in_epoch";

/// The `__metadata__` entry every checkpoint file carries (one entry, so the header's JSON is
/// deterministic).
const FORMAT_KEY: &str = "format";
/// The checkpoint format this engine writes and reads.
pub const FORMAT: &str = "assay-checkpoint/1";

/// The element types a checkpoint may hold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dtype {
	/// IEEE-754 binary32.
	F32,
	/// IEEE-754 binary64.
	F64,
	/// Two's-complement 64-bit integer.
	I64,
}

impl Dtype {
	/// The name in the hash layout and in safetensors.
	pub fn name(self) -> &'static str {
		match self {
			Self::F32 => "F32",
			Self::F64 => "F64",
			Self::I64 => "I64",
		}
	}

	/// Bytes per element.
	pub fn size(self) -> usize {
		match self {
			Self::F32 => 4,
			Self::F64 | Self::I64 => 8,
		}
	}

	pub(crate) fn kind(self) -> tch::Kind {
		match self {
			Self::F32 => tch::Kind::Float,
			Self::F64 => tch::Kind::Double,
			Self::I64 => tch::Kind::Int64,
		}
	}

	pub(crate) fn from_kind(kind: tch::Kind) -> Option<Self> {
		match kind {
			tch::Kind::Float => Some(Self::F32),
			tch::Kind::Double => Some(Self::F64),
			tch::Kind::Int64 => Some(Self::I64),
			_ => None,
		}
	}

	fn safetensors(self) -> safetensors::Dtype {
		match self {
			Self::F32 => safetensors::Dtype::F32,
			Self::F64 => safetensors::Dtype::F64,
			Self::I64 => safetensors::Dtype::I64,
		}
	}

	fn from_safetensors(dtype: safetensors::Dtype) -> Option<Self> {
		match dtype {
			safetensors::Dtype::F32 => Some(Self::F32),
			safetensors::Dtype::F64 => Some(Self::F64),
			safetensors::Dtype::I64 => Some(Self::I64),
			_ => None,
		}
	}
}

/// A tensor in host memory: dtype, shape and little-endian row-major bytes.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HostTensor {
	dtype: Dtype,
	shape: Vec<usize>,
	data: Vec<u8>,
}

impl HostTensor {
	/// A tensor from its parts; `None` if `data` is not `dtype.size() × Π shape` bytes.
	pub fn new(dtype: Dtype, shape: Vec<usize>, data: Vec<u8>) -> Option<Self> {
		let numel = shape.iter().try_fold(1usize, |n, d| n.checked_mul(*d))?;
		(numel.checked_mul(dtype.size())? == data.len()).then_some(Self { dtype, shape, data })
	}

	/// A rank-0 I64 tensor.
	pub fn scalar_i64(value: i64) -> Self {
		Self { dtype: Dtype::I64, shape: Vec::new(), data: value.to_le_bytes().to_vec() }
	}

	/// A rank-0 F64 tensor.
	pub fn scalar_f64(value: f64) -> Self {
		Self { dtype: Dtype::F64, shape: Vec::new(), data: value.to_le_bytes().to_vec() }
	}

	/// An F32 tensor of `values` with `shape`; `None` if the sizes disagree.
	pub fn from_f32(shape: Vec<usize>, values: &[f32]) -> Option<Self> {
		Self::new(Dtype::F32, shape, values.iter().flat_map(|v| v.to_le_bytes()).collect())
	}

	/// The element type.
	pub fn dtype(&self) -> Dtype {
		self.dtype
	}

	/// The shape (empty for a scalar).
	pub fn shape(&self) -> &[usize] {
		&self.shape
	}

	/// The little-endian, row-major bytes.
	pub fn data(&self) -> &[u8] {
		&self.data
	}

	/// The number of elements.
	pub fn numel(&self) -> usize {
		self.data.len() / self.dtype.size()
	}

	/// The value of a rank-0 I64 tensor.
	pub fn as_scalar_i64(&self) -> Option<i64> {
		match (self.dtype, self.shape.is_empty(), <[u8; 8]>::try_from(self.data.as_slice())) {
			(Dtype::I64, true, Ok(bytes)) => Some(i64::from_le_bytes(bytes)),
			_ => None,
		}
	}

	/// The value of a rank-0 F64 tensor.
	pub fn as_scalar_f64(&self) -> Option<f64> {
		match (self.dtype, self.shape.is_empty(), <[u8; 8]>::try_from(self.data.as_slice())) {
			(Dtype::F64, true, Ok(bytes)) => Some(f64::from_le_bytes(bytes)),
			_ => None,
		}
	}

	/// The elements as `f64` (exact for F32 and F64; I64 rounds above 2^53).
	pub fn values_f64(&self) -> impl Iterator<Item = f64> + '_ {
		let dtype = self.dtype;
		self.data.chunks_exact(dtype.size()).map(move |chunk| match dtype {
			Dtype::F32 => <[u8; 4]>::try_from(chunk).map(f32::from_le_bytes).map_or(0.0, f64::from),
			Dtype::F64 => <[u8; 8]>::try_from(chunk).map(f64::from_le_bytes).unwrap_or(0.0),
			Dtype::I64 => {
				<[u8; 8]>::try_from(chunk).map(i64::from_le_bytes).map_or(0.0, |v| v as f64)
			},
		})
	}

	/// Copies a libtorch tensor (any device) to the host.
	pub fn from_tensor(tensor: &tch::Tensor) -> Result<Self> {
		let host = tensor.f_detach()?.f_to(tch::Device::Cpu)?.f_contiguous()?;
		let kind = host.f_kind()?;
		let dtype = Dtype::from_kind(kind).ok_or_else(|| {
			LearningError::CheckpointMismatch(format!("tensor kind {kind:?} cannot be stored"))
		})?;
		let shape = host
			.size()
			.into_iter()
			.map(usize::try_from)
			.collect::<Result<Vec<_>, _>>()
			.map_err(|_| LearningError::ShapeMismatch("negative dimension".into()))?;
		let numel = shape.iter().product::<usize>();
		let mut data = vec![0u8; numel * dtype.size()];
		host.f_copy_data_u8(&mut data, numel)?;
		Ok(Self { dtype, shape, data })
	}

	/// A libtorch tensor on `device` with this content.
	pub fn to_tensor(&self, device: tch::Device) -> Result<tch::Tensor> {
		let shape = self
			.shape
			.iter()
			.map(|d| i64::try_from(*d))
			.collect::<Result<Vec<_>, _>>()
			.map_err(|_| LearningError::ShapeMismatch("dimension too large".into()))?;
		Ok(tch::Tensor::f_from_data_size(&self.data, &shape, self.dtype.kind())?.f_to(device)?)
	}
}

impl safetensors::View for &HostTensor {
	fn dtype(&self) -> safetensors::Dtype {
		self.dtype.safetensors()
	}
	fn shape(&self) -> &[usize] {
		&self.shape
	}
	fn data(&self) -> Cow<'_, [u8]> {
		Cow::Borrowed(&self.data)
	}
	fn data_len(&self) -> usize {
		self.data.len()
	}
}

/// A training state: named tensors (see the module docs for the names).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Checkpoint {
	tensors: BTreeMap<String, HostTensor>,
}

impl Checkpoint {
	/// A checkpoint of `tensors`.
	pub fn from_tensors(tensors: BTreeMap<String, HostTensor>) -> Self {
		Self { tensors }
	}

	/// All tensors, in canonical (byte-wise name) order.
	pub fn tensors(&self) -> &BTreeMap<String, HostTensor> {
		&self.tensors
	}

	/// One tensor.
	pub fn get(&self, name: &str) -> Option<&HostTensor> {
		self.tensors.get(name)
	}

	/// Adds or replaces a tensor.
	pub fn insert(&mut self, name: String, tensor: HostTensor) {
		self.tensors.insert(name, tensor);
	}

	/// The model parameters (`param/…`), in canonical order, with the prefix removed.
	pub fn parameters(&self) -> impl Iterator<Item = (&str, &HostTensor)> {
		self.tensors
			.iter()
			.filter_map(|(name, t)| name.strip_prefix(PARAM_PREFIX).map(|short| (short, t)))
	}

	/// The number of optimizer steps taken (`state/step`).
	pub fn step(&self) -> Result<u64> {
		let step = self.scalar_i64(STEP)?;
		u64::try_from(step)
			.map_err(|_| LearningError::CorruptCheckpoint(format!("negative {STEP}: {step}")))
	}

	pub(crate) fn scalar_i64(&self, name: &str) -> Result<i64> {
		self.get(name).and_then(HostTensor::as_scalar_i64).ok_or_else(|| {
			LearningError::CorruptCheckpoint(format!("{name} is missing or not an I64 scalar"))
		})
	}

	pub(crate) fn scalar_f64(&self, name: &str) -> Result<f64> {
		self.get(name).and_then(HostTensor::as_scalar_f64).ok_or_else(|| {
			LearningError::CorruptCheckpoint(format!("{name} is missing or not an F64 scalar"))
		})
	}

	/// The canonical hash of the whole state (layout in the module docs).
	pub fn canonical_hash(&self) -> Sha256 {
		canonical_hash(self.tensors.iter().map(|(name, t)| (name.as_str(), t)))
	}

	/// The canonical hash of the parameters alone, under their `param/…` names: the hash of the
	/// trained model without the training state.
	pub fn model_hash(&self) -> Sha256 {
		canonical_hash(
			self.tensors
				.iter()
				.filter(|(name, _)| name.starts_with(PARAM_PREFIX))
				.map(|(name, t)| (name.as_str(), t)),
		)
	}

	/// The safetensors encoding: tensors sorted by safetensors' rule (dtype alignment, then
	/// name) and one metadata entry, so equal checkpoints give equal bytes.
	pub fn to_bytes(&self) -> Result<Vec<u8>> {
		let metadata = Some(HashMap::from([(FORMAT_KEY.to_owned(), FORMAT.to_owned())]));
		safetensors::tensor::serialize(self.tensors.iter().map(|(n, t)| (n.as_str(), t)), &metadata)
			.map_err(|e| LearningError::CorruptCheckpoint(format!("cannot encode: {e:?}")))
	}

	/// Decodes [`Self::to_bytes`]'s encoding, refusing anything else.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		let corrupt = |why: String| LearningError::CorruptCheckpoint(why);
		let (_, metadata) = safetensors::SafeTensors::read_metadata(bytes)
			.map_err(|e| corrupt(format!("not a safetensors file: {e:?}")))?;
		let format = metadata.metadata().as_ref().and_then(|m| m.get(FORMAT_KEY));
		if format.map(String::as_str) != Some(FORMAT) {
			return Err(corrupt(format!("format is {format:?}, expected {FORMAT:?}")));
		}
		let file = safetensors::SafeTensors::deserialize(bytes)
			.map_err(|e| corrupt(format!("not a safetensors file: {e:?}")))?;
		let mut tensors = BTreeMap::new();
		for (name, view) in file.tensors() {
			let dtype = Dtype::from_safetensors(view.dtype())
				.ok_or_else(|| corrupt(format!("{name}: unsupported dtype {:?}", view.dtype())))?;
			let tensor = HostTensor::new(dtype, view.shape().to_vec(), view.data().to_vec())
				.ok_or_else(|| corrupt(format!("{name}: data length does not match shape")))?;
			tensors.insert(name, tensor);
		}
		let checkpoint = Self { tensors };
		checkpoint.step()?;
		Ok(checkpoint)
	}

	/// Writes [`Self::to_bytes`] to `path` (through a temporary file, so a crash never leaves a
	/// half-written checkpoint under the final name). The tensors go from memory to the file
	/// without being gathered into one buffer first (the same bytes as `to_bytes`).
	pub fn save(&self, path: &Path) -> Result<()> {
		let metadata = Some(HashMap::from([(FORMAT_KEY.to_owned(), FORMAT.to_owned())]));
		let partial = path.with_extension("partial");
		safetensors::tensor::serialize_to_file(
			self.tensors.iter().map(|(n, t)| (n.as_str(), t)),
			&metadata,
			&partial,
		)
		.map_err(|e| match e {
			safetensors::SafeTensorError::IoError(e) => LearningError::io(&partial, e),
			other => LearningError::CorruptCheckpoint(format!("cannot encode: {other:?}")),
		})?;
		std::fs::rename(&partial, path).map_err(|e| LearningError::io(path, e))
	}

	/// Reads a checkpoint written by [`Self::save`].
	pub fn load(path: &Path) -> Result<Self> {
		let bytes = std::fs::read(path).map_err(|e| LearningError::io(path, e))?;
		Self::from_bytes(&bytes)
	}
}

/// The canonical hash of `tensors`, which must come in ascending byte order of their names
/// (a `BTreeMap<String, _>`'s order).
pub fn canonical_hash<'a>(tensors: impl Iterator<Item = (&'a str, &'a HostTensor)>) -> Sha256 {
	let mut hasher = Hasher::new();
	for (name, tensor) in tensors {
		hash_record(&mut hasher, name, tensor);
	}
	hasher.finalize().into()
}

/// Lengths in the layout are u32/u64: names, dtype names and ranks are far below 2^32, and
/// `usize` fits a u64 on every supported target.
fn hash_record(hasher: &mut Hasher, name: &str, tensor: &HostTensor) {
	let len_u32 = |len: usize| u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes();
	let len_u64 = |len: usize| u64::try_from(len).unwrap_or(u64::MAX).to_le_bytes();
	hasher.update(len_u32(name.len()));
	hasher.update(name.as_bytes());
	let dtype = tensor.dtype.name();
	hasher.update(len_u32(dtype.len()));
	hasher.update(dtype.as_bytes());
	hasher.update(len_u32(tensor.shape.len()));
	for dim in &tensor.shape {
		hasher.update(len_u64(*dim));
	}
	hasher.update(len_u64(tensor.data.len()));
	hasher.update(&tensor.data);
}
