"""a2_optimizers: the hidden checks, one file per component (Assignment.component_id names it)."""
from .. import declare

ASSIGNMENT = declare(
    "a2_optimizers",
    files={"optimizers.py": ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "NAdam", "Adadelta", "Lookahead"]},
    preload=["torch._dynamo"],  # torch.optim imports it on first use; not part of any check's time
)
