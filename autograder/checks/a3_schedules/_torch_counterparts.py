"""PyTorch's own schedules (and ready-made LR finders): what a3's components may not use or call.

Any of torch's ready-made schedules can stand in for another (a warmup-cosine is torch's LinearLR and
CosineAnnealingLR chained with SequentialLR), so every schedule component is barred from all of them.
FORBIDDEN names are looked for in the student's source (autograder/originality.py); SCHEDULE_TORCH_CODE
is the same classes' code, which may not run while the student's schedule runs (autograder/torch_use.py),
however it was reached: an alias, getattr, a subclass made at run time.

Not barred: torch.optim.lr_scheduler.LRScheduler itself, which every scheduler must subclass (its
__init__, step, state_dict and load_state_dict are the base class's bookkeeping), and LambdaLR /
MultiplicativeLR, which only apply a rule the student writes.
"""

TORCH_SCHEDULES = ["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR",
                   "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
                   "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler"]

SCHEDULE_FORBIDDEN = [f"torch.optim.lr_scheduler.{name}" for name in TORCH_SCHEDULES] + ["torch.optim.swa_utils.SWALR"]

# Every one of those classes whole (its own methods: constructors, get_lr, the closed forms, CyclicLR's scale
# functions, OneCycleLR's annealing, ReduceLROnPlateau's reduction); LRScheduler's are inherited, not its own.
SCHEDULE_TORCH_CODE = SCHEDULE_FORBIDDEN

# The LR range test is not in torch, but these packages ship one (with a suggestion).
RANGE_TEST_FORBIDDEN = ["torch_lr_finder", "pytorch_lightning.tuner", "lightning.pytorch.tuner",
                        "lightning.pytorch.callbacks.LearningRateFinder",
                        "pytorch_lightning.callbacks.LearningRateFinder", "fastai.callback.schedule"]
