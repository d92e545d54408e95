"""Hidden checks for RMSprop (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks

COMPONENT = "RMSprop"
FORBIDDEN = ["torch.optim.RMSprop", "torch.optim.rmsprop", "torch.optim._functional.rmsprop"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.rmsprop"]
CHECKS = standard_checks(COMPONENT, seed=1300, base={"lr": 0.01}, variants=[
    ("centered", {"centered": True}),
    ("momentum 0.9 and weight decay 0.05", {"momentum": 0.9, "weight_decay": 0.05}),
    ("centered with momentum, alpha 0.9, eps 1e-6", {"centered": True, "momentum": 0.7, "alpha": 0.9, "eps": 1e-6}),
    ("maximize", {"maximize": True}),
])
