#!/usr/bin/env bash
# Exact-mode checkpoint hashes of fixed MNIST trainings (MLP 784-10, MLP 784-128-10, LeNet-5;
# SGD, momentum, Adam; 20 steps, a checkpoint after each), one line per checkpoint. Run it on
# two x86-64 machines with the same assay-learn and diff the outputs: every line must match
# (docs/benchmarks.md, "Exact mode across machines").
#
#   ENGINE=path/to/assay-learn MNIST_DIR=../shared/data/mnist scripts/bench/exact_hashes.sh > a.txt
set -euo pipefail
ENGINE="${ENGINE:-${CARGO_TARGET_DIR:-/var/tmp/assay-target}/release/assay-learn}"
MNIST_DIR="${MNIST_DIR:-$(dirname "$0")/../../../shared/data/mnist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat "$MNIST_DIR/train-images-idx3-ubyte.gz" "$MNIST_DIR/train-labels-idx1-ubyte.gz" > "$work/mnist.gz"
sha="$(zcat "$work/mnist.gz" | sha256sum | cut -d' ' -f1)"
for model in mlp:784,10 mlp:784,128,10 lenet:1,28,10; do
	for optimizer in sgd momentum:0.9 adam; do
		"$ENGINE" train --model "$model" --optimizer "$optimizer" --lr 0.01 --batch 64 --steps 20 \
			--interval 1 --seed 1 --data "file://$work/mnist.gz" --sha256 "$sha" --format idx \
			--train-samples 55000 --out "$work/$model-$optimizer" |
			awk -v m="$model" -v o="$optimizer" '/^h_/ {print m, o, $1, $2}'
	done
done
