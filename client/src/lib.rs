//! # Assay chain client
//!
//! A typed client for an Assay node, on [`subxt`] 0.51. Everything a worker or a script needs to
//! talk to the chain:
//!
//! - [`runtime`]: the calls, storage entries, events and constants of the Assay runtime,
//!   generated at compile time from `client/metadata/assay.scale`. The protocol types that the
//!   runtime shares with the workers (`TaskSpec`, `CheckpointCommitment`, `SegmentReport`,
//!   `SegmentClaim`, `Role`, `HardwareClass`…) are not generated again: they are the
//!   [`assay_primitives`] types themselves, wrapped in [`Static`], so what a worker computes (a
//!   Merkle root, a verdict commitment) is byte for byte what the pallets check.
//! - [`Chain`]: a connection, the current finalized state ([`Chain::at_finalized`]), a stream
//!   of finalized blocks with their events ([`Chain::finalized_blocks`]), and
//!   [`Chain::submit`], which signs, retries on nonce races and waits until the transaction is
//!   in a finalized block, turning a failed dispatch into [`ClientError::Dispatch`] with the
//!   pallet's error name.
//! - [`keys`]: a signing key from a secret URI (`//Alice`, a mnemonic, a `0x` seed) or a file
//!   holding one.
//!
//! ## Keeping the metadata current
//!
//! `client/metadata/assay.scale` is committed. The `metadata` test compares it with the
//! runtime in this repository and fails, naming the command to refresh it, when they differ:
//!
//! ```text
//! ASSAY_REFRESH_METADATA=1 cargo test -p assay-client --test metadata
//! ```
//!
//! The test builds this crate first, so a `substitute_type` naming a type the committed file
//! does not have yet stops it from compiling: refresh without the new substitution, then add it.
//!
//! ## Example
//!
//! ```no_run
//! # async fn run() -> Result<(), assay_client::ClientError> {
//! use assay_client::{keys, runtime, Chain};
//! use assay_primitives::{HardwareClass, Role};
//! let chain = Chain::connect("ws://127.0.0.1:9944").await?;
//! let solver = keys::keypair("//Alice")?;
//! let bond = runtime::tx().role_staking().bond(
//!     assay_client::Static(Role::Solver),
//!     1_000_000_000_000_000,
//!     Some(assay_client::Static(HardwareClass { device: assay_primitives::Device::Cpu, memory_gib: 8 })),
//! );
//! chain.submit(&bond, &solver).await?;
//! # Ok(()) }
//! ```

#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod keys;
mod submit;

pub use submit::{ClientError, SubmitOptions};
pub use subxt::{self, utils::Static};
pub use subxt_signer::sr25519::Keypair;

use futures::StreamExt;
use subxt::{OnlineClient, PolkadotConfig};

/// Makes the metadata file a build input: the `subxt` macro reads it without telling cargo,
/// so a refreshed file would otherwise leave a client generated from the old one.
const _METADATA: &[u8] = include_bytes!("../metadata/assay.scale");

/// The Assay runtime's interface, generated from `client/metadata/assay.scale`.
#[subxt::subxt(
	runtime_metadata_path = "metadata/assay.scale",
	substitute_type(
		path = "assay_primitives::spec::TaskSpec",
		with = "::subxt::utils::Static<::assay_primitives::TaskSpec>"
	),
	substitute_type(
		path = "assay_primitives::spec::HardwareClass",
		with = "::subxt::utils::Static<::assay_primitives::HardwareClass>"
	),
	substitute_type(
		path = "assay_primitives::roles::Role",
		with = "::subxt::utils::Static<::assay_primitives::Role>"
	),
	substitute_type(
		path = "assay_primitives::merkle::CheckpointCommitment",
		with = "::subxt::utils::Static<::assay_primitives::CheckpointCommitment>"
	),
	substitute_type(
		path = "assay_primitives::verification::SegmentReport",
		with = "::subxt::utils::Static<::assay_primitives::SegmentReport>"
	),
	substitute_type(
		path = "assay_primitives::disputes::SegmentClaim",
		with = "::subxt::utils::Static<::assay_primitives::SegmentClaim>"
	),
	substitute_type(
		path = "assay_primitives::verification::Verdict",
		with = "::subxt::utils::Static<::assay_primitives::Verdict>"
	),
	substitute_type(
		path = "assay_primitives::verification::Report",
		with = "::subxt::utils::Static<::assay_primitives::Report>"
	),
	substitute_type(
		path = "assay_primitives::disputes::Claim",
		with = "::subxt::utils::Static<::assay_primitives::Claim>"
	),
	substitute_type(
		path = "assay_primitives::disputes::Subject",
		with = "::subxt::utils::Static<::assay_primitives::Subject>"
	),
	substitute_type(
		path = "assay_primitives::disputes::JuryVote",
		with = "::subxt::utils::Static<::assay_primitives::JuryVote>"
	),
	substitute_type(
		path = "assay_primitives::spec::VerificationMode",
		with = "::subxt::utils::Static<::assay_primitives::VerificationMode>"
	),
	substitute_type(
		path = "assay_primitives::forced::SealedCommitment",
		with = "::subxt::utils::Static<::assay_primitives::SealedCommitment>"
	),
	substitute_type(
		path = "assay_primitives::forced::ForcedLeaf",
		with = "::subxt::utils::Static<::assay_primitives::ForcedLeaf>"
	)
)]
pub mod runtime {}

/// The chain's configuration: Polkadot's account, address, signature and header types (the
/// Assay runtime uses `MultiAddress<AccountId32, ()>`, `MultiSignature` and `u32` blocks).
pub type AssayConfig = PolkadotConfig;

/// An account on the chain.
pub type AccountId = subxt::utils::AccountId32;

/// The client at one block: storage, events and constants as of that block.
pub type AtBlock =
	subxt::client::ClientAtBlock<AssayConfig, subxt::client::OnlineClientAtBlockImpl<AssayConfig>>;

/// The events of one block.
pub type Events = subxt::events::Events<AssayConfig>;

/// A finalized block: its number and its events.
pub struct FinalizedBlock {
	/// The block number.
	pub number: u32,
	/// The client at this block (for storage reads as of it).
	pub at: AtBlock,
	/// Every event the block emitted.
	pub events: Events,
}

/// A connection to an Assay node.
#[derive(Clone)]
pub struct Chain {
	api: OnlineClient<AssayConfig>,
	url: String,
}

impl Chain {
	/// Connects to the node at `url` (`ws://` or `wss://`) once.
	pub async fn connect(url: &str) -> Result<Self, ClientError> {
		let api = OnlineClient::<AssayConfig>::from_insecure_url(url)
			.await
			.map_err(|e| ClientError::Connection(format!("{url}: {e}")))?;
		Ok(Self { api, url: url.to_owned() })
	}

	/// The URL this client is connected to.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The underlying subxt client, for anything this type does not wrap.
	pub fn api(&self) -> &OnlineClient<AssayConfig> {
		&self.api
	}

	/// The client at the newest finalized block.
	pub async fn at_finalized(&self) -> Result<AtBlock, ClientError> {
		self.api.at_current_block().await.map_err(ClientError::from_subxt)
	}

	/// The finalized blocks from now on, each with its events. The stream ends (or yields an
	/// error) when the connection is lost; reconnect and read state again.
	pub async fn finalized_blocks(
		&self,
	) -> Result<impl futures::Stream<Item = Result<FinalizedBlock, ClientError>> + '_, ClientError>
	{
		let blocks = self.api.stream_blocks().await.map_err(ClientError::from_subxt)?;
		let stream = futures::stream::unfold(blocks, |mut blocks| async move {
			let block = blocks.next().await?;
			Some((Self::read_block(block).await, blocks))
		});
		Ok(stream.boxed())
	}

	async fn read_block(
		block: Result<subxt::client::Block<AssayConfig>, subxt::error::BlocksError>,
	) -> Result<FinalizedBlock, ClientError> {
		let block = block.map_err(ClientError::from_subxt)?;
		let number = u32::try_from(block.number())
			.map_err(|_| ClientError::Decode("block number beyond u32".into()))?;
		let at = block.at().await.map_err(ClientError::from_subxt)?;
		let events = at.events().fetch().await.map_err(ClientError::from_subxt)?;
		Ok(FinalizedBlock { number, at, events })
	}
}

/// The account of a key pair.
pub fn account_of(keypair: &Keypair) -> AccountId {
	keypair.public_key().to_account_id()
}

/// Reads the storage value at `address` under `key` as of `at`; `None` if absent.
pub async fn fetch<Addr: subxt::storage::Address>(
	at: &AtBlock,
	address: Addr,
	key: Addr::KeyParts,
) -> Result<Option<Addr::Value>, ClientError> {
	let entry = at.storage().entry(address).map_err(|e| ClientError::Decode(e.to_string()))?;
	let value = entry.try_fetch(key).await.map_err(ClientError::from_subxt)?;
	value
		.map(|v| v.decode().map_err(|e| ClientError::Decode(e.to_string())))
		.transpose()
}

/// Every entry of the map at `address` (keyed by one value, a task id for the market's maps)
/// as of `at`.
pub async fn entries<Key, Addr>(
	at: &AtBlock,
	address: Addr,
) -> Result<Vec<(Key, Addr::Value)>, ClientError>
where
	Addr: subxt::storage::Address<KeyParts = (Key,)>,
	(Key,): subxt::ext::frame_decode::storage::IntoDecodableValues,
{
	let entry = at.storage().entry(address).map_err(|e| ClientError::Decode(e.to_string()))?;
	let mut iter = entry.iter(()).await.map_err(ClientError::from_subxt)?;
	let mut out = Vec::new();
	while let Some(item) = iter.next().await {
		let item = item.map_err(ClientError::from_subxt)?;
		let (key,) = item
			.key()
			.and_then(|k| k.decode())
			.map_err(|e| ClientError::Decode(e.to_string()))?;
		let value = item.value().decode().map_err(|e| ClientError::Decode(e.to_string()))?;
		out.push((key, value));
	}
	Ok(out)
}
