"""Hidden checks for Lookahead, which torch lacks: the probe wraps one of torch.optim's own optimizers (trusted
to be right), so any difference is Lookahead's. Slow weights every k steps, alpha interpolation, inner state kept."""
from ._scenarios import trajectory_check

COMPONENT = "Lookahead"
FORBIDDEN = ["torch_optimizer", "timm.optim.lookahead", "timm.optim.Lookahead"]  # ready-made Lookaheads
TORCH_CODE = []
SGD = {"inner": "SGD", "inner_kwargs": {"lr": 0.05, "momentum": 0.9}, "k": 5, "alpha": 0.5}
ADAM = {"inner": "Adam", "inner_kwargs": {"lr": 0.01}, "k": 3, "alpha": 0.8}
CHECKS = [
    trajectory_check(COMPONENT, "around SGD with momentum, k=5, alpha=0.5", 2, 1800, {}, wrap=SGD,
                     device_proxy=True),
    trajectory_check(COMPONENT, "around Adam, k=3, alpha=0.8", 2, 1801, {}, wrap=ADAM),
    trajectory_check(COMPONENT, "k=1, alpha=0.3 (a sync after every step)", 1, 1802, {},
                     wrap={**SGD, "k": 1, "alpha": 0.3}),
    trajectory_check(COMPONENT, "two parameter groups, learning rate changed between steps", 1.5, 1803, {},
                     wrap=ADAM, groups=[{}, {"lr": 0.001}], lr_change=True),
    trajectory_check(COMPONENT, "parameters whose .grad is None", 1, 1804, {}, wrap=SGD, none_grads=True),
    trajectory_check(COMPONENT, "state_dict() into a new Lookahead between two syncs", 1.5, 1805, {}, wrap=ADAM,
                     reload_at=16),
    trajectory_check(COMPONENT, "step(closure)", 1, 1806, {}, wrap=SGD, closure=True, steps=12),
]
