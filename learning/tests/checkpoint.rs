//! The checkpoint codec and the canonical hash layout.

mod common;
use assay_learning::{canonical_hash, Checkpoint, Dtype, HostTensor, LearningError};
use assay_primitives::*;
use common::*;
use std::collections::BTreeMap;

fn tiny() -> Checkpoint {
	let mut tensors = BTreeMap::new();
	tensors.insert("state/step".to_owned(), HostTensor::scalar_i64(7));
	tensors.insert("param/w".to_owned(), HostTensor::from_f32(vec![2], &[1.0, -2.0]).unwrap());
	Checkpoint::from_tensors(tensors)
}

/// The layout of docs/learning.md, written out byte by byte (independently computed with
/// Python's struct and hashlib).
#[test]
fn canonical_hash_test_vector() {
	let expected_bytes = hex::decode(concat!(
		"07000000",
		"706172616d2f77", // name "param/w"
		"03000000",
		"463332", // dtype "F32"
		"01000000",
		"0200000000000000", // rank 1, [2]
		"0800000000000000",
		"0000803f000000c0", // 8 bytes: 1.0, -2.0
		"0a000000",
		"73746174652f73746570", // name "state/step"
		"03000000",
		"493634",   // dtype "I64"
		"00000000", // rank 0
		"0800000000000000",
		"0700000000000000", // 8 bytes: 7
	))
	.unwrap();
	assert_eq!(sha256(&expected_bytes), tiny().canonical_hash());
	assert_eq!(
		hex::encode(tiny().canonical_hash()),
		"7d7c0177ebee1d10542281ecabf2d204a605993acbfe8010c0432d399b664c09"
	);
	// The parameters-only hash covers the param/ tensors alone.
	let params = tiny();
	let only = canonical_hash(params.tensors().iter().take(1).map(|(n, t)| (n.as_str(), t)));
	assert_eq!(params.model_hash(), only);
}

#[test]
fn hash_depends_on_name_dtype_shape_and_bytes() {
	let base = tiny().canonical_hash();
	let variant = |name: &str, tensor: HostTensor| {
		let mut c = tiny();
		c.insert(name.to_owned(), tensor);
		c.canonical_hash()
	};
	assert_ne!(variant("param/w", HostTensor::from_f32(vec![2], &[1.0, -2.5]).unwrap()), base);
	assert_ne!(variant("param/w", HostTensor::from_f32(vec![2, 1], &[1.0, -2.0]).unwrap()), base);
	let same_bytes_as_i64 = HostTensor::new(
		Dtype::I64,
		vec![1],
		HostTensor::from_f32(vec![2], &[1.0, -2.0]).unwrap().data().to_vec(),
	)
	.unwrap();
	assert_ne!(variant("param/w", same_bytes_as_i64), base);
	assert_ne!(variant("state/step", HostTensor::scalar_i64(8)), base);
	let mut renamed = BTreeMap::new();
	renamed.insert("state/step".to_owned(), HostTensor::scalar_i64(7));
	renamed.insert("param/v".to_owned(), HostTensor::from_f32(vec![2], &[1.0, -2.0]).unwrap());
	assert_ne!(Checkpoint::from_tensors(renamed).canonical_hash(), base);
}

#[test]
fn file_round_trip_is_exact_and_deterministic() {
	let task = digits_task(adam(), VerificationMode::Exact);
	let mut trainer = trainer(&task);
	let checkpoint = trainer.run_segment(5, false).unwrap().checkpoint;
	let dir = cache();
	let path = dir.path().join("c.safetensors");
	checkpoint.save(&path).unwrap();
	let loaded = Checkpoint::load(&path).unwrap();
	assert_eq!(loaded, checkpoint);
	assert_eq!(loaded.canonical_hash(), checkpoint.canonical_hash());
	assert_eq!(std::fs::read(&path).unwrap(), checkpoint.to_bytes().unwrap());
	assert_eq!(loaded.step().unwrap(), 5);
	let names: Vec<&str> = loaded.tensors().keys().map(String::as_str).collect();
	assert_eq!(
		names,
		[
			"optim/beta1_power",
			"optim/beta2_power",
			"optim/layer0.bias/exp_avg",
			"optim/layer0.bias/exp_avg_sq",
			"optim/layer0.weight/exp_avg",
			"optim/layer0.weight/exp_avg_sq",
			"optim/layer1.bias/exp_avg",
			"optim/layer1.bias/exp_avg_sq",
			"optim/layer1.weight/exp_avg",
			"optim/layer1.weight/exp_avg_sq",
			"param/layer0.bias",
			"param/layer0.weight",
			"param/layer1.bias",
			"param/layer1.weight",
			"state/batch_in_epoch",
			"state/epoch",
			"state/step",
		]
	);
	assert_eq!(loaded.get("param/layer0.weight").unwrap().shape(), [32, 64]);
}

#[test]
fn corrupt_checkpoints_are_refused() {
	let bytes = tiny().to_bytes().unwrap();
	let corrupt = |bytes: &[u8]| match Checkpoint::from_bytes(bytes) {
		Err(LearningError::CorruptCheckpoint(why)) => why,
		other => panic!("expected CorruptCheckpoint, got {other:?}"),
	};
	corrupt(b"");
	corrupt(b"not a checkpoint at all");
	corrupt(&bytes[..bytes.len() - 1]);
	for cut in [4, 8, 20, bytes.len() / 2] {
		corrupt(&bytes[..cut]);
	}
	let mut extended = bytes.clone();
	extended.push(0);
	corrupt(&extended);
	// A header length pointing far beyond the file.
	let mut huge = bytes.clone();
	huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
	corrupt(&huge);
	// A valid safetensors file that is not an Assay checkpoint (no format, no step).
	let foreign = safetensors::tensor::serialize([("x", tiny().get("param/w").unwrap())], &None);
	if let Ok(foreign) = foreign {
		corrupt(&foreign);
	}
	// Random byte flips never panic.
	for i in 0..bytes.len() {
		let mut flipped = bytes.clone();
		flipped[i] ^= 0xff;
		let _ = Checkpoint::from_bytes(&flipped);
	}
}

#[test]
fn a_checkpoint_of_another_task_is_refused_by_the_trainer() {
	let task = digits_task(adam(), VerificationMode::Exact);
	let mut trainer = trainer(&task);
	trainer.run_segment(3, false).unwrap();
	let before = trainer.checkpoint().unwrap();
	// Another optimizer: the state tensors differ.
	let sgd_task = digits_task(Optimizer::Sgd, VerificationMode::Exact);
	let sgd_checkpoint = common::trainer(&sgd_task).checkpoint().unwrap();
	assert!(matches!(
		trainer.load_checkpoint(&sgd_checkpoint),
		Err(LearningError::CheckpointMismatch(_))
	));
	// Another architecture.
	let mut wide = task.clone();
	wide.model = ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 16, 10]) };
	let wide_checkpoint = common::trainer(&wide).checkpoint().unwrap();
	assert!(matches!(
		trainer.load_checkpoint(&wide_checkpoint),
		Err(LearningError::CheckpointMismatch(_))
	));
	// A data cursor that does not match the step.
	let mut bad_cursor = trainer.checkpoint().unwrap();
	bad_cursor.insert("state/epoch".into(), HostTensor::scalar_i64(3));
	assert!(matches!(
		trainer.load_checkpoint(&bad_cursor),
		Err(LearningError::CheckpointMismatch(_))
	));
	// A tensor of the wrong kind under a known name.
	let mut wrong_kind = trainer.checkpoint().unwrap();
	wrong_kind.insert("param/layer0.bias".into(), HostTensor::scalar_i64(1));
	assert!(matches!(
		trainer.load_checkpoint(&wrong_kind),
		Err(LearningError::CheckpointMismatch(_))
	));
	// An unknown extra tensor.
	let mut extra = trainer.checkpoint().unwrap();
	extra.insert("param/extra".into(), HostTensor::scalar_i64(1));
	assert!(matches!(trainer.load_checkpoint(&extra), Err(LearningError::CheckpointMismatch(_))));
	// Refused checkpoints left the trainer as it was.
	assert_eq!(trainer.checkpoint().unwrap(), before);
}

#[test]
fn evaluation_needs_held_out_samples() {
	let mut task = digits_task(Optimizer::Sgd, VerificationMode::Exact);
	task.dataset.train_samples = 1797;
	assert!(matches!(common::trainer(&task).evaluate(), Err(LearningError::NoHeldOutSamples)));
}
