#!/usr/bin/env bash
# Starts the four validators of the `local_testnet` preset (Alice, Bob, Charlie, Dave) on
# 127.0.0.1: P2P ports 30333-30336, RPC ports 9944-9947, base paths and logs under
# $ASSAY_LOCAL_BASE (default /var/tmp/assay-local). Ctrl-C stops all four.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

base="${ASSAY_LOCAL_BASE:-/var/tmp/assay-local}"
[ -x "$ASSAY_NODE" ] || build_binaries
mkdir -p "$base"

# Fixed node keys (…01 to …04): validators on a non-dev chain must have one, and Alice's gives
# her a known peer id for the others to boot from.
node_key() { printf '%064x' "$1"; }
alice_peer=$("$ASSAY_NODE" key inspect-node-key --file <(node_key 1))

pids=()
stop_all() {
	trap - INT TERM EXIT
	say "stopping the validators"
	kill "${pids[@]}" 2>/dev/null || true
	wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all INT TERM EXIT

i=0
for name in alice bob charlie dave; do
	# --listen-addr keeps P2P on loopback (--port would listen on every interface).
	args=(--chain local "--$name" --validator --base-path "$base/$name"
		--listen-addr "/ip4/127.0.0.1/tcp/$((30333 + i))" --rpc-port $((9944 + i))
		--prometheus-port $((9615 + i)) --no-mdns --name "$name" --node-key "$(node_key $((i + 1)))")
	[ "$name" = alice ] || args+=(--bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$alice_peer")
	"$ASSAY_NODE" "${args[@]}" >"$base/$name.log" 2>&1 &
	pids+=($!)
	say "$name: rpc ws://127.0.0.1:$((9944 + i)), log $base/$name.log"
	i=$((i + 1))
done
wait -n "${pids[@]}"
die "a validator exited; see the logs in $base"
