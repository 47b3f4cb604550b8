//! # Assay primitives
//!
//! The types and functions that the Assay runtime, the learning engine and the workers must
//! agree on bit for bit, in one `no_std` crate with no float and no panic on the runtime path:
//!
//! - the task description, [`TaskSpec`], and its [`validate`](TaskSpec::validate)ion against
//!   the runtime's [`SpecLimits`];
//! - the training cost estimate, [`estimated_flops`] / [`estimated_gflops`];
//! - the one sha256 ([`sha256`]) and the one checkpoint Merkle tree ([`merkle_root`],
//!   [`merkle_proof`], [`verify_proof`], [`CheckpointCommitment`]);
//! - fixed-point numbers, [`Fixed`] for hyperparameters and [`Distance`] for checkpoint
//!   distances;
//! - the staked roles, [`Role`], and the [`RoleStaking`] trait through which the task pool,
//!   proof of learning and dispute pallets use role bonds (implemented by
//!   `pallet-role-staking`);
//! - the live task's phases, [`TaskPhase`], and the [`TaskLifecycle`] trait through which proof
//!   of learning and dispute move a task and settle or fail it (implemented by
//!   `pallet-task-pool`);
//! - what a verifier reports ([`SegmentReport`], [`Verdict`]), its commit–reveal commitment
//!   ([`verdict_commitment`]), which segments a verification samples ([`sample_segments`]), and
//!   how a replayed segment is judged ([`SegmentReport::judge`]);
//! - how proof of learning and the dispute pallet hand over a contested segment
//!   ([`DisputeOpener`], [`VerificationDisputes`]).
//!
//! There is no second copy of any of these anywhere in Assay: a pallet and a worker that
//! disagreed on a Merkle root or a cost would slash honest people.
//!
//! ## Key Terms
//!
//! - **Step**: one optimizer update on one batch ([`Hyperparams`]).
//! - **Segment**: `checkpoint_interval` consecutive steps; a task of `total_steps` steps has
//!   `n = total_steps / checkpoint_interval` segments ([`Hyperparams::n_segments`]).
//! - **Checkpoint hash** `h_i`: the sha256 of the training state after segment `i` (`h_0` is
//!   the initial state), computed by the learning engine.
//! - **Commitment**: the Merkle root over `h_0 … h_n`, their number and the final model's hash
//!   ([`CheckpointCommitment`]).
//!
//! ## Usage
//!
//! ### Describe and check a task (submitter, runtime)
//!
//! ```
//! use assay_primitives::*;
//!
//! let spec = TaskSpec {
//!     model: ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 128, 10]) },
//!     dataset: DatasetRef {
//!         uri: Uri::truncate_from(b"https://example.org/digits.csv".to_vec()),
//!         sha256: [0; 32],
//!         format: DatasetFormat::Csv,
//!         train_samples: 1797,
//!     },
//!     hyper: Hyperparams {
//!         optimizer: Optimizer::Sgd,
//!         learning_rate: "0.01".parse().unwrap(),
//!         batch_size: 32,
//!         total_steps: 1000,
//!         seed: 42,
//!         checkpoint_interval: 100,
//!     },
//!     verification: VerificationPolicy {
//!         mode: VerificationMode::Exact,
//!         sampled_segments: 2,
//!         verifiers: 3,
//!     },
//!     hardware: HardwareClass { device: Device::Cpu, memory_gib: 1 },
//!     deadline_blocks: 600,
//! };
//! assert_eq!(spec.validate(&SpecLimits::UNBOUNDED), Ok(()));
//! assert_eq!(spec.hyper.n_segments(), 10);
//! // 3 × (2·64·128 + 128 + 2·128·10 + 10) × 32 × 1000
//! assert_eq!(spec.estimated_flops(), Some(1_831_872_000));
//! assert_eq!(spec.estimated_gflops(), Some(2));
//! ```
//!
//! ### Commit to checkpoints (solver) and check one (verifier, runtime)
//!
//! ```
//! use assay_primitives::*;
//!
//! // The solver hashes its checkpoints h_0 … h_n and commits.
//! let hashes: Vec<Sha256> = (0u8..11).map(|i| sha256(&[i])).collect();
//! let commitment = CheckpointCommitment::new(&hashes, sha256(b"final weights")).unwrap();
//!
//! // A verifier fetches checkpoint 4 and its proof, and checks it against the commitment.
//! let proof = merkle_proof(&hashes, 4).unwrap();
//! assert!(commitment.verify_checkpoint(4, &hashes[4], &proof));
//! assert!(!commitment.verify_checkpoint(5, &hashes[4], &proof));
//! ```
//!
//! ## Design
//!
//! - **Bounded everything.** Every collection is a [`BoundedVec`] from `bounded-collections`
//!   0.3.2, the version sp-core 43 (stable2609) re-exports, so these types are FRAME's own
//!   `BoundedVec`s and go straight into pallet storage and calls; decoding refuses an
//!   over-long vector.
//! - **Fixed point, not floats.** [`Fixed`] and [`Distance`] are billionths in a `u64` (see
//!   [`fixed`] for why not `sp_arithmetic::FixedU64`). Floats exist only behind `std`.
//! - **Checked arithmetic.** Costs are `u128` and `None` on overflow; Merkle functions use
//!   `.get()` and return `None`/`false` on bad input.
//! - **Stable encodings.** Enum variants carry explicit `#[codec(index)]`es.
//!
//! ## Features
//!
//! - `std` (default): `std` for the dependencies, `serde`, and the float conversions
//!   ([`Fixed::to_f64`], [`Distance::from_f64`]).
//! - `serde`: `Serialize`/`Deserialize` for every type, without `std`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::indexing_slicing, clippy::unwrap_used))]

extern crate alloc;

pub mod cost;
pub mod disputes;
pub mod fixed;
pub mod forced;
mod hash;
pub mod merkle;
pub mod roles;
pub mod spec;
pub mod tasks;
pub mod verification;

pub use bounded_collections::{BoundedVec, ConstU32};
pub use cost::{estimated_flops, estimated_gflops, forward_flops_per_sample};
pub use disputes::{
	challenge_commitment, vote_commitment, Challengeable, Claim, DisputeError, DisputeOpener,
	DisputeTerms, JuryVote, SegmentClaim, Subject, VerificationDisputes,
};
pub use fixed::{Distance, Fixed, ParseFixedError};
pub use forced::{forced_segment, sealed_checkpoints, ForcedLeaf, SealSecret, SealedCommitment};
pub use hash::{sha256, sha256_concat, Sha256};
pub use merkle::{
	merkle_proof, merkle_root, verify_proof, CheckpointCommitment, MaxProofDepth, MerkleProof,
};
pub use roles::{Role, RoleStaking, StakingError, TaskId};
pub use spec::{
	DatasetFormat, DatasetRef, Device, DistanceMetric, HardwareClass, Hyperparams, Layers,
	MaxLayers, MaxUriLen, ModelSpec, Optimizer, SpecError, SpecLimits, TaskSpec, Uri,
	VerificationMode, VerificationPolicy,
};
pub use tasks::{LifecycleError, TaskLifecycle, TaskPhase, TaskSummary};
pub use verification::{
	sample_segments, verdict_commitment, InitialStateReport, MaxSampledSegments, MaxVerdictClaims,
	Report, ReportError, Salt, SegmentReport, SegmentReports, Verdict,
};
