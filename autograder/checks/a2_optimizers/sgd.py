"""Hidden checks for SGD (autograder/checks/a2_optimizers). The probe: autograder/worker/probes/optimizers.py."""
from ._scenarios import standard_checks, trajectory_check

COMPONENT = "SGD"
FORBIDDEN = ["torch.optim.SGD", "torch.optim.sgd", "torch.optim._functional.sgd"]
# the whole module: the class, its functional form and its private kernels
TORCH_CODE = ["torch.optim.sgd"]
TORCH_OPERATORS = ["_fused_sgd_"]
CHECKS = standard_checks(COMPONENT, seed=1100, base={"lr": 0.01}, variants=[
    ("momentum 0.9", {"momentum": 0.9}),
    ("momentum with dampening 0.3 and weight decay 0.01", {"momentum": 0.8, "dampening": 0.3, "weight_decay": 0.01}),
    ("Nesterov momentum with weight decay", {"momentum": 0.9, "nesterov": True, "weight_decay": 0.05}),
    ("maximize with momentum", {"momentum": 0.5, "maximize": True}),
])
# PyTorch keeps lr outside the momentum buffer; the Sutskever form (v = mu*v + lr*g) agrees only while lr is fixed
CHECKS.append(trajectory_check(COMPONENT, "momentum 0.9 with the learning rate changed between steps", 1.5, 1190,
                               {"lr": 0.01, "momentum": 0.9}, lr_change=True))
