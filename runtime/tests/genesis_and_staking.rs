//! Runtime tests on the real runtime (native build): both genesis presets build into working
//! state, and nominated proof-of-stake turns over — sessions rotate with BABE epochs, an era
//! ends, and a validator's era payout is paid.
//!
//! Blocks are driven through `Executive` exactly as the node does it, with a BABE pre-runtime
//! digest naming the author and the timestamp inherent applied as a bare extrinsic.

use assay_runtime::{
	genesis_config_presets::{self, VALIDATOR_BOND},
	AccountId, Babe, Balances, BuildStorage, Executive, Grandpa, Header, RandomnessBeacon, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, Session, Staking, System,
	UncheckedExtrinsic, EPOCH_DURATION_IN_SLOTS, SLOT_DURATION,
};
use codec::Encode;
use frame_support::traits::{fungible::Inspect, Randomness};
use sp_consensus_babe::{
	digests::{PreDigest, SecondaryPlainPreDigest},
	Slot, BABE_ENGINE_ID,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Header as _, Digest, DigestItem};

/// The genesis state of a preset, built the way the node builds it: the preset's JSON patch
/// applied over the default genesis config.
fn preset_state(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into())
		.unwrap_or_else(|| panic!("preset {preset} exists"));
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge_json(&mut config, serde_json::from_slice(&patch).expect("preset is JSON"));
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("patched preset is a valid genesis config");
	config.build_storage().expect("genesis builds").into()
}

fn merge_json(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge_json(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Authors and executes the next block: BABE pre-digest for `author_index`, timestamp inherent
/// matching the slot, then finalization.
fn author_next_block(parent: &Header, author_index: u32) -> Header {
	let number = parent.number() + 1;
	// Genesis slot 1000 keeps slot 0 (which BABE treats specially) out of the picture.
	let slot = Slot::from(1_000 + number as u64);
	let pre_digest =
		PreDigest::SecondaryPlain(SecondaryPlainPreDigest { authority_index: author_index, slot });
	let digest = Digest { logs: vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre_digest.encode())] };
	let header = Header::new(number, Default::default(), Default::default(), parent.hash(), digest);
	Executive::initialize_block(&header);
	let now = *slot * SLOT_DURATION;
	let timestamp =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	Executive::apply_extrinsic(timestamp)
		.expect("timestamp inherent is valid")
		.expect("timestamp inherent dispatches");
	Executive::finalize_block()
}

/// Authors blocks round-robin over the current validators until `done` holds or `max_blocks`
/// were authored; returns the last header.
fn author_blocks_until(
	mut parent: Header,
	max_blocks: u32,
	mut done: impl FnMut() -> bool,
) -> Header {
	for _ in 0..max_blocks {
		if done() {
			return parent;
		}
		let validators = Session::validators().len().max(1) as u32;
		parent = author_next_block(&parent, (parent.number() + 1) % validators);
	}
	assert!(done(), "condition not reached within {max_blocks} blocks");
	parent
}

fn genesis_header() -> Header {
	Header::new(0, Default::default(), Default::default(), Default::default(), Default::default())
}

fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

#[test]
fn development_preset_has_alice_as_only_validator() {
	preset_state(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(Session::validators(), vec![account(Sr25519Keyring::Alice)]);
		assert_eq!(Babe::authorities().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		let ledger = pallet_staking::Ledger::<Runtime>::get(account(Sr25519Keyring::Alice))
			.expect("Alice is bonded");
		assert_eq!(ledger.total, VALIDATOR_BOND);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Sr25519Keyring::Alice)));
		// Every well-known dev account is funded.
		for who in Sr25519Keyring::well_known() {
			assert_eq!(
				Balances::total_balance(&who.to_account_id()),
				genesis_config_presets::ENDOWMENT
			);
		}
	});
}

#[test]
fn local_testnet_preset_has_four_bonded_validators() {
	preset_state(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let expected: Vec<AccountId> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.into_iter()
		.map(account)
		.collect();
		let mut validators = Session::validators();
		validators.sort();
		let mut sorted_expected = expected.clone();
		sorted_expected.sort();
		assert_eq!(validators, sorted_expected);
		assert_eq!(Babe::authorities().len(), 4);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		for stash in expected {
			assert!(pallet_staking::Validators::<Runtime>::contains_key(&stash));
			assert_eq!(
				pallet_staking::Ledger::<Runtime>::get(&stash).map(|l| l.active),
				Some(VALIDATOR_BOND)
			);
		}
	});
}

#[test]
fn unknown_preset_is_refused() {
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
	assert_eq!(genesis_config_presets::preset_names().len(), 2);
}

#[test]
fn era_rotates_and_validator_payout_is_paid() {
	preset_state(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let bob = account(Sr25519Keyring::Bob);
		let sessions_per_era = <Runtime as pallet_staking::Config>::SessionsPerEra::get();
		let era_blocks = (EPOCH_DURATION_IN_SLOTS as u32) * sessions_per_era;

		let first = author_next_block(&genesis_header(), 0);
		assert_eq!(pallet_staking::ActiveEra::<Runtime>::get().map(|e| e.index), Some(0));

		// Run until era 1 is active; with one session per epoch that takes one era's blocks
		// plus the session of lag before a planned era becomes active.
		author_blocks_until(first, era_blocks * 3, || {
			pallet_staking::ActiveEra::<Runtime>::get().map(|e| e.index) == Some(1)
		});
		assert!(Session::current_index() >= sessions_per_era, "sessions rotated with epochs");

		// Alice authored every block of era 0, so all its points are hers.
		let points = pallet_staking::ErasRewardPoints::<Runtime>::get(0);
		assert!(points.total > 0);
		assert_eq!(points.individual.get(&alice), Some(&points.total));
		let era_reward = pallet_staking::ErasValidatorReward::<Runtime>::get(0)
			.expect("era 0 ended with a reward");
		assert!(era_reward > 0, "inflation pays a non-zero era reward");

		// Anyone may trigger the payout; Alice's reward is restaked (genesis payee: Staked).
		let stake_before = pallet_staking::Ledger::<Runtime>::get(&alice).expect("bonded").total;
		let issuance_before = Balances::total_issuance();
		System::reset_events();
		Staking::payout_stakers(RuntimeOrigin::signed(bob.clone()), alice.clone(), 0)
			.expect("payout succeeds");
		let paid: u128 = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Staking(pallet_staking::Event::Rewarded {
					stash, amount, ..
				}) if stash == alice => Some(amount),
				_ => None,
			})
			.sum();
		assert!(paid > 0, "Alice was rewarded");
		// A sole validator with no nominators receives the whole era reward (up to rounding).
		assert!(paid <= era_reward && era_reward - paid <= 1, "paid {paid} of {era_reward}");
		let stake_after = pallet_staking::Ledger::<Runtime>::get(&alice).expect("bonded").total;
		assert_eq!(stake_after, stake_before + paid);
		assert_eq!(Balances::total_issuance(), issuance_before + paid);

		// Paying the same era twice is refused.
		assert!(Staking::payout_stakers(RuntimeOrigin::signed(bob), alice, 0).is_err());
	});
}

#[test]
fn the_beacon_folds_babes_vrf_outputs_and_mixes_the_subject() {
	preset_state(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let header = author_next_block(&genesis_header(), 0);
		// These test blocks carry secondary-plain digests (no VRF output), so give the parent
		// one as a VRF slot would: the next block folds it in.
		pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([7; 32]));
		let header = author_next_block(&header, 0);
		let (folded, folded_at) = pallet_randomness_beacon::Accumulator::<Runtime>::get();
		assert_eq!(folded_at, System::block_number(), "this block folded its parent's output");
		let (a1, known_since) = RandomnessBeacon::random(b"task-1");
		let (a2, _) = RandomnessBeacon::random(b"task-1");
		let (b, _) = RandomnessBeacon::random(b"task-2");
		assert_eq!(a1, a2, "same subject, same block, same value");
		assert_ne!(a1, b, "the subject is mixed in");
		assert!(known_since < System::block_number());
		pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([8; 32]));
		let _ = author_next_block(&header, 0);
		assert_ne!(pallet_randomness_beacon::Accumulator::<Runtime>::get().0, folded);
		assert_ne!(RandomnessBeacon::random(b"task-1").0, a1, "a new output, a new value");
	});
}

#[test]
fn role_bonds_are_held_under_the_role_staking_reason() {
	use assay_primitives::{Device, HardwareClass, Role};
	use assay_runtime::{RoleStaking, RuntimeHoldReason};
	use frame_support::traits::fungible::InspectHold;

	preset_state(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let reason = RuntimeHoldReason::RoleStaking(pallet_role_staking::HoldReason::RoleBond);
		let bond = <Runtime as pallet_role_staking::Config>::MinSolverBond::get();
		let gpu = HardwareClass { device: Device::Gpu, memory_gib: 24 };

		RoleStaking::bond(RuntimeOrigin::signed(bob.clone()), Role::Solver, bond, Some(gpu))
			.expect("a minimum solver bond with hardware is accepted");
		assert_eq!(Balances::balance_on_hold(&reason, &bob), bond);
		// Below the minimum is refused and holds nothing more.
		assert!(RoleStaking::bond(
			RuntimeOrigin::signed(bob.clone()),
			Role::Verifier,
			bond / 2,
			None
		)
		.is_err());
		assert_eq!(Balances::balance_on_hold(&reason, &bob), bond);
	});
}

/// A small valid task for the runtime's limits: an MLP on a CSV file, any CPU.
fn small_task_spec() -> assay_primitives::TaskSpec {
	use assay_primitives::*;
	TaskSpec {
		model: ModelSpec::Mlp { layers: Layers::truncate_from(vec![64, 32, 10]) },
		dataset: DatasetRef {
			uri: Uri::truncate_from(b"https://example.org/digits.csv".to_vec()),
			sha256: [7; 32],
			format: DatasetFormat::Csv,
			train_samples: 1_797,
		},
		hyper: Hyperparams {
			optimizer: Optimizer::Sgd,
			learning_rate: Fixed::from_parts(10_000_000),
			batch_size: 16,
			total_steps: 100,
			seed: 42,
			checkpoint_interval: 10,
		},
		verification: VerificationPolicy {
			mode: VerificationMode::Exact,
			sampled_segments: 2,
			verifiers: 3,
		},
		hardware: HardwareClass { device: Device::Cpu, memory_gib: 1 },
		deadline_blocks: 100,
	}
}

#[test]
fn a_submitted_task_is_drawn_after_the_randomness_delay_and_accepted() {
	use assay_primitives::{Device, HardwareClass, Role, RoleStaking as _};
	use assay_runtime::{RoleStaking, RuntimeHoldReason, TaskPool, UNITS};
	use frame_support::traits::fungible::InspectHold;
	use pallet_task_pool::{TaskState, Tasks};

	preset_state(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let bob = account(Sr25519Keyring::Bob);
		let header = author_next_block(&genesis_header(), 0);
		let gpu = HardwareClass { device: Device::Gpu, memory_gib: 24 };
		RoleStaking::bond(
			RuntimeOrigin::signed(bob.clone()),
			Role::Solver,
			1_000 * UNITS,
			Some(gpu),
		)
		.expect("Bob bonds as a solver");
		TaskPool::submit_task(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(small_task_spec()),
			10 * UNITS,
			UNITS,
		)
		.expect("a valid, well-paid task is accepted");
		let escrow = RuntimeHoldReason::TaskPool(pallet_task_pool::HoldReason::TaskEscrow);
		assert_eq!(Balances::balance_on_hold(&escrow, &alice), 13 * UNITS);

		let assigned = || {
			matches!(Tasks::<Runtime>::get(0).map(|t| t.state), Some(TaskState::Assigned { .. }))
		};
		// Drawn the randomness delay after it opened, not before.
		let delay = assay_runtime::configs::randomness::RandomnessDelay::get();
		let mut header = header;
		for _ in 1..delay {
			header = author_next_block(&header, 0);
			assert!(!assigned(), "drawn before the randomness delay");
		}
		author_blocks_until(header, 2, assigned);
		let Some(TaskState::Assigned { solver, .. }) = Tasks::<Runtime>::get(0).map(|t| t.state)
		else {
			panic!("task 0 is not assigned")
		};
		assert_eq!(solver, bob);

		TaskPool::accept_task(RuntimeOrigin::signed(bob.clone()), 0).expect("Bob accepts");
		// Collateral is the whole reward.
		assert_eq!(RoleStaking::collateral(&bob, Role::Solver, 0), 10 * UNITS);
		assert!(matches!(
			Tasks::<Runtime>::get(0).map(|t| t.state),
			Some(TaskState::Training { .. })
		));
		TaskPool::do_try_state().expect("task pool invariants hold");
		RoleStaking::do_try_state().expect("role staking invariants hold");
	});
}

#[test]
fn market_hooks_fit_in_a_block() {
	use assay_runtime::{
		configs::{
			MaxDisputeDeadlinesPerBlock, MaxVerificationDeadlinesPerBlock, RuntimeBlockWeights,
		},
		ProofOfLearning, Runtime, TaskPool,
	};
	use frame_support::weights::Weight;
	let task_pool = TaskPool::max_on_initialize_weight();
	let hook = |base: Weight, each: Weight, count: u32| {
		base.saturating_add(each.saturating_mul(count.into()))
	};
	use pallet_dispute::WeightInfo as _;
	type DisputeWeights = pallet_dispute::weights::SubstrateWeight<Runtime>;
	let verification =
		ProofOfLearning::on_initialize_weight(MaxVerificationDeadlinesPerBlock::get());
	let disputes = hook(
		DisputeWeights::on_initialize_base(),
		DisputeWeights::handle_deadline(),
		MaxDisputeDeadlinesPerBlock::get(),
	);
	// The beacon's fold runs before them in every block.
	use pallet_randomness_beacon::WeightInfo as _;
	let beacon = pallet_randomness_beacon::weights::SubstrateWeight::<Runtime>::on_initialize();
	let block = RuntimeBlockWeights::get().max_block.ref_time();
	let ms = |w: Weight| w.ref_time() as f64 / 1e9;
	println!(
		"worst market hooks: beacon {:.2} ms + task pool {:.1} ms + verifications {:.1} ms + \
		 disputes {:.1} ms = {:.1} ms of a {:.0} ms block",
		ms(beacon),
		ms(task_pool),
		ms(verification),
		ms(disputes),
		ms(beacon
			.saturating_add(task_pool)
			.saturating_add(verification)
			.saturating_add(disputes)),
		block as f64 / 1e9,
	);
	assert!(
		task_pool.ref_time() <= block / 5,
		"worst task-pool on_initialize {task_pool:?} is over a fifth of the block ({block})"
	);
	let all = beacon
		.saturating_add(task_pool)
		.saturating_add(verification)
		.saturating_add(disputes);
	assert!(
		all.ref_time() <= block / 4 * 3,
		"worst market hooks {all:?} are over three quarters of the block ({block})"
	);
}

#[test]
fn the_largest_reveal_fits_in_an_extrinsic() {
	use assay_runtime::{
		configs::{RuntimeBlockWeights, TaskSpecLimits},
		Runtime,
	};
	use pallet_proof_of_learning::WeightInfo as _;
	let most = u32::from(TaskSpecLimits::get().max_sampled_segments);
	let reveal =
		pallet_proof_of_learning::weights::SubstrateWeight::<Runtime>::reveal_verdict(most);
	let max_extrinsic = RuntimeBlockWeights::get()
		.get(frame_support::dispatch::DispatchClass::Normal)
		.max_extrinsic
		.unwrap_or_default();
	assert!(
		reveal.ref_time() <= max_extrinsic.ref_time(),
		"a reveal of {most} segments ({reveal:?}) exceeds the largest extrinsic ({max_extrinsic:?})"
	);
}
