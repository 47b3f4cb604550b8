
//! Weights for `pallet_dispute`: PROVISIONAL, to be replaced by
//! `scripts/benchmark-pallets.sh pallet_dispute` once the pallet is in the runtime.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_dispute`.
pub trait WeightInfo {
	fn challenge() -> Weight;
	fn respond() -> Weight;
	fn commit_vote() -> Weight;
	fn reveal_vote() -> Weight;
	fn on_initialize_base() -> Weight;
	fn handle_deadline() -> Weight;
}

// For tests.
impl WeightInfo for () {
	fn challenge() -> Weight { Weight::zero() }
	fn respond() -> Weight { Weight::zero() }
	fn commit_vote() -> Weight { Weight::zero() }
	fn reveal_vote() -> Weight { Weight::zero() }
	fn on_initialize_base() -> Weight { Weight::zero() }
	fn handle_deadline() -> Weight { Weight::zero() }
}
