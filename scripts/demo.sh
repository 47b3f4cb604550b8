#!/usr/bin/env bash
# README command one: installs what is missing, builds, and runs the whole market on one
# machine: a development chain, a solver, two verifiers and a whistleblower; serves the bundled
# digits data set; submits an MLP task through polkadot.js; shows its progress; and ends with
# the verdict, who was paid what, the final model's hash and its held-out accuracy.
#
# Ctrl-C stops everything. Logs and stores stay in the work directory printed at the start.
# Ports (override with the variables): ASSAY_DEMO_RPC_PORT=9955, ASSAY_DEMO_DATA_PORT=8600,
# ASSAY_DEMO_SOLVER_PORT=8601.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ASSAY_ROOT"

rpc_port="${ASSAY_DEMO_RPC_PORT:-9955}"
data_port="${ASSAY_DEMO_DATA_PORT:-8600}"
solver_port="${ASSAY_DEMO_SOLVER_PORT:-8601}"
node_url="ws://127.0.0.1:$rpc_port"

"$ASSAY_ROOT/scripts/setup.sh"
build_binaries
bin="$CARGO_TARGET_DIR/debug"

work="$(mktemp -d "${TMPDIR:-/tmp}/assay-demo.XXXXXX")"
pids=()
worker_pids=()
stop_all() {
	trap - EXIT INT TERM
	if [ "${#pids[@]}" -gt 0 ]; then
		kill -INT "${pids[@]}" 2>/dev/null || true
		sleep 1
		kill -KILL "${pids[@]}" 2>/dev/null || true
		wait 2>/dev/null || true
	fi
	say "stopped; logs and stores in $work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Runs a program in the background, its output prefixed with a label and copied to a log.
background() {
	local label="$1"
	shift
	"$@" > >(sed -u "s/^/[$label] /" | tee "$work/$label.log" >&2) 2>&1 &
	pids+=("$!")
	worker_pids+=("$label:$!")
}

# Peak resident memory of each worker so far (docs/benchmarks.md).
print_worker_memory() {
	local entry label pid
	for entry in "${worker_pids[@]}"; do
		label="${entry%%:*}"
		pid="${entry##*:}"
		printf '  %-14s peak RSS %s\n' "$label" "$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status" 2>/dev/null || echo '?')"
	done
}

wait_for_http() {
	local url="$1" what="$2"
	for _ in $(seq 1 120); do
		curl -fsS -o /dev/null -H 'Content-Type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' "$url" 2>/dev/null && return 0
		curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
		sleep 1
	done
	die "$what did not come up ($url)"
}

say "work directory: $work"
say "starting assay-node --dev (3 s blocks) on $node_url"
"$bin/assay-node" --dev --base-path "$work/chain" --rpc-port "$rpc_port" --no-prometheus \
	--no-telemetry --no-mdns --listen-addr /ip4/127.0.0.1/tcp/0 >"$work/node.log" 2>&1 &
pids+=("$!")
wait_for_http "http://127.0.0.1:$rpc_port" "assay-node"

say "serving the digits data set on http://127.0.0.1:$data_port"
mkdir -p "$work/data"
cp learning/tests/fixtures/digits.csv.gz "$work/data/"
data_sha256="$(gzip -dc "$work/data/digits.csv.gz" | sha256sum | cut -d' ' -f1)"
python3 -m http.server "$data_port" --bind 127.0.0.1 --directory "$work/data" >"$work/data.log" 2>&1 &
pids+=("$!")
wait_for_http "http://127.0.0.1:$data_port/digits.csv.gz" "the data server"

say "starting a solver (//Bob), two verifiers (//Charlie, //Dave) and a whistleblower (//Eve)"
background solver "$bin/assay-solver" --node "$node_url" --key //Bob --store "$work/solver" \
	--listen "127.0.0.1:$solver_port" --bond 1000
background verifier-1 "$bin/assay-verifier" --node "$node_url" --key //Charlie \
	--store "$work/verifier-1" --role verifier --bond 200
background verifier-2 "$bin/assay-verifier" --node "$node_url" --key //Dave \
	--store "$work/verifier-2" --role verifier --bond 200
background whistleblower "$bin/assay-verifier" --node "$node_url" --key //Eve \
	--store "$work/whistleblower" --role whistleblower --bond 100

# The task: a 64-32-10 MLP on digits (1500 training samples, 297 held out), Adam, 400 steps
# in 4 segments of 100; 2 segments sampled, 2 verifiers, Exact mode on the CPU.
cat >"$work/task.json" <<EOF
{
  "model": { "Mlp": { "layers": [64, 32, 10] } },
  "dataset": { "uri": "http://127.0.0.1:$data_port/digits.csv.gz", "sha256": "0x$data_sha256",
               "format": "Csv", "trainSamples": 1500 },
  "hyper": { "optimizer": { "Adam": { "beta1": "0.9", "beta2": "0.999", "epsilon": "0.00000001" } },
             "learningRate": "0.01", "batchSize": 32, "totalSteps": 400, "seed": 7,
             "checkpointInterval": 100 },
  "verification": { "mode": "Exact", "sampledSegments": 2, "verifiers": 2 },
  "hardware": { "device": "Cpu", "memoryGib": 1 },
  "deadlineBlocks": 100
}
EOF
# Give the workers a few blocks to bond before the draw.
sleep 15
say "submitting the task with polkadot.js (//Alice)"
set +e
node scripts/submit-task.mjs --node "$node_url" --key //Alice --spec "$work/task.json" \
	--reward 20 --fee 1 --out "$work/model.safetensors"
outcome=$?
set -e
[ "$outcome" -eq 0 ] || die "the task did not settle (see $work/*.log)"

say "held-out accuracy of the trained model"
"$bin/assay-learn" evaluate --model mlp:64,32,10 --data "file://$work/data/digits.csv.gz" \
	--sha256 "$data_sha256" --format csv --train-samples 1500 --optimizer adam --lr 0.01 \
	--batch 32 --steps 400 --interval 100 --seed 7 --cache "$work/cache" \
	--checkpoint "$work/model.safetensors"
say "worker memory"
print_worker_memory
say "done"
