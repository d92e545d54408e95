"""a2_optimizers: the hidden checks, one file per component."""
from ...check import Assignment
from . import adadelta, adagrad, adam, adamw, lookahead, nadam, rmsprop, sgd

_COMPONENTS = [sgd, adagrad, rmsprop, adam, adamw, nadam, adadelta, lookahead]

ASSIGNMENT = Assignment(
    name="a2_optimizers",
    files={"optimizers.py": [m.COMPONENT for m in _COMPONENTS]},
    checks=[c for m in _COMPONENTS for c in m.CHECKS],
    forbidden={m.COMPONENT: m.FORBIDDEN for m in _COMPONENTS},
    tripwires={m.COMPONENT: m.TRIPWIRES for m in _COMPONENTS},
    preload=["torch._dynamo"],  # torch.optim imports it on first use; not part of any check's time
)
