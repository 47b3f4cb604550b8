#!/usr/bin/env python3
"""GPU figures for the learning engine, run on a machine with a CUDA device (docs/benchmarks.md,
"On a GPU"): training throughput of the engine on CUDA against the same model in PyTorch on
CUDA and against the engine on every CPU core; a verifier's replay of sampled segments on the
same GPU (does it reproduce the solver's hashes bit for bit?); two identical trainings on the
GPU compared checkpoint by checkpoint; and the distance an honest replay of a GPU-trained
segment lands at, on the GPU and on the CPU (what a Tolerance threshold must cover).

Environment: ENGINE (a release assay-learn), TORCH_PYTHON (a python with torch), MNIST_DIR,
REPEAT (3), STEPS (1000), INTERVAL (100). Stdlib only; shares its data and parsing helpers with
learning_bench.py.
"""

import os
import statistics
import subprocess
import sys
import tempfile

from learning_bench import ENGINE, HERE, PYTHON, data, env, field

REPEAT = int(os.environ.get("REPEAT", "3"))
STEPS = int(os.environ.get("STEPS", "1000"))
INTERVAL = int(os.environ.get("INTERVAL", "100"))
THREADS = str(os.cpu_count())


def run(cmd):
    """stdout of cmd (unpinned kernels); a failed run's stdout is kept and flagged."""
    out = subprocess.run(cmd, env=env(False), capture_output=True, text=True)
    if out.returncode != 0:
        print(f"  (exit {out.returncode}: {out.stderr.strip().splitlines()[:1]})", flush=True)
    return out.stdout


def main():
    d = data()
    out_dir = tempfile.mkdtemp(prefix="assay-gpu-bench-")
    print(f"data: {d['name']}; {STEPS} steps, momentum 0.9, lr 0.01, interval {INTERVAL}, "
          f"{REPEAT} runs each (median)", flush=True)
    rows = []
    for key in ("mlp", "lenet"):
        model = d["models"].get(key)
        if model is None:
            continue
        for batch in (64, 1024):
            task = ["--model", model, "--optimizer", "momentum:0.9", "--lr", "0.01", "--batch",
                    str(batch), "--steps", str(STEPS), "--interval", str(INTERVAL), "--seed", "1",
                    "--tolerance", *d["engine"]]
            configs = {
                "pytorch cuda": [PYTHON, os.path.join(HERE, "train_python.py"), "--model", model,
                                 "--batch", str(batch), "--steps", str(STEPS), "--warmup", "20",
                                 "--device", "cuda"] + d["python"],
                "engine cuda": [ENGINE, "bench-train", *task, "--device", "cuda",
                                "--no-checkpoints"],
                "engine cuda + ckpt + replay 2": [ENGINE, "bench-train", *task, "--device", "cuda",
                                                  "--out", "OUT", "--replay", "2"],
                f"engine cpu, {THREADS} threads": [ENGINE, "bench-train", *task, "--device", "cpu",
                                                   "--threads", THREADS, "--no-checkpoints"],
            }
            results = {name: [] for name in configs}
            for r in range(REPEAT):
                for name, cmd in configs.items():
                    cmd = [os.path.join(out_dir, f"{key}-{batch}-{r}") if a == "OUT" else a
                           for a in cmd]
                    stdout = run(cmd)
                    results[name].append(stdout)
                    for line in stdout.strip().splitlines():
                        print(f"  [{key} b{batch} run {r + 1}] {name}: {line}", flush=True)

            def med(name, what, prefix):
                vals = [field(line, what) for s in results[name] for line in s.splitlines()
                        if line.startswith(prefix)]
                return statistics.median(vals) if vals else float("nan")

            ckpt = "engine cuda + ckpt + replay 2"
            rows.append((model, batch, med("pytorch cuda", "samples/s", "python"),
                         med("engine cuda", "samples/s", "engine"),
                         med(ckpt, "samples/s", "engine"),
                         med(f"engine cpu, {THREADS} threads", "samples/s", "engine"),
                         med(ckpt, "fraction_of_training", "replay"),
                         sum("all_match true" in s for s in results[ckpt])))
    print()
    print("| model | batch | PyTorch CUDA | engine CUDA | engine CUDA + ckpt | engine CPU "
          f"({THREADS} threads) | engine/PyTorch | replay 2 of {STEPS // INTERVAL} / training | "
          "replay bitwise "
          "equal |")
    print("|---|---|---|---|---|---|---|---|---|")
    for model, batch, py, eng, ck, cpu, frac, matches in rows:
        print(f"| {model} | {batch} | {py:.0f} | {eng:.0f} | {ck:.0f} | {cpu:.0f} | "
              f"{eng / py:.2f}x | {100 * frac:.1f} % | {matches} of {REPEAT} runs |")

    # Two trainings of the same task on the same GPU, compared checkpoint by checkpoint.
    model = d["models"].get("lenet") or d["models"]["mlp"]
    task = ["--model", model, "--optimizer", "momentum:0.9", "--lr", "0.01", "--batch", "64",
            "--steps", str(STEPS), "--interval", str(INTERVAL), "--seed", "1", "--tolerance",
            *d["engine"], "--device", "cuda"]
    runs = [run([ENGINE, "train", *task, "--out", os.path.join(out_dir, f"twice-{i}")])
            for i in range(2)]
    hashes = [[line.split()[1] for line in r.splitlines() if line.startswith("h_")] for r in runs]
    same = sum(a == b for a, b in zip(*hashes))
    print()
    print(f"two trainings of {model} on the GPU: {same} of {len(hashes[0])} checkpoint hashes "
          "equal")
    last = [os.path.join(out_dir, f"twice-{i}", f"checkpoint-{len(hashes[0]) - 1}.safetensors")
            for i in range(2)]
    for metric in ("l2", "linf"):
        distance = run([ENGINE, "distance", *last, "--metric", metric]).strip()
        print(f"final checkpoints' {metric} distance: {distance}")
    for line in runs[0].splitlines()[-2:]:
        print(f"first training: {line}")

    # An honest verifier's distance: segments of a GPU training replayed on the GPU and on the
    # CPU from the committed start, against the committed end.
    print()
    print("| model | batch | segment | replay on | L2 | L∞ |")
    print("|---|---|---|---|---|---|")
    for key in ("mlp", "lenet"):
        model = d["models"].get(key)
        if model is None:
            continue
        for batch in (64, 1024):
            task = ["--model", model, "--optimizer", "momentum:0.9", "--lr", "0.01", "--batch",
                    str(batch), "--steps", str(STEPS), "--interval", str(INTERVAL), "--seed",
                    "1", "--tolerance", *d["engine"]]
            trained = os.path.join(out_dir, f"segments-{key}-{batch}")
            run([ENGINE, "train", *task, "--device", "cuda", "--out", trained])
            segments = STEPS // INTERVAL
            for segment in (0, segments // 4, 3 * segments // 4):
                committed = [os.path.join(trained, f"checkpoint-{i}.safetensors")
                             for i in (segment, segment + 1)]
                for device in ("cuda", "cpu"):
                    replayed = os.path.join(trained, f"replay-{segment}-{device}.safetensors")
                    run([ENGINE, "replay", *task, "--device", device, "--checkpoint",
                         committed[0], "--out", replayed])
                    l2, linf = (run([ENGINE, "distance", replayed, committed[1], "--metric", m])
                                .strip() for m in ("l2", "linf"))
                    print(f"| {model} | {batch} | {segment} | {device} | {l2} | {linf} |",
                          flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
