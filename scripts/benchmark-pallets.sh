#!/usr/bin/env bash
# Runs FRAME benchmarks through `assay-node benchmark pallet` and writes the weight files.
#
#   scripts/benchmark-pallets.sh [--quick] PALLET...     e.g. pallet_balances
#
# Builds assay-node with `runtime-benchmarks` first. --quick (2 steps, 1 repeat) checks that the
# benchmarks run; without it the figures are fit for weights.rs (50 steps, 20 repeats). An Assay
# pallet (pallet_role_staking, …) gets its pallets/<name>/src/weights.rs rewritten through
# scripts/frame-weight-template.hbs; any other pallet's runtime weights go to $ASSAY_WEIGHTS_DIR
# (default target-dir/weights/<pallet>.rs).
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
	name="${pallet#pallet_}"
	crate_dir="$ASSAY_ROOT/pallets/${name//_/-}"
	if [ -d "$crate_dir" ]; then
		output=(--output "$crate_dir/src/weights.rs" --template "$ASSAY_ROOT/scripts/frame-weight-template.hbs")
	else
		output=(--output "$out/$pallet.rs")
	fi
	pallet_steps=$steps
	pallet_repeat=$repeat
	# The market pallets' draws bond up to MaxMembersPerRole (1 000) members in their set-up,
	# once per step and repeat: at 50 × 20 that set-up alone takes an hour on the debug node.
	# 10 × 5 still fits the linear components well.
	case "$pallet" in
	pallet_task_pool | pallet_proof_of_learning | pallet_dispute)
		if [ "$steps" -gt 10 ]; then
			pallet_steps=10
			pallet_repeat=5
		fi
		;;
	esac
	say "benchmarking $pallet ($pallet_steps steps, $pallet_repeat repeats)"
	"$ASSAY_NODE" benchmark pallet --runtime-log=warn --chain dev --pallet "$pallet" \
		--extrinsic '*' --steps "$pallet_steps" --repeat "$pallet_repeat" "${output[@]}"
done
say "weights written to $out"
