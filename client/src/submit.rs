//! Submitting transactions: sign, retry what a retry can fix, and report what it cannot with
//! the runtime's own error name.

use crate::{AssayConfig, Chain, Keypair};
use std::time::Duration;
use subxt::{
	error::{
		DispatchError, TransactionEventsError, TransactionFinalizedSuccessError,
		TransactionProgressError, TransactionStatusError,
	},
	extrinsics::ExtrinsicEvents,
	transactions::Payload,
};

/// What went wrong talking to the chain.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
	/// The node cannot be reached, or the connection was lost: reconnect and read state again.
	#[error("connection to the node: {0}")]
	Connection(String),
	/// The transaction was included and its dispatch failed: `pallet::error` (for example
	/// `ProofOfLearning::CommitWindowClosed`). Retrying the same call fails the same way.
	#[error("{pallet}::{error}")]
	Dispatch {
		/// The pallet that refused it.
		pallet: String,
		/// The error variant's name.
		error: String,
	},
	/// The transaction was included and failed outside any pallet (bad origin, token error…).
	#[error("dispatch failed: {0}")]
	DispatchOther(String),
	/// The transaction pool refused the transaction after every retry (invalid, dropped).
	#[error("transaction refused by the pool: {0}")]
	Refused(String),
	/// The chain returned something this client could not decode (metadata mismatch?).
	#[error("decoding chain data: {0}")]
	Decode(String),
	/// A key could not be read or parsed.
	#[error("key: {0}")]
	Key(String),
}

impl ClientError {
	/// Maps a subxt error to `Connection` (subxt's errors here are transport or metadata
	/// failures; both are cured, if at all, by reconnecting).
	pub(crate) fn from_subxt(error: impl std::fmt::Display) -> Self {
		Self::Connection(error.to_string())
	}

	/// Whether this is a pallet error of that name (`"TaskNotFound"`).
	pub fn is_dispatch(&self, name: &str) -> bool {
		matches!(self, Self::Dispatch { error, .. } if error == name)
	}

	/// Whether reconnecting may help.
	pub fn is_connection(&self) -> bool {
		matches!(self, Self::Connection(_))
	}
}

/// How [`Chain::submit_with`] retries.
#[derive(Clone, Copy, Debug)]
pub struct SubmitOptions {
	/// Attempts for a transaction the pool refuses for a reason a retry can fix (a nonce
	/// race with the signer's other transaction, a full pool).
	pub attempts: u32,
	/// The pause between attempts.
	pub pause: Duration,
}

impl Default for SubmitOptions {
	fn default() -> Self {
		Self { attempts: 5, pause: Duration::from_secs(2) }
	}
}

/// Pool messages that a later attempt can get past: the nonce was taken by another transaction
/// of the same signer ("Stale", "outdated", "Priority is too low") or the pool is full.
fn is_retryable(message: &str) -> bool {
	const RETRYABLE: [&str; 6] = [
		"Stale",
		"outdated",
		"Priority is too low",
		"Temporarily Banned",
		"Immediately Dropped",
		"pool is full",
	];
	RETRYABLE.iter().any(|needle| message.contains(needle))
}

impl Chain {
	/// Signs `call` with `signer`, submits it and waits until it is in a finalized block;
	/// returns its events. Default retries ([`SubmitOptions::default`]).
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
	) -> Result<ExtrinsicEvents<AssayConfig>, ClientError> {
		self.submit_with(call, signer, SubmitOptions::default()).await
	}

	/// [`Self::submit`] with explicit retry settings.
	pub async fn submit_with<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		options: SubmitOptions,
	) -> Result<ExtrinsicEvents<AssayConfig>, ClientError> {
		let mut attempt = 0;
		loop {
			attempt += 1;
			match self.submit_once(call, signer).await {
				Err(ClientError::Refused(message))
					if attempt < options.attempts && is_retryable(&message) =>
				{
					log::debug!("transaction refused ({message}); attempt {attempt}, retrying");
					tokio::time::sleep(options.pause).await;
				},
				result => return result,
			}
		}
	}

	async fn submit_once<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
	) -> Result<ExtrinsicEvents<AssayConfig>, ClientError> {
		let mut transactions = self.api().transactions().await.map_err(ClientError::from_subxt)?;
		let progress = transactions
			.sign_and_submit_then_watch_default(call, signer)
			.await
			.map_err(|error| {
				let message = error.to_string();
				// The pool's verdict on submission arrives as an RPC error carrying the reason.
				if message.contains("Invalid Transaction") || is_retryable(&message) {
					ClientError::Refused(message)
				} else {
					ClientError::Connection(message)
				}
			})?;
		progress.wait_for_finalized_success().await.map_err(from_finalized_error)
	}
}

fn from_finalized_error(error: TransactionFinalizedSuccessError) -> ClientError {
	match error {
		TransactionFinalizedSuccessError::SuccessError(
			TransactionEventsError::ExtrinsicFailed(dispatch),
		) => from_dispatch_error(dispatch),
		TransactionFinalizedSuccessError::FinalizationError(
			TransactionProgressError::TransactionStatusError(status),
		) => match status {
			TransactionStatusError::Invalid(message) | TransactionStatusError::Dropped(message) => {
				ClientError::Refused(message)
			},
			TransactionStatusError::Error(message) => ClientError::Connection(message),
			other => ClientError::Refused(other.to_string()),
		},
		other => ClientError::Connection(other.to_string()),
	}
}

fn from_dispatch_error(error: DispatchError) -> ClientError {
	match &error {
		DispatchError::Module(module) => match module.details() {
			Ok(details) => ClientError::Dispatch {
				pallet: details.pallet.name().to_owned(),
				error: details.variant.name.clone(),
			},
			Err(_) => ClientError::DispatchOther(module.details_string()),
		},
		other => ClientError::DispatchOther(other.to_string()),
	}
}

#[cfg(test)]
mod tests {
	use super::is_retryable;

	#[test]
	fn nonce_races_are_retried_and_real_refusals_are_not() {
		assert!(is_retryable("Invalid Transaction (1010): Transaction is outdated"));
		assert!(is_retryable("Priority is too low: (100 vs 100)"));
		assert!(!is_retryable("Invalid Transaction (1010): Inability to pay some fees"));
		assert!(!is_retryable("Invalid Transaction (1010): Transaction has a bad signature"));
	}
}
