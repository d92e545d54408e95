"""Hidden checks for AdamW (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks

COMPONENT = "AdamW"
FORBIDDEN = ["torch.optim.AdamW", "torch.optim.adamw", "torch.optim.Adam", "torch.optim.adam", "torch.optim._functional.adamw"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.adamw", "torch.optim.adam"]
TORCH_OPERATORS = ["_fused_adam_", "_fused_adamw_"]
CHECKS = standard_checks(COMPONENT, seed=1500, base={"lr": 0.01}, variants=[
    ("weight decay 0.3 (decoupled)", {"weight_decay": 0.3}),
    ("amsgrad with weight decay 0.1", {"amsgrad": True, "weight_decay": 0.1}),
    ("betas (0.5, 0.9) and maximize", {"betas": (0.5, 0.9), "maximize": True}),
])
