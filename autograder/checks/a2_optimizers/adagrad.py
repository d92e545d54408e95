"""Hidden checks for Adagrad (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks

COMPONENT = "Adagrad"
FORBIDDEN = ["torch.optim.Adagrad", "torch.optim.adagrad", "torch.optim._functional.adagrad"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.adagrad"]
TORCH_OPERATORS = ["_fused_adagrad_"]
CHECKS = standard_checks(COMPONENT, seed=1200, base={"lr": 0.05}, variants=[
    ("lr_decay 0.01 and weight decay 0.1", {"lr_decay": 0.01, "weight_decay": 0.1}),
    ("initial_accumulator_value 0.5 and eps 1e-6", {"initial_accumulator_value": 0.5, "eps": 1e-6}),
    ("maximize", {"maximize": True}),
])
