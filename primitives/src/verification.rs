//! What a verifier reports, how it commits to the report before revealing it, which segments
//! a task's verification samples, and how a reported initial state or replayed segment is
//! judged.
//!
//! Shared bit for bit by `pallet-proof-of-learning` (which checks reports) and the verifier
//! worker (which writes them): a worker that computed a different commitment or sampled
//! different segments than the chain would be slashed for it.

use crate::{
	disputes::{Claim, SegmentClaim},
	hash::{sha256, Sha256},
	merkle::{CheckpointCommitment, MerkleProof},
	roles::TaskId,
	spec::VerificationMode,
	Distance,
};
use alloc::vec::Vec;
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The most segments one verification samples (and so one verdict reports on).
pub type MaxSampledSegments = ConstU32<64>;

/// A verifier's replay of one sampled segment `i`: the checkpoints `h_i` and `h_{i+1}` it was
/// served, each with its Merkle proof against the solver's commitment, and what its own replay
/// of the segment from `h_i` produced.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SegmentReport {
	/// The segment `i` (0-based): steps `i·k … (i+1)·k − 1`.
	pub segment: u32,
	/// `h_i`, the checkpoint the replay started from.
	pub start_hash: Sha256,
	/// Proof of `h_i` at leaf `i`.
	pub start_proof: MerkleProof,
	/// `h_{i+1}`, the solver's checkpoint after the segment.
	pub end_hash: Sha256,
	/// Proof of `h_{i+1}` at leaf `i + 1`.
	pub end_proof: MerkleProof,
	/// The hash of the state the verifier's replay ended in.
	pub replayed_hash: Sha256,
	/// The distance between the replayed state and `h_{i+1}`'s checkpoint (zero in
	/// [`VerificationMode::Exact`], where only the hashes count).
	pub distance: Distance,
}

/// A verifier's check of where the training starts: leaf 0 of the commitment (`h_0`) with its
/// Merkle proof, and the hash of the task's initial state as the verifier derived it from the
/// spec (the parameters the seed or the TorchScript module gives, a fresh optimizer, step 0;
/// no training). A solver may not start from weights of its own choosing.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct InitialStateReport {
	/// `h_0`, the solver's first checkpoint.
	pub committed_hash: Sha256,
	/// Proof of `h_0` at leaf 0.
	pub proof: MerkleProof,
	/// The hash of the task's initial state.
	pub derived_hash: Sha256,
}

impl InitialStateReport {
	/// Whether the solver started from the task's initial state, once `h_0` is proven against
	/// `commitment`.
	pub fn judge(&self, commitment: &CheckpointCommitment) -> Result<bool, ReportError> {
		if !commitment.verify_checkpoint(0, &self.committed_hash, &self.proof) {
			return Err(ReportError::BadStartProof);
		}
		Ok(self.committed_hash == self.derived_hash)
	}

	/// What a verifier or whistleblower holds when the report does not pass.
	pub fn claim(&self) -> Claim {
		Claim::InitialState { committed: self.committed_hash, derived: self.derived_hash }
	}
}

/// The segment reports of a verdict, one per sampled segment in the order the chain sampled
/// them.
pub type SegmentReports = BoundedVec<SegmentReport, MaxSampledSegments>;

/// The most claims one verdict can hold against a solver: its initial state and every sampled
/// segment.
pub type MaxVerdictClaims = ConstU32<65>;

/// A verifier's verdict. A verifier that cannot fetch the checkpoints gives none: it
/// declares them unavailable in the commit phase (`proofOfLearning.declareUnavailable`),
/// before any verdict of the task is revealed. (Index 0 was such a declaration, committed
/// and revealed like a verdict; issue 13 moved it out, since a seat drawn in its place then
/// committed after the other verdicts were revealed and could copy one.)
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Verdict {
	/// The verifier checked the initial state and replayed every sampled segment.
	#[codec(index = 1)]
	Checked {
		/// Whether `h_0` is the task's initial state.
		initial_state: InitialStateReport,
		/// One report per sampled segment.
		segments: SegmentReports,
	},
}

impl Verdict {
	/// How many segment reports it carries (what revealing it costs to check).
	pub fn segment_count(&self) -> u32 {
		match self {
			Self::Checked { segments, .. } => segments.len() as u32,
		}
	}
}

/// One thing a verifier or whistleblower reports on, in the form a challenge carries it.
#[derive(Clone, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Report {
	/// Where the training starts.
	#[codec(index = 0)]
	InitialState(InitialStateReport),
	/// One replayed segment.
	#[codec(index = 1)]
	Segment(SegmentReport),
}

impl Report {
	/// [`InitialStateReport::judge`] or [`SegmentReport::judge`].
	pub fn judge(
		&self,
		commitment: &CheckpointCommitment,
		mode: &VerificationMode,
	) -> Result<bool, ReportError> {
		match self {
			Self::InitialState(report) => report.judge(commitment),
			Self::Segment(report) => report.judge(commitment, mode),
		}
	}

	/// The claim the report makes against the solver if it does not pass.
	pub fn claim(&self) -> Claim {
		match self {
			Self::InitialState(report) => report.claim(),
			Self::Segment(report) => report.claim(),
		}
	}
}

/// The random salt a verifier keeps secret until it reveals.
pub type Salt = [u8; 32];

/// What a verifier commits to before revealing: `sha256(SCALE("assay/verdict", task, verifier,
/// verdict, salt))`. Binding the task and the verifier's account means a commitment copied from
/// another verifier or another task can never be revealed.
pub fn verdict_commitment<AccountId: Encode>(
	task: TaskId,
	verifier: &AccountId,
	verdict: &Verdict,
	salt: &Salt,
) -> Sha256 {
	sha256(&(b"assay/verdict", task, verifier, verdict, salt).encode())
}

/// The `round`-th random number drawn from `seed`: the first eight bytes of
/// `sha256(seed ‖ round)` (round as little-endian `u32`), little-endian.
fn random_u64(seed: &[u8; 32], round: u32) -> u64 {
	let hash = sha256(&(seed, round).encode());
	let mut bytes = [0u8; 8];
	bytes.copy_from_slice(hash.get(..8).unwrap_or(&[0; 8]));
	u64::from_le_bytes(bytes)
}

/// `count` distinct segment indices out of `0 .. n_segments`, drawn from `seed` with Floyd's
/// algorithm (uniform over all subsets), sorted ascending. `None` if `count > n_segments`.
///
/// Work is `O(count²)` and independent of `n_segments`.
pub fn sample_segments(seed: &[u8; 32], n_segments: u32, count: u32) -> Option<Vec<u32>> {
	if count > n_segments {
		return None;
	}
	let mut chosen: Vec<u32> = Vec::with_capacity(count as usize);
	for (round, j) in (n_segments - count..n_segments).enumerate() {
		// `j < n_segments ≤ u32::MAX`, so `j + 1` fits a `u64`.
		let candidate = (random_u64(seed, round as u32) % (u64::from(j) + 1)) as u32;
		chosen.push(if chosen.contains(&candidate) { j } else { candidate });
	}
	chosen.sort_unstable();
	Some(chosen)
}

/// Why a [`SegmentReport`] cannot be judged against a commitment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ReportError {
	/// `h_i` is not leaf `i` of the commitment.
	#[codec(index = 0)]
	BadStartProof,
	/// `h_{i+1}` is not leaf `i + 1` of the commitment.
	#[codec(index = 1)]
	BadEndProof,
	/// The segment is not one of the commitment's (`i + 1` is past the last checkpoint).
	#[codec(index = 2)]
	SegmentOutOfRange,
}

impl SegmentReport {
	/// Whether the solver's segment stands, per `mode`, once both checkpoints are proven
	/// against `commitment`: in [`VerificationMode::Exact`] iff the replay reproduced `h_{i+1}`
	/// bit for bit, in [`VerificationMode::Tolerance`] iff the distance is at most the
	/// threshold.
	pub fn judge(
		&self,
		commitment: &CheckpointCommitment,
		mode: &VerificationMode,
	) -> Result<bool, ReportError> {
		let end = self.segment.checked_add(1).ok_or(ReportError::SegmentOutOfRange)?;
		if end >= commitment.checkpoints {
			return Err(ReportError::SegmentOutOfRange);
		}
		if !commitment.verify_checkpoint(self.segment, &self.start_hash, &self.start_proof) {
			return Err(ReportError::BadStartProof);
		}
		if !commitment.verify_checkpoint(end, &self.end_hash, &self.end_proof) {
			return Err(ReportError::BadEndProof);
		}
		Ok(match mode {
			VerificationMode::Exact => self.replayed_hash == self.end_hash,
			VerificationMode::Tolerance { threshold, .. } => self.distance <= *threshold,
		})
	}

	/// What a verifier or whistleblower holds when the report does not pass.
	pub fn claim(&self) -> Claim {
		Claim::Segment(SegmentClaim {
			segment: self.segment,
			start_hash: self.start_hash,
			defender_end: self.end_hash,
			challenger_end: self.replayed_hash,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{merkle::merkle_proof, spec::DistanceMetric};
	use alloc::vec;

	fn checkpoints(n: u8) -> Vec<Sha256> {
		(0..n).map(|i| sha256(&[i])).collect()
	}

	fn report(hashes: &[Sha256], segment: u32, replayed: Sha256) -> SegmentReport {
		let i = segment as usize;
		SegmentReport {
			segment,
			start_hash: hashes[i],
			start_proof: merkle_proof(hashes, segment).unwrap(),
			end_hash: hashes[i + 1],
			end_proof: merkle_proof(hashes, segment + 1).unwrap(),
			replayed_hash: replayed,
			distance: Distance::ZERO,
		}
	}

	#[test]
	fn sampling_is_distinct_sorted_deterministic_and_bounded() {
		for seed in 0u8..50 {
			let s = sample_segments(&[seed; 32], 100, 10).unwrap();
			assert_eq!(s.len(), 10);
			assert!(s.windows(2).all(|w| w[0] < w[1]), "{s:?}");
			assert!(s.iter().all(|i| *i < 100));
			assert_eq!(Some(s), sample_segments(&[seed; 32], 100, 10));
		}
		assert_eq!(sample_segments(&[0; 32], 5, 5), Some(vec![0, 1, 2, 3, 4]));
		assert_eq!(sample_segments(&[0; 32], 5, 0), Some(vec![]));
		assert_eq!(sample_segments(&[0; 32], 5, 6), None);
		assert_ne!(sample_segments(&[1; 32], 1_000, 3), sample_segments(&[2; 32], 1_000, 3));
	}

	#[test]
	fn sampling_covers_every_segment_about_equally() {
		let mut hits = [0u32; 10];
		for i in 0u32..2_000 {
			for s in sample_segments(&sha256(&i.to_le_bytes()), 10, 2).unwrap() {
				hits[s as usize] += 1;
			}
		}
		// Expected 400 each; 5 standard deviations is about 90.
		assert!(hits.iter().all(|h| (310..=490).contains(h)), "{hits:?}");
	}

	#[test]
	fn exact_reports_pass_only_on_the_committed_hash() {
		let hashes = checkpoints(11);
		let commitment = CheckpointCommitment::new(&hashes, [9; 32]).unwrap();
		let honest = report(&hashes, 3, hashes[4]);
		assert_eq!(honest.judge(&commitment, &VerificationMode::Exact), Ok(true));
		let caught = report(&hashes, 3, [0xff; 32]);
		assert_eq!(caught.judge(&commitment, &VerificationMode::Exact), Ok(false));
	}

	#[test]
	fn tolerance_reports_pass_up_to_the_threshold() {
		let hashes = checkpoints(5);
		let commitment = CheckpointCommitment::new(&hashes, [9; 32]).unwrap();
		let mode = VerificationMode::Tolerance {
			metric: DistanceMetric::L2,
			threshold: Distance::from_parts(1_000),
		};
		let mut r = report(&hashes, 0, [0xff; 32]);
		r.distance = Distance::from_parts(1_000);
		assert_eq!(r.judge(&commitment, &mode), Ok(true));
		r.distance = Distance::from_parts(1_001);
		assert_eq!(r.judge(&commitment, &mode), Ok(false));
	}

	#[test]
	fn wrong_proofs_and_segments_are_refused() {
		let hashes = checkpoints(5);
		let commitment = CheckpointCommitment::new(&hashes, [9; 32]).unwrap();
		let mut r = report(&hashes, 1, hashes[2]);
		r.start_hash = [1; 32];
		assert_eq!(r.judge(&commitment, &VerificationMode::Exact), Err(ReportError::BadStartProof));
		let mut r = report(&hashes, 1, hashes[2]);
		r.end_proof = merkle_proof(&hashes, 3).unwrap();
		assert_eq!(r.judge(&commitment, &VerificationMode::Exact), Err(ReportError::BadEndProof));
		let mut r = report(&hashes, 1, hashes[2]);
		r.segment = 4;
		assert_eq!(
			r.judge(&commitment, &VerificationMode::Exact),
			Err(ReportError::SegmentOutOfRange)
		);
		r.segment = u32::MAX;
		assert_eq!(
			r.judge(&commitment, &VerificationMode::Exact),
			Err(ReportError::SegmentOutOfRange)
		);
	}

	fn initial(hashes: &[Sha256], derived: Sha256) -> InitialStateReport {
		InitialStateReport {
			committed_hash: hashes[0],
			proof: merkle_proof(hashes, 0).unwrap(),
			derived_hash: derived,
		}
	}

	#[test]
	fn an_initial_state_passes_only_when_it_is_the_derived_one() {
		let hashes = checkpoints(5);
		let commitment = CheckpointCommitment::new(&hashes, [9; 32]).unwrap();
		let honest = initial(&hashes, hashes[0]);
		assert_eq!(honest.judge(&commitment), Ok(true));
		let chosen = initial(&hashes, [0xaa; 32]);
		assert_eq!(chosen.judge(&commitment), Ok(false));
		assert_eq!(
			chosen.claim(),
			Claim::InitialState { committed: hashes[0], derived: [0xaa; 32] }
		);
		let mut unproven = initial(&hashes, hashes[1]);
		unproven.committed_hash = hashes[1];
		assert_eq!(unproven.judge(&commitment), Err(ReportError::BadStartProof));
	}

	fn checked(hashes: &[Sha256], replayed: Sha256) -> Verdict {
		Verdict::Checked {
			initial_state: initial(hashes, hashes[0]),
			segments: SegmentReports::truncate_from(vec![report(hashes, 0, replayed)]),
		}
	}

	#[test]
	fn commitments_bind_task_verifier_verdict_and_salt() {
		let hashes = checkpoints(5);
		let verdict = checked(&hashes, hashes[1]);
		let base = verdict_commitment(7, &1u64, &verdict, &[3; 32]);
		assert_eq!(base, verdict_commitment(7, &1u64, &verdict, &[3; 32]));
		assert_ne!(base, verdict_commitment(8, &1u64, &verdict, &[3; 32]));
		assert_ne!(base, verdict_commitment(7, &2u64, &verdict, &[3; 32]));
		assert_ne!(base, verdict_commitment(7, &1u64, &verdict, &[4; 32]));
		let other = checked(&hashes, [0; 32]);
		assert_ne!(base, verdict_commitment(7, &1u64, &other, &[3; 32]));
	}
}
