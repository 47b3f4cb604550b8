#!/usr/bin/env bash
# Installs what building and testing Assay needs and is not there yet: Debian packages, the
# Rust toolchain and targets named in rust-toolchain.toml, cargo-nextest, and the pinned
# Node.js packages of the end-to-end tests. Idempotent, and silent when nothing is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# clang/libclang: bindgen for librocksdb-free C deps; protoc: libp2p; mold: fast linking.
APT_PACKAGES=(clang libclang-dev protobuf-compiler mold pkg-config make curl ca-certificates)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
	say "installing Debian packages: ${missing[*]}"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null 2>&1; then
	say "installing rustup"
	curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none >/dev/null
	# shellcheck disable=SC1091
	source "$HOME/.cargo/env"
fi
# rust-toolchain.toml names the channel, components and the wasm32v1-none target the runtime
# is built for; install whichever of them is missing.
cd "$ASSAY_ROOT"
rustc --version >/dev/null 2>&1 || { say "installing the Rust toolchain"; rustup toolchain install >/dev/null; }
rustup target list --installed | grep -qx wasm32v1-none || {
	say "adding the wasm32v1-none target"
	rustup target add wasm32v1-none >/dev/null
}

if ! cargo nextest --version >/dev/null 2>&1; then
	say "installing cargo-nextest"
	cargo install --locked cargo-nextest >/dev/null
fi

command -v node >/dev/null 2>&1 || die "Node.js 18 or newer is needed for the polkadot.js tests (apt-get install nodejs npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "Node.js $node_major is too old; 18 or newer is needed"

e2e="$ASSAY_ROOT/tests/e2e"
stamp="$e2e/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$e2e/package-lock.json" -nt "$stamp" ]; then
	say "installing the pinned Node.js packages of tests/e2e"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
