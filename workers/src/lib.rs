//! # Assay workers
//!
//! The off-chain half of Assay: two programs that watch the chain and do the work it assigns.
//!
//! - **`assay-solver`** ([`solver`]): bonds as a solver, accepts the tasks drawn for it that
//!   its hardware can run, fetches and checks the dataset, trains with the learning engine
//!   (progress bar: steps, loss, samples/s), keeps every checkpoint in its [`store`] under its
//!   hash and serves them over HTTP ([`artifacts`]), commits the Merkle root before the
//!   deadline, and keeps serving them while a jury judges a dispute over its work.
//! - **`assay-verifier`** ([`verifier`]): `--role verifier` replays the segments it is
//!   sampled for, checks both checkpoints against the solver's Merkle root, commits then
//!   reveals its verdict, and judges disputes when drawn as a juror (replaying the disputed
//!   segment from the committed checkpoints, as a verifier does). `--role whistleblower` re-checks
//!   verified tasks during their challenge window and challenges a segment the verifiers
//!   passed wrongly.
//!
//! Both are reconcilers over finalized chain state ([`worker`]): after a crash, a restart or
//! a node restart they read the state again and pick up their tasks from it and from their
//! store. `docs/operators.md` is the operator's guide.

#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod artifacts;
pub mod engine;
pub mod solver;
pub mod store;
pub mod verifier;
pub mod worker;
