//! Checkpoints over HTTP: the solver's artifact server, and the fetch that verifiers, jurors
//! and whistleblowers use against it.
//!
//! The solver commits a base URL (its `artifact_uri`) on chain and serves:
//!
//! - `GET /tasks/<task>/checkpoints`: `h_0 … h_n`, one hex hash a line (the Merkle leaves, from
//!   which a verifier builds its proofs after checking them against the committed root);
//! - `GET /blobs/<hex h>`: the checkpoint whose canonical hash is `h` (safetensors);
//! - `GET /health`: `ok`.
//!
//! Nothing fetched is trusted: the leaf list must hash to the committed root and a checkpoint
//! to the hash it was asked for; anything else is an [`ArtifactError`], never a panic.

use crate::store::{parse_hash, Store};
use assay_learning::Checkpoint;
use assay_primitives::{merkle_root, CheckpointCommitment, Sha256, TaskId};
use axum::{
	extract::{Path, State},
	http::{header, StatusCode},
	response::{IntoResponse, Response},
	routing::get,
	Router,
};

/// Why an artifact could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ArtifactError {
	/// The server did not answer, or answered with an error status.
	#[error("fetching {uri}: {reason}")]
	Unreachable {
		/// What was asked for.
		uri: String,
		/// Why it failed.
		reason: String,
	},
	/// The content is not what the chain committed to.
	#[error("{what}: expected {expected}, got {actual}")]
	HashMismatch {
		/// What was fetched.
		what: String,
		/// The committed hash.
		expected: String,
		/// The hash of what arrived.
		actual: String,
	},
	/// The content is not a checkpoint, or not a list of hashes.
	#[error("{what} is malformed: {reason}")]
	Malformed {
		/// What was fetched.
		what: String,
		/// What is wrong.
		reason: String,
	},
}

/// The router of a solver's artifact server over `store`.
pub fn router(store: Store) -> Router {
	Router::new()
		.route("/health", get(|| async { "ok" }))
		.route("/blobs/{hash}", get(serve_blob))
		.route("/tasks/{task}/checkpoints", get(serve_checkpoint_list))
		.with_state(store)
}

async fn serve_blob(State(store): State<Store>, Path(hash): Path<String>) -> Response {
	let Some(hash) = parse_hash(&hash) else {
		return (StatusCode::BAD_REQUEST, "not a sha256 hex hash").into_response();
	};
	match tokio::task::spawn_blocking(move || store.blob_bytes(&hash)).await {
		Ok(Ok(Some(bytes))) => {
			([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response()
		},
		Ok(Ok(None)) => (StatusCode::NOT_FOUND, "no such checkpoint").into_response(),
		Ok(Err(error)) => {
			log::warn!("serving a blob: {error}");
			(StatusCode::INTERNAL_SERVER_ERROR, "store error").into_response()
		},
		Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "store task failed").into_response(),
	}
}

async fn serve_checkpoint_list(State(store): State<Store>, Path(task): Path<TaskId>) -> Response {
	match store.hashes(task, crate::store::SERVED) {
		Ok(hashes) if !hashes.is_empty() => {
			let text: String = hashes.iter().map(|h| format!("{}\n", hex::encode(h))).collect();
			([(header::CONTENT_TYPE, "text/plain")], text).into_response()
		},
		Ok(_) => (StatusCode::NOT_FOUND, "no checkpoints for this task").into_response(),
		Err(error) => {
			log::warn!("serving a checkpoint list: {error}");
			(StatusCode::INTERNAL_SERVER_ERROR, "store error").into_response()
		},
	}
}

fn get_bytes(uri: &str) -> Result<Vec<u8>, ArtifactError> {
	assay_learning::fetch::download(uri)
		.map_err(|e| ArtifactError::Unreachable { uri: uri.to_owned(), reason: e.to_string() })
}

/// `base` without a trailing slash.
fn trimmed(base: &str) -> &str {
	base.trim_end_matches('/')
}

/// Fetches the checkpoint list of `task` from the server at `base` and checks it against the
/// solver's `commitment` (count and Merkle root). Blocking.
pub fn fetch_checkpoint_list(
	base: &str,
	task: TaskId,
	commitment: &CheckpointCommitment,
) -> Result<Vec<Sha256>, ArtifactError> {
	let uri = format!("{}/tasks/{task}/checkpoints", trimmed(base));
	let bytes = get_bytes(&uri)?;
	let text = String::from_utf8(bytes)
		.map_err(|_| ArtifactError::Malformed { what: uri.clone(), reason: "not text".into() })?;
	let hashes = text.lines().map(parse_hash).collect::<Option<Vec<_>>>().ok_or_else(|| {
		ArtifactError::Malformed { what: uri.clone(), reason: "a line is not a hash".into() }
	})?;
	let root = merkle_root(&hashes);
	if u32::try_from(hashes.len()).ok() != Some(commitment.checkpoints) || root != commitment.root {
		return Err(ArtifactError::HashMismatch {
			what: format!("{uri} (Merkle root of {} leaves)", hashes.len()),
			expected: hex::encode(commitment.root),
			actual: hex::encode(root),
		});
	}
	Ok(hashes)
}

/// Checkpoint `hash`: from `store` if there, else from the server at `base`, checked against
/// `hash` and then kept in `store`. Blocking.
pub fn fetch_checkpoint(
	store: &Store,
	base: &str,
	hash: &Sha256,
) -> Result<Checkpoint, ArtifactError> {
	// A damaged local copy is fetched again rather than trusted.
	if let Ok(Some(checkpoint)) = store.checkpoint(hash) {
		return Ok(checkpoint);
	}
	let uri = format!("{}/blobs/{}", trimmed(base), hex::encode(hash));
	let bytes = get_bytes(&uri)?;
	let checkpoint = Checkpoint::from_bytes(&bytes)
		.map_err(|e| ArtifactError::Malformed { what: uri.clone(), reason: e.to_string() })?;
	let actual = checkpoint.canonical_hash();
	if actual != *hash {
		return Err(ArtifactError::HashMismatch {
			what: uri,
			expected: hex::encode(hash),
			actual: hex::encode(actual),
		});
	}
	if let Err(error) = store.put_checkpoint(&checkpoint) {
		log::warn!("keeping a fetched checkpoint: {error}");
	}
	Ok(checkpoint)
}

/// Serves `router` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) {
	if let Err(error) = axum::serve(listener, router).await {
		log::error!("HTTP server stopped: {error}");
	}
}
