//! `assay-solver`: trains the tasks the Assay chain assigns to this key. See
//! `assay_workers::solver` and `docs/operators.md`.
//!
//! ```text
//! assay-solver --node ws://127.0.0.1:9944 --key /etc/assay/solver.key \
//!     --store /var/lib/assay/solver --listen 0.0.0.0:8601 \
//!     --public-url http://solver.example.org:8601 --bond 1000
//! ```

use assay_workers::{
	solver::{Solver, SolverArgs},
	worker,
};
use clap::Parser;

fn main() -> anyhow::Result<()> {
	let args = SolverArgs::parse();
	worker::start(async move {
		let mut solver = Solver::start(&args).await?;
		worker::run(&args.common.node, &mut solver).await;
		Ok(())
	})
}
