//! `assay-verifier`: replays sampled segments of other solvers' training, judges disputes as a
//! juror, or (`--role whistleblower`) challenges wrong verdicts. See
//! `assay_workers::verifier` and `docs/operators.md`.
//!
//! ```text
//! assay-verifier --node ws://127.0.0.1:9944 --key /etc/assay/verifier.key \
//!     --store /var/lib/assay/verifier --role verifier --bond 100
//! ```

use assay_workers::{
	verifier::{Verifier, VerifierArgs},
	worker,
};
use clap::Parser;

fn main() -> anyhow::Result<()> {
	let args = VerifierArgs::parse();
	worker::start(async move {
		let mut verifier = Verifier::start(&args).await?;
		worker::run(&args.common.node, &mut verifier).await;
		Ok(())
	})
}
