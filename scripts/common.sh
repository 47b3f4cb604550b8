# Shared by the scripts in this folder: paths and small helpers. Source it; do not run it.

ASSAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target directory for every build (yours, the scripts', CI's), so each warms the others.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/assay-target}"
ASSAY_NODE="${ASSAY_NODE:-$CARGO_TARGET_DIR/debug/assay-node}"
# The one PyTorch the learning engine links against: pip's torch==2.11.0 (what tch 0.24 binds)
# in a fixed virtual environment, installed by setup.sh. `libtorch` in it is a link to the
# torch package; .cargo/config.toml points torch-sys there (LIBTORCH), so every build (plain
# cargo, these scripts, CI) uses the same library without the venv's python on PATH.
ASSAY_TORCH_VENV=/var/tmp/assay-torch
ASSAY_TORCH_VERSION=2.11.0
export ASSAY_NODE

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Builds every binary (assay-node with fast-runtime, assay-solver, assay-verifier,
# assay-learn) unless cargo finds them up to date. One command for all of them: cargo builds a
# crate again for every distinct feature set, so the scripts all ask for the same set.
build_binaries() {
	say "building assay-node, the workers and assay-learn (first build: about 30 min on 2 cores; later ones: seconds)"
	(cd "$ASSAY_ROOT" && cargo build --locked --workspace --bins) || die "the build failed"
}
