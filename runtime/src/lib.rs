//! # Assay runtime
//!
//! The state transition function of the Assay chain: a BABE + GRANDPA solochain secured by
//! nominated proof-of-stake (`pallet-staking` with an on-chain sequential-Phragmén election),
//! carrying the Assay compute market.
//!
//! - `configs` holds every pallet's `Config`, with its parameters.
//! - `apis` implements the runtime APIs the node, polkadot.js and subxt call.
//! - `genesis_config_presets` builds the `development` and `local_testnet` genesis states.
//!
//! With the `fast-runtime` feature (on for the node by default, see `docs/decisions.md`) blocks
//! are 3 s, sessions 10 blocks and eras 3 sessions, so a test chain rotates an era in 90 s.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand into large, deeply nested types.
#![recursion_limit = "512"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Before `apis`: it defines the `list_benchmarks!`/`add_benchmarks!` macros `apis` expands.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use apis::RuntimeApi;
pub use frame_support::weights::Weight;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Block number.
pub type BlockNumber = u32;
/// A transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account on chain is the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in planck (10^-12 ASY).
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Milliseconds since the unix epoch.
pub type Moment = u64;

/// Ticker of the native token.
pub const TOKEN_SYMBOL: &str = "ASY";
/// Decimal places of the native token.
pub const TOKEN_DECIMALS: u8 = 12;
/// SS58 address prefix (42: the generic Substrate prefix, understood by every wallet).
pub const SS58_PREFIX: u16 = 42;

/// One ASY in planck.
pub const UNITS: Balance = 1_000_000_000_000;
/// A hundredth of an ASY.
pub const CENTS: Balance = UNITS / 100;
/// A thousandth of an ASY.
pub const MILLI_UNITS: Balance = UNITS / 1_000;
/// A millionth of an ASY.
pub const MICRO_UNITS: Balance = UNITS / 1_000_000;
/// The balance below which an account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = CENTS;

/// Target block time. BABE authors one block per slot, so this is also the slot length.
#[cfg(feature = "fast-runtime")]
pub const MILLI_SECS_PER_BLOCK: u64 = 3_000;
/// Target block time. BABE authors one block per slot, so this is also the slot length.
#[cfg(not(feature = "fast-runtime"))]
pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
// Changing the slot duration after genesis bricks block production.
/// BABE slot duration in milliseconds.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;

/// Slots per BABE epoch; one epoch is one session. Fixed at genesis.
#[cfg(feature = "fast-runtime")]
pub const EPOCH_DURATION_IN_SLOTS: u64 = 10;
/// Slots per BABE epoch; one epoch is one session. Fixed at genesis.
#[cfg(not(feature = "fast-runtime"))]
pub const EPOCH_DURATION_IN_SLOTS: u64 = HOURS as u64;

/// A quarter of the slots get a primary (VRF-elected) author; the others fall back to a
/// secondary author that also carries a VRF output, so every block yields fresh randomness.
pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);

/// The BABE epoch configuration at genesis.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: PRIMARY_PROBABILITY,
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

/// Types the node needs without knowing the runtime's call and event types, so it can keep
/// syncing across runtime upgrades.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The keys a validator registers with `session.setKeys`.
		pub struct SessionKeys {
			pub babe: Babe,
			pub grandpa: Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("assay"),
	impl_name: Cow::Borrowed("assay-runtime"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	// Babe before Timestamp: Timestamp's `OnTimestampSet` checks the slot Babe recorded.
	#[runtime::pallet_index(1)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(4)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(5)]
	pub type Authorship = pallet_authorship;
	// Staking before Session: Session's genesis asks Staking for the first validator set.
	#[runtime::pallet_index(6)]
	pub type Staking = pallet_staking;
	#[runtime::pallet_index(7)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(8)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(10)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(11)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(12)]
	pub type Sudo = pallet_sudo;

	// The Assay compute market.
	// Before the market pallets: their hooks draw with what it folded in this block.
	#[runtime::pallet_index(19)]
	pub type RandomnessBeacon = pallet_randomness_beacon;
	#[runtime::pallet_index(20)]
	pub type RoleStaking = pallet_role_staking;
	#[runtime::pallet_index(21)]
	pub type TaskPool = pallet_task_pool;
	#[runtime::pallet_index(22)]
	pub type ProofOfLearning = pallet_proof_of_learning;
	#[runtime::pallet_index(23)]
	pub type Dispute = pallet_dispute;
}

/// The address format of extrinsics: an account id (or index, unused here).
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every signed transaction passes, in order.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it arrives: call, signer, signature and extensions.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on upgrade, beyond the pallets' own.
type Migrations = ();

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;
