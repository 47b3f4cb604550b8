#!/usr/bin/env bash
# The whole test suite: Rust unit, pallet and runtime tests, then the end-to-end tests that
# run the real assay-node (dev chain, polkadot.js, a four-validator network, bad input).
# Usage: scripts/test.sh            everything
#        scripts/test.sh --rust     only the Rust tests
#        scripts/test.sh --e2e      only the end-to-end tests
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ASSAY_ROOT"

what="${1:-all}"
"$ASSAY_ROOT/scripts/setup.sh"

if [ "$what" = all ] || [ "$what" = --rust ]; then
	say "Rust tests"
	cargo nextest run --locked --workspace --no-fail-fast
fi

if [ "$what" = all ] || [ "$what" = --e2e ]; then
	build_binaries
	say "end-to-end tests against $ASSAY_NODE"
	(cd tests/e2e && npm test)
fi
