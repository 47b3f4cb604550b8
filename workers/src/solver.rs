//! `assay-solver`: trains the tasks the chain assigns to it.
//!
//! On every finalized block it reads the tasks assigned to its account:
//!
//! | chain state | what the solver does |
//! |---|---|
//! | task `Assigned` to it | `accept_task` if its hardware satisfies the task's, else `decline_task` |
//! | task `Training` | trains in the background (resuming from its store), then seals its checkpoints with a fresh secret (journaled first) and `commit_checkpoints` |
//! | its verification `Showing` | computes whether the sample forces an error (`forced_segment`); serves the checkpoints with the forced segment's end replaced by a wrong one if so, the true ones otherwise; `show_checkpoints` |
//! | its verification `Disclosing` | `disclose` (secret, true root, forced leaf), then serves the true checkpoints |
//!
//! A dispute over its work needs nothing from it but its artifact server: the jury replays the
//! committed checkpoints it serves.
//!
//! The artifact server (`--listen`) serves a task's checkpoints from the moment the solver shows
//! its root (nothing before: the files must not tell a verifier which leaf is forced) for the
//! whole life of the task; the URL committed on chain is `--public-url`, or
//! `http://<listen address>`.

use crate::{
	engine::{self, Fault, JobError, SegmentProgress, TaskRun, Trained},
	worker::{self, submit, submit_counted, CommonArgs, Context, JobState, Jobs, Worker},
};
use assay_client::{entries, runtime, Chain, ClientError, FinalizedBlock, Static};
use assay_primitives::{
	forced_segment, merkle_proof, merkle_root, sealed_checkpoints, ForcedLeaf, HardwareClass, Role,
	SealSecret, SealedCommitment, Sha256, TaskId, TaskSpec,
};
use runtime::runtime_types::{
	pallet_proof_of_learning::types::{Phase, SealStage, Verification},
	pallet_task_pool::types::TaskState,
};
use std::sync::{atomic::Ordering, Arc};

/// `assay-solver`'s command line.
#[derive(clap::Parser, Debug)]
#[command(
	version,
	about = "Assay solver: trains assigned tasks, serves their checkpoints, commits them on chain"
)]
pub struct SolverArgs {
	#[command(flatten)]
	/// Options every worker takes.
	pub common: CommonArgs,
	/// Where the artifact server listens.
	#[arg(long, default_value = "127.0.0.1:8601")]
	pub listen: std::net::SocketAddr,
	/// The artifact server's URL as verifiers reach it (committed on chain); defaults to
	/// `http://<listen>`.
	#[arg(long)]
	pub public_url: Option<String>,
	/// GPU memory to declare with `--device cuda`, in GiB.
	#[arg(long, default_value_t = 16)]
	pub gpu_memory_gib: u16,
}

/// The secret a task's checkpoints are sealed with, journaled before the commitment is sent.
const SEAL_SECRET: &str = "seal-secret";

/// The segment `verification` forces for a solver holding `secret`, if any.
fn forced_in(secret: &SealSecret, verification: &Verification) -> Option<u32> {
	forced_segment(
		secret,
		&verification.sampling_seed,
		verification.forced_odds.0,
		&verification.segments.0,
		verification.commitment.0.segments(),
	)
}

struct Counters {
	accepted: Arc<std::sync::atomic::AtomicU64>,
	committed: Arc<std::sync::atomic::AtomicU64>,
	steps: Arc<std::sync::atomic::AtomicU64>,
	training: Arc<std::sync::atomic::AtomicU64>,
}

/// The solver worker.
pub struct Solver {
	ctx: Context,
	hardware: HardwareClass,
	bond: Option<u128>,
	artifact_uri: String,
	training: Jobs<TaskId, Result<Trained, JobError>>,
	counters: Counters,
}

impl Solver {
	/// Reads the key, opens the store and starts the artifact server (and metrics).
	pub async fn start(args: &SolverArgs) -> anyhow::Result<Self> {
		let ctx = Context::new(&args.common)?;
		let artifact_uri =
			args.public_url.clone().unwrap_or_else(|| format!("http://{}", args.listen));
		if ctx.fault == Some(Fault::WithholdArtifacts) {
			log::warn!("solver {} commits {artifact_uri} but serves nothing there", ctx.account);
		} else {
			let listener = tokio::net::TcpListener::bind(args.listen).await?;
			tokio::spawn(crate::artifacts::serve(
				listener,
				crate::artifacts::router(ctx.store.clone()),
			));
			log::info!("solver {} serving checkpoints at {artifact_uri}", ctx.account);
		}
		if let Some(addr) = args.common.metrics {
			ctx.metrics.serve(addr).await?;
		}
		let m = &ctx.metrics;
		let counters = Counters {
			accepted: m.counter("assay_solver_tasks_accepted_total", "Tasks accepted."),
			committed: m
				.counter("assay_solver_tasks_committed_total", "Checkpoint commitments made."),
			steps: m.counter("assay_solver_training_steps_total", "Training steps run."),
			training: m.gauge("assay_solver_trainings_running", "Trainings in progress."),
		};
		Ok(Self {
			hardware: worker::local_hardware(args.common.device, args.gpu_memory_gib),
			bond: args.common.bond,
			artifact_uri,
			training: Jobs::default(),
			counters,
			ctx,
		})
	}

	fn start_training(&mut self, task: TaskId, spec: TaskSpec) {
		let store = self.ctx.store.clone();
		let device = self.ctx.device;
		let fault = self.ctx.fault;
		let steps = self.counters.steps.clone();
		self.counters.training.fetch_add(1, Ordering::Relaxed);
		self.training.start(task, move || {
			let total = u64::from(spec.hyper.total_steps);
			let bar = indicatif::ProgressBar::new(total).with_style(
				indicatif::ProgressStyle::with_template(
					"task {prefix} [{bar:30}] {pos}/{len} steps  {msg}",
				)
				.unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
			);
			bar.set_prefix(task.to_string());
			let run = TaskRun::prepare(spec, store, device)?;
			let trained = engine::train(task, &run, fault, |p: SegmentProgress| {
				bar.set_position(p.steps);
				bar.set_message(format!(
					"loss {:.4}  {:.0} samples/s",
					p.loss, p.samples_per_second
				));
				steps.fetch_add(u64::from(run.steps_per_segment()), Ordering::Relaxed);
				log::info!(
					"task {task}: segment {}/{} trained, {} steps, loss {:.4}, {:.0} samples/s",
					p.segment,
					p.segments,
					p.steps,
					p.loss,
					p.samples_per_second
				);
			});
			bar.finish_and_clear();
			trained
		});
	}

	async fn on_training(
		&mut self,
		chain: &Chain,
		task: TaskId,
		spec: TaskSpec,
	) -> Result<(), ClientError> {
		match self.training.poll(&task) {
			JobState::Absent => {
				log::info!("task {task}: training {} steps", spec.hyper.total_steps);
				self.start_training(task, spec);
				Ok(())
			},
			JobState::Running => Ok(()),
			JobState::Done(result) => {
				self.counters.training.fetch_sub(1, Ordering::Relaxed);
				match result {
					Ok(trained) => {
						// The secret is journaled before it is used: a solver that restarts
						// after committing must still be able to show and disclose.
						let secret = match self.ctx.store.record::<SealSecret>(task, SEAL_SECRET) {
							Ok(Some(secret)) => secret,
							_ => {
								let secret: SealSecret = rand::random();
								if let Err(error) =
									self.ctx.store.set_record(task, SEAL_SECRET, &secret)
								{
									log::error!("task {task}: cannot journal the seal: {error}");
									return Ok(());
								}
								secret
							},
						};
						let sealed = SealedCommitment {
							sealed: sealed_checkpoints(
								task,
								&self.ctx.account,
								&secret,
								&trained.commitment.root,
							),
							checkpoints: trained.commitment.checkpoints,
							final_model: trained.commitment.final_model,
						};
						let uri = self.artifact_uri.as_bytes().to_vec();
						let call = runtime::tx().proof_of_learning().commit_checkpoints(
							task,
							Static(sealed),
							runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(
								uri,
							),
						);
						let what = format!(
							"commit task {task}: root {} over {} checkpoints",
							hex::encode(trained.commitment.root),
							trained.commitment.checkpoints
						);
						submit_counted(
							chain,
							&self.ctx.key,
							&what,
							&call,
							&self.counters.committed,
						)
						.await?;
						Ok(())
					},
					// The job is started again on the next block; a task that cannot be
					// trained at all (bad data) ends at its deadline.
					Err(error) => {
						log::error!("task {task}: training failed: {error}");
						Ok(())
					},
				}
			},
		}
	}
}

impl Solver {
	/// Shows or discloses the seal of `task`'s checkpoints when its verification asks.
	async fn on_verifying(
		&mut self,
		chain: &Chain,
		block: &FinalizedBlock,
		task: TaskId,
		mode: &assay_primitives::VerificationMode,
	) -> Result<(), ClientError> {
		let verification = assay_client::fetch(
			&block.at,
			runtime::storage().proof_of_learning().verifications(),
			(task,),
		)
		.await?;
		let Some(verification) = verification else { return Ok(()) };
		let store = &self.ctx.store;
		if matches!(verification.seal, SealStage::Disclosed) {
			// The true checkpoints are the commitment now (served again here in case the
			// solver stopped between its disclosure and serving them).
			let truth = store.hashes(task, crate::store::CHECKPOINTS).unwrap_or_default();
			if !truth.is_empty()
				&& store.hashes(task, crate::store::SERVED).ok() != Some(truth.clone())
			{
				if let Err(error) = store.set_hashes(task, crate::store::SERVED, &truth) {
					log::error!("task {task}: cannot serve the true checkpoints: {error}");
				}
			}
			return Ok(());
		}
		if !matches!(verification.phase, Phase::Showing { .. } | Phase::Disclosing { .. }) {
			return Ok(());
		}
		let (secret, truth) = match (
			store.record::<SealSecret>(task, SEAL_SECRET),
			store.hashes(task, crate::store::CHECKPOINTS),
		) {
			(Ok(Some(secret)), Ok(truth)) if !truth.is_empty() => (secret, truth),
			_ => {
				log::error!("task {task}: the seal or the checkpoints are missing from the store");
				return Ok(());
			},
		};
		let forced = forced_in(&secret, &verification);
		let shown = match self.shown_leaves(task, &truth, forced, mode) {
			Ok(shown) => shown,
			Err(error) => {
				log::error!("task {task}: cannot prepare the forced checkpoint: {error}");
				return Ok(());
			},
		};
		match verification.phase {
			Phase::Showing { .. } => {
				if let Err(error) = store.set_hashes(task, crate::store::SERVED, &shown) {
					log::error!("task {task}: cannot serve the checkpoints: {error}");
					return Ok(());
				}
				if let Some(segment) = forced {
					log::info!("task {task}: forced to show a wrong end for segment {segment}");
				}
				let call =
					runtime::tx().proof_of_learning().show_checkpoints(task, merkle_root(&shown));
				submit(chain, &self.ctx.key, &format!("show the root of task {task}"), &call)
					.await?;
				Ok(())
			},
			_ => {
				let forced_leaf = forced.and_then(|segment| {
					let index = segment.checked_add(1)?;
					Some(Static(ForcedLeaf {
						shown: *shown.get(index as usize)?,
						truth: *truth.get(index as usize)?,
						proof: merkle_proof(&truth, index)?,
					}))
				});
				let call = runtime::tx().proof_of_learning().disclose(
					task,
					secret,
					merkle_root(&truth),
					forced_leaf,
				);
				submit(chain, &self.ctx.key, &format!("disclose the seal of task {task}"), &call)
					.await?;
				// From now on the true checkpoints are the commitment: serve them.
				if let Err(error) = store.set_hashes(task, crate::store::SERVED, &truth) {
					log::error!("task {task}: cannot serve the true checkpoints: {error}");
				}
				Ok(())
			},
		}
	}

	/// The checkpoint list the solver shows: `truth`, with the end of `forced` replaced by a
	/// wrong checkpoint (stored, so that it is served).
	fn shown_leaves(
		&self,
		task: TaskId,
		truth: &[Sha256],
		forced: Option<u32>,
		mode: &assay_primitives::VerificationMode,
	) -> Result<Vec<Sha256>, JobError> {
		let mut shown = truth.to_vec();
		let Some(segment) = forced else { return Ok(shown) };
		let index = segment.saturating_add(1) as usize;
		let end = *truth.get(index).ok_or_else(|| JobError::Invalid("no such leaf".into()))?;
		let checkpoint =
			self.ctx.store.checkpoint(&end)?.ok_or_else(|| {
				JobError::Invalid(format!("task {task}: checkpoint {index} missing"))
			})?;
		let wrong = engine::forced_checkpoint(&checkpoint, mode)?;
		if let Some(leaf) = shown.get_mut(index) {
			*leaf = self.ctx.store.put_checkpoint(&wrong)?;
		}
		Ok(shown)
	}
}

impl Worker for Solver {
	async fn on_connect(&mut self, chain: &Chain) -> Result<(), ClientError> {
		match self.bond {
			Some(amount) => {
				worker::ensure_bond(chain, &self.ctx, Role::Solver, amount, Some(self.hardware))
					.await
			},
			None => Ok(()),
		}
	}

	fn on_events(&mut self, block: &FinalizedBlock) {
		use runtime::task_pool::events::{TaskFailed, TaskSettled};
		for settled in block.events.find::<TaskSettled>().flatten() {
			if settled.solver == self.ctx.account {
				log::info!("task {} settled: reward {} paid", settled.task, settled.reward);
			}
		}
		for failed in block.events.find::<TaskFailed>().flatten() {
			if failed.solver == self.ctx.account {
				log::warn!("task {} failed: {} slashed", failed.task, failed.slashed);
			}
		}
	}

	async fn on_block(&mut self, chain: &Chain, block: &FinalizedBlock) -> Result<(), ClientError> {
		let me = &self.ctx.account.clone();
		for (task, entry) in entries(&block.at, runtime::storage().task_pool().tasks()).await? {
			let Static(spec) = entry.spec;
			match entry.state {
				TaskState::Assigned { solver, .. } if &solver == me => {
					if self.hardware.satisfies(&spec.hardware) {
						let call = runtime::tx().task_pool().accept_task(task);
						submit_counted(
							chain,
							&self.ctx.key,
							&format!("accept task {task}"),
							&call,
							&self.counters.accepted,
						)
						.await?;
					} else {
						let call = runtime::tx().task_pool().decline_task(task);
						let what = format!("decline task {task} (needs {:?})", spec.hardware);
						submit(chain, &self.ctx.key, &what, &call).await?;
					}
				},
				TaskState::Training { solver, .. } if &solver == me => {
					self.on_training(chain, task, spec).await?
				},
				TaskState::Verifying { solver } if &solver == me => {
					let mode = spec.verification.mode.clone();
					self.on_verifying(chain, block, task, &mode).await?
				},
				_ => {},
			}
		}
		Ok(())
	}
}
