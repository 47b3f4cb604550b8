//! `TaskSpec`: validation (one test case per `SpecError`), SCALE encoding, hardware classes.

use assay_primitives::*;
use codec::{Decode, DecodeAll, Encode, MaxEncodedLen};
use scale_info::{TypeDef, TypeInfo};
use std::collections::BTreeSet;

fn uri(s: &str) -> Uri {
	Uri::try_from(s.as_bytes().to_vec()).unwrap()
}

fn fixed(s: &str) -> Fixed {
	s.parse().unwrap()
}

/// A valid spec: MLP on the digits CSV, SGD, 1000 steps in 10 segments.
fn valid() -> TaskSpec {
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::try_from(vec![64, 128, 10]).unwrap() },
		dataset: DatasetRef {
			uri: uri("https://example.org/digits.csv"),
			sha256: sha256(b"digits"),
			format: DatasetFormat::Csv,
			train_samples: 1797,
		},
		hyper: Hyperparams {
			optimizer: Optimizer::Sgd,
			learning_rate: fixed("0.01"),
			batch_size: 32,
			total_steps: 1000,
			seed: 7,
			checkpoint_interval: 100,
		},
		verification: VerificationPolicy {
			mode: VerificationMode::Exact,
			sampled_segments: 2,
			verifiers: 3,
		},
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 2 },
		deadline_blocks: 600,
	}
}

/// Limits a little above `valid()`, so each bound can be crossed.
fn limits() -> SpecLimits {
	SpecLimits {
		max_total_steps: 10_000,
		max_batch_size: 1024,
		max_segments: 100,
		max_sampled_segments: 8,
		max_verifiers: 10,
		min_deadline_blocks: 10,
		max_deadline_blocks: 100_000,
		max_gflops: 100,
	}
}

fn with(edit: impl FnOnce(&mut TaskSpec)) -> TaskSpec {
	let mut spec = valid();
	edit(&mut spec);
	spec
}

fn lenet(input_channels: u8, input_side: u16, classes: u32) -> ModelSpec {
	ModelSpec::LeNet { input_channels, input_side, classes }
}

fn torchscript(u: &str, flops_per_sample: u64) -> ModelSpec {
	ModelSpec::TorchScript { uri: uri(u), sha256: sha256(b"module"), flops_per_sample }
}

fn adam(beta1: &str, beta2: &str, epsilon: Fixed) -> Optimizer {
	Optimizer::Adam { beta1: fixed(beta1), beta2: fixed(beta2), epsilon }
}

fn tolerance(metric: DistanceMetric, threshold: Distance) -> VerificationMode {
	VerificationMode::Tolerance { metric, threshold }
}

/// One spec per `SpecError`, each valid but for the one condition.
fn failing_specs() -> Vec<(TaskSpec, SpecError)> {
	use SpecError::*;
	vec![
		(
			with(|s| s.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![64]) }),
			EmptyModel,
		),
		(with(|s| s.model = ModelSpec::Mlp { layers: Layers::new() }), EmptyModel),
		(
			with(|s| s.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 0, 10]) }),
			ZeroWidthLayer,
		),
		(with(|s| s.model = lenet(0, 28, 10)), ZeroInputChannels),
		(with(|s| s.model = lenet(1, 15, 10)), InputTooSmall),
		(with(|s| s.model = lenet(1, 28, 0)), ZeroClasses),
		(with(|s| s.model = torchscript("", 1000)), EmptyModelUri),
		(with(|s| s.model = torchscript("ftp://example.org/m.pt", 1000)), UnsupportedModelUri),
		(
			with(|s| {
				s.model = ModelSpec::TorchScript {
					uri: Uri::truncate_from(b"https://\xff".to_vec()),
					sha256: [0; 32],
					flops_per_sample: 1000,
				}
			}),
			UnsupportedModelUri,
		),
		(with(|s| s.model = torchscript("https://example.org/m.pt", 0)), ZeroFlopsPerSample),
		(with(|s| s.dataset.uri = Uri::new()), EmptyDatasetUri),
		(with(|s| s.dataset.uri = uri("/etc/passwd")), UnsupportedDatasetUri),
		(with(|s| s.dataset.uri = uri("file://")), UnsupportedDatasetUri),
		(with(|s| s.dataset.train_samples = 0), ZeroTrainSamples),
		(with(|s| s.hyper.learning_rate = Fixed::ZERO), ZeroLearningRate),
		(
			with(|s| s.hyper.optimizer = Optimizer::Momentum { momentum: Fixed::ONE }),
			MomentumOutOfRange,
		),
		(with(|s| s.hyper.optimizer = adam("1", "0.999", Fixed::from_parts(10))), BetaOutOfRange),
		(with(|s| s.hyper.optimizer = adam("0.9", "1.5", Fixed::from_parts(10))), BetaOutOfRange),
		(with(|s| s.hyper.optimizer = adam("0.9", "0.999", Fixed::ZERO)), ZeroEpsilon),
		(with(|s| s.hyper.batch_size = 0), ZeroBatch),
		(with(|s| s.hyper.batch_size = 1025), BatchTooLarge),
		(
			with(|s| {
				s.dataset.train_samples = 16;
				s.hyper.batch_size = 17;
			}),
			BatchLargerThanDataset,
		),
		(with(|s| s.hyper.total_steps = 0), ZeroSteps),
		(with(|s| s.hyper.total_steps = 10_100), TooManySteps),
		(with(|s| s.hyper.checkpoint_interval = 0), ZeroCheckpointInterval),
		(with(|s| s.hyper.checkpoint_interval = 300), IntervalDoesNotDivideSteps),
		(with(|s| s.hyper.checkpoint_interval = 5), TooManySegments),
		(with(|s| s.verification.sampled_segments = 0), NoSampledSegments),
		(with(|s| s.verification.sampled_segments = 9), TooManySampledSegments),
		(
			with(|s| {
				s.hyper.checkpoint_interval = 500;
				s.verification.sampled_segments = 3;
			}),
			SampledSegmentsExceedSegments,
		),
		(with(|s| s.verification.verifiers = 0), NoVerifiers),
		(with(|s| s.verification.verifiers = 11), TooManyVerifiers),
		(
			with(|s| s.verification.mode = tolerance(DistanceMetric::L2, Distance::ZERO)),
			ToleranceWithoutThreshold,
		),
		(
			with(|s| {
				s.verification.mode =
					tolerance(DistanceMetric::Cosine, Distance::from_parts(2_000_000_000))
			}),
			CosineThresholdTooLarge,
		),
		(with(|s| s.deadline_blocks = 0), ZeroDeadline),
		(with(|s| s.deadline_blocks = 9), DeadlineTooShort),
		(with(|s| s.deadline_blocks = 100_001), DeadlineTooLong),
		// 3 × 19 082 × 1 024 × 10 000 ≈ 586 GFLOPs > 100.
		(
			with(|s| {
				s.hyper.batch_size = 1024;
				s.hyper.total_steps = 10_000;
			}),
			TooExpensive,
		),
	]
}

#[test]
fn valid_spec_passes() {
	assert_eq!(valid().validate(&limits()), Ok(()));
	assert_eq!(valid().validate(&SpecLimits::UNBOUNDED), Ok(()));
	for ok in [
		with(|s| s.model = lenet(1, 28, 10)),
		with(|s| s.model = lenet(3, 16, 1)),
		with(|s| s.model = torchscript("file:///tmp/m.pt", 1_000)),
		with(|s| s.hyper.optimizer = Optimizer::Momentum { momentum: fixed("0.9") }),
		with(|s| s.hyper.optimizer = Optimizer::Momentum { momentum: Fixed::ZERO }),
		with(|s| s.hyper.optimizer = adam("0.9", "0.999", Fixed::from_parts(10))),
		with(|s| {
			s.hyper.checkpoint_interval = 1000;
			s.verification.sampled_segments = 1;
		}),
		with(|s| s.verification.sampled_segments = 8),
		with(|s| s.verification.mode = tolerance(DistanceMetric::Linf, Distance::from_parts(1))),
		with(|s| {
			s.verification.mode =
				tolerance(DistanceMetric::Cosine, Distance::from_parts(1_999_999_999))
		}),
		with(|s| s.deadline_blocks = 10),
		with(|s| s.dataset.train_samples = s.hyper.batch_size),
	] {
		assert_eq!(ok.validate(&limits()), Ok(()), "{ok:?}");
	}
}

#[test]
fn each_error_has_a_triggering_spec() {
	let mut seen = BTreeSet::new();
	for (spec, expected) in failing_specs() {
		assert_eq!(spec.validate(&limits()), Err(expected), "{spec:?}");
		seen.insert(expected.encode());
	}
	// The cost cannot overflow within `limits()`; it can without limits.
	let overflowing = with(|s| {
		s.model = torchscript("https://example.org/m.pt", u64::MAX);
		s.dataset.train_samples = u32::MAX;
		s.hyper.batch_size = u32::MAX;
		s.hyper.total_steps = u32::MAX;
		s.hyper.checkpoint_interval = u32::MAX;
		s.verification.sampled_segments = 1;
	});
	assert_eq!(overflowing.validate(&SpecLimits::UNBOUNDED), Err(SpecError::CostOverflow));
	seen.insert(SpecError::CostOverflow.encode());
	// Every variant of `SpecError` is covered (its SCALE encoding is its variant index).
	let TypeDef::Variant(variants) = SpecError::type_info().type_def else {
		panic!("SpecError is an enum");
	};
	let all: BTreeSet<Vec<u8>> = variants.variants.iter().map(|v| vec![v.index]).collect();
	assert_eq!(seen, all, "a SpecError variant has no test case");
}

#[test]
fn unbounded_limits_refuse_uncountable_checkpoints() {
	// u32::MAX segments would need u32::MAX + 1 checkpoints.
	let spec = with(|s| {
		s.hyper.batch_size = 1;
		s.hyper.total_steps = u32::MAX;
		s.hyper.checkpoint_interval = 1;
	});
	assert_eq!(spec.validate(&SpecLimits::UNBOUNDED), Err(SpecError::TooManySegments));
	let spec = with(|s| {
		s.hyper.batch_size = 1;
		s.hyper.total_steps = u32::MAX;
		s.hyper.checkpoint_interval = 5;
	});
	assert_eq!(spec.hyper.n_checkpoints(), Some(u32::MAX / 5 + 1));
	assert_eq!(spec.validate(&SpecLimits::UNBOUNDED), Ok(()));
}

#[test]
fn segments() {
	let hyper = valid().hyper;
	assert_eq!(hyper.n_segments(), 10);
	assert_eq!(hyper.n_checkpoints(), Some(11));
	let zero = Hyperparams { checkpoint_interval: 0, ..hyper };
	assert_eq!(zero.n_segments(), 0);
}

#[test]
fn scale_round_trip() {
	let specs = [
		valid(),
		with(|s| {
			s.model = torchscript("https://example.org/model.pt", 123_456);
			s.dataset.format = DatasetFormat::MnistIdx;
			s.hyper.optimizer = adam("0.9", "0.999", Fixed::from_parts(10));
			s.verification.mode = tolerance(DistanceMetric::Cosine, Distance::from_parts(5));
			s.hardware = HardwareClass { device: Device::Gpu, memory_gib: 24 };
		}),
		with(|s| {
			s.model = lenet(1, 28, 10);
			s.hyper.optimizer = Optimizer::Momentum { momentum: fixed("0.9") };
		}),
	];
	for spec in specs {
		let bytes = spec.encode();
		assert!(bytes.len() <= TaskSpec::max_encoded_len());
		assert_eq!(TaskSpec::decode_all(&mut &bytes[..]), Ok(spec));
	}
	let commitment = CheckpointCommitment::new(&[[1; 32], [2; 32]], [3; 32]).unwrap();
	let bytes = commitment.encode();
	assert_eq!(bytes.len(), 32 + 4 + 32);
	assert_eq!(CheckpointCommitment::decode_all(&mut &bytes[..]), Ok(commitment));
}

#[test]
fn encoding_is_stable() {
	// Fixed and Distance are bare u64s; enum variants are their codec indices.
	assert_eq!(Fixed::from_parts(1).encode(), 1u64.encode());
	assert_eq!(Distance::from_parts(7).encode(), 7u64.encode());
	let mlp = ModelSpec::Mlp { layers: Layers::truncate_from(vec![2, 1]) };
	assert_eq!(mlp.encode(), vec![0, 8, 2, 0, 0, 0, 1, 0, 0, 0]);
	assert_eq!(lenet(1, 28, 10).encode(), vec![1, 1, 28, 0, 10, 0, 0, 0]);
	assert_eq!(Optimizer::Sgd.encode(), vec![0]);
	assert_eq!(VerificationMode::Exact.encode(), vec![0]);
	assert_eq!(Device::Gpu.encode(), vec![1]);
}

#[test]
fn over_long_vectors_do_not_decode() {
	// A plain Vec of 17 widths encodes like a Layers of 17, which exceeds MaxLayers = 16.
	let too_many_layers = (0u8, vec![1u32; 17]).encode();
	assert!(ModelSpec::decode(&mut &too_many_layers[..]).is_err());
	let sixteen = (0u8, vec![1u32; 16]).encode();
	assert!(ModelSpec::decode(&mut &sixteen[..]).is_ok());

	let long_uri = vec![b'a'; 257].encode();
	assert!(Uri::decode(&mut &long_uri[..]).is_err());
	let max_uri = vec![b'a'; 256].encode();
	assert!(Uri::decode(&mut &max_uri[..]).is_ok());

	let long_proof = vec![[0u8; 32]; 33].encode();
	assert!(MerkleProof::decode(&mut &long_proof[..]).is_err());
	let max_proof = vec![[0u8; 32]; 32].encode();
	assert!(MerkleProof::decode(&mut &max_proof[..]).is_ok());

	// The same inside a whole TaskSpec: replace the dataset URI with 257 bytes.
	let spec = valid();
	let mut bytes = spec.model.encode();
	bytes.extend(vec![b'a'; 257].encode());
	bytes.extend(spec.dataset.sha256.encode());
	bytes.extend(spec.dataset.format.encode());
	bytes.extend(spec.dataset.train_samples.encode());
	bytes.extend(spec.hyper.encode());
	bytes.extend(spec.verification.encode());
	bytes.extend(spec.hardware.encode());
	bytes.extend(spec.deadline_blocks.encode());
	assert!(TaskSpec::decode(&mut &bytes[..]).is_err());

	// Constructors refuse too.
	assert!(Layers::try_from(vec![1; 17]).is_err());
	assert!(Uri::try_from(vec![0; 257]).is_err());
}

#[test]
fn max_encoded_len_is_bounded() {
	// Layers: 1 + 16·4; URIs: 2 + 256. The largest model is TorchScript: 1 + 258 + 32 + 8.
	assert_eq!(ModelSpec::max_encoded_len(), 1 + 258 + 32 + 8);
	assert_eq!(DatasetRef::max_encoded_len(), 258 + 32 + 1 + 4);
	assert!(TaskSpec::max_encoded_len() < 1024);
	assert_eq!(MerkleProof::max_encoded_len(), 1 + 32 * 32);
}

#[test]
fn hardware_satisfies() {
	let cpu = |memory_gib| HardwareClass { device: Device::Cpu, memory_gib };
	let gpu = |memory_gib| HardwareClass { device: Device::Gpu, memory_gib };
	assert!(cpu(8).satisfies(&cpu(8)));
	assert!(cpu(16).satisfies(&cpu(8)));
	assert!(!cpu(4).satisfies(&cpu(8)));
	assert!(!cpu(64).satisfies(&gpu(8)));
	assert!(gpu(8).satisfies(&gpu(8)));
	assert!(gpu(8).satisfies(&cpu(8)));
	assert!(!gpu(8).satisfies(&cpu(16)));
	assert!(!gpu(4).satisfies(&gpu(8)));
}

#[test]
fn errors_display() {
	assert_eq!(SpecError::ZeroSteps.to_string(), "zero training steps");
	let err: Box<dyn std::error::Error> = Box::new(SpecError::NoVerifiers);
	assert_eq!(err.to_string(), "no verifier");
}

#[cfg(feature = "serde")]
#[test]
fn serde_is_derived() {
	// The `serde` feature (on with `std`) derives Serialize/Deserialize for every type.
	fn assert_serde<T: serde::Serialize + for<'de> serde::Deserialize<'de>>() {}
	assert_serde::<TaskSpec>();
	assert_serde::<CheckpointCommitment>();
	assert_serde::<SpecLimits>();
	assert_serde::<SpecError>();
}
