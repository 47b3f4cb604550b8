#!/usr/bin/env bash
# GPU figures of the learning engine (docs/benchmarks.md, "On a GPU"), for a machine with a
# CUDA device and a python that has torch 2.11.0. ENGINE is a release assay-learn built where
# the toolchain is (`cargo build --release -p assay-learning --bin assay-learn`); its runpath
# names /var/tmp/assay-torch/libtorch/lib, so on a machine whose torch lives elsewhere this
# links that place to the local torch package first.
#
#   ENGINE=path/to/assay-learn MNIST_DIR=path/to/mnist scripts/bench/gpu.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${TORCH_PYTHON:-python3}"
TORCH_DIR="$("$PY" -c 'import os, torch; print(os.path.dirname(torch.__file__))')"
if [ ! -e /var/tmp/assay-torch/libtorch/lib/libtorch_cuda.so ]; then
	mkdir -p /var/tmp/assay-torch
	ln -sfn "$TORCH_DIR" /var/tmp/assay-torch/libtorch
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
echo "torch $("$PY" -c 'import torch; print(torch.__version__)'), $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p')"
TORCH_PYTHON="$PY" ENGINE="${ENGINE:?a release assay-learn}" "$PY" -W ignore scripts/bench/gpu_bench.py
