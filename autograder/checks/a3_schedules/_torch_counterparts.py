"""PyTorch's own schedules (and ready-made LR finders): what a3's components may not use or call.

Any of torch's ready-made schedules can stand in for another (a warmup-cosine is torch's LinearLR and
CosineAnnealingLR chained with SequentialLR), so every schedule component is barred from all of them.
FORBIDDEN names are looked for in the student's source (autograder/originality.py); TRIPWIRES are the
same classes' methods, watched while the student's code runs (autograder/worker/main.py), which also
catches a use reached through an alias or getattr.

Not barred: torch.optim.lr_scheduler.LRScheduler itself, which every scheduler must subclass (its
__init__, step, state_dict and load_state_dict are the base class's bookkeeping), and LambdaLR /
MultiplicativeLR, which only apply a rule the student writes.
"""

TORCH_SCHEDULES = ["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR",
                   "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
                   "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler"]

SCHEDULE_FORBIDDEN = [f"torch.optim.lr_scheduler.{name}" for name in TORCH_SCHEDULES] + ["torch.optim.swa_utils.SWALR"]

# Each class's own methods: the ones that compute rates (get_lr, the closed forms, CyclicLR's scale
# functions, OneCycleLR's annealing, ReduceLROnPlateau's reduction) and the constructors.
_METHODS = {
    "StepLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "MultiStepLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "ConstantLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "LinearLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "ExponentialLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "PolynomialLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "CosineAnnealingLR": ["__init__", "get_lr", "_get_closed_form_lr"],
    "CosineAnnealingWarmRestarts": ["__init__", "get_lr", "step"],
    "CyclicLR": ["__init__", "get_lr", "scale_fn", "_triangular_scale_fn", "_triangular2_scale_fn",
                 "_exp_range_scale_fn"],
    "OneCycleLR": ["__init__", "get_lr", "_annealing_cos", "_annealing_linear"],
    "ReduceLROnPlateau": ["__init__", "step", "_reduce_lr", "_is_better"],
    "SequentialLR": ["__init__", "step"],
    "ChainedScheduler": ["__init__", "step"],
}
SCHEDULE_TRIPWIRES = [f"torch.optim.lr_scheduler.{cls}.{method}" for cls, methods in _METHODS.items()
                      for method in methods]

# The LR range test is not in torch, but these packages ship one (with a suggestion).
RANGE_TEST_FORBIDDEN = ["torch_lr_finder", "pytorch_lightning.tuner", "lightning.pytorch.tuner",
                        "lightning.pytorch.callbacks.LearningRateFinder",
                        "pytorch_lightning.callbacks.LearningRateFinder", "fastai.callback.schedule"]
