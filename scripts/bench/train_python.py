#!/usr/bin/env python3
"""The baseline for the learning engine's throughput benchmark: the same model, loss,
optimizer, data and batch schedule as `assay-learn bench-train`, written the ordinary way in
PyTorch (nn.Module, F.cross_entropy, torch.optim.SGD with momentum), one thread, on the CPU
or (--device cuda) a GPU; every step reads its loss, so each step ends synchronised, as the
engine's do.

Prints one line: `python <model> steps <n> batch <b> seconds <t> samples/s <r> loss <l>`.
Timing covers the training steps only (data loaded and the model built before the clock
starts), like the engine's figure. Run with the venv's python (/var/tmp/assay-torch/bin/python).
Needs no numpy.
"""

import argparse
import gzip
import struct
import sys
import time

import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def load_mnist(images_gz, labels_gz, limit):
    with gzip.open(images_gz, "rb") as f:
        raw = f.read()
    magic, count, rows, cols = struct.unpack(">IIII", raw[:16])
    assert magic == 0x00000803, "not an idx3 images file"
    count = min(count, limit)
    pixels = torch.frombuffer(bytearray(raw[16 : 16 + count * rows * cols]), dtype=torch.uint8)
    features = pixels.to(torch.float32).div_(255.0).reshape(count, 1, rows, cols)
    with gzip.open(labels_gz, "rb") as f:
        raw = f.read()
    magic, lcount = struct.unpack(">II", raw[:8])
    assert magic == 0x00000801, "not an idx1 labels file"
    labels = torch.frombuffer(bytearray(raw[8 : 8 + count]), dtype=torch.uint8).to(torch.int64)
    return features, labels


def load_csv(path, limit):
    opener = gzip.open if path.endswith(".gz") else open
    rows = []
    with opener(path, "rt") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append([float(v) for v in line.split(",")])
    rows = rows[:limit]
    data = torch.tensor(rows, dtype=torch.float32)
    return data[:, :-1].contiguous(), data[:, -1].to(torch.int64)


class Mlp(nn.Module):
    def __init__(self, widths):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))

    def forward(self, x):
        x = x.flatten(1)
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i + 1 < len(self.layers):
                x = F.relu(x)
        return x


class LeNet(nn.Module):
    def __init__(self, channels, side, classes):
        super().__init__()
        flat = 16 * (((side - 4) // 2 - 4) // 2) ** 2
        self.conv1 = nn.Conv2d(channels, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(flat, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", required=True, help="mlp:784,128,10 | lenet:1,28,10")
    p.add_argument("--images", help="MNIST idx3 images (.gz)")
    p.add_argument("--labels", help="MNIST idx1 labels (.gz)")
    p.add_argument("--csv", help="CSV data (features then label), instead of MNIST")
    p.add_argument("--train-samples", type=int, required=True)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup", type=int, default=0, help="untimed steps before the clock starts")
    p.add_argument("--device", default="cpu", help="cpu | cuda (data and model live there)")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.csv:
        features, labels = load_csv(args.csv, args.train_samples)
    else:
        features, labels = load_mnist(args.images, args.labels, args.train_samples)

    kind, spec = args.model.split(":")
    widths = [int(w) for w in spec.split(",")]
    if kind == "mlp":
        model = Mlp(widths)
        features = features.reshape(features.shape[0], -1)
    elif kind == "lenet":
        model = LeNet(*widths)
        side = widths[1]
        features = features.reshape(features.shape[0], widths[0], side, side)
    else:
        sys.exit(f"unknown model {args.model}")
    device = torch.device(args.device)
    model.to(device).train()
    features, labels = features.to(device), labels.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)

    n = features.shape[0]
    per_epoch = n // args.batch
    generator = torch.Generator().manual_seed(args.seed)
    permutation, epoch = None, -1

    def step(s):
        nonlocal permutation, epoch
        e, b = divmod(s, per_epoch)
        if e != epoch:
            permutation = torch.randperm(n, generator=generator)
            epoch = e
        index = permutation[b * args.batch : (b + 1) * args.batch].to(device)
        x = features.index_select(0, index)
        y = labels.index_select(0, index)
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss.item()

    for s in range(args.warmup):
        step(s)
    started = time.perf_counter()
    loss_sum = 0.0
    for s in range(args.warmup, args.warmup + args.steps):
        loss_sum += step(s)
    seconds = time.perf_counter() - started
    print(
        f"python {args.model} steps {args.steps} batch {args.batch} seconds {seconds:.4f} "
        f"samples/s {args.steps * args.batch / seconds:.1f} loss {loss_sum / args.steps:.4f}"
    )


if __name__ == "__main__":
    main()
