#!/usr/bin/env bash
# README command one: install what is missing, build assay-node and run a development chain
# (Alice validates alone; 3 s blocks; RPC on ws://127.0.0.1:9944). State is kept in
# $ASSAY_DEV_BASE (default /var/tmp/assay-dev); pass --purge to start from genesis again.
# Any other arguments go to assay-node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

base="${ASSAY_DEV_BASE:-/var/tmp/assay-dev}"
if [ "${1:-}" = --purge ]; then
	shift
	rm -rf "$base"
fi

"$ASSAY_ROOT/scripts/setup.sh"
build_binaries
say "starting the development chain (Ctrl-C stops it; state in $base)"
exec "$ASSAY_NODE" --dev --base-path "$base" --rpc-port 9944 "$@"
