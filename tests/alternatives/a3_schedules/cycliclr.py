"""CyclicLR from the position within the cycle by modulo: rising for step_size_up steps, then falling."""
import torch

COMPONENT = "CyclicLR"
FILE = "schedules.py"


class CyclicLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular",
                 gamma=1.0, scale_fn=None, scale_mode="cycle", cycle_momentum=True, base_momentum=0.8,
                 max_momentum=0.9, last_epoch=-1):
        if cycle_momentum:
            raise ValueError("momentum cycling is not part of this assignment: pass cycle_momentum=False")
        groups = len(optimizer.param_groups)
        base_lrs = list(base_lr) if isinstance(base_lr, (list, tuple)) else [base_lr] * groups
        if last_epoch == -1:
            for lr, group in zip(base_lrs, optimizer.param_groups):
                group["lr"] = lr
        self.max_lrs = list(max_lr) if isinstance(max_lr, (list, tuple)) else [max_lr] * groups
        self.up = float(step_size_up)
        self.down = float(step_size_down) if step_size_down is not None else self.up
        self.mode = mode
        self.gamma = gamma
        self.custom_scale = scale_fn
        self.scale_on_cycles = scale_mode == "cycle" if scale_fn is not None else mode != "exp_range"
        self.cycle_momentum = cycle_momentum
        super().__init__(optimizer, last_epoch)
        self.base_lrs = base_lrs

    def state_dict(self):
        state = super().state_dict()
        state.pop("custom_scale", None)
        return state

    def get_lr(self):
        t = self.last_epoch
        length = self.up + self.down
        cycle = int(t // length) + 1
        position = t - (cycle - 1) * length
        height = position / self.up if position <= self.up else (length - position) / self.down
        z = cycle if self.scale_on_cycles else t
        if self.custom_scale is not None:
            scale = self.custom_scale(z)
        elif self.mode == "triangular":
            scale = 1.0
        elif self.mode == "triangular2":
            scale = 0.5 ** (z - 1)
        else:
            scale = self.gamma ** z
        return [low + (high - low) * height * scale for low, high in zip(self.base_lrs, self.max_lrs)]
