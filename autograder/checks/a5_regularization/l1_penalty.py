"""Hidden checks for l1_penalty(params, lam) = lam * sum |w| (autograder/checks/a5_regularization): value and
gradient lam * sign(w) for parameters of several shapes, from a generator and from a list."""
from ._penalties import penalty_check

COMPONENT = "l1_penalty"
FORBIDDEN = []   # torch has no ready-made L1 penalty; norms and abs are the tools to use
TORCH_CODE = []
CHECKS = [
    penalty_check(COMPONENT, "three tensors from a generator, lam=0.03", 3, 5400, 0.03, "generator",
                  device_proxy=True),
    penalty_check(COMPONENT, "three tensors in a list, lam=2.5", 2, 5401, 2.5, "list"),
]
