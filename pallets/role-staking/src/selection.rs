//! The weighted draw without replacement behind [`RoleStaking::select`].
//!
//! Pure functions over a candidate list, no storage: [`draw`] takes `(candidate, weight)` pairs
//! and a 32-byte seed and returns `count` distinct candidates, each round picking one with
//! probability proportional to its weight among those not yet picked. [`draw_up_to`] is the
//! same draw with a filter asked about each pick: a refused pick is set aside and the draw goes
//! on, so a filter that reads storage is paid per pick instead of per candidate.
//!
//! The random stream is `blake2_256(seed ‖ round)` (`round` a little-endian `u32`), of which the
//! first 16 bytes are read as a little-endian `u128`; the pick in a round is the candidate whose
//! cumulative-weight interval contains that number modulo the remaining total weight (a refused
//! pick uses up its round). All
//! arithmetic is `u128`, saturating; the modulo bias is at most `total / 2^128`, nothing at any
//! real stake.
//!
//! [`RoleStaking::select`]: assay_primitives::RoleStaking::select

use alloc::vec::Vec;
use codec::{Decode, Encode};

/// The `round`-th random number of the stream for `seed`.
pub fn random_u128(seed: &[u8; 32], round: u32) -> u128 {
	let hash = sp_io::hashing::blake2_256(&(seed, round).encode());
	// A 32-byte hash always holds the 16 bytes of a `u128`.
	u128::decode(&mut &hash[..]).unwrap_or_default()
}

/// Draws `count` distinct candidates from `candidates`, weighted by their `u128` weight, in the
/// order drawn. Candidates of weight zero are never drawn. `None` if fewer than `count`
/// candidates have a positive weight.
///
/// Work is `O(count × candidates.len())`.
pub fn draw<A>(candidates: Vec<(A, u128)>, count: u32, seed: &[u8; 32]) -> Option<Vec<A>> {
	let positive = candidates.iter().filter(|(_, w)| *w > 0).count();
	if positive < usize::try_from(count).ok()? {
		return None;
	}
	Some(draw_up_to(candidates, count, seed, |_| true))
}

/// Draws up to `count` distinct candidates that `accept`, weighted as in [`draw`]: each round
/// picks one of the candidates not yet picked; a pick `accept` refuses is set aside and does
/// not count. Stops after `count` accepted picks or when no candidate of positive weight is
/// left, so it returns fewer than `count` only when fewer are acceptable.
///
/// `accept` is asked only about picked candidates, so a check that reads storage costs one
/// read per pick rather than one per candidate. Work is
/// `O((count + refused) × candidates.len())`.
pub fn draw_up_to<A>(
	candidates: Vec<(A, u128)>,
	count: u32,
	seed: &[u8; 32],
	mut accept: impl FnMut(&A) -> bool,
) -> Vec<A> {
	let mut remaining: Vec<(A, u128)> = candidates.into_iter().filter(|(_, w)| *w > 0).collect();
	let count = usize::try_from(count).unwrap_or(usize::MAX);
	let mut drawn = Vec::with_capacity(count.min(remaining.len()));
	let mut round = 0u32;
	while drawn.len() < count && !remaining.is_empty() {
		let total = remaining.iter().fold(0u128, |acc, (_, w)| acc.saturating_add(*w));
		let target = random_u128(seed, round) % total.max(1);
		round = round.saturating_add(1);
		let mut cumulative = 0u128;
		let mut pick = remaining.len().saturating_sub(1);
		for (i, (_, weight)) in remaining.iter().enumerate() {
			cumulative = cumulative.saturating_add(*weight);
			if target < cumulative {
				pick = i;
				break;
			}
		}
		if pick >= remaining.len() {
			break;
		}
		// `pick < remaining.len()`, checked above: `remove` does not panic.
		let (candidate, _) = remaining.remove(pick);
		if accept(&candidate) {
			drawn.push(candidate);
		}
	}
	drawn
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn random_stream_is_deterministic_and_varies() {
		let seed = [7u8; 32];
		assert_eq!(random_u128(&seed, 0), random_u128(&seed, 0));
		assert_ne!(random_u128(&seed, 0), random_u128(&seed, 1));
		assert_ne!(random_u128(&seed, 0), random_u128(&[8u8; 32], 0));
	}

	#[test]
	fn draws_distinct_candidates_and_skips_zero_weight() {
		let candidates = vec![(1u8, 5u128), (2, 0), (3, 5), (4, 5)];
		for s in 0u8..50 {
			let mut got = draw(candidates.clone(), 3, &[s; 32]).unwrap();
			got.sort();
			assert_eq!(got, vec![1, 3, 4]);
		}
		assert_eq!(draw(candidates.clone(), 4, &[0; 32]), None);
		assert_eq!(draw(candidates, 0, &[0; 32]), Some(vec![]));
		assert_eq!(draw(Vec::<(u8, u128)>::new(), 1, &[0; 32]), None);
	}

	#[test]
	fn draw_up_to_sets_refused_picks_aside_and_takes_what_is_left() {
		let candidates = vec![(1u8, 5u128), (2, 5), (3, 0), (4, 5), (5, 5)];
		for s in 0u8..50 {
			let mut asked = Vec::new();
			let mut got = draw_up_to(candidates.clone(), 2, &[s; 32], |c| {
				asked.push(*c);
				c % 2 == 1
			});
			got.sort();
			assert_eq!(got, vec![1, 5]);
			// Only picks are asked about, each once, and never the zero-weight candidate.
			assert!(asked.len() <= 4 && !asked.contains(&3), "{asked:?}");
			let mut unique = asked.clone();
			unique.dedup();
			assert_eq!(unique.len(), asked.len());
		}
		let got = draw_up_to(candidates.clone(), 10, &[1; 32], |_| true);
		assert_eq!(got.len(), 4);
		assert!(draw_up_to(candidates.clone(), 3, &[1; 32], |_| false).is_empty());
	}

	#[test]
	fn extreme_weights_do_not_panic() {
		let candidates = vec![(1u8, u128::MAX), (2, u128::MAX), (3, 1)];
		for s in 0u8..20 {
			let got = draw(candidates.clone(), 3, &[s; 32]).unwrap();
			assert_eq!(got.len(), 3);
		}
	}

	#[test]
	fn weights_are_respected() {
		let candidates = vec![(1u8, 300u128), (2, 100)];
		let ones = (0u32..4000)
			.filter(|i| {
				let seed = sp_io::hashing::blake2_256(&i.encode());
				draw(candidates.clone(), 1, &seed) == Some(vec![1])
			})
			.count();
		// Expected 3000; 5 standard deviations is about 137.
		assert!((2860..=3140).contains(&ones), "{ones}");
	}
}
