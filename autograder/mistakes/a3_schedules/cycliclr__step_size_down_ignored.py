"""CyclicLR with symmetric triangles of 2 * step_size_up steps: step_size_down ignored."""
import math

import torch

COMPONENT = "CyclicLR"
FILE = "schedules.py"
HINT = ("Your triangles are symmetric, but the fall takes step_size_down steps (when given), so a cycle "
        "lasts step_size_up + step_size_down steps and rises for a fraction step_size_up / cycle of it. "
        "Re-read the CyclicLR formula.")


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
        size = 2 * self.step_size_up
        cycle = math.floor(1 + self.last_epoch / size)
        x = abs(self.last_epoch / self.step_size_up - 2 * cycle + 1)
        height = max(0.0, 1 - x)
        scale = self.scale_fn(cycle if self.scale_mode == "cycle" else self.last_epoch)
        return [b + (m - b) * height * scale for b, m in zip(self.base_lrs, self.max_lrs)]
