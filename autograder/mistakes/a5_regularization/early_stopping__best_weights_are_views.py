"""EarlyStopping that stores model.state_dict() itself: its tensors share memory with the live weights."""
import copy
import math

import torch

COMPONENT = "EarlyStopping"
FILE = "callbacks.py"
HINT = ("restore() did not bring back the best weights: model.state_dict() returns tensors that SHARE "
        "memory with the parameters, so every optimizer step after the best epoch also changed your 'saved'"
        " copy. Store a real copy of every tensor (handout section 8).")


class EarlyStopping:
    def __init__(self, patience=5, min_delta=0.0, mode="min", restore_best_weights=True):
        if patience < 1:
            raise ValueError(f"patience must be >= 1, got {patience}")
        if min_delta < 0:
            raise ValueError(f"min_delta must be >= 0, got {min_delta}")
        if mode not in ("min", "max"):
            raise ValueError(f'mode must be "min" or "max", got {mode!r}')
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self.restore_best_weights = restore_best_weights
        self.best = math.inf if mode == "min" else -math.inf
        self.best_epoch = None
        self.best_state = None
        self.num_bad_steps = 0
        self.num_steps = 0

    def step(self, metric, model=None):
        metric = float(metric)
        if self.mode == "min":
            improved = metric < self.best - self.min_delta
        else:
            improved = metric > self.best + self.min_delta
        if improved:
            self.best = metric
            self.best_epoch = self.num_steps
            self.num_bad_steps = 0
            if self.restore_best_weights and model is not None:
                self.best_state = model.state_dict()
        else:
            self.num_bad_steps += 1
        self.num_steps += 1
        return self.num_bad_steps >= self.patience

    def restore(self, model):
        if self.best_state is None:
            raise RuntimeError("no best weights saved")
        model.load_state_dict(self.best_state)
