"""The reference-output cache on disk: keyed by everything that determines an output, read back exactly, and
recomputed when damaged or when anything in the key changes."""
import os

import pytest
import torch

from autograder import references
from autograder.check import Variant
from autograder.checks import ASSIGNMENTS
from autograder.output_cache import OutputCache, digest

ADAM = next(c for c in ASSIGNMENTS["a2_optimizers"].checks if c.component == "Adam")


def test_the_digest_sees_values_dtypes_and_structure():
    x = torch.arange(6.0, dtype=torch.float64).reshape(2, 3)
    base = digest({"x": x, "steps": 3})
    assert digest({"x": x.clone(), "steps": 3}) == base
    changed = x.clone()
    changed[1, 2] += 1e-12
    assert digest({"x": changed, "steps": 3}) != base
    assert digest({"x": x.float(), "steps": 3}) != base
    assert digest({"x": x.reshape(3, 2), "steps": 3}) != base
    assert digest({"x": x, "steps": 4}) != base
    assert digest([1, 2]) != digest((1, 2))


def test_an_output_is_computed_once_then_read_back_and_a_damaged_one_is_recomputed(tmp_path):
    cache = OutputCache(tmp_path / "cache")
    assert (os.stat(tmp_path / "cache").st_mode & 0o777) == 0o700, "the grader's alone"
    calls = []
    value = {"params": [torch.randn(3, dtype=torch.float64)], "loss": 0.5, "name": "x", "none": None}

    def compute():
        calls.append(1)
        return value

    key = cache.key("code", "probing", ADAM, "cpu", "float64", {"seed": 1})
    first, second = cache.computed(key, compute), cache.computed(key, compute)
    assert len(calls) == 1 and torch.equal(second["params"][0], value["params"][0]) and second["loss"] == 0.5
    for other in [cache.key("code2", "probing", ADAM, "cpu", "float64", {"seed": 1}),
                  cache.key("code", "probing", ADAM, "cpu", "float32", {"seed": 1}),
                  cache.key("code", "probing", ADAM, "cpu", "float64", {"seed": 2})]:
        assert other != key
    stored = next((tmp_path / "cache").rglob("*.out"))
    stored.write_bytes(b"damaged")
    assert cache.computed(key, compute)["loss"] == 0.5 and len(calls) == 2
    assert not list((tmp_path / "cache").rglob("*.tmp")), "written atomically"


def test_read_back_bit_for_bit_and_what_would_change_on_the_way_is_never_stored(tmp_path):
    cache = OutputCache(tmp_path)
    value = {"x": torch.tensor([float("nan"), -0.0, 1e-310, float("inf")], dtype=torch.float64),
             "i": torch.arange(3), "b": torch.tensor([True, False]), "third": 1 / 3, "big": 2 ** 70, "list": [[]]}
    back = cache.computed("k", lambda: value) and cache.computed("k", lambda: None)
    assert back.keys() == value.keys() and back["third"] == 1 / 3 and back["big"] == 2 ** 70
    for name in ("x", "i", "b"):
        assert back[name].dtype == value[name].dtype
        assert back[name].view(torch.uint8).tolist() == value[name].view(torch.uint8).tolist()
    for n, changed_on_the_way in enumerate([(1, 2), {1: "int key"}, torch.ones(2, requires_grad=True),
                                            torch.float32]):
        calls = []
        for _ in range(2):
            assert cache.computed(f"changed{n}", lambda: calls.append(1) or changed_on_the_way) is changed_on_the_way
        assert len(calls) == 2, f"{changed_on_the_way!r} must not be stored"


def test_references_read_the_disk_cache_instead_of_running_again(tmp_path, monkeypatch):
    monkeypatch.setattr(references, "DISK", OutputCache(tmp_path))
    monkeypatch.setattr(references, "_outputs", {})
    variant, inputs = Variant("cpu", "float64"), ADAM.make_inputs()
    expected = references.output("a2_optimizers", "optimizers.py", ADAM, variant, inputs)
    monkeypatch.setattr(references, "_outputs", {})   # a new grading process: nothing in memory

    def must_not_run(*args):
        raise AssertionError("the reference ran again")

    monkeypatch.setattr(references, "run_probe", must_not_run)
    again = references.output("a2_optimizers", "optimizers.py", ADAM, variant, inputs)
    assert digest(again) == digest(expected), "read back exactly"
    with pytest.raises(AssertionError, match="ran again"):   # another dtype is another output
        references.output("a2_optimizers", "optimizers.py", ADAM, Variant("cpu", "float32"), inputs)
