//! The training cost estimate: worked examples, monotonicity, and no panic at the extremes.

use assay_primitives::*;
use proptest::prelude::*;

fn hyper(batch_size: u32, total_steps: u32) -> Hyperparams {
	Hyperparams {
		optimizer: Optimizer::Sgd,
		learning_rate: Fixed::from_parts(1_000_000),
		batch_size,
		total_steps,
		seed: 0,
		checkpoint_interval: 1,
	}
}

fn mlp(widths: &[u32]) -> ModelSpec {
	ModelSpec::Mlp { layers: Layers::try_from(widths.to_vec()).unwrap() }
}

fn lenet(input_channels: u8, input_side: u16, classes: u32) -> ModelSpec {
	ModelSpec::LeNet { input_channels, input_side, classes }
}

fn torchscript(flops_per_sample: u64) -> ModelSpec {
	ModelSpec::TorchScript {
		uri: Uri::truncate_from(b"https://example.org/m.pt".to_vec()),
		sha256: [0; 32],
		flops_per_sample,
	}
}

#[test]
fn mlp_by_hand() {
	// 2·64·128 + 128 + 2·128·10 + 10
	assert_eq!(forward_flops_per_sample(&mlp(&[64, 128, 10])), Some(19_082));
	assert_eq!(forward_flops_per_sample(&mlp(&[784, 10])), Some(2 * 784 * 10 + 10));
	assert_eq!(estimated_flops(&mlp(&[64, 128, 10]), &hyper(32, 1000)), Some(3 * 19_082 * 32_000));
	// Fewer than two widths: nothing to compute (and `validate` refuses it).
	assert_eq!(forward_flops_per_sample(&mlp(&[64])), Some(0));
}

#[test]
fn lenet_by_hand() {
	// MNIST: 28 → conv 24 → pool 12 → conv 8 → pool 4; flatten 16·4·4 = 256.
	let conv1 = (2 * 25 * 6 + 6) * 24 * 24;
	let conv2 = (2 * 6 * 25 * 16 + 16) * 8 * 8;
	let fc = (2 * 256 * 120 + 120) + (2 * 120 * 84 + 84) + (2 * 84 * 10 + 10);
	assert_eq!(conv1 + conv2 + fc, 567_974);
	assert_eq!(forward_flops_per_sample(&lenet(1, 28, 10)), Some(567_974));

	// The classic 32×32 RGB LeNet: 32 → 28 → 14 → 10 → 5; flatten 400.
	let conv1 = (2 * 3 * 25 * 6 + 6) * 28 * 28;
	let conv2 = (2 * 6 * 25 * 16 + 16) * 10 * 10;
	let fc = (2 * 400 * 120 + 120) + (2 * 120 * 84 + 84) + (2 * 84 * 10 + 10);
	assert_eq!(forward_flops_per_sample(&lenet(3, 32, 10)), Some(conv1 + conv2 + fc));

	// Odd sides round down at each pool: 29 → 25 → 12 → 8 → 4, as 28.
	let extra_conv1 = (2 * 25 * 6 + 6) * (25 * 25 - 24 * 24);
	assert_eq!(forward_flops_per_sample(&lenet(1, 29, 10)), Some(567_974 + extra_conv1));

	// The smallest input, 16 → 12 → 6 → 2 → 1; below it, no cost.
	assert!(forward_flops_per_sample(&lenet(1, 16, 10)).is_some());
	assert_eq!(forward_flops_per_sample(&lenet(1, 15, 10)), None);
	assert_eq!(forward_flops_per_sample(&lenet(1, 0, 10)), None);
}

#[test]
fn torchscript_uses_the_declared_figure() {
	assert_eq!(forward_flops_per_sample(&torchscript(5_000)), Some(5_000));
	assert_eq!(estimated_flops(&torchscript(5_000), &hyper(10, 100)), Some(3 * 5_000 * 10 * 100));
}

#[test]
fn gflops_round_up() {
	// 3 × 1 × 1 × 1 = 3 FLOPs → 1 GFLOP.
	assert_eq!(estimated_gflops(&torchscript(1), &hyper(1, 1)), Some(1));
	// Exactly 3 GFLOPs.
	assert_eq!(estimated_gflops(&torchscript(1_000_000_000), &hyper(1, 1)), Some(3));
	assert_eq!(estimated_gflops(&torchscript(1_000_000_001), &hyper(1, 1)), Some(4));
	assert_eq!(estimated_gflops(&torchscript(0), &hyper(1, 1)), Some(0));
}

#[test]
fn extremes_do_not_panic() {
	let widest = mlp(&[u32::MAX; 16]);
	let most = hyper(u32::MAX, u32::MAX);
	// 15 layers of 2·(2^32)² ≈ 2^69 each, × 3 × 2^64: overflows u128.
	assert_eq!(estimated_flops(&widest, &most), None);
	assert_eq!(estimated_gflops(&widest, &most), None);
	// The forward pass alone fits.
	let per_layer = 2 * u128::from(u32::MAX) * u128::from(u32::MAX) + u128::from(u32::MAX);
	assert_eq!(forward_flops_per_sample(&widest), Some(15 * per_layer));
	assert_eq!(estimated_flops(&torchscript(u64::MAX), &most), None);
	// The largest LeNet is about 2^48 FLOPs per sample: even at the most steps it fits.
	assert!(estimated_flops(&lenet(u8::MAX, u16::MAX, u32::MAX), &most).is_some());
	// At u32::MAX steps and a small model there is no overflow.
	assert_eq!(
		estimated_flops(&mlp(&[2, 1]), &hyper(1, u32::MAX)),
		Some(3 * 5 * u128::from(u32::MAX))
	);
}

/// `small ≤ large` in the sense of a monotone cost: if the larger one fits, so does the
/// smaller, and it costs strictly less.
fn assert_cheaper(small: Option<u128>, large: Option<u128>) -> Result<(), TestCaseError> {
	match (small, large) {
		(Some(s), Some(l)) => prop_assert!(s < l, "{s} !< {l}"),
		(None, Some(l)) => prop_assert!(false, "smaller overflowed, larger is {l}"),
		(_, None) => {},
	}
	Ok(())
}

fn widths() -> impl Strategy<Value = Vec<u32>> {
	prop::collection::vec(prop_oneof![1u32..4096, 1u32..=u32::MAX], 2..=16)
}

proptest! {
	#[test]
	fn monotone_in_each_mlp_width(
		widths in widths(),
		pick in any::<prop::sample::Index>(),
		grow in 1u32..=u32::MAX,
		batch in 1u32..=u32::MAX,
		steps in 1u32..=u32::MAX,
	) {
		let i = pick.index(widths.len());
		let mut wider = widths.clone();
		wider[i] = wider[i].saturating_add(grow);
		prop_assume!(wider[i] > widths[i]);
		let h = hyper(batch, steps);
		assert_cheaper(forward_flops_per_sample(&mlp(&widths)), forward_flops_per_sample(&mlp(&wider)))?;
		assert_cheaper(estimated_flops(&mlp(&widths), &h), estimated_flops(&mlp(&wider), &h))?;
	}

	#[test]
	fn monotone_in_batch_and_steps(
		widths in widths(),
		batch in 1u32..u32::MAX,
		steps in 1u32..u32::MAX,
		more in 1u32..=u32::MAX,
	) {
		let model = mlp(&widths);
		let base = estimated_flops(&model, &hyper(batch, steps));
		let bigger_batch = estimated_flops(&model, &hyper(batch.saturating_add(more), steps));
		let more_steps = estimated_flops(&model, &hyper(batch, steps.saturating_add(more)));
		assert_cheaper(base, bigger_batch)?;
		assert_cheaper(base, more_steps)?;
	}

	#[test]
	fn monotone_in_lenet_shape(
		channels in 1u8..u8::MAX,
		side in 16u16..u16::MAX,
		classes in 1u32..u32::MAX,
		batch in 1u32..=u32::MAX,
		steps in 1u32..=u32::MAX,
	) {
		let h = hyper(batch, steps);
		let cost = |c, s, k| estimated_flops(&lenet(c, s, k), &h);
		let base = cost(channels, side, classes);
		assert_cheaper(base, cost(channels + 1, side, classes))?;
		assert_cheaper(base, cost(channels, side + 1, classes))?;
		assert_cheaper(base, cost(channels, side, classes + 1))?;
	}

	#[test]
	fn monotone_in_declared_flops(flops in 1u64..u64::MAX, batch in 1u32..=u32::MAX, steps in 1u32..=u32::MAX) {
		let h = hyper(batch, steps);
		assert_cheaper(estimated_flops(&torchscript(flops), &h), estimated_flops(&torchscript(flops + 1), &h))?;
	}

	#[test]
	fn never_panics(
		widths in prop::collection::vec(any::<u32>(), 0..=16),
		channels in any::<u8>(),
		side in any::<u16>(),
		classes in any::<u32>(),
		flops in any::<u64>(),
		batch in any::<u32>(),
		steps in any::<u32>(),
	) {
		let h = hyper(batch, steps);
		for model in [mlp(&widths), lenet(channels, side, classes), torchscript(flops)] {
			let flops = estimated_flops(&model, &h);
			let gflops = estimated_gflops(&model, &h);
			prop_assert_eq!(flops.map(|f| f.div_ceil(1_000_000_000)), gflops);
		}
	}
}
