#!/usr/bin/env python3
"""Runs the learning-engine benchmarks and prints the tables of docs/benchmarks.md.

Called by scripts/bench/learning.sh after the release build; stdlib only. Every measurement
is repeated REPEAT times (default 3), alternating the configurations so that a burst of load
from another process hits them alike, and the median is reported.
"""

import math
import os
import re
import statistics
import subprocess
import sys
import tempfile

ENGINE = os.environ["ENGINE"]  # the release assay-learn
PYTHON = os.environ.get("TORCH_PYTHON", "/var/tmp/assay-torch/bin/python")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REPEAT = int(os.environ.get("REPEAT", "3"))
STEPS = int(os.environ.get("STEPS", "1000"))
INTERVAL = int(os.environ.get("INTERVAL", "100"))
BATCH = int(os.environ.get("BATCH", "64"))
SAMPLED = int(os.environ.get("SAMPLED", "2"))
HASH_MIB = int(os.environ.get("HASH_MIB", "256"))
MODELS = os.environ.get("MODELS", "mlp lenet").split()
PINS = ("ATEN_CPU_CAPABILITY", "MKL_CBWR", "ONEDNN_MAX_CPU_ISA")
PINNED = {"ATEN_CPU_CAPABILITY": "default", "MKL_CBWR": "COMPATIBLE,STRICT", "ONEDNN_MAX_CPU_ISA": "SSE41"}


def env(pinned):
    e = {k: v for k, v in os.environ.items() if k not in PINS}
    if pinned:
        e.update(PINNED)
    return e


def run(cmd, pinned):
    out = subprocess.run(cmd, env=env(pinned), capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stdout}\n{out.stderr}")
    return out.stdout


def field(line, name):
    return float(re.search(rf"{re.escape(name)} ([0-9.e+-]+)", line).group(1))


def data():
    mnist = os.environ.get("MNIST_DIR", os.path.join(ROOT, "..", "shared", "data", "mnist"))
    images = os.path.join(mnist, "train-images-idx3-ubyte.gz")
    labels = os.path.join(mnist, "train-labels-idx1-ubyte.gz")
    want = os.environ.get("BENCH_DATA", "auto")  # auto | mnist | digits
    if want == "mnist" and not (os.path.exists(images) and os.path.exists(labels)):
        sys.exit(f"BENCH_DATA=mnist but {mnist} has no training files")
    if want != "digits" and os.path.exists(images) and os.path.exists(labels):
        joined = os.path.join(tempfile.gettempdir(), "assay-bench-mnist-train.idx.gz")
        with open(joined, "wb") as f:
            for part in (images, labels):
                with open(part, "rb") as p:
                    f.write(p.read())
        import gzip
        import hashlib

        with gzip.open(joined, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        return {
            "name": "MNIST (../shared/data), 55 000 train samples",
            "engine": ["--data", f"file://{joined}", "--sha256", digest, "--format", "idx",
                       "--train-samples", "55000"],
            "python": ["--images", images, "--labels", labels, "--train-samples", "55000"],
            "models": {"mlp": "mlp:784,128,10", "lenet": "lenet:1,28,10"},
        }
    digits = os.path.join(ROOT, "learning", "tests", "fixtures", "digits.csv.gz")
    import gzip
    import hashlib

    with gzip.open(digits, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return {
        "name": "digits fixture (MNIST not found), 1 500 train samples",
        "engine": ["--data", f"file://{digits}", "--sha256", digest, "--format", "csv",
                   "--train-samples", "1500"],
        "python": ["--csv", digits, "--train-samples", "1500"],
        "models": {"mlp": "mlp:64,128,10", "lenet": None},
    }


def main():
    d = data()
    print(f"data: {d['name']}; {STEPS} steps, batch {BATCH}, momentum 0.9, lr 0.01, "
          f"checkpoint interval {INTERVAL} ({STEPS // INTERVAL} segments), 1 thread, "
          f"{REPEAT} runs each (median)", flush=True)
    out_dir = tempfile.mkdtemp(prefix="assay-bench-")
    task = ["--optimizer", "momentum:0.9", "--lr", "0.01", "--batch", str(BATCH),
            "--steps", str(STEPS), "--interval", str(INTERVAL), "--seed", "1"]
    rows = []
    for key in MODELS:
        model = d["models"].get(key)
        if model is None:
            continue
        configs = {
            "python (unpinned kernels)": (
                [PYTHON, os.path.join(HERE, "train_python.py"), "--model", model, "--batch",
                 str(BATCH), "--steps", str(STEPS), "--threads", "1"] + d["python"], False),
            "python (pinned kernels)": (
                [PYTHON, os.path.join(HERE, "train_python.py"), "--model", model, "--batch",
                 str(BATCH), "--steps", str(STEPS), "--threads", "1"] + d["python"], True),
            "engine Exact + checkpoints": (
                [ENGINE, "bench-train", "--model", model, *task, *d["engine"], "--out",
                 os.path.join(out_dir, key), "--replay", str(SAMPLED)], True),
            "engine Exact, no checkpoints": (
                [ENGINE, "bench-train", "--model", model, *task, *d["engine"],
                 "--no-checkpoints"], True),
            "engine Tolerance + checkpoints": (
                [ENGINE, "bench-train", "--model", model, *task, *d["engine"], "--tolerance",
                 "--threads", "1", "--out", os.path.join(out_dir, key + "-tol")], False),
            "engine Tolerance, no checkpoints": (
                [ENGINE, "bench-train", "--model", model, *task, *d["engine"], "--tolerance",
                 "--threads", "1", "--no-checkpoints"], False),
        }
        results = {name: [] for name in configs}
        for r in range(REPEAT):
            for name, (cmd, pinned) in configs.items():
                # A fresh checkpoint directory each run: on ext4, renaming over an existing
                # file (auto_da_alloc) forces its data to disk, which is not what a solver
                # writing a new task's checkpoints pays.
                cmd = [os.path.join(out_dir, f"{key}-{r}-{abs(hash(name))}") if a.startswith(
                    os.path.join(out_dir, key)) else a for a in cmd]
                stdout = run(cmd, pinned)
                results[name].append(stdout)
                first = stdout.strip().splitlines()[0]
                print(f"  [{key} run {r + 1}] {name}: {first}", flush=True)
                for line in stdout.strip().splitlines()[1:]:
                    print(f"  [{key} run {r + 1}]   {line}", flush=True)

        def med(name, what, prefix=None):
            vals = []
            for stdout in results[name]:
                for line in stdout.splitlines():
                    if prefix is None or line.startswith(prefix):
                        if re.search(rf"{re.escape(what)} ", line):
                            vals.append(field(line, what))
                            break
            return statistics.median(vals)

        py = med("python (unpinned kernels)", "samples/s")
        py_pinned = med("python (pinned kernels)", "samples/s")
        ex_ck = med("engine Exact + checkpoints", "samples/s")
        ex = med("engine Exact, no checkpoints", "samples/s")
        tol_ck = med("engine Tolerance + checkpoints", "samples/s")
        tol = med("engine Tolerance, no checkpoints", "samples/s")
        rows.append({
            "model": model, "python": py, "python_pinned": py_pinned, "exact_ckpt": ex_ck,
            "exact": ex, "tol_ckpt": tol_ck, "tol": tol,
            "ovh_exact_inproc": med("engine Exact + checkpoints", "checkpoint_overhead"),
            "ovh_tol_inproc": med("engine Tolerance + checkpoints", "checkpoint_overhead"),
            "ms_copy": 1000 * med("engine Exact + checkpoints", "copy") / (STEPS // INTERVAL + 1),
            "ms_hash": 1000 * med("engine Exact + checkpoints", "hash") / (STEPS // INTERVAL + 1),
            "ms_write": 1000 * med("engine Exact + checkpoints", "write") / (STEPS // INTERVAL + 1),
            "replay_fraction": med("engine Exact + checkpoints", "fraction_of_training", "replay"),
            "replay_seconds": med("engine Exact + checkpoints", "seconds", "replay"),
            "train_seconds": med("engine Exact + checkpoints", "seconds", "engine"),
        })

    print()
    print("## Throughput (samples/s, median) and ratio engine/python")
    print("| model | python, unpinned | python, pinned | engine Exact+ckpt | ratio vs python "
          "unpinned | ratio vs python pinned | engine Tolerance+ckpt | ratio vs python unpinned |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['model']} | {r['python']:.0f} | {r['python_pinned']:.0f} | "
              f"{r['exact_ckpt']:.0f} | {r['exact_ckpt'] / r['python']:.2f}x | "
              f"{r['exact_ckpt'] / r['python_pinned']:.2f}x | {r['tol_ckpt']:.0f} | "
              f"{r['tol_ckpt'] / r['python']:.2f}x |")
    print()
    print("## Checkpoint + hash overhead (copy to host, canonical hash, safetensors file, "
          "every segment and h_0)")
    print("| model | Exact: in-process | Exact: no-ckpt vs ckpt runs (noisy) | Tolerance: "
          "in-process | Tolerance: no-ckpt vs ckpt runs (noisy) | per checkpoint: copy / hash / "
          "write (ms) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['model']} | {100 * r['ovh_exact_inproc']:.2f} % | "
              f"{100 * (r['exact'] / r['exact_ckpt'] - 1):+.1f} % | "
              f"{100 * r['ovh_tol_inproc']:.2f} % | {100 * (r['tol'] / r['tol_ckpt'] - 1):+.1f} % | "
              f"{r['ms_copy']:.2f} / {r['ms_hash']:.2f} / {r['ms_write']:.2f} |")
    print()
    n = STEPS // INTERVAL
    print(f"## Verification: replay {SAMPLED} of {n} segments (Exact, from the saved files, "
          "hash checked)")
    print("| model | training (s) | replay (s) | fraction |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['model']} | {r['train_seconds']:.2f} | {r['replay_seconds']:.2f} | "
              f"{100 * r['replay_fraction']:.1f} % |")
    print()
    print("## Detection probability P = 1 - C(n - fn, s) / C(n, s)")
    fs = (0.1, 0.2, 0.3, 0.5)
    print("| n | s | " + " | ".join(f"f = {f}" for f in fs) + " |")
    print("|---|---|" + "---|" * len(fs))
    for nn, s in ((10, 1), (10, 2), (10, 3), (20, 4)):
        ps = [1 - math.comb(nn - round(f * nn), s) / math.comb(nn, s) for f in fs]
        print(f"| {nn} | {s} | " + " | ".join(f"{p:.3f}" for p in ps) + " |")
    print()
    print("## Canonical hash throughput (one core)")
    stdout = [run([ENGINE, "bench-hash", "--mib", str(HASH_MIB), "--repeat", "5"], True)
              for _ in range(REPEAT)]
    for s in stdout:
        print("  " + s.strip())
    c = statistics.median(field(s, "s =") for s in stdout)
    print(f"median canonical_hash: {c:.3f} GB/s")


if __name__ == "__main__":
    main()
