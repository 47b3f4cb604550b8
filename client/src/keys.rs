//! Signing keys for workers and scripts.
//!
//! A key is given as a secret URI (`//Alice` on a dev chain; a BIP-39 mnemonic, optionally with
//! `//hard` and `/soft` derivations and `///password`; or a `0x`-prefixed 32-byte seed), or as
//! the path of a file that holds one (what operators use, so the secret stays out of `ps` and
//! shell history). A file readable by others than its owner is refused.

use crate::{ClientError, Keypair};
use std::{path::Path, str::FromStr};
use subxt_signer::SecretUri;

/// Reads a key: `spec` is a file path if such a file exists, else a secret URI.
pub fn keypair(spec: &str) -> Result<Keypair, ClientError> {
	let path = Path::new(spec);
	if !spec.starts_with("//") && path.is_file() {
		return keypair_from_file(path);
	}
	keypair_from_uri(spec)
}

/// Parses a secret URI.
pub fn keypair_from_uri(uri: &str) -> Result<Keypair, ClientError> {
	let uri = SecretUri::from_str(uri.trim())
		.map_err(|e| ClientError::Key(format!("not a secret URI: {e}")))?;
	Keypair::from_uri(&uri).map_err(|e| ClientError::Key(format!("cannot derive the key: {e}")))
}

/// Reads a secret URI from the first line of `path`, refusing group- or world-readable files.
pub fn keypair_from_file(path: &Path) -> Result<Keypair, ClientError> {
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		let mode = std::fs::metadata(path)
			.map_err(|e| ClientError::Key(format!("{}: {e}", path.display())))?
			.permissions()
			.mode();
		if mode & 0o077 != 0 {
			return Err(ClientError::Key(format!(
				"{} is readable by other users (mode {:o}); chmod 600 it",
				path.display(),
				mode & 0o777
			)));
		}
	}
	let text = std::fs::read_to_string(path)
		.map_err(|e| ClientError::Key(format!("{}: {e}", path.display())))?;
	let line = text.lines().next().unwrap_or_default();
	keypair_from_uri(line).map_err(|e| ClientError::Key(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::account_of;

	#[test]
	fn dev_uris_give_the_dev_accounts() {
		let alice = keypair("//Alice").unwrap();
		assert_eq!(
			account_of(&alice).to_string(),
			"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
		);
		assert_ne!(account_of(&keypair("//Bob").unwrap()), account_of(&alice));
	}

	#[test]
	fn a_key_file_is_read_and_a_shared_one_refused() {
		use std::os::unix::fs::PermissionsExt;
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("solver.key");
		std::fs::write(&path, "//Alice\n").unwrap();
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
		let from_file = keypair(path.to_str().unwrap()).unwrap();
		assert_eq!(account_of(&from_file), account_of(&keypair("//Alice").unwrap()));

		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
		let refused = keypair(path.to_str().unwrap()).unwrap_err();
		assert!(refused.to_string().contains("chmod 600"), "{refused}");
	}

	#[test]
	fn garbage_is_a_key_error() {
		assert!(matches!(keypair("not a key at all"), Err(ClientError::Key(_))));
	}
}
