"""The hidden checks, one package per assignment; each package's __init__ builds its `Assignment`.

Only the grader reads these files; the sandboxed worker never sees them.
"""
import dataclasses
import importlib

from ..check import Assignment


def declare(name: str, files: dict[str, list[str]], **options) -> Assignment:
    """An assignment from its files and their components, in report order. Each component's checks, forbidden
    names and torch counterpart (TORCH_CODE, TORCH_OPERATORS: autograder/torch_use.py) are read from its module,
    checks/<name>/<component id>.py (Assignment.component_id);
    its first check is its public one unless the module marks others (Check.public);
    `options` are the Assignment's other fields (preload, provided, uses)."""
    assignment = Assignment(name=name, files=files, checks=[], **options)
    for component in assignment.components():
        module = importlib.import_module(f"{__name__}.{name}.{assignment.component_id(component)}")
        if module.COMPONENT != component:
            raise ValueError(f"{module.__name__} checks {module.COMPONENT}, not {component}")
        checks = list(module.CHECKS)
        if checks and not any(c.public for c in checks):  # the plain case, first, is the public one
            checks[0] = dataclasses.replace(checks[0], public=True)
        assignment.checks += checks
        assignment.forbidden[component] = module.FORBIDDEN
        assignment.torch_code[component] = list(module.TORCH_CODE)
        assignment.torch_operators[component] = list(getattr(module, "TORCH_OPERATORS", []))
    return assignment

ORDER = ["a1_initialization", "a2_optimizers", "a3_schedules", "a4_normalization", "a5_regularization",
         "a6_pipeline"]


def _load() -> dict[str, Assignment]:
    found = {}
    for name in ORDER:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # that assignment has no checks yet
            raise
        if hasattr(module, "ASSIGNMENT"):  # a folder being written has none yet
            found[name] = module.ASSIGNMENT
    return found


ASSIGNMENTS: dict[str, Assignment] = _load()
