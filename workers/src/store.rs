//! A worker's store: checkpoints content-addressed by their hash, and a small per-task journal
//! of what the worker has done, so a restarted worker picks up where it stopped.
//!
//! ```text
//! STORE/blobs/<hex h>              a checkpoint (safetensors) whose canonical hash is h
//! STORE/cache/                     datasets and modules, fetched and verified (learning::fetch)
//! STORE/tasks/<task>/checkpoints   h_0, h_1, … one hex hash a line: training progress
//! STORE/tasks/<task>/<name>        SCALE records: a verdict and its salt, a vote…
//! ```
//!
//! Every write goes to a temporary file that is renamed into place, so a crash leaves either
//! the old or the new content, never half of one; a blob is re-hashed whenever it is read.

use assay_learning::Checkpoint;
use assay_primitives::{Sha256, TaskId};
use codec::{Decode, Encode};
use std::path::{Path, PathBuf};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	/// A file could not be read or written.
	#[error("{path}: {source}")]
	Io {
		/// The file.
		path: PathBuf,
		/// Why.
		source: std::io::Error,
	},
	/// A file's content is not what it should be (a damaged disk, a hand edit).
	#[error("{path}: {reason}")]
	Corrupt {
		/// The file.
		path: PathBuf,
		/// What is wrong with it.
		reason: String,
	},
}

/// The hash list of a task's checkpoints `h_0 … h_j` (training progress, then the leaves).
pub const CHECKPOINTS: &str = "checkpoints";
/// The hash list a solver serves for a task: none before it shows its root, the shown one
/// (wrong at a forced segment's end) until it discloses, the true one after.
pub const SERVED: &str = "served";

/// The store rooted at one directory.
#[derive(Clone, Debug)]
pub struct Store {
	root: PathBuf,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
	move |source| StoreError::Io { path: path.to_owned(), source }
}

/// Writes `content` to `path` through a temporary file and a rename.
fn write_atomically(path: &Path, content: &[u8]) -> Result<(), StoreError> {
	if let Some(parent) = path.parent() {
		std::fs::create_dir_all(parent).map_err(io(parent))?;
	}
	let partial = path.with_extension("partial");
	std::fs::write(&partial, content).map_err(io(&partial))?;
	std::fs::rename(&partial, path).map_err(io(path))
}

/// Reads `path`, `None` if it does not exist.
fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
	match std::fs::read(path) {
		Ok(content) => Ok(Some(content)),
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
		Err(e) => Err(io(path)(e)),
	}
}

/// Parses `0x`-less lowercase hex into a hash.
pub fn parse_hash(text: &str) -> Option<Sha256> {
	let bytes = hex::decode(text.trim()).ok()?;
	bytes.try_into().ok()
}

impl Store {
	/// Opens (creating if needed) the store at `root`.
	pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
		let root = root.into();
		for dir in ["blobs", "cache", "tasks"] {
			let path = root.join(dir);
			std::fs::create_dir_all(&path).map_err(io(&path))?;
		}
		Ok(Self { root })
	}

	/// Where fetched datasets and modules are cached.
	pub fn cache_dir(&self) -> PathBuf {
		self.root.join("cache")
	}

	fn blob_path(&self, hash: &Sha256) -> PathBuf {
		self.root.join("blobs").join(hex::encode(hash))
	}

	fn task_dir(&self, task: TaskId) -> PathBuf {
		self.root.join("tasks").join(task.to_string())
	}

	/// Stores `checkpoint` under its canonical hash; returns the hash.
	pub fn put_checkpoint(&self, checkpoint: &Checkpoint) -> Result<Sha256, StoreError> {
		let hash = checkpoint.canonical_hash();
		let path = self.blob_path(&hash);
		if !path.exists() {
			let bytes = checkpoint
				.to_bytes()
				.map_err(|e| StoreError::Corrupt { path: path.clone(), reason: e.to_string() })?;
			write_atomically(&path, &bytes)?;
		}
		Ok(hash)
	}

	/// The bytes of blob `hash`, if stored (not re-hashed: for serving, the reader checks).
	pub fn blob_bytes(&self, hash: &Sha256) -> Result<Option<Vec<u8>>, StoreError> {
		read_if_exists(&self.blob_path(hash))
	}

	/// Checkpoint `hash`, if stored and intact.
	pub fn checkpoint(&self, hash: &Sha256) -> Result<Option<Checkpoint>, StoreError> {
		let path = self.blob_path(hash);
		let Some(bytes) = read_if_exists(&path)? else { return Ok(None) };
		let checkpoint = Checkpoint::from_bytes(&bytes)
			.map_err(|e| StoreError::Corrupt { path: path.clone(), reason: e.to_string() })?;
		if checkpoint.canonical_hash() != *hash {
			return Err(StoreError::Corrupt {
				path,
				reason: "content does not match its hash".into(),
			});
		}
		Ok(Some(checkpoint))
	}

	/// A list of hashes, one hex line each (`checkpoints`); empty if absent.
	pub fn hashes(&self, task: TaskId, name: &str) -> Result<Vec<Sha256>, StoreError> {
		let path = self.task_dir(task).join(name);
		let Some(bytes) = read_if_exists(&path)? else { return Ok(Vec::new()) };
		let text = String::from_utf8(bytes)
			.map_err(|_| StoreError::Corrupt { path: path.clone(), reason: "not text".into() })?;
		text.lines()
			.map(|line| {
				parse_hash(line).ok_or_else(|| StoreError::Corrupt {
					path: path.clone(),
					reason: format!("not a hash: {line:?}"),
				})
			})
			.collect()
	}

	/// Replaces the list `name` of `task` with `hashes`.
	pub fn set_hashes(
		&self,
		task: TaskId,
		name: &str,
		hashes: &[Sha256],
	) -> Result<(), StoreError> {
		let text: String = hashes.iter().map(|h| format!("{}\n", hex::encode(h))).collect();
		write_atomically(&self.task_dir(task).join(name), text.as_bytes())
	}

	/// A SCALE record of `task`, if written.
	pub fn record<T: Decode>(&self, task: TaskId, name: &str) -> Result<Option<T>, StoreError> {
		let path = self.task_dir(task).join(name);
		let Some(bytes) = read_if_exists(&path)? else { return Ok(None) };
		T::decode(&mut bytes.as_slice())
			.map(Some)
			.map_err(|e| StoreError::Corrupt { path, reason: e.to_string() })
	}

	/// Writes a SCALE record of `task`.
	pub fn set_record<T: Encode>(
		&self,
		task: TaskId,
		name: &str,
		value: &T,
	) -> Result<(), StoreError> {
		write_atomically(&self.task_dir(task).join(name), &value.encode())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use assay_learning::HostTensor;

	fn checkpoint(value: f32) -> Checkpoint {
		let tensor = HostTensor::from_f32(vec![2], &[value, 1.0]).unwrap();
		Checkpoint::from_tensors(
			[("param/w".to_owned(), tensor), ("state/step".to_owned(), HostTensor::scalar_i64(0))]
				.into(),
		)
	}

	#[test]
	fn checkpoints_are_stored_under_their_hash_and_checked_when_read() {
		let dir = tempfile::tempdir().unwrap();
		let store = Store::open(dir.path()).unwrap();
		let hash = store.put_checkpoint(&checkpoint(0.5)).unwrap();
		assert_eq!(store.checkpoint(&hash).unwrap().unwrap().canonical_hash(), hash);
		assert!(store.checkpoint(&[7; 32]).unwrap().is_none());

		// Another checkpoint's bytes under this hash: refused, not returned.
		let other = checkpoint(0.25).to_bytes().unwrap();
		std::fs::write(dir.path().join("blobs").join(hex::encode(hash)), other).unwrap();
		assert!(matches!(store.checkpoint(&hash), Err(StoreError::Corrupt { .. })));
	}

	#[test]
	fn hash_lists_and_records_round_trip_and_damage_is_reported() {
		let dir = tempfile::tempdir().unwrap();
		let store = Store::open(dir.path()).unwrap();
		assert!(store.hashes(3, "checkpoints").unwrap().is_empty());
		store.set_hashes(3, "checkpoints", &[[1; 32], [2; 32]]).unwrap();
		assert_eq!(store.hashes(3, "checkpoints").unwrap(), vec![[1; 32], [2; 32]]);

		store.set_record(3, "vote", &(true, [9u8; 32])).unwrap();
		assert_eq!(store.record::<(bool, [u8; 32])>(3, "vote").unwrap(), Some((true, [9; 32])));

		std::fs::write(dir.path().join("tasks/3/checkpoints"), "zz\n").unwrap();
		assert!(matches!(store.hashes(3, "checkpoints"), Err(StoreError::Corrupt { .. })));
	}
}
