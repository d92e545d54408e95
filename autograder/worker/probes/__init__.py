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


def raised(call) -> str:
    """The name of the exception `call()` raises, or "no exception" (for inputs that must be rejected).
    NotImplementedError goes through: a stub is reported as not implemented, not as a wrong exception."""
    try:
        call()
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - any type is reported, the check says which one it expects
        return type(exc).__name__
    return "no exception"
