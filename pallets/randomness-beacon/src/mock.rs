//! A runtime with the beacon alone, fed by a VRF schedule the test sets.

use crate::{self as pallet_randomness_beacon};
use codec::Encode;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::Randomness};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Hash, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Beacon: pallet_randomness_beacon,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	/// The VRF output of each block, by number (blocks not listed have none).
	pub static VRF_OUTPUTS: RefCell<Vec<(u64, [u8; 32])>> = const { RefCell::new(Vec::new()) };
}

/// The VRF output each block carries, as BABE's `ParentBlockRandomness` reports the parent's.
pub struct ScheduledVrf;
impl Randomness<Option<<Test as frame_system::Config>::Hash>, BlockNumberFor<Test>>
	for ScheduledVrf
{
	fn random(subject: &[u8]) -> (Option<<Test as frame_system::Config>::Hash>, u64) {
		let parent = System::block_number().saturating_sub(1);
		let output = VRF_OUTPUTS
			.with(|o| o.borrow().iter().find(|(block, _)| *block == parent).map(|(_, out)| *out));
		(output.map(|out| sp_runtime::traits::BlakeTwo256::hash(&(subject, out).encode())), parent)
	}
}

impl pallet_randomness_beacon::Config for Test {
	type ParentBlockVrf = ScheduledVrf;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ScheduledVrf;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for ScheduledVrf {
	fn give_parent_a_vrf_output() {
		let parent = System::block_number().saturating_sub(1);
		VRF_OUTPUTS.with(|o| o.borrow_mut().push((parent, [0xbe; 32])));
	}
}

/// Sets the VRF output of `block`.
pub fn set_vrf_output(block: u64, output: [u8; 32]) {
	VRF_OUTPUTS.with(|o| {
		let mut outputs = o.borrow_mut();
		outputs.retain(|(b, _)| *b != block);
		outputs.push((block, output));
	});
}

/// Runs the beacon's hook for each block up to `n`, checking its invariants after each.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		Beacon::on_initialize(System::block_number());
		Beacon::do_try_state().unwrap();
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::from(storage);
	ext.execute_with(|| {
		VRF_OUTPUTS.with(|o| o.borrow_mut().clear());
		System::set_block_number(1);
	});
	ext
}
