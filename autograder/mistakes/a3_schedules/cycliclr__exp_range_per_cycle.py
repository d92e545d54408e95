"""CyclicLR evaluating exp_range's gamma^z on the cycle number instead of the iteration count."""
import math

import torch

COMPONENT = "CyclicLR"
FILE = "schedules.py"
HINT = ("Your exp_range amplitude shrinks far too slowly: exp_range scales by gamma^t with t the iteration "
        "count (scale_mode 'iterations'), not the cycle number. Re-read the list of modes in the CyclicLR "
        "docstring.")


class CyclicLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular",
                 gamma=1.0, scale_fn=None, scale_mode="cycle", cycle_momentum=True, base_momentum=0.8,
                 max_momentum=0.9, last_epoch=-1):
        if cycle_momentum:
            raise ValueError("pass cycle_momentum=False")
        groups = len(optimizer.param_groups)
        base_lrs = list(base_lr) if isinstance(base_lr, (list, tuple)) else [base_lr] * groups
        if last_epoch == -1:
            for lr, group in zip(base_lrs, optimizer.param_groups):
                group["lr"] = lr
        self.max_lrs = list(max_lr) if isinstance(max_lr, (list, tuple)) else [max_lr] * groups
        self.step_size_up = float(step_size_up)
        self.step_size_down = float(step_size_down) if step_size_down is not None else self.step_size_up
        self.total_size = self.step_size_up + self.step_size_down
        self.step_ratio = self.step_size_up / self.total_size
        self.mode = mode
        self.gamma = gamma
        self._scale_fn_custom = scale_fn
        if scale_fn is None:
            scale_mode = "iterations" if mode == "exp_range" else "cycle"
        self.scale_mode = scale_mode
        self.cycle_momentum = cycle_momentum
        super().__init__(optimizer, last_epoch)
        self.base_lrs = base_lrs

    def state_dict(self):
        state = super().state_dict()
        state.pop("_scale_fn_custom", None)
        return state

    def scale_fn(self, z):
        if self._scale_fn_custom is not None:
            return self._scale_fn_custom(z)
        if self.mode == "triangular":
            return 1.0
        if self.mode == "triangular2":
            return 1 / (2.0 ** (z - 1))
        return self.gamma ** z

    def get_lr(self):
        cycle = math.floor(1 + self.last_epoch / self.total_size)
        x = 1.0 + self.last_epoch / self.total_size - cycle
        height = x / self.step_ratio if x <= self.step_ratio else (x - 1) / (self.step_ratio - 1)
        z = cycle if (self.scale_mode == "cycle" or self.mode == "exp_range") else self.last_epoch
        return [b + (m - b) * height * self.scale_fn(z) for b, m in zip(self.base_lrs, self.max_lrs)]
