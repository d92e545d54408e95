"""Hidden checks for Adadelta (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks

COMPONENT = "Adadelta"
FORBIDDEN = ["torch.optim.Adadelta", "torch.optim.adadelta", "torch.optim._functional.adadelta"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.adadelta"]
CHECKS = standard_checks(COMPONENT, seed=1700, base={"lr": 1.0}, variants=[
    ("rho 0.5 and eps 1e-4", {"rho": 0.5, "eps": 1e-4}),
    ("weight decay 0.1 and lr 0.5", {"weight_decay": 0.1, "lr": 0.5}),
    ("maximize", {"maximize": True}),
])
