"""ReduceLROnPlateau keeping a single 'wait' counter and comparing against a precomputed bar."""
import math

import torch

COMPONENT = "ReduceLROnPlateau"
FILE = "schedules.py"


class ReduceLROnPlateau(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
                 cooldown=0, min_lr=0, eps=1e-8):
        if factor >= 1.0:
            raise ValueError("Factor should be < 1.0.")
        if mode not in ("min", "max") or threshold_mode not in ("rel", "abs"):
            raise ValueError("unknown mode or threshold_mode")
        self.optimizer = optimizer
        groups = len(optimizer.param_groups)
        self.min_lrs = list(min_lr) if isinstance(min_lr, (list, tuple)) else [min_lr] * groups
        self.factor, self.patience, self.cooldown, self.eps = factor, patience, cooldown, eps
        self.mode, self.threshold, self.threshold_mode = mode, threshold, threshold_mode
        # Work in "min" terms throughout: in max mode, flip the sign of the metric.
        self.sign = 1.0 if mode == "min" else -1.0
        self.best = math.inf if mode == "min" else -math.inf
        self.num_bad_epochs = 0
        self.cooldown_counter = 0
        self.last_epoch = 0
        self._last_lr = [group["lr"] for group in optimizer.param_groups]

    def _bar(self):
        """The value the metric must beat to count as an improvement."""
        if self.threshold_mode == "abs":
            return self.best - self.sign * self.threshold
        return self.best * (1.0 - self.sign * self.threshold)

    def step(self, metrics, epoch=None):
        current = float(metrics)
        self.last_epoch = self.last_epoch + 1 if epoch is None else epoch
        improved = self.sign * current < self.sign * self._bar()
        if improved:
            self.best = current
        cooling = self.cooldown_counter > 0
        if cooling:
            self.cooldown_counter -= 1
        self.num_bad_epochs = 0 if (improved or cooling) else self.num_bad_epochs + 1
        if self.num_bad_epochs > self.patience:
            for group, floor in zip(self.optimizer.param_groups, self.min_lrs):
                candidate = max(group["lr"] * self.factor, floor)
                if group["lr"] - candidate > self.eps:
                    group["lr"] = candidate
            self.cooldown_counter = self.cooldown
            self.num_bad_epochs = 0
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]
