//! The client's types are generated at compile time from `client/metadata/assay.scale`. This
//! test fails when that file no longer matches the runtime in this repository, and says how to
//! refresh it.

use std::path::PathBuf;

/// The metadata version the client is generated from.
const METADATA_VERSION: u32 = 15;

fn committed_path() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("metadata/assay.scale")
}

#[test]
fn committed_metadata_matches_the_runtime() {
	let fresh = assay_runtime::Runtime::metadata_at_version(METADATA_VERSION)
		.expect("the runtime serves metadata version 15");
	let fresh: &[u8] = &fresh;
	let path = committed_path();
	if std::env::var_os("ASSAY_REFRESH_METADATA").is_some() {
		std::fs::write(&path, fresh).expect("client/metadata is writable");
	}
	let committed = std::fs::read(&path).unwrap_or_default();
	assert!(
		committed == fresh,
		"{} does not match the runtime's metadata (v{METADATA_VERSION}). Refresh it with\n\
		 \n    ASSAY_REFRESH_METADATA=1 cargo test -p assay-client --test metadata\n\n\
		 then rebuild: the client's calls, storage and events are generated from it.",
		path.display()
	);
}
