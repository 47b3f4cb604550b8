
//! Weights for `pallet_proof_of_learning`: PROVISIONAL, to be replaced by
//! `scripts/benchmark-pallets.sh pallet_proof_of_learning` once the pallet is in the runtime.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_proof_of_learning`.
pub trait WeightInfo {
	fn commit_checkpoints() -> Weight;
	fn commit_verdict() -> Weight;
	fn reveal_verdict(s: u32, ) -> Weight;
	fn on_initialize_base() -> Weight;
	fn handle_deadline() -> Weight;
}

// For tests.
impl WeightInfo for () {
	fn commit_checkpoints() -> Weight { Weight::zero() }
	fn commit_verdict() -> Weight { Weight::zero() }
	fn reveal_verdict(_s: u32, ) -> Weight { Weight::zero() }
	fn on_initialize_base() -> Weight { Weight::zero() }
	fn handle_deadline() -> Weight { Weight::zero() }
}
