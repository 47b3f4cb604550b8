//! The binary sha256 Merkle tree over checkpoint hashes, and the solver's
//! [`CheckpointCommitment`].
//!
//! ## Construction
//!
//! For leaves (checkpoint hashes) `h_0 … h_{n}`:
//! - each leaf becomes `sha256(0x00 ‖ h_i)` ([`leaf_hash`]);
//! - each pair of neighbours at a level becomes `sha256(0x01 ‖ left ‖ right)` ([`node_hash`]);
//! - a level with an odd number of nodes **promotes its last node unchanged** to the next level
//!   (it is neither hashed with itself nor paired with a copy);
//! - the root is the single node left. One leaf: the root is that leaf's `leaf_hash`. No
//!   leaves: [`EMPTY_ROOT`].
//!
//! The two prefix bytes separate the domains: a leaf hash is the digest of 33 bytes starting
//! with `0x00`, an inner node of 65 bytes starting with `0x01`, so an inner node can never be
//! passed off as a leaf (or the other way round) without a sha256 collision. Promotion (rather
//! than Bitcoin's duplication of the odd node) means two different leaf lists never share a
//! root merely because one repeats its last leaf.
//!
//! ## Proofs
//!
//! A [`MerkleProof`] lists the sibling of the path's node at each level, bottom-up, skipping the
//! levels where that node is promoted. Its length is therefore fixed by `(index, leaf_count)`,
//! and [`verify_proof`] rejects a proof that is one sibling too short or too long. With at most
//! `u32::MAX` leaves the tree is at most 32 levels deep, hence [`MaxProofDepth`].
//!
//! The leaf count is not hashed into the root: it is committed beside it
//! ([`CheckpointCommitment::checkpoints`]), and a verifier must check proofs against that
//! committed count, never one taken from the prover. (Under a wrong count, a proof may still
//! verify when the path happens to have the same shape.)
//!
//! ```
//! use assay_primitives::{merkle_proof, merkle_root, sha256, verify_proof};
//! let checkpoints: Vec<_> = (0u8..5).map(|i| sha256(&[i])).collect();
//! let root = merkle_root(&checkpoints);
//! let proof = merkle_proof(&checkpoints, 3).unwrap();
//! assert!(verify_proof(&root, &checkpoints[3], 3, 5, &proof));
//! assert!(!verify_proof(&root, &checkpoints[3], 2, 5, &proof));
//! ```

use crate::hash::{sha256_concat, Sha256};
use alloc::vec::Vec;
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Prefix byte of a leaf hash.
pub const LEAF_PREFIX: u8 = 0x00;
/// Prefix byte of an inner node hash.
pub const NODE_PREFIX: u8 = 0x01;
/// The root of a tree with no leaves. No commitment has one: a task has at least one segment,
/// so at least two checkpoints.
pub const EMPTY_ROOT: Sha256 = [0; 32];

/// The most siblings a proof holds: the depth of a tree of `u32::MAX` leaves.
pub type MaxProofDepth = ConstU32<32>;
/// The siblings on the path from a leaf to the root, bottom-up (see the module docs).
pub type MerkleProof = BoundedVec<Sha256, MaxProofDepth>;

/// `sha256(0x00 ‖ leaf)`: the tree node of checkpoint hash `leaf`.
pub fn leaf_hash(leaf: &Sha256) -> Sha256 {
	sha256_concat(&[&[LEAF_PREFIX], leaf])
}

/// `sha256(0x01 ‖ left ‖ right)`: the parent of two nodes.
pub fn node_hash(left: &Sha256, right: &Sha256) -> Sha256 {
	sha256_concat(&[&[NODE_PREFIX], left, right])
}

/// The level above `level`: neighbours hashed pairwise, an odd last node promoted.
fn next_level(level: &[Sha256]) -> Vec<Sha256> {
	let mut next = Vec::with_capacity(level.len().div_ceil(2));
	let mut nodes = level.iter();
	while let Some(left) = nodes.next() {
		next.push(match nodes.next() {
			Some(right) => node_hash(left, right),
			None => *left,
		});
	}
	next
}

/// The Merkle root of `leaves` (checkpoint hashes `h_0 … h_n`, in order).
pub fn merkle_root(leaves: &[Sha256]) -> Sha256 {
	let mut level: Vec<Sha256> = leaves.iter().map(leaf_hash).collect();
	while level.len() > 1 {
		level = next_level(&level);
	}
	level.first().copied().unwrap_or(EMPTY_ROOT)
}

/// The proof that `leaves[index]` is under [`merkle_root(leaves)`](merkle_root).
///
/// `None` if `index` is out of range (or the tree is deeper than [`MaxProofDepth`], which
/// needs more than `u32::MAX` leaves).
pub fn merkle_proof(leaves: &[Sha256], index: u32) -> Option<MerkleProof> {
	let mut index = usize::try_from(index).ok()?;
	if index >= leaves.len() {
		return None;
	}
	let mut level: Vec<Sha256> = leaves.iter().map(leaf_hash).collect();
	let mut siblings = Vec::new();
	while level.len() > 1 {
		// The last node of an odd level has no sibling: it is promoted, nothing to prove.
		if let Some(sibling) = level.get(index ^ 1) {
			siblings.push(*sibling);
		}
		level = next_level(&level);
		index /= 2;
	}
	MerkleProof::try_from(siblings).ok()
}

/// Whether `proof` shows that checkpoint hash `leaf` is leaf number `index` of a tree of
/// `leaf_count` leaves with root `root`.
///
/// False when `index >= leaf_count`, when the proof has more or fewer siblings than that
/// position needs, or when the recomputed root differs.
pub fn verify_proof(
	root: &Sha256,
	leaf: &Sha256,
	index: u32,
	leaf_count: u32,
	proof: &MerkleProof,
) -> bool {
	if index >= leaf_count {
		return false;
	}
	let mut node = leaf_hash(leaf);
	let mut index = index;
	let mut width = leaf_count;
	let mut siblings = proof.iter();
	while width > 1 {
		let is_left = index.is_multiple_of(2);
		let promoted = is_left && index == width - 1;
		if !promoted {
			let Some(sibling) = siblings.next() else {
				return false;
			};
			node = if is_left { node_hash(&node, sibling) } else { node_hash(sibling, &node) };
		}
		index /= 2;
		width = width.div_ceil(2);
	}
	siblings.next().is_none() && node == *root
}

/// What a solver commits to after training: the Merkle root over its checkpoint hashes
/// `h_0 … h_n` (`h_0` the initial state, `h_i` the state after segment `i`), their number and
/// the hash of the final model it hands to the submitter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CheckpointCommitment {
	/// [`merkle_root`] of `h_0 … h_n`.
	pub root: Sha256,
	/// The number of leaves, `n + 1` for `n` segments.
	pub checkpoints: u32,
	/// sha256 of the final model artifact.
	pub final_model: Sha256,
}

impl CheckpointCommitment {
	/// The commitment to `checkpoint_hashes` (`h_0 … h_n`) and `final_model`; `None` if there
	/// are no checkpoints or more than `u32::MAX`.
	pub fn new(checkpoint_hashes: &[Sha256], final_model: Sha256) -> Option<Self> {
		let checkpoints = u32::try_from(checkpoint_hashes.len()).ok().filter(|n| *n > 0)?;
		Some(Self { root: merkle_root(checkpoint_hashes), checkpoints, final_model })
	}

	/// The number of segments `n` (one less than the number of checkpoints).
	pub fn segments(&self) -> u32 {
		self.checkpoints.saturating_sub(1)
	}

	/// Whether `checkpoint` is `h_index` under this commitment.
	pub fn verify_checkpoint(&self, index: u32, checkpoint: &Sha256, proof: &MerkleProof) -> bool {
		verify_proof(&self.root, checkpoint, index, self.checkpoints, proof)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::hash::sha256;
	use alloc::vec;
	use proptest::prelude::*;
	use sha2::{Digest, Sha256 as Sha};

	/// sha256 straight from the `sha2` crate, not through this crate's helpers.
	fn h(parts: &[&[u8]]) -> Sha256 {
		let mut hasher = Sha::new();
		for part in parts {
			hasher.update(part);
		}
		hasher.finalize().into()
	}

	fn leaf(x: &Sha256) -> Sha256 {
		h(&[&[0x00], x])
	}

	fn node(l: &Sha256, r: &Sha256) -> Sha256 {
		h(&[&[0x01], l, r])
	}

	fn hex(s: &str) -> Sha256 {
		let mut out = [0u8; 32];
		for (i, byte) in out.iter_mut().enumerate() {
			*byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
		}
		out
	}

	/// `h_i = sha256([i])`.
	fn checkpoints(n: u8) -> Vec<Sha256> {
		(0..n).map(|i| h(&[&[i]])).collect()
	}

	#[test]
	fn root_vectors_by_hand() {
		let c = checkpoints(5);
		let l: Vec<Sha256> = c.iter().map(leaf).collect();
		assert_eq!(merkle_root(&c[..1]), l[0]);
		assert_eq!(merkle_root(&c[..2]), node(&l[0], &l[1]));
		// Three leaves: the third is promoted, then paired.
		assert_eq!(merkle_root(&c[..3]), node(&node(&l[0], &l[1]), &l[2]));
		assert_eq!(merkle_root(&c[..4]), node(&node(&l[0], &l[1]), &node(&l[2], &l[3])));
		// Five leaves: the fifth is promoted twice.
		assert_eq!(
			merkle_root(&c[..5]),
			node(&node(&node(&l[0], &l[1]), &node(&l[2], &l[3])), &l[4])
		);
		assert_eq!(merkle_root(&[]), EMPTY_ROOT);
	}

	/// The same roots, computed independently with Python's `hashlib`: a fixed reference for
	/// other implementations (polkadot.js tests, tools).
	#[test]
	fn root_vectors_pinned() {
		let c = checkpoints(5);
		let expected = [
			"d9de27625445003d8a9739a851e3ff8d41c0683630b4d63a88327a6aaa37c409",
			"604d540f09268b91672ab011394d5266ccd7d4484d0d109411a55848126a1b2c",
			"d1f13800048f5909d4043fc0c152f6643280cba608b672715e56ce159a20629f",
			"0dcc2b645c00dfa2338e1c7ac2c4b570beda5a476d58836e55e28bde55e6bee1",
			"6b313b611b40676b9e1dfd70c4503f2379f88f0f1c2740fb7e1cacc32c113465",
		];
		for (n, root) in expected.iter().enumerate() {
			assert_eq!(merkle_root(&c[..=n]), hex(root), "{} leaves", n + 1);
		}
	}

	#[test]
	fn proof_shapes() {
		let c = checkpoints(5);
		let l: Vec<Sha256> = c.iter().map(leaf).collect();
		// Leaf 4 of 5 is promoted twice, then meets the root's left child.
		let proof = merkle_proof(&c, 4).unwrap();
		assert_eq!(proof.into_inner(), vec![node(&node(&l[0], &l[1]), &node(&l[2], &l[3]))]);
		// Leaf 1 of 5: its left neighbour, the (2,3) pair, then the promoted leaf 4.
		let proof = merkle_proof(&c, 1).unwrap();
		assert_eq!(proof.into_inner(), vec![l[0], node(&l[2], &l[3]), l[4]]);
		// A single leaf needs no proof.
		let proof = merkle_proof(&c[..1], 0).unwrap();
		assert!(proof.is_empty());
		assert!(verify_proof(&l[0], &c[0], 0, 1, &proof));
		assert_eq!(merkle_proof(&c, 5), None);
		assert_eq!(merkle_proof(&[], 0), None);
	}

	#[test]
	fn edge_cases_reject() {
		let empty = MerkleProof::default();
		assert!(!verify_proof(&EMPTY_ROOT, &[0; 32], 0, 0, &empty));
		assert!(!verify_proof(&EMPTY_ROOT, &[0; 32], u32::MAX, u32::MAX, &empty));
		// A huge claimed leaf count needs 32 siblings; an empty proof runs out.
		assert!(!verify_proof(&EMPTY_ROOT, &[0; 32], 0, u32::MAX, &empty));
		let full = MerkleProof::truncate_from(vec![[7; 32]; 32]);
		assert!(!verify_proof(&EMPTY_ROOT, &[0; 32], u32::MAX - 1, u32::MAX, &full));
	}

	#[test]
	fn inner_node_is_not_a_leaf() {
		// Present the (0,1) inner node's children as a "checkpoint": the leaf prefix changes
		// its hash, so the two-leaf tree's root cannot be reached from the level below.
		let c = checkpoints(4);
		let l: Vec<Sha256> = c.iter().map(leaf).collect();
		let root = merkle_root(&c);
		let n01 = node(&l[0], &l[1]);
		let n23 = node(&l[2], &l[3]);
		let proof = MerkleProof::truncate_from(vec![n23]);
		// As if n01 were the first leaf of a two-leaf tree {n01, n23}.
		assert!(!verify_proof(&root, &n01, 0, 2, &proof));
		assert_ne!(merkle_root(&[n01, n23]), root);
	}

	#[test]
	fn commitment() {
		let c = checkpoints(5);
		let final_model = sha256(b"model");
		let commitment = CheckpointCommitment::new(&c, final_model).unwrap();
		assert_eq!(commitment.checkpoints, 5);
		assert_eq!(commitment.segments(), 4);
		assert_eq!(commitment.root, merkle_root(&c));
		for i in 0..5u32 {
			let proof = merkle_proof(&c, i).unwrap();
			assert!(commitment.verify_checkpoint(i, &c[i as usize], &proof));
		}
		assert!(!commitment.verify_checkpoint(0, &c[1], &merkle_proof(&c, 0).unwrap()));
		assert_eq!(CheckpointCommitment::new(&[], final_model), None);
	}

	fn leaves_and_index() -> impl Strategy<Value = (Vec<Sha256>, u32)> {
		prop::collection::vec(any::<[u8; 32]>(), 1..200).prop_flat_map(|leaves| {
			let n = leaves.len() as u32;
			(Just(leaves), 0..n)
		})
	}

	#[test]
	fn every_proof_verifies_for_every_small_tree() {
		// Every tree shape up to 64 leaves, every position.
		let all = checkpoints(64);
		for n in 1..=64usize {
			let leaves = &all[..n];
			let root = merkle_root(leaves);
			for (i, leaf) in leaves.iter().enumerate() {
				let proof = merkle_proof(leaves, i as u32).unwrap();
				assert!(verify_proof(&root, leaf, i as u32, n as u32, &proof), "{i} of {n}");
			}
		}
	}

	proptest! {
		// Each case builds one proof per leaf: quadratic, so fewer cases than the default.
		#![proptest_config(ProptestConfig::with_cases(64))]

		#[test]
		fn every_proof_verifies(leaves in prop::collection::vec(any::<[u8; 32]>(), 1..200)) {
			let root = merkle_root(&leaves);
			let n = leaves.len() as u32;
			for (i, leaf) in leaves.iter().enumerate() {
				let proof = merkle_proof(&leaves, i as u32).unwrap();
				prop_assert!(verify_proof(&root, leaf, i as u32, n, &proof));
			}
		}
	}

	proptest! {
		#[test]
		fn changed_leaf_fails((leaves, i) in leaves_and_index(), byte in 0usize..32, bit in 0u8..8) {
			let root = merkle_root(&leaves);
			let proof = merkle_proof(&leaves, i).unwrap();
			let mut leaf = leaves[i as usize];
			leaf[byte] ^= 1 << bit;
			prop_assert!(!verify_proof(&root, &leaf, i, leaves.len() as u32, &proof));
		}

		#[test]
		fn changed_index_fails((leaves, i) in leaves_and_index(), other in any::<u32>()) {
			let n = leaves.len() as u32;
			let root = merkle_root(&leaves);
			let proof = merkle_proof(&leaves, i).unwrap();
			let leaf = leaves[i as usize];
			// Another index inside the tree, unless the same checkpoint hash sits there too.
			let j = other % n;
			if j != i && leaves[j as usize] != leaf {
				prop_assert!(!verify_proof(&root, &leaf, j, n, &proof));
			}
			// Any index outside the tree.
			prop_assert!(!verify_proof(&root, &leaf, n.saturating_add(other % 1000), n, &proof));
		}

		#[test]
		fn changed_root_fails((leaves, i) in leaves_and_index(), byte in 0usize..32, bit in 0u8..8) {
			let mut root = merkle_root(&leaves);
			root[byte] ^= 1 << bit;
			let proof = merkle_proof(&leaves, i).unwrap();
			prop_assert!(!verify_proof(&root, &leaves[i as usize], i, leaves.len() as u32, &proof));
		}

		#[test]
		fn changed_proof_fails(
			(leaves, i) in leaves_and_index(),
			pick in any::<prop::sample::Index>(),
			byte in 0usize..32,
			bit in 0u8..8,
		) {
			let n = leaves.len() as u32;
			let root = merkle_root(&leaves);
			let proof = merkle_proof(&leaves, i).unwrap();
			let leaf = leaves[i as usize];
			if !proof.is_empty() {
				// Truncated by one sibling.
				let mut short = proof.clone().into_inner();
				short.pop();
				prop_assert!(!verify_proof(&root, &leaf, i, n, &MerkleProof::truncate_from(short)));
				// One sibling flipped.
				let mut flipped = proof.clone().into_inner();
				let at = pick.index(flipped.len());
				flipped[at][byte] ^= 1 << bit;
				prop_assert!(!verify_proof(&root, &leaf, i, n, &MerkleProof::truncate_from(flipped)));
			}
			// One sibling too many.
			let mut long = proof.into_inner();
			long.push([0; 32]);
			prop_assert!(!verify_proof(&root, &leaf, i, n, &MerkleProof::truncate_from(long)));
		}
	}
}
