"""The a4_normalization mistake corpus is caught, and the alternative implementations pass.

Each corpus module is applied to a copy of the reference file it belongs to (a mistake's changes, or a
drop-in appended so that it replaces exactly one name: autograder.corpus.source_with), loaded, and run
through the same checks against torch: every mistake must fail them, every alternative must pass them.
The checks are float64 on CPU, with small inputs. (The format of the corpus modules is tested once for
every assignment, elsewhere.)
"""
import math

import pytest
import torch
import torch.nn.functional as F

from autograder.corpus import read_header, source_with
from support import ROOT, SOLUTIONS, load_module

ASSIGNMENT = "a4_normalization"
MISTAKES = sorted(p for p in (ROOT / "autograder" / "mistakes" / ASSIGNMENT).glob("*.py") if p.name != "__init__.py")
ALTERNATIVES = sorted(p for p in (ROOT / "tests" / "alternatives" / ASSIGNMENT).glob("*.py") if p.name != "__init__.py")
COMPONENTS = {
    "BatchNorm1d": "normalization.py", "BatchNorm2d": "normalization.py", "LayerNorm": "normalization.py",
    "GroupNorm": "normalization.py", "BatchNormFunction": "normalization.py",
    "clip_grad_value_": "clipping.py", "clip_grad_norm_": "clipping.py",
}
DTYPE = torch.float64
TOL = 1e-9


def build(path, tmp_path):
    """The reference file with the corpus module applied (its changes, or the drop-in appended), loaded fresh."""
    header = read_header(path)
    source = source_with((SOLUTIONS / ASSIGNMENT / header["FILE"]).read_text(), path)
    target = tmp_path / header["FILE"]
    target.write_text(source)
    return load_module(target, f"corpus_{ASSIGNMENT}_{path.stem}"), header["COMPONENT"]


# ------------------------------------------------------------------------------------------------- checks
def close(ours, theirs, what):
    assert ours is not None, f"{what}: None"
    assert ours.shape == theirs.shape, f"{what}: shape {tuple(ours.shape)} vs {tuple(theirs.shape)}"
    error = (ours - theirs).abs().max().item()
    assert error <= TOL * max(1.0, theirs.abs().max().item()), f"{what}: differs by {error:.3g}"


def data(shape, seed):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(shape, generator=generator, dtype=DTYPE)
    channel = [1, shape[1]] + [1] * (len(shape) - 2)
    return x * torch.linspace(0.5, 3, shape[1], dtype=DTYPE).reshape(channel) \
        + torch.linspace(-1, 2, shape[1], dtype=DTYPE).reshape(channel)


def same_affine(ours, theirs):
    generator = torch.Generator().manual_seed(1)
    with torch.no_grad():
        for name in ("weight", "bias"):
            if getattr(theirs, name, None) is not None:
                value = torch.randn(getattr(theirs, name).shape, generator=generator, dtype=DTYPE)
                getattr(theirs, name).copy_(value)
                getattr(ours, name).copy_(value)


def forward_backward(ours, theirs, x, what):
    x1, x2 = x.clone().requires_grad_(True), x.clone().requires_grad_(True)
    y1, y2 = ours(x1), theirs(x2)
    close(y1, y2, f"{what} output")
    upstream = torch.randn(y2.shape, generator=torch.Generator().manual_seed(7), dtype=DTYPE)
    y1.backward(upstream)
    y2.backward(upstream)
    close(x1.grad, x2.grad, f"{what} grad x")
    for name in ("weight", "bias"):
        if getattr(theirs, name, None) is not None:
            close(getattr(ours, name).grad, getattr(theirs, name).grad, f"{what} grad {name}")


def check_batchnorm(cls, torch_cls, shape):
    for options in [{}, {"momentum": None}, {"momentum": 0.3, "affine": False}, {"track_running_stats": False}]:
        ours, theirs = cls(shape[1], dtype=DTYPE, **options), torch_cls(shape[1], dtype=DTYPE, **options)
        assert list(ours.state_dict()) == list(theirs.state_dict()), "state_dict keys"
        same_affine(ours, theirs)
        for step in range(3):
            forward_backward(ours, theirs, data(shape, step), f"{options} train {step}")
        ours.eval(), theirs.eval()
        for step in range(2):
            forward_backward(ours, theirs, data(shape, 10 + step), f"{options} eval {step}")
        if theirs.running_mean is not None:
            close(ours.running_mean, theirs.running_mean, "running_mean")
            close(ours.running_var, theirs.running_var, "running_var")
            assert int(ours.num_batches_tracked) == int(theirs.num_batches_tracked), "num_batches_tracked"


def check_BatchNorm1d(cls):
    check_batchnorm(cls, torch.nn.BatchNorm1d, (8, 3))
    check_batchnorm(cls, torch.nn.BatchNorm1d, (4, 3, 5))


def check_BatchNorm2d(cls):
    check_batchnorm(cls, torch.nn.BatchNorm2d, (3, 3, 4, 2))


def check_LayerNorm(cls):
    for normalized_shape, shape in [(6, (4, 6)), ((3, 6), (2, 3, 6)), ((2, 3, 4), (2, 2, 3, 4))]:
        for options in [{}, {"elementwise_affine": False}, {"bias": False}, {"eps": 0.5}]:
            ours = cls(normalized_shape, dtype=DTYPE, **options)
            theirs = torch.nn.LayerNorm(normalized_shape, dtype=DTYPE, **options)
            same_affine(ours, theirs)
            x = torch.randn(shape, generator=torch.Generator().manual_seed(3), dtype=DTYPE) * 0.3 + 1
            forward_backward(ours, theirs, x, f"LayerNorm({normalized_shape}, {options})")


def check_GroupNorm(cls):
    for num_groups in (1, 2, 3, 6):
        for shape in [(3, 6, 4), (2, 6, 2, 3)]:
            ours, theirs = cls(num_groups, 6, dtype=DTYPE), torch.nn.GroupNorm(num_groups, 6, dtype=DTYPE)
            same_affine(ours, theirs)
            forward_backward(ours, theirs, data(shape, 4), f"GroupNorm({num_groups}, 6) on {shape}")


def check_BatchNormFunction(cls):
    for shape in [(6, 3), (4, 3, 5), (2, 3, 2, 3)]:
        for needs in [(True, True, True), (True, False, False)]:
            x, w, b = data(shape, 5), data((1, 3), 6).reshape(3), data((1, 3), 8).reshape(3)
            upstream = torch.randn(shape, generator=torch.Generator().manual_seed(9), dtype=DTYPE)
            ours = [t.clone().requires_grad_(n) for t, n in zip((x, w, b), needs)]
            theirs = [t.clone().requires_grad_(n) for t, n in zip((x, w, b), needs)]
            y1 = cls.apply(*ours, 1e-5)
            y2 = F.batch_norm(theirs[0], None, None, theirs[1], theirs[2], training=True, eps=1e-5)
            close(y1, y2, "BatchNormFunction output")
            y1.backward(upstream)
            y2.backward(upstream)
            for a, b_, n, name in zip(ours, theirs, needs, ["x", "weight", "bias"]):
                if n:
                    close(a.grad, b_.grad, f"BatchNormFunction grad {name} on {shape}")


def parameters(scale, seed=0):
    generator = torch.Generator().manual_seed(seed)
    params = []
    for shape in [(4, 3), (3,), (2, 2, 2)]:
        p = torch.randn(shape, generator=generator, dtype=DTYPE).requires_grad_(True)
        p.grad = scale * torch.randn(shape, generator=generator, dtype=DTYPE)
        params.append(p)
    params.insert(1, torch.zeros(2, dtype=DTYPE, requires_grad=True))        # grad stays None
    return params


def same_after(ours, theirs, what):
    for p, q in zip(ours, theirs):
        close(p.detach(), q.detach(), f"{what}: parameter values")
        if q.grad is None:
            assert p.grad is None, f"{what}: None grad filled in"
        else:
            close(p.grad, q.grad, f"{what}: grad")


def check_clip_grad_value_(fn):
    for clip_value in (0.3, 1.5):
        ours, theirs = parameters(2.0), parameters(2.0)
        grads = [p.grad for p in ours]
        fn(ours, clip_value)
        torch.nn.utils.clip_grad_value_(theirs, clip_value)
        same_after(ours, theirs, f"clip_grad_value_({clip_value})")
        assert all(p.grad is g for p, g in zip(ours, grads)), "not in place"


def check_clip_grad_norm_(fn):
    for norm_type in (1.0, 2.0, 3.0, math.inf):
        for scale, max_norm in [(3.0, 1.0), (0.01, 5.0)]:
            ours, theirs = parameters(scale), parameters(scale)
            grads = [p.grad for p in ours]
            total = fn(ours, max_norm, norm_type=norm_type)
            expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm, norm_type=norm_type)
            close(total, expected, f"total norm, norm_type={norm_type}")
            same_after(ours, theirs, f"clip_grad_norm_({max_norm}, {norm_type})")
            assert all(p.grad is g for p, g in zip(ours, grads)), "not in place"
    assert fn([], 1.0).item() == 0.0
    bad = parameters(1.0)
    bad[0].grad[0, 0] = math.inf
    with pytest.raises(RuntimeError):
        fn(bad, 1.0, error_if_nonfinite=True)


CHECKS = {name: globals()[f"check_{name}"] for name in COMPONENTS}


# -------------------------------------------------------------------------------------------------- tests
def test_the_reference_passes_every_check():
    normalization = load_module(SOLUTIONS / ASSIGNMENT / "normalization.py", "corpus_reference_normalization")
    clipping = load_module(SOLUTIONS / ASSIGNMENT / "clipping.py", "corpus_reference_clipping")
    for name, filename in COMPONENTS.items():
        CHECKS[name](getattr(normalization if filename == "normalization.py" else clipping, name))


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.stem)
def test_mistake_is_caught(path, tmp_path):
    module, component = build(path, tmp_path)
    implementation = getattr(module, component)
    assert implementation.__qualname__ == component
    with pytest.raises(Exception):          # a wrong number (AssertionError) or a crash on a valid input
        CHECKS[component](implementation)


@pytest.mark.parametrize("path", ALTERNATIVES, ids=lambda p: p.stem)
def test_alternative_passes(path, tmp_path):
    module, component = build(path, tmp_path)
    CHECKS[component](getattr(module, component))
