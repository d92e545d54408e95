"""MultiStepLR in closed form: gamma to the number of milestones passed (repeats counted)."""
import torch

COMPONENT = "MultiStepLR"
FILE = "schedules.py"


class MultiStepLR(torch.optim.lr_scheduler.LRScheduler):
    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        self.milestone_list = sorted(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        passed = sum(1 for milestone in self.milestone_list if milestone <= self.last_epoch)
        return [base_lr * self.gamma ** passed for base_lr in self.base_lrs]
