"""Probes: what a check runs on a component. The same probe runs the reference in the grader and the student's
code in the worker, so both see exactly the same inputs and are measured the same way. A probe takes the
module under test and plain-data inputs, and returns plain data (tensors, numbers, lists, dicts)."""
import importlib


def get_probe(name: str):
    """'optimizers.trajectory' -> the function `trajectory` listed in probes/optimizers.py's PROBES."""
    topic, _, function = name.partition(".")
    module = importlib.import_module(f"{__name__}.{topic}")
    if function not in module.PROBES:
        raise KeyError(f"unknown probe {name}")
    return getattr(module, function)
