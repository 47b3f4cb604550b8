//! The artifact server and fetch over real HTTP on loopback: what verifiers get from a solver,
//! and how they refuse what does not match the chain.

use assay_learning::{Checkpoint, HostTensor};
use assay_primitives::CheckpointCommitment;
use assay_workers::{
	artifacts::{fetch_checkpoint, fetch_checkpoint_list, router, serve, ArtifactError},
	store::{Store, SERVED},
};

fn checkpoint(value: f32) -> Checkpoint {
	let tensor = HostTensor::from_f32(vec![3], &[value, 2.0, 3.0]).unwrap();
	Checkpoint::from_tensors(
		[("param/w".to_owned(), tensor), ("state/step".to_owned(), HostTensor::scalar_i64(0))]
			.into(),
	)
}

/// A solver store with three checkpoints of task 7, served on a free port; returns the base
/// URL, the store's directory and the commitment.
async fn solver() -> (String, tempfile::TempDir, CheckpointCommitment) {
	let dir = tempfile::tempdir().unwrap();
	let store = Store::open(dir.path()).unwrap();
	let hashes: Vec<_> =
		[0.0, 0.5, 1.0].map(|v| store.put_checkpoint(&checkpoint(v)).unwrap()).to_vec();
	store.set_hashes(7, SERVED, &hashes).unwrap();
	let commitment = CheckpointCommitment::new(&hashes, [0; 32]).unwrap();
	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
	let base = format!("http://{}", listener.local_addr().unwrap());
	tokio::spawn(serve(listener, router(store)));
	(base, dir, commitment)
}

/// Runs a blocking fetch off the runtime's threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
	tokio::task::spawn_blocking(f).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verifier_gets_the_leaves_and_checkpoints_the_solver_committed() {
	let (base, _solver_dir, commitment) = solver().await;
	let verifier_dir = tempfile::tempdir().unwrap();
	let verifier = Store::open(verifier_dir.path()).unwrap();
	let (b, c) = (base.clone(), commitment);
	let leaves = blocking(move || fetch_checkpoint_list(&b, 7, &c)).await.unwrap();
	assert_eq!(leaves.len(), 3);
	let (b, v, leaf) = (base.clone(), verifier.clone(), leaves[1]);
	let fetched = blocking(move || fetch_checkpoint(&v, &b, &leaf)).await.unwrap();
	assert_eq!(fetched.canonical_hash(), leaves[1]);
	// Kept locally: a second fetch works with the server gone.
	assert!(verifier.checkpoint(&leaves[1]).unwrap().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tampered_bytes_a_wrong_list_and_a_dead_server_are_errors_not_panics() {
	let (base, solver_dir, commitment) = solver().await;
	let verifier_dir = tempfile::tempdir().unwrap();
	let verifier = Store::open(verifier_dir.path()).unwrap();

	// A commitment the served list does not hash to.
	let mut other = commitment;
	other.root = [9; 32];
	let b = base.clone();
	let refused = blocking(move || fetch_checkpoint_list(&b, 7, &other)).await;
	assert!(matches!(refused, Err(ArtifactError::HashMismatch { .. })), "{refused:?}");

	// The blob of h_1 replaced by another checkpoint's bytes on the solver's disk.
	let leaves = fetch_list(&base, commitment).await;
	let blob = solver_dir.path().join("blobs").join(hex::encode(leaves[1]));
	std::fs::write(&blob, checkpoint(42.0).to_bytes().unwrap()).unwrap();
	let (b, v, leaf) = (base.clone(), verifier.clone(), leaves[1]);
	let refused = blocking(move || fetch_checkpoint(&v, &b, &leaf)).await;
	assert!(matches!(refused, Err(ArtifactError::HashMismatch { .. })), "{refused:?}");
	assert!(verifier.checkpoint(&leaves[1]).unwrap().is_none(), "nothing wrong is kept");

	// Bytes that are no checkpoint at all.
	std::fs::write(&blob, b"not a safetensors file").unwrap();
	let (b, v, leaf) = (base.clone(), verifier.clone(), leaves[1]);
	let refused = blocking(move || fetch_checkpoint(&v, &b, &leaf)).await;
	assert!(matches!(refused, Err(ArtifactError::Malformed { .. })), "{refused:?}");

	// A hash the solver does not have, and a server nobody listens on.
	let (b, v) = (base.clone(), verifier.clone());
	let missing = blocking(move || fetch_checkpoint(&v, &b, &[5; 32])).await;
	assert!(matches!(missing, Err(ArtifactError::Unreachable { .. })), "{missing:?}");
	let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
	let v = verifier.clone();
	let dead =
		blocking(move || fetch_checkpoint(&v, &format!("http://127.0.0.1:{port}"), &[5; 32])).await;
	assert!(matches!(dead, Err(ArtifactError::Unreachable { .. })), "{dead:?}");
}

async fn fetch_list(base: &str, commitment: CheckpointCommitment) -> Vec<[u8; 32]> {
	let b = base.to_owned();
	blocking(move || fetch_checkpoint_list(&b, 7, &commitment)).await.unwrap()
}
