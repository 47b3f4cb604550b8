//! Fetching artifacts (datasets, TorchScript modules) from `file://` or `http(s)://`, checked
//! against the sha256 the task names before anything uses them.

use crate::error::{LearningError, Result};
use assay_primitives::{sha256, Sha256};
use std::{
	io::Read,
	path::{Path, PathBuf},
};

/// The largest artifact accepted, compressed or not: 8 GiB.
pub const MAX_ARTIFACT_BYTES: u64 = 8 << 30;

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What to do with a gzip-compressed artifact.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Compression {
	/// A file starting with `1f 8b` is decompressed (every member, so concatenated gzip files
	/// work) and the hash is of the decompressed bytes: datasets.
	GunzipIfGzip,
	/// The bytes are used and hashed as they are: TorchScript modules.
	AsIs,
}

/// Fetches `uri`, decompresses it as `compression` says and returns the content if its sha256
/// is `expected`.
///
/// `http(s)://` content is cached in `cache_dir` under the hex sha256 of the content, so a
/// second fetch of the same artifact reads the disk; a cached file is re-hashed before use.
/// `file://` content is read in place.
pub fn fetch_verified(
	uri: &str,
	expected: &Sha256,
	compression: Compression,
	cache_dir: &Path,
) -> Result<Vec<u8>> {
	let cached = cache_dir.join(hex::encode(expected));
	if let Ok(content) = std::fs::read(&cached) {
		if sha256(&content) == *expected {
			return Ok(content);
		}
	}
	let raw = if let Some(path) = uri.strip_prefix("file://") {
		read_file(Path::new(path))?
	} else if uri.starts_with("http://") || uri.starts_with("https://") {
		let content = download(uri)?;
		let content = decode(uri, content, compression)?;
		check_hash(uri, &content, expected)?;
		store_in_cache(cache_dir, &cached, &content)?;
		return Ok(content);
	} else {
		return Err(LearningError::UnsupportedUri(uri.to_owned()));
	};
	let content = decode(uri, raw, compression)?;
	check_hash(uri, &content, expected)?;
	Ok(content)
}

/// `uri` as UTF-8 text, for URIs stored as bytes in a task.
pub fn uri_str(uri: &[u8]) -> Result<&str> {
	std::str::from_utf8(uri).map_err(|_| LearningError::UnsupportedUri(format!("{uri:?}")))
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
	let file = std::fs::File::open(path).map_err(|e| LearningError::io(path, e))?;
	read_limited(file, &path.display().to_string()).map_err(|e| match e {
		ReadError::Io(e) => LearningError::io(path, e),
		ReadError::TooLarge(e) => e,
	})
}

enum ReadError {
	Io(std::io::Error),
	TooLarge(LearningError),
}

fn read_limited(reader: impl Read, what: &str) -> Result<Vec<u8>, ReadError> {
	let mut content = Vec::new();
	reader
		.take(MAX_ARTIFACT_BYTES.saturating_add(1))
		.read_to_end(&mut content)
		.map_err(ReadError::Io)?;
	if u64::try_from(content.len()).unwrap_or(u64::MAX) > MAX_ARTIFACT_BYTES {
		return Err(ReadError::TooLarge(LearningError::TooLarge {
			what: what.to_owned(),
			limit: MAX_ARTIFACT_BYTES,
		}));
	}
	Ok(content)
}

/// How long one download may take, connection included: a peer that stops sending fails the
/// fetch instead of hanging the worker.
pub const DOWNLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Downloads `uri` (`http(s)://`), at most [`MAX_ARTIFACT_BYTES`], within
/// [`DOWNLOAD_TIMEOUT`]; a non-2xx status is an error.
pub fn download(uri: &str) -> Result<Vec<u8>> {
	let fetch_error = |reason: String| LearningError::Fetch { uri: uri.to_owned(), reason };
	let agent: ureq::Agent = ureq::Agent::config_builder()
		.timeout_global(Some(DOWNLOAD_TIMEOUT))
		.timeout_connect(Some(std::time::Duration::from_secs(10)))
		.build()
		.into();
	let mut response = agent.get(uri).call().map_err(|e| fetch_error(e.to_string()))?;
	response
		.body_mut()
		.with_config()
		.limit(MAX_ARTIFACT_BYTES)
		.read_to_vec()
		.map_err(|e| fetch_error(e.to_string()))
}

fn decode(uri: &str, raw: Vec<u8>, compression: Compression) -> Result<Vec<u8>> {
	if compression == Compression::AsIs || !raw.starts_with(&GZIP_MAGIC) {
		return Ok(raw);
	}
	let decoder = flate2::read::MultiGzDecoder::new(raw.as_slice());
	read_limited(decoder, uri).map_err(|e| match e {
		ReadError::Io(e) => LearningError::Gzip { what: uri.to_owned(), reason: e.to_string() },
		ReadError::TooLarge(e) => e,
	})
}

fn check_hash(uri: &str, content: &[u8], expected: &Sha256) -> Result<()> {
	let actual = sha256(content);
	if actual != *expected {
		return Err(LearningError::HashMismatch {
			what: uri.to_owned(),
			expected: hex::encode(expected),
			actual: hex::encode(actual),
		});
	}
	Ok(())
}

fn store_in_cache(cache_dir: &Path, cached: &PathBuf, content: &[u8]) -> Result<()> {
	std::fs::create_dir_all(cache_dir).map_err(|e| LearningError::io(cache_dir, e))?;
	// Written under a temporary name and renamed, so a reader never sees half a file.
	let partial = cached.with_extension("partial");
	std::fs::write(&partial, content).map_err(|e| LearningError::io(&partial, e))?;
	std::fs::rename(&partial, cached).map_err(|e| LearningError::io(cached, e))
}
