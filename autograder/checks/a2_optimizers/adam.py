"""Hidden checks for Adam (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks

COMPONENT = "Adam"
FORBIDDEN = ["torch.optim.Adam", "torch.optim.adam", "torch.optim.AdamW", "torch.optim.adamw", "torch.optim._functional.adam"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.adam"]
TORCH_OPERATORS = ["_fused_adam_", "_fused_adamw_"]
CHECKS = standard_checks(COMPONENT, seed=1400, base={"lr": 0.01}, variants=[
    ("amsgrad", {"amsgrad": True}),
    ("weight decay 0.1 (L2, added to the gradient)", {"weight_decay": 0.1}),
    ("betas (0.8, 0.99), eps 1e-6, amsgrad with weight decay", {"betas": (0.8, 0.99), "eps": 1e-6, "amsgrad": True, "weight_decay": 0.01}),
    ("maximize", {"maximize": True}),
])
