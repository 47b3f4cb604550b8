#!/usr/bin/env bash
# Installs what building and testing Assay needs and is not there yet: Debian packages, the
# Rust toolchain and targets named in rust-toolchain.toml, cargo-nextest, PyTorch for the
# learning engine, and the pinned Node.js packages of the end-to-end tests. Idempotent, and
# silent when nothing is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# clang/libclang: bindgen for librocksdb-free C deps; protoc: libp2p; mold: fast linking.
# python3-venv: the PyTorch virtual environment of the learning engine.
APT_PACKAGES=(clang libclang-dev protobuf-compiler mold pkg-config make curl ca-certificates python3-venv)

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

# PyTorch for tch 0.24 (learning/): the PyPI wheel (CUDA 13 build, ~2.7 GB with its nvidia-*
# wheels; it also runs on machines without a GPU) in ONE fixed venv, and a stable link to the
# torch package that .cargo/config.toml's LIBTORCH names (keep the two paths equal).
torch_python="$ASSAY_TORCH_VENV/bin/python"
installed_torch=$("$torch_python" -c 'import importlib.metadata as m; print(m.version("torch"))' 2>/dev/null || true)
if [ "$installed_torch" != "$ASSAY_TORCH_VERSION" ]; then
	say "installing PyTorch $ASSAY_TORCH_VERSION into $ASSAY_TORCH_VENV (about 2.7 GB)"
	[ -x "$torch_python" ] || python3 -m venv "$ASSAY_TORCH_VENV"
	"$torch_python" -m pip install -q --disable-pip-version-check "torch==$ASSAY_TORCH_VERSION"
fi
torch_dir=$("$torch_python" -c 'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("torch").origin))')
[ "$(readlink "$ASSAY_TORCH_VENV/libtorch" 2>/dev/null)" = "$torch_dir" ] || ln -sfn "$torch_dir" "$ASSAY_TORCH_VENV/libtorch"

command -v node >/dev/null 2>&1 || die "Node.js 18 or newer is needed for the polkadot.js tests (apt-get install nodejs npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "Node.js $node_major is too old; 18 or newer is needed"

e2e="$ASSAY_ROOT/tests/e2e"
stamp="$e2e/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$e2e/package-lock.json" -nt "$stamp" ]; then
	say "installing the pinned Node.js packages of tests/e2e"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
