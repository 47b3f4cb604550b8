//! On-chain randomness for the Assay pallets, from BABE's per-block VRF outputs.

use crate::{BlockNumber, Hash, Runtime};
use frame_support::traits::Randomness;

/// The VRF output of the parent block's author, hashed with the caller's subject.
///
/// Every block of this chain carries a VRF output (primary and secondary-VRF slots), so the
/// value changes from block to block and nobody knew it before the parent block was authored.
/// A pallet whose draw must not be grindable (solver or verifier selection, segment sampling)
/// therefore asks for it in a block strictly after the one that fixed the draw's inputs.
///
/// Where the parent carries no VRF output (the first block after genesis) this falls back to
/// the randomness of one epoch ago, which is fixed but still unknown before genesis.
pub struct BabeBlockRandomness;

impl Randomness<Hash, BlockNumber> for BabeBlockRandomness {
	fn random(subject: &[u8]) -> (Hash, BlockNumber) {
		match pallet_babe::ParentBlockRandomness::<Runtime>::random(subject) {
			(Some(seed), known_since) => (seed, known_since),
			(None, _) => pallet_babe::RandomnessFromOneEpochAgo::<Runtime>::random(subject),
		}
	}
}
