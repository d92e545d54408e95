"""Hidden checks for NAdam (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks

COMPONENT = "NAdam"
FORBIDDEN = ["torch.optim.NAdam", "torch.optim.nadam", "torch.optim._functional.nadam"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.nadam"]
CHECKS = standard_checks(COMPONENT, seed=1600, base={"lr": 0.01}, variants=[
    ("momentum_decay 0.01 and weight decay 0.1", {"momentum_decay": 0.01, "weight_decay": 0.1}),
    ("decoupled weight decay 0.2", {"weight_decay": 0.2, "decoupled_weight_decay": True}),
    ("betas (0.8, 0.95), eps 1e-6, maximize", {"betas": (0.8, 0.95), "eps": 1e-6, "maximize": True}),
])
