//! On-chain randomness for the Assay pallets: the randomness beacon, fed with BABE's per-block
//! VRF outputs (every block of this chain carries one: primary and secondary-VRF slots).

use crate::{BlockNumber, Runtime};
use frame_support::parameter_types;

#[cfg(feature = "fast-runtime")]
const RANDOMNESS_DELAY: BlockNumber = 2;
/// A validator with a third of the slots holds 16 blocks in a row about once in eight years of
/// 3-second blocks (`14 400 × 365 × (1/3)^16 ≈ 0.12` a year): see `docs/protocol.md` § Security.
#[cfg(not(feature = "fast-runtime"))]
const RANDOMNESS_DELAY: BlockNumber = 16;

parameter_types! {
	/// Blocks between whatever fixes a draw's inputs (a task opening, a solver's commitment, a
	/// challenge, the reveal that ends a round) and the draw: its randomness folds in the VRF
	/// output of every one of them, so only a party that authors all of them knows the draw in
	/// advance. The dev chain's single validator authors everything anyway: 2 there.
	pub const RandomnessDelay: BlockNumber = RANDOMNESS_DELAY;
}

impl pallet_randomness_beacon::Config for Runtime {
	type ParentBlockVrf = pallet_babe::ParentBlockRandomness<Runtime>;
	type WeightInfo = pallet_randomness_beacon::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkVrf;
}

/// Gives the benchmarked block's parent a VRF output, as a primary or secondary-VRF block has.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkVrf;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_randomness_beacon::BenchmarkHelper for BenchmarkVrf {
	fn give_parent_a_vrf_output() {
		pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([0xbe; 32]));
	}
}
