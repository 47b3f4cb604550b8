//! Built-in chain specifications.
//!
//! Genesis state comes from the runtime's genesis presets (`GenesisBuilder` API), so the node
//! carries no genesis logic of its own: the spec only names the preset to use.

use sc_service::{ChainType, Properties};

/// Assay uses no chain-spec extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The runtime WASM embedded at build time.
fn wasm_binary() -> Result<&'static [u8], String> {
	assay_runtime::WASM_BINARY.ok_or_else(|| {
		"The Assay runtime WASM binary is not available: this node was built with \
		 SKIP_WASM_BUILD. Rebuild without it, or pass a chain spec file with --chain."
			.to_string()
	})
}

/// Token metadata for wallets and explorers; taken from the runtime so the two cannot drift.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), assay_runtime::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), assay_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), assay_runtime::SS58_PREFIX.into());
	properties
}

/// Single-validator development chain (`--dev`, `--chain dev`).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Assay Development")
		.with_id("assay_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sc_chain_spec::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Multi-validator local testnet (`--chain local`, and the default without `--chain`).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Assay Local Testnet")
		.with_id("assay_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sc_chain_spec::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
