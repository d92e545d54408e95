"""EarlyStopping that keeps a history of metrics and derives everything from the index of the best one."""
import math

import torch

COMPONENT = "EarlyStopping"
FILE = "callbacks.py"


class EarlyStopping:
    def __init__(self, patience=5, min_delta=0.0, mode="min", restore_best_weights=True):
        if patience < 1 or min_delta < 0 or mode not in ("min", "max"):
            raise ValueError("need patience >= 1, min_delta >= 0 and mode 'min' or 'max'")
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self.restore_best_weights = restore_best_weights
        self.sign = 1.0 if mode == "min" else -1.0     # compare sign * metric as a loss
        self.history = []
        self.best = math.inf * self.sign
        self.best_epoch = None
        self.best_state = None

    def step(self, metric, model=None):
        metric = float(metric)
        self.history.append(metric)
        epoch = len(self.history) - 1
        if self.sign * (self.best - metric) > self.min_delta:
            self.best, self.best_epoch = metric, epoch
            if self.restore_best_weights and model is not None:
                self.best_state = {name: value.detach().clone() for name, value in model.state_dict().items()}
        steps_since_best = epoch - self.best_epoch if self.best_epoch is not None else len(self.history)
        return steps_since_best >= self.patience

    def restore(self, model):
        if self.best_state is None:
            raise RuntimeError("no best weights saved")
        with torch.no_grad():
            for name, value in model.state_dict().items():
                value.copy_(self.best_state[name])
