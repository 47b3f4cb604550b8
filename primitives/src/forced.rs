//! Forced errors: how a solver seals its checkpoints before the sample is drawn, and which
//! sampled segment (if any) it must then show a wrong end for.
//!
//! The solver commits `sealed_checkpoints(task, solver, secret, true_root)` and keeps `secret`.
//! Once the segments are sampled with seed `σ`, only the solver can compute
//! [`forced_segment`]`(secret, σ, …)`; it shows a root that differs from the true one exactly
//! at the end of that segment (or not at all), and discloses `secret` and the true root after
//! every verdict is revealed. The secret is fixed before `σ` exists, so the solver cannot
//! choose whether it is forced; the verifiers never see the secret before the disclosure, so
//! they cannot tell a forced task from another.

use crate::{
	hash::{sha256, Sha256},
	merkle::{verify_proof, MerkleProof},
	roles::TaskId,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The solver's secret: 32 random bytes it keeps until the disclosure.
pub type SealSecret = [u8; 32];

/// One billion: forced-error odds are in parts per billion (a `Perbill`'s parts).
const BILLION: u64 = 1_000_000_000;

/// What a solver commits before the sample: `sha256(SCALE("assay/sealed", task, solver,
/// secret, true_root))`.
pub fn sealed_checkpoints<AccountId: Encode>(
	task: TaskId,
	solver: &AccountId,
	secret: &SealSecret,
	true_root: &Sha256,
) -> Sha256 {
	sha256(&(b"assay/sealed", task, solver, secret, true_root).encode())
}

/// The sampled segment whose end the solver must show wrong, or `None` if it is not forced:
/// forced with probability `odds_ppb` / 10⁹, from `sha256(SCALE("assay/forced", secret,
/// sampling_seed))`; the segment is any of the `sampled` ones (below `segments`), chosen by
/// the same hash, so that no sampled segment is safe to skip. (When the next segment is
/// sampled too, its start is the wrong checkpoint: the chain drops both from the sample at the
/// disclosure.)
pub fn forced_segment(
	secret: &SealSecret,
	sampling_seed: &[u8; 32],
	odds_ppb: u32,
	sampled: &[u32],
	segments: u32,
) -> Option<u32> {
	let draw = sha256(&(b"assay/forced", secret, sampling_seed).encode());
	let word = |at: usize| {
		let mut bytes = [0u8; 8];
		bytes.copy_from_slice(draw.get(at..at + 8).unwrap_or(&[0; 8]));
		u64::from_le_bytes(bytes)
	};
	if word(0) % BILLION >= u64::from(odds_ppb) {
		return None;
	}
	let eligible = |s: &&u32| **s < segments;
	let count = sampled.iter().filter(eligible).count() as u64;
	if count == 0 {
		return None;
	}
	let pick = usize::try_from(word(8) % count).ok()?;
	sampled.iter().filter(eligible).nth(pick).copied()
}

/// What a solver commits when it has trained: its checkpoints sealed (see
/// [`sealed_checkpoints`]), their number and the final model's hash. The root it shows later
/// completes a [`CheckpointCommitment`](crate::CheckpointCommitment).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SealedCommitment {
	/// [`sealed_checkpoints`] of the task, the solver, its secret and the true root.
	pub sealed: Sha256,
	/// The number of checkpoints, `n + 1` for `n` segments.
	pub checkpoints: u32,
	/// sha256 of the final model artifact.
	pub final_model: Sha256,
}

/// The leaf a forced solver shows at the end of the forced segment, and the true one, with
/// their Merkle path (the same in both trees: only this leaf differs).
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ForcedLeaf {
	/// The hash shown in its place (a perturbed checkpoint).
	pub shown: Sha256,
	/// The true checkpoint hash.
	pub truth: Sha256,
	/// The Merkle path of the leaf.
	pub proof: MerkleProof,
}

impl ForcedLeaf {
	/// Whether the shown and true trees, of `leaf_count` leaves, differ exactly at `index`:
	/// `shown` is that leaf of `shown_root`, `truth` of `true_root`, and the two differ.
	pub fn proves(
		&self,
		index: u32,
		leaf_count: u32,
		shown_root: &Sha256,
		true_root: &Sha256,
	) -> bool {
		self.shown != self.truth
			&& verify_proof(shown_root, &self.shown, index, leaf_count, &self.proof)
			&& verify_proof(true_root, &self.truth, index, leaf_count, &self.proof)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::merkle::{merkle_proof, merkle_root};
	use alloc::vec::Vec;

	#[test]
	fn forcing_follows_the_odds_and_may_pick_any_sampled_segment() {
		let seed = [9u8; 32];
		let sampled = [1u32, 2, 6];
		let mut forced = 0u32;
		for i in 0..2_000u32 {
			let mut secret = [0u8; 32];
			secret[..4].copy_from_slice(&i.to_le_bytes());
			assert_eq!(forced_segment(&secret, &seed, 0, &sampled, 8), None);
			assert!(matches!(
				forced_segment(&secret, &seed, 1_000_000_000, &sampled, 8),
				Some(1 | 2 | 6)
			));
			if forced_segment(&secret, &seed, 100_000_000, &sampled, 8).is_some() {
				forced += 1;
			}
		}
		// 10 % of 2 000, within a wide margin.
		assert!((150..250).contains(&forced), "{forced}");
		// Every sampled segment gets its turn, the last one included.
		let picked: alloc::collections::BTreeSet<u32> = (0..200u8)
			.filter_map(|i| forced_segment(&[i; 32], &seed, 1_000_000_000, &[1, 2, 7], 8))
			.collect();
		assert_eq!(picked.into_iter().collect::<Vec<_>>(), vec![1, 2, 7]);
	}

	#[test]
	fn a_forced_leaf_proves_that_the_trees_differ_there_only() {
		let leaves: Vec<Sha256> = (0..9u8).map(|i| [i; 32]).collect();
		let mut shown = leaves.clone();
		shown[3] = [99; 32];
		let (true_root, shown_root) = (merkle_root(&leaves), merkle_root(&shown));
		let proof = merkle_proof(&leaves, 3).unwrap();
		let leaf = ForcedLeaf { shown: [99; 32], truth: [3; 32], proof: proof.clone() };
		assert!(leaf.proves(3, 9, &shown_root, &true_root));
		assert!(!leaf.proves(4, 9, &shown_root, &true_root));
		// Another leaf changed too: no path proves it.
		let mut two = shown.clone();
		two[5] = [98; 32];
		assert!(!leaf.proves(3, 9, &merkle_root(&two), &true_root));
		let same = ForcedLeaf { shown: [3; 32], truth: [3; 32], proof };
		assert!(!same.proves(3, 9, &true_root, &true_root));
	}
}
