//! Tolerance mode: distances between checkpoints, and how far apart honest and dishonest
//! replays land (the numbers in docs/learning.md come from this file, run with
//! `cargo test -p assay-learning --test tolerance -- --nocapture`).

mod common;
use assay_learning::{
	distance, distance_f64, Checkpoint, HostTensor, LearningError, TrainerOptions,
};
use assay_primitives::*;
use common::*;
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

const METRICS: [DistanceMetric; 3] =
	[DistanceMetric::L2, DistanceMetric::Linf, DistanceMetric::Cosine];

fn distances(a: &Checkpoint, b: &Checkpoint) -> [f64; 3] {
	METRICS.map(|metric| distance_f64(a, b, metric).unwrap())
}

/// `checkpoint` with every parameter multiplied by `1 + δ`, `δ` uniform in `±relative`: the
/// size of the rounding differences between two devices.
fn perturbed(checkpoint: &Checkpoint, relative: f64, seed: u64) -> Checkpoint {
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	let mut out = checkpoint.clone();
	for (name, tensor) in checkpoint.parameters() {
		let values: Vec<f32> = tensor
			.values_f64()
			.map(|v| {
				let unit = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
				(v * (1.0 + relative * (2.0 * unit - 1.0))) as f32
			})
			.collect();
		out.insert(
			format!("param/{name}"),
			HostTensor::from_f32(tensor.shape().to_vec(), &values).unwrap(),
		);
	}
	out
}

#[test]
fn distance_to_itself_is_zero_and_to_another_seed_is_large() {
	let task = digits_task(adam(), tolerance());
	let run = train_all(&task);
	let last = run.last().unwrap();
	for metric in METRICS {
		assert_eq!(distance(last, last, metric).unwrap(), Distance::ZERO, "{metric:?}");
	}
	let mut other = task.clone();
	other.hyper.seed = 8;
	let other_last = train_all(&other).pop().unwrap();
	let [l2, linf, cosine] = distances(last, &other_last);
	eprintln!(
		"independent seeds after 40 steps: L2 {l2:.6e}, Linf {linf:.6e}, cosine {cosine:.6e}"
	);
	assert!(l2 > 1.0 && linf > 0.1 && cosine > 0.5, "{l2} {linf} {cosine}");
	// Fixed point rounds up: a positive distance never reports as zero.
	let tiny = perturbed(last, 1e-9, 1);
	if distance_f64(last, &tiny, DistanceMetric::L2).unwrap() > 0.0 {
		assert!(distance(last, &tiny, DistanceMetric::L2).unwrap() > Distance::ZERO);
	}
}

#[test]
fn distances_follow_their_definitions() {
	let checkpoint = |values: &[f32]| {
		let mut c = Checkpoint::default();
		c.insert("param/a".into(), HostTensor::from_f32(vec![values.len()], values).unwrap());
		c.insert("state/step".into(), HostTensor::scalar_i64(0));
		c
	};
	let a = checkpoint(&[3.0, 0.0]);
	let b = checkpoint(&[0.0, 4.0]);
	assert_eq!(distance_f64(&a, &b, DistanceMetric::L2).unwrap(), 5.0);
	assert_eq!(distance_f64(&a, &b, DistanceMetric::Linf).unwrap(), 4.0);
	assert_eq!(distance_f64(&a, &b, DistanceMetric::Cosine).unwrap(), 1.0);
	assert_eq!(distance_f64(&a, &checkpoint(&[-3.0, 0.0]), DistanceMetric::Cosine).unwrap(), 2.0);
	assert_eq!(distance(&a, &b, DistanceMetric::L2).unwrap(), Distance::from_parts(5_000_000_000));
	assert!(matches!(
		distance(&a, &checkpoint(&[1.0]), DistanceMetric::L2),
		Err(LearningError::NotComparable(_))
	));
	assert!(matches!(
		distance(&a, &checkpoint(&[f32::NAN, 0.0]), DistanceMetric::L2),
		Err(LearningError::NonFinite(_))
	));
	// The optimizer state and counters are not compared.
	let mut later = a.clone();
	later.insert("state/step".into(), HostTensor::scalar_i64(9));
	assert_eq!(distance(&a, &later, DistanceMetric::L2).unwrap(), Distance::ZERO);
}

/// Honest replays differ from the committed segment by device rounding; dishonest ones by
/// skipped work, a wrong batch order or a wrong learning rate. Prints the table of
/// docs/learning.md and checks that the proposed default thresholds separate the two.
#[test]
fn thresholds_separate_honest_from_dishonest_replays() {
	let task = digits_task(adam(), tolerance());
	let committed = train_all(&task);
	let k = task.hyper.checkpoint_interval;
	let mut worst_honest = [0.0f64; 3];
	let mut best_dishonest = [f64::INFINITY; 3];
	let mut report = |label: &str, d: [f64; 3], honest: bool| {
		eprintln!("{label:<48} L2 {:.3e}  Linf {:.3e}  cosine {:.3e}", d[0], d[1], d[2]);
		for i in 0..3 {
			if honest {
				worst_honest[i] = worst_honest[i].max(d[i]);
			} else {
				best_dishonest[i] = best_dishonest[i].min(d[i]);
			}
		}
	};
	let mut verifier = trainer(&task);
	for segment in 1..committed.len() - 1 {
		let (start, end) = (&committed[segment], &committed[segment + 1]);
		// Honest: the start state off by f32 rounding (relative 2^-23 and 2^-20), replayed.
		for (relative, label) in [(1.2e-7, "2^-23"), (9.5e-7, "2^-20")] {
			let replayed =
				verifier.replay(&perturbed(start, relative, segment as u64), k, false).unwrap();
			report(
				&format!("segment {segment}: honest, start off by {label}"),
				distances(&replayed.checkpoint, end),
				true,
			);
		}
		// Dishonest: no work at all (the start state committed as the end state).
		report(&format!("segment {segment}: skipped all {k} steps"), distances(start, end), false);
		// Dishonest: half the steps.
		let half = verifier.replay(start, k / 2, false).unwrap();
		report(
			&format!("segment {segment}: ran {} of {k} steps", k / 2),
			distances(&half.checkpoint, end),
			false,
		);
		// Dishonest: one step fewer.
		let short = verifier.replay(start, k - 1, false).unwrap();
		report(
			&format!("segment {segment}: ran {} of {k} steps", k - 1),
			distances(&short.checkpoint, end),
			false,
		);
		// Dishonest: another batch order (another seed) for the segment.
		let mut reseeded = task.clone();
		reseeded.hyper.seed = 99;
		let mut other =
			assay_learning::Trainer::new(&reseeded, load(&task), None, &TrainerOptions::default())
				.unwrap();
		let wrong_data = other.replay(start, k, false).unwrap();
		report(
			&format!("segment {segment}: wrong batch order"),
			distances(&wrong_data.checkpoint, end),
			false,
		);
		// Dishonest: twice the learning rate.
		let mut fast = task.clone();
		fast.hyper.learning_rate = fixed("0.002");
		let mut other =
			assay_learning::Trainer::new(&fast, load(&task), None, &TrainerOptions::default())
				.unwrap();
		let wrong_lr = other.replay(start, k, false).unwrap();
		report(
			&format!("segment {segment}: learning rate x2"),
			distances(&wrong_lr.checkpoint, end),
			false,
		);
	}
	eprintln!("worst honest:    {worst_honest:?}");
	eprintln!("best dishonest:  {best_dishonest:?}");
	for i in 0..3 {
		assert!(worst_honest[i] < best_dishonest[i], "{:?} does not separate", METRICS[i]);
	}
}
