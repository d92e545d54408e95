"""OneCycleLR ending the phases at pct_start * total_steps and total_steps (counts) instead of the step indices."""
import math

import torch

COMPONENT = "OneCycleLR"
FILE = "schedules.py"
HINT = ("Your peak and your final rate come one step late: a phase's end_step is a step *index*, so the "
        "warmup ends at pct_start * total_steps - 1 and the schedule at total_steps - 1 (the last step taken). "
        "Re-read the phase table in the OneCycleLR docstring.")


class OneCycleLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3,
                 anneal_strategy="cos", cycle_momentum=True, base_momentum=0.85, max_momentum=0.95,
                 div_factor=25.0, final_div_factor=1e4, three_phase=False, last_epoch=-1):
        self.total_steps = total_steps if total_steps is not None else epochs * steps_per_epoch
        self.pct_start = pct_start
        self.anneal_strategy = anneal_strategy
        self.three_phase = three_phase
        groups = optimizer.param_groups

        def per_group(value):
            return list(value) if isinstance(value, (list, tuple)) else [value] * len(groups)

        for group, peak in zip(groups, per_group(max_lr)):
            group["initial_lr"] = peak / div_factor
            group["max_lr"] = peak
            group["min_lr"] = group["initial_lr"] / final_div_factor
        self.cycle_momentum = cycle_momentum
        if cycle_momentum:
            self.use_beta1 = "betas" in optimizer.defaults
            for group, high, low in zip(groups, per_group(max_momentum), per_group(base_momentum)):
                if self.use_beta1:
                    group["betas"] = (high, *group["betas"][1:])
                else:
                    group["momentum"] = high
                group["max_momentum"] = high
                group["base_momentum"] = low
        super().__init__(optimizer, last_epoch)

    def _anneal(self, start, end, pct):
        if self.anneal_strategy == "cos":
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        return (end - start) * pct + start

    def _set_momentum(self, group, momentum):
        if self.use_beta1:
            group["betas"] = (momentum, *group["betas"][1:])
        else:
            group["momentum"] = momentum

    def get_lr(self):
        t = self.last_epoch
        n, p = self.total_steps, self.pct_start
        if self.three_phase:
            phases = [(float(p * n), "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                      (float(2 * p * n), "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                      (n, "initial_lr", "min_lr", "max_momentum", "max_momentum")]
        else:
            phases = [(float(p * n), "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                      (n, "max_lr", "min_lr", "base_momentum", "max_momentum")]
        lrs = []
        for group in self.optimizer.param_groups:
            start_step = 0.0
            for index, (end_step, lr_from, lr_to, m_from, m_to) in enumerate(phases):
                if t <= end_step or index == len(phases) - 1:
                    pct = (t - start_step) / (end_step - start_step)
                    lrs.append(self._anneal(group[lr_from], group[lr_to], pct))
                    if self.cycle_momentum:
                        self._set_momentum(group, self._anneal(group[m_from], group[m_to], pct))
                    break
                start_step = end_step
        return lrs
