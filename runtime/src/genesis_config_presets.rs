//! Genesis presets: `development` (Alice alone validates) and `local_testnet` (Alice, Bob,
//! Charlie and Dave validate). Both fund the well-known dev accounts and make Alice sudo.
//!
//! The node's `--dev` and `--chain local` pick these by name; `assay-node build-spec` prints
//! them as a chain spec a user can edit.

use crate::{
	configs::AssayTreasuryAccount, AccountId, BabeConfig, Balance, BalancesConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, StakingConfig, SudoConfig, TaskPoolConfig,
	BABE_GENESIS_EPOCH_CONFIG, EXISTENTIAL_DEPOSIT, MILLI_UNITS, UNITS,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_staking::StakerStatus;
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::Perbill;

/// What every well-known dev account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;
/// What each genesis validator bonds.
pub const VALIDATOR_BOND: Balance = 100_000 * UNITS;
/// The smallest bond with which `staking.validate` is accepted.
pub const MIN_VALIDATOR_BOND: Balance = 1_000 * UNITS;
/// The smallest bond with which `staking.nominate` is accepted.
pub const MIN_NOMINATOR_BOND: Balance = 10 * UNITS;
/// The least reward per estimated GFLOP of training: an MNIST LeNet run of 1 000 steps of 64
/// (about 110 GFLOPs) costs at least 0.11 ASY.
pub const MIN_PRICE_PER_GFLOP: Balance = MILLI_UNITS;

/// A genesis validator: its stash account and the session keys its node signs with.
struct GenesisValidator {
	stash: AccountId,
	keys: SessionKeys,
}

/// The validator whose keys the node's `--alice`, `--bob`, … flags load.
fn dev_validator(account: Sr25519Keyring, grandpa: Ed25519Keyring) -> GenesisValidator {
	GenesisValidator {
		stash: account.to_account_id(),
		keys: SessionKeys { babe: account.public().into(), grandpa: grandpa.public().into() },
	}
}

fn testnet_genesis(validators: Vec<GenesisValidator>, root: AccountId) -> Value {
	let mut endowed: Vec<(AccountId, Balance)> =
		Sr25519Keyring::well_known().map(|k| (k.to_account_id(), ENDOWMENT)).collect();
	// The treasury must exist so that slash shares below the existential deposit reach it.
	endowed.push((AssayTreasuryAccount::get(), EXISTENTIAL_DEPOSIT));
	// So does the jackpot, so that the first small taxes reach it.
	endowed.push((crate::configs::AssayJackpotAccount::get(), EXISTENTIAL_DEPOSIT));
	let validator_count = validators.len() as u32;

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| (v.stash.clone(), v.stash.clone(), v.keys.clone()))
				.collect::<Vec<_>>(),
		},
		staking: StakingConfig {
			validator_count,
			minimum_validator_count: 1,
			// A dev chain must not stall by electing nobody: its genesis validators stay in.
			invulnerables: validators.iter().map(|v| v.stash.clone()).collect::<Vec<_>>(),
			stakers: validators
				.iter()
				.map(|v| (
					v.stash.clone(),
					v.stash.clone(),
					VALIDATOR_BOND,
					StakerStatus::Validator
				))
				.collect::<Vec<_>>(),
			slash_reward_fraction: Perbill::from_percent(10),
			min_validator_bond: MIN_VALIDATOR_BOND,
			min_nominator_bond: MIN_NOMINATOR_BOND,
		},
		sudo: SudoConfig { key: Some(root) },
		task_pool: TaskPoolConfig { min_price_per_gflop: MIN_PRICE_PER_GFLOP },
	})
}

/// The `development` preset: Alice is the only validator.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate. Four, because GRANDPA
/// needs more than two thirds of the voters: with four, one may be down and finality goes on.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of the named preset, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
