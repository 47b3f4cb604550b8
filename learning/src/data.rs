//! Datasets: MNIST idx and CSV, parsed from verified bytes into a features tensor and a labels
//! tensor.
//!
//! The first `train_samples` samples (the number in the task's `DatasetRef`) are the training
//! split; the samples after them, if any, are the held-out split that [`Trainer::evaluate`]
//! scores.
//!
//! [`Trainer::evaluate`]: crate::Trainer::evaluate

use crate::{
	error::{LearningError, Result},
	fetch::{fetch_verified, uri_str, Compression},
};
use assay_primitives::{DatasetFormat, DatasetRef};
use std::path::Path;
use tch::{Device, Tensor};

/// The idx magic of an unsigned-byte, 3-dimensional (images) array.
const IDX_IMAGES_MAGIC: [u8; 4] = [0, 0, 0x08, 3];
/// The idx magic of an unsigned-byte, 1-dimensional (labels) array.
const IDX_LABELS_MAGIC: [u8; 4] = [0, 0, 0x08, 1];

/// A parsed dataset in host memory.
#[derive(Debug)]
pub struct Dataset {
	/// `[samples, features]`, F32.
	features: Tensor,
	/// `[samples]`, I64.
	labels: Tensor,
	/// The shape of one sample: `[1, rows, cols]` for idx images, `[features]` for CSV.
	sample_shape: Vec<i64>,
	/// The training split: the first `train_samples` samples.
	train_samples: usize,
	/// The first sample with the largest label, and that label.
	largest_label: (usize, i64),
}

impl Dataset {
	/// Fetches `dataset` (checking its sha256) through `cache_dir` and parses it.
	pub fn fetch(dataset: &DatasetRef, cache_dir: &Path) -> Result<Self> {
		let uri = uri_str(&dataset.uri)?;
		let content = fetch_verified(uri, &dataset.sha256, Compression::GunzipIfGzip, cache_dir)?;
		Self::parse(&content, dataset.format, dataset.train_samples)
	}

	/// Parses already verified, decompressed `content`.
	pub fn parse(content: &[u8], format: DatasetFormat, train_samples: u32) -> Result<Self> {
		let (features, labels, sample_shape) = match format {
			DatasetFormat::MnistIdx => parse_idx(content)?,
			DatasetFormat::Csv => parse_csv(content)?,
		};
		let samples = labels.len();
		let train = usize::try_from(train_samples).unwrap_or(usize::MAX);
		if train > samples || train == 0 {
			return Err(LearningError::NotEnoughSamples {
				available: samples,
				declared: train_samples,
			});
		}
		// The first sample holding the largest label, for error messages.
		let largest_label = labels.iter().copied().enumerate().fold((0, 0), |best, (i, label)| {
			if label > best.1 {
				(i, label)
			} else {
				best
			}
		});
		let width = sample_shape.iter().product::<i64>();
		let samples_i64 = i64::try_from(samples)
			.map_err(|_| LearningError::ShapeMismatch("too many samples".into()))?;
		let features = Tensor::f_from_slice(&features)?.f_reshape([samples_i64, width])?;
		let labels = Tensor::f_from_slice(&labels)?;
		Ok(Self { features, labels, sample_shape, train_samples: train, largest_label })
	}

	/// The number of samples in the file.
	pub fn len(&self) -> usize {
		usize::try_from(self.features.size().first().copied().unwrap_or(0)).unwrap_or(0)
	}

	/// Whether the file has no sample (never true for a parsed dataset).
	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}

	/// The training split's size.
	pub fn train_samples(&self) -> usize {
		self.train_samples
	}

	/// The held-out split's size.
	pub fn held_out_samples(&self) -> usize {
		self.len().saturating_sub(self.train_samples)
	}

	/// The shape of one sample.
	pub fn sample_shape(&self) -> &[i64] {
		&self.sample_shape
	}

	/// The number of features of one sample.
	pub fn sample_width(&self) -> i64 {
		self.sample_shape.iter().product()
	}

	/// The largest label plus one: the fewest classes a model of this data needs.
	pub fn label_bound(&self) -> i64 {
		self.largest_label.1.saturating_add(1)
	}

	/// Checks that every label is a class index below `classes`.
	pub fn check_classes(&self, classes: i64) -> Result<()> {
		let (sample, label) = self.largest_label;
		if label >= classes {
			return Err(LearningError::LabelOutOfRange { sample, label, classes });
		}
		Ok(())
	}

	/// Features `[samples, width]` and labels `[samples]` of samples `start..end`, on `device`.
	pub(crate) fn split(
		&self,
		start: usize,
		end: usize,
		device: Device,
	) -> Result<(Tensor, Tensor)> {
		let to_i64 = |n: usize| {
			i64::try_from(n).map_err(|_| LearningError::ShapeMismatch("too many samples".into()))
		};
		let (start, end) = (to_i64(start)?, to_i64(end)?);
		let features = self.features.f_slice(0, start, end, 1)?.f_to(device)?;
		let labels = self.labels.f_slice(0, start, end, 1)?.f_to(device)?;
		Ok((features, labels))
	}
}

fn idx_u32(content: &[u8], at: usize) -> Result<u32> {
	content
		.get(at..at.saturating_add(4))
		.and_then(|b| <[u8; 4]>::try_from(b).ok())
		.map(u32::from_be_bytes)
		.ok_or_else(|| LearningError::MalformedIdx("truncated header".into()))
}

fn idx_usize(content: &[u8], at: usize) -> Result<usize> {
	usize::try_from(idx_u32(content, at)?)
		.map_err(|_| LearningError::MalformedIdx("dimension too large".into()))
}

/// Parses an idx3 images array immediately followed by an idx1 labels array.
fn parse_idx(content: &[u8]) -> Result<(Vec<f32>, Vec<i64>, Vec<i64>)> {
	if content.get(0..4) != Some(&IDX_IMAGES_MAGIC[..]) {
		return Err(LearningError::MalformedIdx(
			"does not start with an idx3-ubyte images header (00 00 08 03)".into(),
		));
	}
	let (images, rows, cols) =
		(idx_usize(content, 4)?, idx_usize(content, 8)?, idx_usize(content, 12)?);
	let pixels = images
		.checked_mul(rows)
		.and_then(|n| n.checked_mul(cols))
		.ok_or_else(|| LearningError::MalformedIdx("image dimensions overflow".into()))?;
	let labels_at = pixels
		.checked_add(16)
		.ok_or_else(|| LearningError::MalformedIdx("image dimensions overflow".into()))?;
	let pixel_bytes = content.get(16..labels_at).ok_or_else(|| {
		LearningError::MalformedIdx(format!(
			"truncated: {images} images of {rows}x{cols} need {pixels} pixel bytes"
		))
	})?;
	let labels_header = content.get(labels_at..).unwrap_or_default();
	if labels_header.get(0..4) != Some(&IDX_LABELS_MAGIC[..]) {
		return Err(LearningError::MalformedIdx(
			"the images are not followed by an idx1-ubyte labels header (00 00 08 01)".into(),
		));
	}
	let label_count = idx_usize(labels_header, 4)?;
	if label_count != images {
		return Err(LearningError::MalformedIdx(format!(
			"{images} images but {label_count} labels"
		)));
	}
	let label_bytes = labels_header.get(8..).unwrap_or_default();
	if label_bytes.len() != images {
		return Err(LearningError::MalformedIdx(format!(
			"{} label bytes after the labels header, expected {images}",
			label_bytes.len()
		)));
	}
	let features = pixel_bytes.iter().map(|b| f32::from(*b) / 255.0).collect();
	let labels = label_bytes.iter().map(|b| i64::from(*b)).collect();
	let shape = [1, rows, cols]
		.into_iter()
		.map(i64::try_from)
		.collect::<Result<Vec<_>, _>>()
		.map_err(|_| LearningError::MalformedIdx("dimension too large".into()))?;
	if images == 0 || rows == 0 || cols == 0 {
		return Err(LearningError::MalformedIdx("empty images array".into()));
	}
	Ok((features, labels, shape))
}

/// Parses CSV: one sample per line, features then an integer label, no header.
fn parse_csv(content: &[u8]) -> Result<(Vec<f32>, Vec<i64>, Vec<i64>)> {
	let text = std::str::from_utf8(content)
		.map_err(|e| LearningError::MalformedCsv { line: 0, reason: format!("not UTF-8: {e}") })?;
	let mut features = Vec::new();
	let mut labels = Vec::new();
	let mut width: Option<usize> = None;
	for (index, line) in text.lines().enumerate() {
		let line_number = index + 1;
		let malformed = |reason: String| LearningError::MalformedCsv { line: line_number, reason };
		let line = line.trim();
		if line.is_empty() {
			continue;
		}
		let mut fields: Vec<&str> = line.split(',').map(str::trim).collect();
		let label = fields.pop().ok_or_else(|| malformed("empty line".into()))?;
		let label: i64 = label
			.parse()
			.ok()
			.filter(|l| *l >= 0)
			.ok_or_else(|| malformed(format!("label {label:?} is not a class index")))?;
		if fields.is_empty() {
			return Err(malformed("no feature before the label".into()));
		}
		match width {
			None => width = Some(fields.len()),
			Some(w) if w != fields.len() => {
				return Err(malformed(format!("{} features, earlier lines have {w}", fields.len())))
			},
			Some(_) => {},
		}
		for field in fields {
			let value: f32 = field
				.parse()
				.ok()
				.filter(|v: &f32| v.is_finite())
				.ok_or_else(|| malformed(format!("{field:?} is not a finite number")))?;
			features.push(value);
		}
		labels.push(label);
	}
	let width = width.ok_or(LearningError::MalformedCsv { line: 0, reason: "no sample".into() })?;
	let width = i64::try_from(width)
		.map_err(|_| LearningError::MalformedCsv { line: 0, reason: "too wide".into() })?;
	Ok((features, labels, vec![width]))
}
