//! The one sha256 of Assay: checkpoint hashes, dataset and module digests, Merkle nodes.

use sha2::{Digest, Sha256 as Hasher};

/// A sha256 digest.
pub type Sha256 = [u8; 32];

/// sha256 of `data`.
///
/// ```
/// // FIPS 180-2, appendix B.1.
/// assert_eq!(
///     assay_primitives::sha256(b"abc")[..4],
///     [0xba, 0x78, 0x16, 0xbf],
/// );
/// ```
pub fn sha256(data: &[u8]) -> Sha256 {
	Hasher::digest(data).into()
}

/// sha256 of the concatenation of `parts`, without building it (`sha256_concat(&[a, b])` is
/// `sha256(a ‖ b)`). Commit–reveal digests such as `hash(verdict ‖ salt)` use this.
pub fn sha256_concat(parts: &[&[u8]]) -> Sha256 {
	let mut hasher = Hasher::new();
	for part in parts {
		hasher.update(part);
	}
	hasher.finalize().into()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn hex(s: &str) -> Sha256 {
		let mut out = [0u8; 32];
		for (i, byte) in out.iter_mut().enumerate() {
			*byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
		}
		out
	}

	#[test]
	fn known_answers() {
		assert_eq!(
			sha256(b""),
			hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
		);
		assert_eq!(
			sha256(b"abc"),
			hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
		);
	}

	#[test]
	fn concat_is_hash_of_concatenation() {
		assert_eq!(sha256_concat(&[b"a", b"", b"bc"]), sha256(b"abc"));
		assert_eq!(sha256_concat(&[]), sha256(b""));
	}
}
