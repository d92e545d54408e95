"""The a1_initialization mistake corpus is caught, and every alternative passes.

Each corpus module is applied to a copy of the reference file it belongs to (autograder.corpus.source_with:
a mistake's CHANGES, or an alternative appended so that it replaces exactly one name), loaded, and judged by
the component's verdict: a list of problems, empty when the component is right. Initializers are judged
by their defining statistics (fixed seeds, k-sigma tolerances derived from the sample size), everything
else by comparison with torch.
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from autograder.corpus import read_header, source_with
from support import ROOT, SOLUTIONS, load_module

ASSIGNMENT = "a1_initialization"
MISTAKES = sorted(p for p in (ROOT / "autograder" / "mistakes" / ASSIGNMENT).glob("*.py") if p.name != "__init__.py")
ALTERNATIVES = sorted((ROOT / "tests" / "alternatives" / ASSIGNMENT).glob("*.py"))


def build(module_path: Path, tmp_path: Path):
    """The reference file with the corpus module applied, loaded as a fresh module; and the module's header."""
    header = read_header(module_path)  # COMPONENT and FILE, read without running the module
    reference_source = (SOLUTIONS / ASSIGNMENT / header["FILE"]).read_text()
    target = tmp_path / header["FILE"]
    target.write_text(source_with(reference_source, module_path))
    return load_module(target, f"corpus_{module_path.stem}"), header


# ------------------------------------------------------------------------------------------------ verdicts

def fans_verdict(m):
    problems = []
    for shape in [(30, 20), (16, 8, 3), (8, 4, 3, 5), (4, 2, 3, 1, 2), (6, 6, 1, 1)]:
        got = m.calculate_fan_in_and_fan_out(torch.empty(shape))
        if tuple(got) != torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape)):
            problems.append(f"fans of {shape}: {got}")
    try:
        m.calculate_fan_in_and_fan_out(torch.empty(4))
        problems.append("no ValueError for a 1-D tensor")
    except ValueError:
        pass
    return problems


def gain_verdict(m):
    cases = [(n, None) for n in ("linear", "conv1d", "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu",
                                 "selu")] + [("leaky_relu", p) for p in (0, 0.2, 1, 3.0)]
    problems = [f"{c}: {m.calculate_gain(*c)}" for c in cases
                if not math.isclose(m.calculate_gain(*c), torch.nn.init.calculate_gain(*c), rel_tol=1e-12)]
    for bad in [("gelu", None), ("leaky_relu", "0.1"), ("leaky_relu", True)]:
        try:
            m.calculate_gain(*bad)
            problems.append(f"no ValueError for {bad}")
        except ValueError:
            pass
    return problems


def statistics_problems(tensor, std, uniform, k=6.0):
    """Empty if mean, variance and extremes are within k standard errors of N(0, std^2) or U(-√3 std, √3 std)."""
    values = tensor.detach().double().flatten()
    n = values.numel()
    kurtosis = 9 / 5 if uniform else 3.0
    problems = []
    if abs(values.mean().item()) > k * std / math.sqrt(n):
        problems.append(f"mean {values.mean().item():.3g}")
    ratio = values.var().item() / std**2
    if abs(ratio - 1) > k * math.sqrt((kurtosis - 1) / n):
        problems.append(f"variance {ratio:.4f} times the expected")
    largest = values.abs().max().item()
    bound = math.sqrt(3) * std
    if uniform and not bound * (1 - 30 / n) < largest <= bound * (1 + 1e-6):
        problems.append(f"largest |w| {largest:.4g}, uniform bound {bound:.4g}")
    if not uniform and largest < 1.2 * bound:
        problems.append(f"largest |w| {largest:.4g}: no normal tail")
    return problems


SHAPES = [(300, 100), (48, 16, 5), (32, 8, 3, 3)]  # never square: swapped or ignored fans show


def std_of(name, shape, kwargs):
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    if name.startswith("xavier"):
        return kwargs.get("gain", 1.0) * math.sqrt(2.0 / (fan_in + fan_out))
    if name.startswith("lecun"):
        return 1 / math.sqrt(fan_in)
    fan = fan_out if kwargs.get("mode") == "fan_out" else fan_in
    a = kwargs.get("a", 0)
    gain = {"tanh": 5 / 3, "relu": math.sqrt(2)}.get(kwargs.get("nonlinearity"), math.sqrt(2 / (1 + a * a)))
    return gain / math.sqrt(fan)


INIT_KWARGS = {
    "xavier_uniform_": [{}, {"gain": 5 / 3}],
    "xavier_normal_": [{}, {"gain": 5 / 3}],
    "kaiming_uniform_": [{}, {"mode": "fan_out"}, {"a": 0.5}, {"nonlinearity": "tanh"}],
    "kaiming_normal_": [{}, {"mode": "fan_out"}, {"a": 0.5}, {"nonlinearity": "tanh"}],
    "lecun_uniform_": [{}],
    "lecun_normal_": [{}],
}


def initializer_verdict(name):
    def verdict(m):
        problems = []
        for shape in SHAPES:
            for kwargs in INIT_KWARGS[name]:
                tensor = torch.empty(shape)
                returned = getattr(m, name)(tensor, generator=torch.Generator().manual_seed(1), **kwargs)
                if returned is not tensor:
                    problems.append("does not return its tensor")
                problems += [f"{shape} {kwargs}: {p}" for p in
                             statistics_problems(tensor, std_of(name, shape, kwargs), name.endswith("uniform_"))]
        return problems
    return verdict


def same_draws_as_torch(m, name):
    """Alternatives also give torch's weights for the same seed (what a draw-for-draw check would ask)."""
    torch_init = getattr(torch.nn.init, name, None)
    if name.startswith("lecun"):
        kind = name.split("_")[1]
        torch_init = lambda t, generator, **kw: getattr(torch.nn.init, f"kaiming_{kind}_")(  # noqa: E731
            t, nonlinearity="linear", generator=generator)
    for shape in SHAPES:
        for kwargs in INIT_KWARGS[name]:
            ours = getattr(m, name)(torch.empty(shape, dtype=torch.float64),
                                    generator=torch.Generator().manual_seed(2), **kwargs)
            theirs = torch_init(torch.empty(shape, dtype=torch.float64), generator=torch.Generator().manual_seed(2),
                                **kwargs)
            torch.testing.assert_close(ours, theirs, rtol=1e-9, atol=1e-12)


def activation_verdict(name, calls):
    """calls: (our call, torch call) pairs; compared in value and gradient, at and away from the kink."""
    def verdict(m):
        x = torch.cat([torch.linspace(-5, 5, 41, dtype=torch.float64),  # includes 0.0
                       torch.tensor([-1000.0, -30.0, 30.0, 1000.0], dtype=torch.float64)])
        upstream = torch.linspace(0.5, 1.5, x.numel(), dtype=torch.float64)
        problems = []
        for ours, theirs in calls:
            a, b = x.clone().requires_grad_(), x.clone().requires_grad_()
            out_a, out_b = ours(m, a), theirs(b)
            (grad_a,) = torch.autograd.grad(out_a, a, upstream)
            (grad_b,) = torch.autograd.grad(out_b, b, upstream)
            if not torch.allclose(out_a, out_b, rtol=1e-9, atol=1e-12):
                problems.append("values")
            if not torch.allclose(grad_a, grad_b, rtol=1e-9, atol=1e-12):
                problems.append("gradients")
        if name != "gelu":
            y = torch.linspace(-2, 2, 9, dtype=torch.float64)
            expected = getattr(F, name)(y.clone())
            if getattr(m, name)(y, inplace=True) is not y or not torch.allclose(y, expected):
                problems.append("inplace")
        return problems
    return verdict


def prelu_verdict(m):
    problems = []
    for num_parameters, shape in [(1, (7,)), (1, (4, 3, 5)), (3, (4, 3)), (3, (4, 3, 5)), (3, (2, 3, 4, 5))]:
        ours = m.PReLU(num_parameters, dtype=torch.float64)
        theirs = torch.nn.PReLU(num_parameters, dtype=torch.float64)
        if not isinstance(ours.weight, torch.nn.Parameter) or ours.weight.shape != theirs.weight.shape:
            problems.append(f"weight {type(ours.weight).__name__} {tuple(ours.weight.shape)}")
            continue
        slopes = torch.linspace(0.1, 0.5, num_parameters, dtype=torch.float64)
        with torch.no_grad():
            ours.weight.copy_(slopes)
            theirs.weight.copy_(slopes)
        x = torch.randn(shape, dtype=torch.float64, generator=torch.Generator().manual_seed(4))
        try:
            out_ours = ours(x)
        except RuntimeError as error:
            problems.append(f"{shape}: {error}")
            continue
        out_theirs = theirs(x)
        if not torch.allclose(out_ours, out_theirs, rtol=1e-9, atol=1e-12):
            problems.append(f"{shape}: values")
        out_ours.sum().backward()
        out_theirs.sum().backward()
        if not torch.allclose(ours.weight.grad, theirs.weight.grad, rtol=1e-9, atol=1e-12):
            problems.append(f"{shape}: weight gradient")
    return problems


VERDICTS = {
    "calculate_fan_in_and_fan_out": fans_verdict,
    "calculate_gain": gain_verdict,
    **{name: initializer_verdict(name) for name in INIT_KWARGS},
    "relu": activation_verdict("relu", [(lambda m, x: m.relu(x), F.relu)]),
    "leaky_relu": activation_verdict("leaky_relu", [
        (lambda m, x: m.leaky_relu(x), F.leaky_relu),
        (lambda m, x: m.leaky_relu(x, 0.2), lambda x: F.leaky_relu(x, 0.2)),
        (lambda m, x: m.leaky_relu(x, negative_slope=2.0), lambda x: F.leaky_relu(x, negative_slope=2.0))]),
    "elu": activation_verdict("elu", [(lambda m, x: m.elu(x), F.elu),
                                      (lambda m, x: m.elu(x, alpha=0.5), lambda x: F.elu(x, alpha=0.5))]),
    "selu": activation_verdict("selu", [(lambda m, x: m.selu(x), F.selu)]),
    "gelu": activation_verdict("gelu", [(lambda m, x: m.gelu(x), F.gelu),
                                        (lambda m, x: m.gelu(x, approximate="tanh"),
                                         lambda x: F.gelu(x, approximate="tanh"))]),
    "PReLU": prelu_verdict,
}


# ------------------------------------------------------------------------------------------------- tests

def test_reference_passes_every_verdict():
    modules = {"initializers.py": load_module(SOLUTIONS / ASSIGNMENT / "initializers.py", "corpus_ref_init"),
               "activations.py": load_module(SOLUTIONS / ASSIGNMENT / "activations.py", "corpus_ref_act")}
    for component, verdict in VERDICTS.items():
        module = modules["activations.py"] if hasattr(modules["activations.py"], component) else modules[
            "initializers.py"]
        assert verdict(module) == [], component


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.stem)
def test_mistake_is_caught(path, tmp_path):
    module, header = build(path, tmp_path)
    assert VERDICTS[header["COMPONENT"]](module), f"{path.name} passes every check of {header['COMPONENT']}"


@pytest.mark.parametrize("path", ALTERNATIVES, ids=lambda p: p.stem)
def test_alternative_passes(path, tmp_path):
    module, header = build(path, tmp_path)
    component = header["COMPONENT"]
    assert VERDICTS[component](module) == []
    if component in INIT_KWARGS:
        same_draws_as_torch(module, component)
