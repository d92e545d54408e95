"""OneCycleLR with the phases written out as explicit cases instead of a table."""
import math

import torch

COMPONENT = "OneCycleLR"
FILE = "schedules.py"


def _cos_anneal(start, end, pct):
    return end + (start - end) * (1 + math.cos(math.pi * pct)) / 2


def _linear_anneal(start, end, pct):
    return start + (end - start) * pct


class OneCycleLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3,
                 anneal_strategy="cos", cycle_momentum=True, base_momentum=0.85, max_momentum=0.95,
                 div_factor=25.0, final_div_factor=1e4, three_phase=False, last_epoch=-1):
        self.total_steps = total_steps if total_steps is not None else epochs * steps_per_epoch
        self.anneal = _cos_anneal if anneal_strategy == "cos" else _linear_anneal
        self.three_phase = three_phase
        self.up_end = float(pct_start * self.total_steps) - 1          # index of the peak step
        self.down_end = float(2 * pct_start * self.total_steps) - 2    # three-phase: back at initial_lr
        groups = optimizer.param_groups

        def per_group(value):
            return list(value) if isinstance(value, (list, tuple)) else [value] * len(groups)

        self.peaks = per_group(max_lr)
        self.starts = [peak / div_factor for peak in self.peaks]
        self.floors = [start / final_div_factor for start in self.starts]
        for group, start in zip(groups, self.starts):
            group["initial_lr"] = start
        self.cycle_momentum = cycle_momentum
        if cycle_momentum:
            self.use_beta1 = "betas" in optimizer.defaults
            self.high_momenta = per_group(max_momentum)
            self.low_momenta = per_group(base_momentum)
            for group, high in zip(groups, self.high_momenta):
                self._set_momentum(group, high)
        super().__init__(optimizer, last_epoch)

    def _set_momentum(self, group, value):
        if self.use_beta1:
            group["betas"] = (value, *group["betas"][1:])
        else:
            group["momentum"] = value

    def get_lr(self):
        t, last = self.last_epoch, self.total_steps - 1
        if t > self.total_steps:
            raise ValueError(f"Tried to step {t} times; total_steps is {self.total_steps}")
        lrs = []
        for g, group in enumerate(self.optimizer.param_groups):
            start, peak, floor = self.starts[g], self.peaks[g], self.floors[g]
            high = self.high_momenta[g] if self.cycle_momentum else None
            low = self.low_momenta[g] if self.cycle_momentum else None
            if t <= self.up_end:
                pct = t / self.up_end
                lr_ends, momentum_ends = (start, peak), (high, low)
            elif not self.three_phase:
                pct = (t - self.up_end) / (last - self.up_end)
                lr_ends, momentum_ends = (peak, floor), (low, high)
            elif t <= self.down_end:
                pct = (t - self.up_end) / (self.down_end - self.up_end)
                lr_ends, momentum_ends = (peak, start), (low, high)
            else:
                pct = (t - self.down_end) / (last - self.down_end)
                lr_ends, momentum_ends = (start, floor), (high, high)
            lrs.append(self.anneal(*lr_ends, pct))
            if self.cycle_momentum:
                self._set_momentum(group, self.anneal(*momentum_ends, pct))
        return lrs
