"""What it would cost to watch everything a component runs (issue 14's run-time trace), per mechanism.

    python benchmarks/trace_cost.py [--repeat N]

Times one typical piece of graded work, run on the reference solutions exactly as a probe runs it (100 steps
of Adam with amsgrad and weight decay on three parameters, then 30 forward/backward passes of BatchNorm1d,
float64, one thread), under each way of seeing what runs:

    plain      nothing watched
    cprofile   cProfile: every Python frame by its code object, and every C function called from Python by its
               real name ("<built-in method torch.batch_norm>"), whatever name the caller used for it
    dispatch   a TorchDispatchMode that records every ATen operator dispatched
    both       cprofile and dispatch together
    kineto     torch's profiler (RecordFunction), which also sees operators called from C++

Prints the best of N for each and its cost relative to plain; ends with one RESULT line. This measures the
work inside a worker only: a whole grading also spends time starting workers and computing references, so
the cost on `examples/correct` is smaller than the ratio printed here.
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "lib"), str(ROOT / "solutions/a2_optimizers"), str(ROOT / "solutions/a4_normalization")]
import normalization  # noqa: E402
import optimizers  # noqa: E402

sys.path.insert(0, str(ROOT))
from autograder.worker.trace import _Operators as Operators  # noqa: E402  (the worker's own dispatch mode)


def work() -> None:
    torch.manual_seed(0)
    params = [torch.randn(10, 5, dtype=torch.float64, requires_grad=True) for _ in range(3)]
    optimizer = optimizers.Adam(params, lr=0.01, amsgrad=True, weight_decay=0.1)
    for _ in range(100):
        optimizer.zero_grad()
        sum((p ** 2).sum() for p in params).backward()
        optimizer.step()
    layer = normalization.BatchNorm1d(8).double()
    for _ in range(30):
        layer(torch.randn(16, 8, dtype=torch.float64, requires_grad=True)).pow(2).sum().backward()


@contextlib.contextmanager
def frames():
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        profiler.getstats()  # reading the record is part of the cost


@contextlib.contextmanager
def both():
    with Operators(), frames():
        yield


@contextlib.contextmanager
def kineto():
    with torch.autograd.profiler.profile(use_cpu=True) as profiler:
        yield
    profiler.function_events  # noqa: B018 - parsing the events is part of the cost


MECHANISMS = {"plain": contextlib.nullcontext, "cprofile": frames, "dispatch": Operators, "both": both,
              "kineto": kineto}


def best_of(mechanism, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with mechanism():
            work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)  # as in a worker
    work()  # warm up: first calls pay for lazy imports
    seconds = {name: best_of(m, args.repeat) for name, m in MECHANISMS.items()}
    for name, s in seconds.items():
        print(f"{name:9s} {s * 1000:8.1f} ms   {s / seconds['plain']:5.2f}x")
    print("RESULT " + " ".join(f"{name}_ratio={s / seconds['plain']:.2f}" for name, s in seconds.items()
                               if name != "plain") + f" plain_ms={seconds['plain'] * 1000:.1f}")


if __name__ == "__main__":
    main()
