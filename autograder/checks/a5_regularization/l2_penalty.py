"""Hidden checks for l2_penalty(params, lam) = lam / 2 * sum w^2 (autograder/checks/a5_regularization): value
and gradient lam * w for parameters of several shapes, from a generator and from a list."""
from ._penalties import penalty_check

COMPONENT = "l2_penalty"
FORBIDDEN = []   # torch has no ready-made L2 penalty (weight decay lives in the optimizers)
TORCH_CODE = []
CHECKS = [
    penalty_check(COMPONENT, "three tensors from a generator, lam=0.05", 3, 5500, 0.05, "generator",
                  device_proxy=True),
    penalty_check(COMPONENT, "three tensors in a list, lam=1.5", 2, 5501, 1.5, "list"),
]
