//! Distances between two checkpoints over their parameters, for `Tolerance` verification.
//!
//! Both checkpoints must have the same `param/…` tensors (names, dtypes, shapes). The
//! parameters are read as one vector, tensor after tensor in canonical name order, each
//! row-major; the optimizer state and counters are not compared. The sums run in that order
//! in `f64`, so every machine computes the same number from the same checkpoints. The result
//! is turned into an on-chain [`Distance`] with [`Distance::from_f64`], which rounds up.

use crate::{
	checkpoint::Checkpoint,
	error::{LearningError, Result},
};
use assay_primitives::{Distance, DistanceMetric};

/// The distance between the parameters of `a` and `b` under `metric`, as an `f64`.
///
/// - L2: `√Σ (a_i − b_i)²`;
/// - L∞: `max |a_i − b_i|` (0 for no parameter);
/// - cosine: `1 − ⟨a, b⟩ / √(‖a‖²·‖b‖²)`, clamped to `[0, 2]`; `0` when the vectors are
///   equal or both zero, `1` when exactly one is zero.
pub fn distance_f64(a: &Checkpoint, b: &Checkpoint, metric: DistanceMetric) -> Result<f64> {
	let params_a: Vec<_> = a.parameters().collect();
	let params_b: Vec<_> = b.parameters().collect();
	if params_a.len() != params_b.len() {
		return Err(LearningError::NotComparable(format!(
			"{} parameters against {}",
			params_a.len(),
			params_b.len()
		)));
	}
	let (mut squares, mut max_abs, mut dot, mut norm_a, mut norm_b) =
		(0.0f64, 0.0f64, 0.0, 0.0, 0.0);
	for ((name_a, tensor_a), (name_b, tensor_b)) in params_a.iter().zip(&params_b) {
		if name_a != name_b
			|| tensor_a.shape() != tensor_b.shape()
			|| tensor_a.dtype() != tensor_b.dtype()
		{
			return Err(LearningError::NotComparable(format!(
				"parameter {name_a} {:?} against {name_b} {:?}",
				tensor_a.shape(),
				tensor_b.shape()
			)));
		}
		for (x, y) in tensor_a.values_f64().zip(tensor_b.values_f64()) {
			if !x.is_finite() || !y.is_finite() {
				return Err(LearningError::NonFinite(format!("parameter {name_a}")));
			}
			let difference = x - y;
			squares += difference * difference;
			max_abs = max_abs.max(difference.abs());
			dot += x * y;
			norm_a += x * x;
			norm_b += y * y;
		}
	}
	let value = match metric {
		DistanceMetric::L2 => squares.sqrt(),
		DistanceMetric::Linf => max_abs,
		DistanceMetric::Cosine => match (norm_a > 0.0, norm_b > 0.0) {
			(false, false) => 0.0,
			(true, false) | (false, true) => 1.0,
			// Identical vectors are at distance 0 exactly, whatever the rounding of the sums.
			(true, true) if squares == 0.0 => 0.0,
			(true, true) => {
				// √(‖a‖²·‖b‖²) rounds once where ‖a‖·‖b‖ would round three times; the product
				// can overflow for absurd parameters, then the norms are multiplied instead.
				let product = norm_a * norm_b;
				let norms = if product.is_finite() {
					product.sqrt()
				} else {
					norm_a.sqrt() * norm_b.sqrt()
				};
				(1.0 - dot / norms).clamp(0.0, 2.0)
			},
		},
	};
	if !value.is_finite() {
		return Err(LearningError::NonFinite(format!("the {metric:?} distance")));
	}
	Ok(value)
}

/// [`distance_f64`] as the fixed-point [`Distance`] a verifier reports (rounded up).
pub fn distance(a: &Checkpoint, b: &Checkpoint, metric: DistanceMetric) -> Result<Distance> {
	let value = distance_f64(a, b, metric)?;
	Distance::from_f64(value)
		.ok_or_else(|| LearningError::NonFinite(format!("the {metric:?} distance {value}")))
}

/// Whether `replayed` passes against `committed` under a `Tolerance` verdict: the distance is
/// at most `threshold`.
pub fn within_tolerance(
	replayed: &Checkpoint,
	committed: &Checkpoint,
	metric: DistanceMetric,
	threshold: Distance,
) -> Result<bool> {
	Ok(distance(replayed, committed, metric)? <= threshold)
}
