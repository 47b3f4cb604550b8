
//! Weights for `pallet_randomness_beacon`, measured by `assay-node benchmark pallet`.
//!
//! Benchmark CLI 64.0.0, 2026-12-07; steps `50`, repeat `20`;
//! machine `vm` (`AMD EPYC`); wasm execution `Compiled`; chain `Some("dev")`.
//! Re-generate with `scripts/benchmark-pallets.sh pallet_randomness_beacon` after changing the pallet's calls.

// Command:
// /var/tmp/assay-target/debug/assay-node
// benchmark
// pallet
// --runtime-log=warn
// --chain
// dev
// --pallet
// pallet_randomness_beacon
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --output
// /work/main/pallets/randomness-beacon/src/weights.rs
// --template
// /work/main/scripts/frame-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_randomness_beacon`.
pub trait WeightInfo {
	fn on_initialize() -> Weight;
}

/// Weights for the runtime, with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:1)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	fn on_initialize() -> Weight {
		// Proof size: measured `197`, estimated `1521`.
		// Minimum execution time: 220_381_000 picoseconds.
		Weight::from_parts(289_159_000, 0)
			.saturating_add(Weight::from_parts(0, 1521))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same figures with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessBeacon::Accumulator` (r:1 w:1)
	/// Proof: `RandomnessBeacon::Accumulator` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	fn on_initialize() -> Weight {
		// Proof size: measured `197`, estimated `1521`.
		// Minimum execution time: 220_381_000 picoseconds.
		Weight::from_parts(289_159_000, 0)
			.saturating_add(Weight::from_parts(0, 1521))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
}
