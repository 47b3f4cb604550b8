//! What both workers share: the command line, the loop that follows finalized blocks across
//! node restarts, background jobs, bonding, and Prometheus metrics.
//!
//! A worker is a reconciler. On every finalized block it reads the chain state that concerns
//! it (its tasks, verifications, disputes) and does what that state asks for, using its store
//! for what it already computed. Nothing depends on having seen an event, so a worker that
//! restarts, or whose node restarts, simply reads the state again and carries on; a
//! transaction that was already included is not sent again because the state it reads no
//! longer asks for it (and the pallets refuse a repeat with a precise error if one slips by).

use crate::{artifacts, engine::Fault, store::Store};
use assay_client::{
	account_of, runtime, AccountId, AtBlock, Chain, ClientError, FinalizedBlock, Keypair, Static,
};
use assay_learning::DeviceChoice;
use assay_primitives::{Device, HardwareClass, Role};
use futures::{FutureExt, StreamExt};

use std::{
	collections::HashMap,
	future::Future,
	net::SocketAddr,
	path::PathBuf,
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::Duration,
};
use tokio::task::JoinHandle;

/// One ASY in plancks.
pub const UNIT: u128 = 1_000_000_000_000;

/// The options every worker takes.
#[derive(clap::Args, Clone, Debug)]
pub struct CommonArgs {
	/// The node's WebSocket RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub node: String,
	/// The signing key: a secret URI (`//Alice`, a mnemonic) or a file holding one (mode 0600).
	#[arg(long)]
	pub key: String,
	/// Where libtorch trains and replays (`Exact`-mode tasks always replay on the CPU).
	#[arg(long, value_enum, default_value = "cpu")]
	pub device: DeviceArg,
	/// The worker's store: checkpoints, verified datasets, and its journal.
	#[arg(long)]
	pub store: PathBuf,
	/// Bond this many ASY for the worker's role at start-up if its bond is smaller (a fresh
	/// bond, or `bond_extra` for the difference).
	#[arg(long)]
	pub bond: Option<u128>,
	/// Serve Prometheus metrics at `http://ADDR/metrics` (keep it on loopback).
	#[arg(long)]
	pub metrics: Option<SocketAddr>,
	/// Test-only: behave dishonestly (`corrupt-segment=<i>`, `approve-without-replay`,
	/// `withhold-artifacts`) to show the protocol catching it. The worker will lose stake.
	#[arg(long, hide = true)]
	pub fault: Option<Fault>,
}

/// `--device`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceArg {
	/// The CPU.
	Cpu,
	/// The first CUDA GPU.
	Cuda,
}

impl DeviceArg {
	/// The learning engine's device.
	pub fn choice(self) -> DeviceChoice {
		match self {
			Self::Cpu => DeviceChoice::Cpu,
			Self::Cuda => DeviceChoice::Cuda(0),
		}
	}
}

/// What a worker is while it runs: key, store, metrics.
pub struct Context {
	/// The signing key.
	pub key: Keypair,
	/// Its account.
	pub account: AccountId,
	/// The store.
	pub store: Store,
	/// The device for training and replays.
	pub device: DeviceChoice,
	/// A test-only fault.
	pub fault: Option<Fault>,
	/// Counters and gauges.
	pub metrics: Metrics,
}

impl Context {
	/// Opens the store and reads the key.
	pub fn new(args: &CommonArgs) -> anyhow::Result<Self> {
		let key = assay_client::keys::keypair(&args.key)?;
		let account = account_of(&key);
		let store = Store::open(&args.store)?;
		if let Some(fault) = args.fault {
			log::warn!("running with the test fault {fault:?}: this worker will be slashed");
		}
		Ok(Self {
			key,
			account,
			store,
			device: args.device.choice(),
			fault: args.fault,
			metrics: Metrics::default(),
		})
	}
}

/// A worker: reacts to finalized blocks.
pub trait Worker {
	/// After each (re)connection, before the first block.
	fn on_connect(&mut self, chain: &Chain) -> impl Future<Output = Result<(), ClientError>>;
	/// Every finalized block, for its events (logging, metrics).
	fn on_events(&mut self, block: &FinalizedBlock);
	/// The newest finalized block: read the state and act on it.
	fn on_block(
		&mut self,
		chain: &Chain,
		block: &FinalizedBlock,
	) -> impl Future<Output = Result<(), ClientError>>;
}

/// Runs `worker` against the node at `url` for ever: connects (retrying while the node is
/// down), follows finalized blocks and reconnects when the connection drops.
pub async fn run(url: &str, worker: &mut impl Worker) {
	loop {
		let chain = match Chain::connect(url).await {
			Ok(chain) => chain,
			Err(error) => {
				log::warn!("{error}; retrying in 3 s");
				tokio::time::sleep(Duration::from_secs(3)).await;
				continue;
			},
		};
		log::info!("connected to {url}");
		if let Err(error) = follow(&chain, worker).await {
			log::warn!("{error}; reconnecting");
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
}

async fn follow(chain: &Chain, worker: &mut impl Worker) -> Result<(), ClientError> {
	worker.on_connect(chain).await?;
	let mut blocks = chain.finalized_blocks().await?;
	while let Some(block) = blocks.next().await {
		let block = block?;
		worker.on_events(&block);
		// Act on the newest state only: blocks that piled up while a transaction was being
		// finalized are read for their events and skipped, so a worker never acts on a state
		// older than its own last transaction.
		let newest = chain.at_finalized().await?.block_number();
		if u64::from(block.number) < newest {
			continue;
		}
		match worker.on_block(chain, &block).await {
			Err(error) if error.is_connection() => return Err(error),
			Err(error) => log::warn!("block #{}: {error}", block.number),
			Ok(()) => {},
		}
	}
	Err(ClientError::Connection("the finalized block stream ended".into()))
}

/// Submits `call` and logs the outcome. Only a lost connection is an error (the caller
/// reconnects); a refusal or failed dispatch is logged and reported as `Ok(false)`: the state
/// the next block shows decides what to do then.
pub async fn submit<Call: assay_client::subxt::transactions::Payload>(
	chain: &Chain,
	key: &Keypair,
	what: &str,
	call: &Call,
) -> Result<bool, ClientError> {
	log::info!("→ {what}");
	match chain.submit(call, key).await {
		Ok(_) => {
			log::info!("✓ {what}");
			Ok(true)
		},
		Err(error) if error.is_connection() => Err(error),
		Err(error) => {
			log::warn!("✗ {what}: {error}");
			Ok(false)
		},
	}
}

/// [`submit`], counting a success in `counter`.
pub async fn submit_counted<Call: assay_client::subxt::transactions::Payload>(
	chain: &Chain,
	key: &Keypair,
	what: &str,
	call: &Call,
	counter: &AtomicU64,
) -> Result<(), ClientError> {
	if submit(chain, key, what, call).await? {
		counter.fetch_add(1, Ordering::Relaxed);
	}
	Ok(())
}

/// Bonds `amount` ASY as `role` (with `hardware` for a solver) unless the bond already
/// reaches it.
pub async fn ensure_bond(
	chain: &Chain,
	ctx: &Context,
	role: Role,
	amount: u128,
	hardware: Option<HardwareClass>,
) -> Result<(), ClientError> {
	let wanted = amount.saturating_mul(UNIT);
	let at = chain.at_finalized().await?;
	let current = bonded(&at, &ctx.account, role).await?;
	match current {
		Some(bonded) if bonded >= wanted => {
			log::info!("bonded {} ASY as {role:?}", bonded / UNIT);
			Ok(())
		},
		Some(bonded) => {
			let extra = runtime::tx().role_staking().bond_extra(Static(role), wanted - bonded);
			let what = format!("bond {} more ASY as {role:?}", (wanted - bonded) / UNIT);
			submit(chain, &ctx.key, &what, &extra).await.map(drop)
		},
		None => {
			let bond =
				runtime::tx().role_staking().bond(Static(role), wanted, hardware.map(Static));
			submit(chain, &ctx.key, &format!("bond {amount} ASY as {role:?}"), &bond)
				.await
				.map(drop)
		},
	}
}

/// The bond of `who` as `role`, if any.
pub async fn bonded(
	at: &AtBlock,
	who: &AccountId,
	role: Role,
) -> Result<Option<u128>, ClientError> {
	let bond =
		assay_client::fetch(at, runtime::storage().role_staking().bonds(), (*who, Static(role)))
			.await?;
	Ok(bond.map(|bond| bond.amount))
}

/// The hardware this machine offers on `device`: the device kind and its memory (host RAM for
/// the CPU, read from /proc/meminfo; a GPU is declared with `gpu_memory_gib`).
pub fn local_hardware(device: DeviceArg, gpu_memory_gib: u16) -> HardwareClass {
	match device {
		DeviceArg::Cuda => HardwareClass { device: Device::Gpu, memory_gib: gpu_memory_gib },
		DeviceArg::Cpu => {
			let kib = std::fs::read_to_string("/proc/meminfo")
				.ok()
				.and_then(|text| {
					text.lines()
						.find(|line| line.starts_with("MemTotal:"))
						.and_then(|line| line.split_whitespace().nth(1))
						.and_then(|kib| kib.parse::<u64>().ok())
				})
				.unwrap_or(0);
			HardwareClass {
				device: Device::Cpu,
				memory_gib: u16::try_from(kib >> 20).unwrap_or(u16::MAX),
			}
		},
	}
}

/// Background jobs (training, replays) keyed by what they are for.
pub struct Jobs<K, T> {
	running: HashMap<K, JoinHandle<T>>,
}

impl<K, T> Default for Jobs<K, T> {
	fn default() -> Self {
		Self { running: HashMap::new() }
	}
}

/// Where a job stands.
pub enum JobState<T> {
	/// No job under that key.
	Absent,
	/// Still running.
	Running,
	/// Finished (and forgotten: the next poll says `Absent`).
	Done(T),
}

impl<K: std::hash::Hash + Eq, T: Send + 'static> Jobs<K, T> {
	/// Starts `job` on the blocking pool under `key` (unless one is running).
	pub fn start(&mut self, key: K, job: impl FnOnce() -> T + Send + 'static) {
		self.running.entry(key).or_insert_with(|| tokio::task::spawn_blocking(job));
	}

	/// The state of the job under `key`.
	pub fn poll(&mut self, key: &K) -> JobState<T> {
		let Some(handle) = self.running.get_mut(key) else { return JobState::Absent };
		if !handle.is_finished() {
			return JobState::Running;
		}
		let result = handle.now_or_never();
		self.running.remove(key);
		match result {
			Some(Ok(value)) => JobState::Done(value),
			// A job that panicked (a libtorch abort surfaces as one) is as good as absent:
			// the next block starts it again.
			Some(Err(error)) => {
				log::error!("a background job failed: {error}");
				JobState::Absent
			},
			None => JobState::Running,
		}
	}
}

/// One registered metric: name, help text, kind (`counter` or `gauge`), value.
type MetricEntry = (&'static str, &'static str, &'static str, Arc<AtomicU64>);

/// Prometheus counters and gauges, rendered in the text exposition format.
#[derive(Clone, Default)]
pub struct Metrics {
	entries: Arc<Mutex<Vec<MetricEntry>>>,
}

impl Metrics {
	fn register(
		&self,
		name: &'static str,
		help: &'static str,
		kind: &'static str,
	) -> Arc<AtomicU64> {
		let value = Arc::new(AtomicU64::new(0));
		if let Ok(mut entries) = self.entries.lock() {
			entries.push((name, help, kind, value.clone()));
		}
		value
	}

	/// A counter (only goes up).
	pub fn counter(&self, name: &'static str, help: &'static str) -> Arc<AtomicU64> {
		self.register(name, help, "counter")
	}

	/// A gauge.
	pub fn gauge(&self, name: &'static str, help: &'static str) -> Arc<AtomicU64> {
		self.register(name, help, "gauge")
	}

	/// The exposition text.
	pub fn render(&self) -> String {
		let Ok(entries) = self.entries.lock() else { return String::new() };
		entries
			.iter()
			.map(|(name, help, kind, value)| {
				format!(
					"# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {}\n",
					value.load(Ordering::Relaxed)
				)
			})
			.collect()
	}

	/// Serves `/metrics` on `addr`.
	pub async fn serve(&self, addr: SocketAddr) -> anyhow::Result<()> {
		if !addr.ip().is_loopback() {
			log::warn!("metrics served on {addr}, which is not a loopback address");
		}
		let metrics = self.clone();
		let router = axum::Router::new().route(
			"/metrics",
			axum::routing::get(move || {
				let metrics = metrics.clone();
				async move { metrics.render() }
			}),
		);
		let listener = tokio::net::TcpListener::bind(addr).await?;
		log::info!("metrics at http://{addr}/metrics");
		tokio::spawn(artifacts::serve(listener, router));
		Ok(())
	}
}

/// Starts a worker process: logging, then a multi-threaded tokio runtime running `main` until
/// it returns or Ctrl-C / SIGTERM arrives.
///
/// The learning engine's CPU kernels are pinned first, before any thread exists (`Exact`
/// mode needs it; see `assay_learning::determinism`).
pub fn start<F: Future<Output = anyhow::Result<()>>>(main: F) -> anyhow::Result<()> {
	assay_learning::pin_cpu_kernels();
	env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
		.format_target(false)
		.init();
	let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
	runtime.block_on(async {
		let mut terminate =
			tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
		tokio::select! {
			result = main => result,
			_ = tokio::signal::ctrl_c() => {
				log::info!("interrupted; stopping");
				Ok(())
			},
			_ = terminate.recv() => {
				log::info!("terminated; stopping");
				Ok(())
			},
		}
	})?;
	// Jobs on the blocking pool (a training) are not waited for: their progress is on disk.
	runtime.shutdown_timeout(Duration::from_millis(100));
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn metrics_render_in_the_prometheus_text_format() {
		let metrics = Metrics::default();
		let steps = metrics.counter("assay_test_steps_total", "Steps run.");
		let running = metrics.gauge("assay_test_running", "Jobs running.");
		steps.fetch_add(42, Ordering::Relaxed);
		running.fetch_add(1, Ordering::Relaxed);
		assert_eq!(
			metrics.render(),
			"# HELP assay_test_steps_total Steps run.\n# TYPE assay_test_steps_total counter\n\
			 assay_test_steps_total 42\n# HELP assay_test_running Jobs running.\n\
			 # TYPE assay_test_running gauge\nassay_test_running 1\n"
		);
	}

	#[test]
	fn the_cpu_is_declared_with_this_machines_memory() {
		let cpu = local_hardware(DeviceArg::Cpu, 0);
		assert_eq!(cpu.device, Device::Cpu);
		assert!(cpu.memory_gib >= 1, "/proc/meminfo gives at least 1 GiB here");
		assert_eq!(
			local_hardware(DeviceArg::Cuda, 80),
			HardwareClass { device: Device::Gpu, memory_gib: 80 }
		);
	}
}
