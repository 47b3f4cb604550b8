#!/usr/bin/env bash
# Learning-engine benchmarks (issue 5): training throughput of the engine against the same
# model and optimizer in plain PyTorch, checkpoint + hash overhead, canonical-hash throughput,
# and the cost of verification (replaying s of n segments) with the detection probability it
# buys. Builds assay-learn in release, runs everything REPEAT times (median) and prints the
# tables of docs/benchmarks.md.
#
#   scripts/bench/learning.sh                # MNIST from ../shared/data, else the digits fixture
#   REPEAT=5 MODELS=mlp scripts/bench/learning.sh
#
# Knobs (environment): REPEAT (3), STEPS (1000), INTERVAL (100), BATCH (64), SAMPLED (2),
# HASH_MIB (256), MODELS ("mlp lenet"), BENCH_DATA (auto | mnist | digits),
# TORCH_PYTHON (/var/tmp/assay-torch/bin/python), CARGO_TARGET_DIR (/var/tmp/assay-target).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/assay-target}"
cargo build --release -p assay-learning --bin assay-learn
export ENGINE="$CARGO_TARGET_DIR/release/assay-learn"
PY="${TORCH_PYTHON:-/var/tmp/assay-torch/bin/python}"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" -W ignore scripts/bench/learning_bench.py 2>&1 | grep --line-buffered -v -e 'Failed to initialize NumPy' -e '_conversion_method_template'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
