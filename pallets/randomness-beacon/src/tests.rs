//! The beacon folds every block's VRF output in, so a value read at block `m` depends on the
//! output of every block before it, and only on those.

use crate::{mock::*, Accumulator};
use frame_support::traits::Randomness;

/// The value `subject` reads at block `at`, with block `b`'s VRF output `output(b)` for
/// `b` in `1 .. at`.
fn read_at(at: u64, subject: &[u8], output: impl Fn(u64) -> [u8; 32]) -> sp_core::H256 {
	let mut read = Default::default();
	new_test_ext().execute_with(|| {
		for block in 1..at {
			set_vrf_output(block, output(block));
		}
		run_to_block(at);
		read = Beacon::random(subject).0;
	});
	read
}

fn honest(block: u64) -> [u8; 32] {
	sp_io::hashing::blake2_256(&block.to_le_bytes())
}

#[test]
fn a_read_depends_on_every_earlier_block_and_on_no_later_one() {
	let base = read_at(10, b"draw", honest);
	assert_eq!(base, read_at(10, b"draw", honest), "deterministic");
	assert_ne!(base, read_at(10, b"other draw", honest), "subjects differ");
	// Changing any one block's output before the read changes it: an author that knows its
	// own outputs, but not one other block's, does not know the value.
	for changed in 1..10 {
		let other = read_at(10, b"draw", |b| if b == changed { [0xaa; 32] } else { honest(b) });
		assert_ne!(base, other, "block {changed}'s output is not in the value read at block 10");
	}
	// The output of the block that reads, and later ones, are not.
	let later = read_at(10, b"draw", |b| if b >= 10 { [0xaa; 32] } else { honest(b) });
	assert_eq!(base, later);
}

#[test]
fn a_block_without_a_parent_output_folds_nothing() {
	new_test_ext().execute_with(|| {
		set_vrf_output(1, [1; 32]);
		run_to_block(2);
		let folded = Accumulator::<Test>::get();
		assert_eq!(folded.1, 2);
		// Block 2 has no output: block 3 folds nothing, and reads the same.
		let read = Beacon::random(b"draw").0;
		run_to_block(3);
		assert_eq!(Accumulator::<Test>::get(), folded);
		assert_eq!(Beacon::random(b"draw").0, read);
		assert_eq!(Beacon::random(b"draw").1, 2, "known since the parent block");
	});
}
