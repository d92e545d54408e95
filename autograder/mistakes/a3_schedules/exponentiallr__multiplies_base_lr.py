"""ExponentialLR multiplying the base rate (not the current one) by gamma: it decays once, then stalls."""
import torch

COMPONENT = "ExponentialLR"
FILE = "schedules.py"
HINT = ("Your rate decays once and then stays put. In the recursive form the new rate is the *current* "
        "rate times gamma; base_lrs never change. (Or use the closed form eta_0 * gamma^t.) Re-read "
        "handout section 3 (exponential decay).")


class ExponentialLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, gamma, last_epoch=-1):
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch == 0:
            return list(self.base_lrs)
        return [base_lr * self.gamma for base_lr in self.base_lrs]
