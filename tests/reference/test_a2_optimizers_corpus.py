"""The a2 mistake corpus is caught and the correct alternatives pass.

Each module of autograder/mistakes/a2_optimizers/ and tests/alternatives/a2_optimizers/ changes one
component of the reference file (autograder.corpus.source_with, as the grader builds it) and the result
is loaded as a submission. A mistake must leave torch.optim (or, for Lookahead, the definition) in at
least one of the scenarios of test_a2_optimizers.py; an alternative must match in all of them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import test_a2_optimizers as scenarios  # the scenarios and comparisons of the reference test (same folder)
from support import DEVICES, ROOT, SOLUTIONS, load_module

from autograder.corpus import read_header, source_with

MISTAKES = sorted(p for p in (ROOT / "autograder" / "mistakes" / "a2_optimizers").glob("*__*.py")
                  if p.name != "__init__.py")
ALTERNATIVES = sorted((ROOT / "tests" / "alternatives" / "a2_optimizers").glob("*.py"))
COMPONENTS = scenarios.OPTIMIZERS + ["Lookahead"]


def submission_with(path: Path, tmp_path: Path):
    """The reference optimizers.py with the corpus module at `path` applied (its changes, or its drop-in)."""
    source = source_with((SOLUTIONS / "a2_optimizers" / "optimizers.py").read_text(), path)
    target = tmp_path / "optimizers.py"
    target.write_text(source)
    return load_module(target, f"a2_submission_{path.parent.name}_{path.stem}")


def mismatches(component: str, cls, device: str, stop_at_first: bool):
    """Every scenario in which `cls` differs from torch.optim (or the definition), as messages."""
    found = []
    if component == "Lookahead":
        cases = [(inner, inner_kwargs, settings, scenario)
                 for scenario in scenarios.LOOKAHEAD_SCENARIOS
                 for inner, inner_kwargs in scenarios.LOOKAHEAD_INNER
                 for settings in scenarios.LOOKAHEAD_SETTINGS]
        for inner, inner_kwargs, settings, scenario in cases:
            message = scenarios.lookahead_first_mismatch(cls, inner, inner_kwargs, settings, scenario, device)
            if message:
                found.append(message)
                if stop_at_first:
                    break
        return found
    for scenario in scenarios.SCENARIOS:  # most mistakes show in the first scenario: look there first
        for kwargs in scenarios.ARGUMENT_SETS[component]:
            message = scenarios.first_mismatch(cls, component, kwargs, scenario, device)
            if message:
                found.append(message)
                if stop_at_first:
                    return found
    return found


@pytest.mark.parametrize("path", MISTAKES, ids=[p.stem for p in MISTAKES])
def test_mistake_is_caught(path, tmp_path):
    info = read_header(path)
    assert info.get("COMPONENT") in COMPONENTS and info.get("FILE") == "optimizers.py", info
    module = submission_with(path, tmp_path)
    cls = getattr(module, info["COMPONENT"])
    assert cls.__module__ == module.__name__
    assert mismatches(info["COMPONENT"], cls, "cpu", stop_at_first=True), (
        f"{path.name} agrees with torch in every scenario: it is not a detectable mistake")


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("path", ALTERNATIVES, ids=[p.stem for p in ALTERNATIVES])
def test_alternative_passes(path, device, tmp_path):
    info = read_header(path)
    assert info.get("COMPONENT") in COMPONENTS and info.get("FILE") == "optimizers.py" and "HINT" not in info
    source = path.read_text()
    for name in COMPONENTS:  # an alternative that calls torch's own implementation would earn no credit
        assert f"torch.optim.{name}" not in source and f"optim.{name.lower()}" not in source
    assert "_functional" not in source
    cls = getattr(submission_with(path, tmp_path), info["COMPONENT"])
    found = mismatches(info["COMPONENT"], cls, device, stop_at_first=False)
    assert not found, "\n".join(found[:3])

