#!/usr/bin/env bash
# Runs FRAME benchmarks through `assay-node benchmark pallet` and writes the weight files.
#
#   scripts/benchmark-pallets.sh [--quick] PALLET...     e.g. pallet_balances
#
# Builds assay-node with `runtime-benchmarks` first. --quick (2 steps, 1 repeat) checks that the
# benchmarks run; without it the figures are fit for weights.rs (50 steps, 20 repeats). Output
# goes to $ASSAY_WEIGHTS_DIR (default target-dir/weights/<pallet>.rs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

steps=50
repeat=20
if [ "${1:-}" = --quick ]; then
	steps=2
	repeat=1
	shift
fi
[ $# -gt 0 ] || die "usage: $0 [--quick] PALLET..."

say "building assay-node with runtime-benchmarks"
(cd "$ASSAY_ROOT" && cargo build --locked -p assay-node --features runtime-benchmarks) ||
	die "assay-node failed to build with runtime-benchmarks"

out="${ASSAY_WEIGHTS_DIR:-$CARGO_TARGET_DIR/weights}"
mkdir -p "$out"
for pallet in "$@"; do
	say "benchmarking $pallet ($steps steps, $repeat repeats)"
	"$ASSAY_NODE" benchmark pallet --runtime-log=warn --chain dev --pallet "$pallet" \
		--extrinsic '*' --steps "$steps" --repeat "$repeat" --output "$out/$pallet.rs"
done
say "weights written to $out"
