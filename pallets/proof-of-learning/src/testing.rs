//! An honest solver for test runtimes (feature `test-helpers`): it seals its checkpoints when
//! it commits, shows the root the protocol asks for (wrong at the forced segment's end when
//! forced) and discloses its seal when due. Mocks call [`act`] after every block's hooks, so
//! that tests written before the seal existed still run the whole protocol.

#![allow(clippy::indexing_slicing, clippy::expect_used)]

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use assay_primitives::{merkle_proof, merkle_root, sha256};
use core::cell::RefCell;

std::thread_local! {
	/// Per task: the secret and true checkpoint hashes of the solver that sealed them.
	static SEALED: RefCell<BTreeMap<TaskId, (SealSecret, Vec<Sha256>)>> =
		const { RefCell::new(BTreeMap::new()) };
	/// Tasks whose solver stays silent (never shows nor discloses).
	static SILENT: RefCell<Vec<TaskId>> = const { RefCell::new(Vec::new()) };
}

/// The wrong checkpoint hash a forced solver shows in place of `truth`.
pub fn forced_hash(truth: &Sha256) -> Sha256 {
	sha256(&(b"assay/test/forced", truth).encode())
}

/// The secret the test solver seals `task` with.
pub fn secret(task: TaskId) -> SealSecret {
	sha256(&(b"assay/test/secret", task).encode())
}

/// Seals `leaves` for `task` as `solver` and remembers them ([`remember`]); returns what it
/// commits.
pub fn seal<AccountId: Encode>(
	task: TaskId,
	solver: &AccountId,
	leaves: &[Sha256],
	final_model: Sha256,
) -> SealedCommitment {
	remember(task, leaves);
	sealed(task, solver, leaves, final_model)
}

/// What `solver` commits for `leaves` of `task`, sealed with the test secret.
pub fn sealed<AccountId: Encode>(
	task: TaskId,
	solver: &AccountId,
	leaves: &[Sha256],
	final_model: Sha256,
) -> SealedCommitment {
	SealedCommitment {
		sealed: sealed_checkpoints(task, solver, &secret(task), &merkle_root(leaves)),
		checkpoints: leaves.len() as u32,
		final_model,
	}
}

/// Makes the test solver of `task` show and disclose `leaves`.
pub fn remember(task: TaskId, leaves: &[Sha256]) {
	SEALED.with(|s| s.borrow_mut().insert(task, (secret(task), leaves.to_vec())));
}

/// Keeps `task`'s solver from showing or disclosing.
pub fn silence(task: TaskId) {
	SILENT.with(|s| s.borrow_mut().push(task));
}

/// The segment forced in `record` (sampled), for the test solver's secret.
pub fn forced<T: Config>(task: TaskId, record: &VerificationOf<T>) -> Option<u32> {
	record.forced_segment(&secret(task))
}

/// The leaves the test solver shows for `task`: the true ones, with the forced segment's end
/// replaced by [`forced_hash`] if forced.
pub fn shown_leaves<T: Config>(task: TaskId, record: &VerificationOf<T>) -> Option<Vec<Sha256>> {
	let (_, mut leaves) = SEALED.with(|s| s.borrow().get(&task).cloned())?;
	if let Some(segment) = forced(task, record) {
		let end = leaves.get_mut(segment as usize + 1)?;
		*end = forced_hash(end);
	}
	Some(leaves)
}

/// Shows or discloses for every verification that waits for a test solver.
pub fn act<T: Config>() {
	let tasks: Vec<TaskId> = SEALED.with(|s| s.borrow().keys().copied().collect());
	for task in tasks {
		if SILENT.with(|s| s.borrow().contains(&task)) {
			continue;
		}
		let Some(record) = Verifications::<T>::get(task) else { continue };
		let origin = || frame_system::RawOrigin::Signed(record.solver.clone()).into();
		let Some(shown) = shown_leaves(task, &record) else { continue };
		match record.phase {
			Phase::Showing { .. } => {
				let root = merkle_root(&shown);
				Pallet::<T>::show_checkpoints(origin(), task, root).expect("the test solver shows");
			},
			Phase::Disclosing { .. } => {
				let Some((secret, leaves)) = SEALED.with(|s| s.borrow().get(&task).cloned()) else {
					continue;
				};
				let forced_leaf = forced(task, &record).map(|segment| {
					let index = segment + 1;
					ForcedLeaf {
						shown: shown[index as usize],
						truth: leaves[index as usize],
						proof: merkle_proof(&leaves, index).expect("a leaf of the tree"),
					}
				});
				Pallet::<T>::disclose(origin(), task, secret, merkle_root(&leaves), forced_leaf)
					.expect("the test solver discloses");
			},
			_ => {},
		}
	}
}
