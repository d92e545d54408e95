"""How fast the a6 reference pipeline trains MNIST-1D, against the MNIST-1D paper's CNN recipe.

    python benchmarks/pipeline.py [--seeds N] [--quick] [--threads T]

In one process, on T CPU threads (default 2), over N seeds (default 5), on the same splits (3500 train / 500
validation / 1000 test, normalized with the training statistics):

  (a) paper    the MNIST-1D paper's CNN recipe: ConvBase (three stride-2 convolutions of 25 channels, a linear
               classifier), Adam at lr 1e-2, batches of 100 taken in order, 6000 steps, no schedule
  (b) a6       the reference pipeline: ResNet1d() and train() with the default TrainConfig, on the course's
               own components (the a1–a5 references)
  (c) a6/torch the same pipeline with PyTorch's components swapped in (trainkit.swap): what ours cost
  (d) a6 long  the reference pipeline with a larger budget (--long-epochs, default 15): what it takes to
               reach 99%

Reported per recipe: test accuracy mean ± std, median wall time (data generation excluded), and the time ratios
b/a and b/c; peak resident memory; the last line is, for scripts,

    RESULT accuracy_mean=... accuracy_std=... time_ratio=... own_vs_torch=... peak_rss_mb=...

with accuracy and time_ratio of (b). Targets (issue 10): (b) >= 98.5% mean test accuracy at <= 0.2x the
time of (a); own_vs_torch <= 1.5. --quick: 2 seeds, 1500 paper steps, no long run (a smoke test).
The test split is evaluated once per trained model, after training: nothing is chosen on it here.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
A6 = ROOT / "solutions" / "a6_pipeline"


class ConvBase(nn.Module):
    """The MNIST-1D paper's CNN (Greydanus 2020, models.py): 3 convolutions with stride 2, ReLU, a linear head."""

    def __init__(self, channels: int = 25, linear_in: int = 125, classes: int = 10):
        super().__init__()
        self.conv1 = nn.Conv1d(1, channels, 5, stride=2, padding=1)
        self.conv2 = nn.Conv1d(channels, channels, 3, stride=2, padding=1)
        self.conv3 = nn.Conv1d(channels, channels, 3, stride=2, padding=1)
        self.linear = nn.Linear(linear_in, classes)

    def forward(self, x):
        x = x.view(-1, 1, x.shape[-1])
        x = self.conv3(self.conv2(self.conv1(x).relu()).relu()).relu()
        return self.linear(x.flatten(1))


def paper_recipe(splits, seed: int, steps: int) -> tuple[float, float]:
    """(test accuracy, seconds): Adam(lr=1e-2), batches of 100 in order, `steps` steps (the paper's train.py)."""
    torch.manual_seed(seed)
    model = ConvBase()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    x, y = splits.train.x, splits.train.y
    start = time.perf_counter()
    for step in range(steps):
        i = (step * 100) % len(x)
        loss = F.cross_entropy(model(x[i:i + 100]), y[i:i + 100])
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        accuracy = (model(splits.test.x).argmax(1) == splits.test.y).double().mean().item()
    return accuracy, seconds


def a6_recipe(a6, splits, seed: int, **config) -> tuple[float, float]:
    """(test accuracy from final_report, seconds of train()) for a6's ResNet1d() and train()."""
    torch.manual_seed(seed)
    model = a6.model.ResNet1d()
    start = time.perf_counter()
    history = a6.pipeline.train(model, splits, a6.pipeline.TrainConfig(seed=seed, **config))
    seconds = time.perf_counter() - start
    return a6.pipeline.final_report(model, splits, history)["test_accuracy"], seconds


def summary(name: str, runs: list[tuple[float, float]]) -> dict:
    accuracies, times = [a for a, _ in runs], [t for _, t in runs]
    row = {"name": name, "mean": statistics.mean(accuracies),
           "std": statistics.stdev(accuracies) if len(accuracies) > 1 else 0.0, "seconds": statistics.median(times)}
    print(f"  {name:<44} {100 * row['mean']:6.2f}% ± {100 * row['std']:4.2f}   {row['seconds']:7.2f} s   "
          f"(each: {', '.join(f'{100 * a:.1f}%/{t:.1f}s' for a, t in runs)})", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="2 seeds, 1500 paper steps, no long run")
    parser.add_argument("--long-epochs", type=int, default=15)
    args = parser.parse_args()
    seeds = 2 if args.quick else args.seeds
    paper_steps = 1500 if args.quick else 6000
    torch.set_num_threads(args.threads)
    sys.path.insert(0, str(ROOT / "lib"))
    from trainkit.data import load_splits
    from trainkit.swap import load_a6, own_components, torch_components

    splits = load_splits()     # generated once and cached; not part of any time below
    own, theirs = load_a6(A6, own_components(A6)), load_a6(A6, torch_components(A6))
    a6_recipe(own, splits, seed=0, epochs=1)      # warm-up: first-use imports (torch._dynamo) are not timed
    a6_recipe(theirs, splits, seed=0, epochs=1)
    print(f"MNIST-1D: {len(splits.train)} train / {len(splits.val)} val / {len(splits.test)} test; "
          f"{args.threads} threads; {seeds} seeds; median wall time of training")
    paper = summary(f"(a) paper CNN, Adam 1e-2, {paper_steps} steps", [paper_recipe(splits, s, paper_steps)
                                                                     for s in range(seeds)])
    ours = summary("(b) a6 reference pipeline (defaults)", [a6_recipe(own, splits, s) for s in range(seeds)])
    torchs = summary("(c) a6 pipeline on torch's components", [a6_recipe(theirs, splits, s) for s in range(seeds)])
    if not args.quick:
        summary(f"(d) a6, {args.long_epochs} epochs", [a6_recipe(own, splits, s, epochs=args.long_epochs)
                                                       for s in range(seeds)])
    time_ratio = ours["seconds"] / paper["seconds"]
    own_vs_torch = ours["seconds"] / torchs["seconds"]
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  time (b)/(a) = {time_ratio:.3f}   own/torch (b)/(c) = {own_vs_torch:.2f}   "
          f"peak resident memory {peak_rss_mb:.0f} MB")
    print(f"RESULT accuracy_mean={ours['mean']:.4f} accuracy_std={ours['std']:.4f} time_ratio={time_ratio:.3f} "
          f"own_vs_torch={own_vs_torch:.2f} peak_rss_mb={peak_rss_mb:.0f}")


if __name__ == "__main__":
    main()
