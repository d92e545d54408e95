"""Hidden checks for freeze_ (autograder/checks/a6_pipeline). Probe: worker/probes/transfer.py (freeze).

Frozen for real: after freeze_ and the training loop's model.train(), the frozen parameters are bit-identical
after AdamW steps with weight decay (so they require no gradient and stay out of the optimizer), the frozen
batch norms are in eval mode with their running statistics untouched, and the rest (the head included)
trains; a prefix covers its submodule and what is inside, and ends at a dot.
"""
from ...check import Check
from ._transfer_runs import describe, signals

COMPONENT = "freeze_"
FORBIDDEN = []
TORCH_CODE = []


def freeze_inputs(prefixes, seed):
    return lambda: {**signals(seed=seed), "prefixes": prefixes, "steps": 3}


CHECKS = [
    Check(COMPONENT, "freeze the stem: batch norm in eval mode through model.train(), nothing frozen moves", 2,
          "transfer.freeze", freeze_inputs(["stem"], 6100), describe_path=describe, dtypes=("float64",),
          device_proxy=True),
    Check(COMPONENT, "freeze stem and blocks.0 (a list of prefixes); stem_extra and blocks.1 keep training", 2,
          "transfer.freeze", freeze_inputs(["stem", "blocks.0"], 6101), describe_path=describe,
          dtypes=("float32",)),
    Check(COMPONENT, "freeze the whole backbone by its parent names (stem, stem_extra, blocks)", 1,
          "transfer.freeze", freeze_inputs(["stem", "stem_extra", "blocks"], 6102), describe_path=describe,
          dtypes=("float64",), cpu_only=True),
]
