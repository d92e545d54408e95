"""Public checks for clipping.py: your clipping functions against torch.nn.utils on small fixed-seed gradients.

Run one component at a time from this folder:   pytest -m clip_grad_norm   or   pytest -m clip_grad_value
"""
import math

import pytest
import torch

from clipping import clip_grad_norm_, clip_grad_value_

DTYPE = torch.float64
TOL = 1e-9


def make_parameters(scale=1.0, seed=0, with_unused=True):
    """Three parameters of different shapes with random gradients, plus one whose .grad is None."""
    generator = torch.Generator().manual_seed(seed)
    parameters = []
    for shape in [(4, 3), (3,), (2, 2, 2)]:
        p = torch.zeros(shape, dtype=DTYPE, requires_grad=True)
        p.grad = scale * torch.randn(shape, generator=generator, dtype=DTYPE)
        parameters.append(p)
    if with_unused:
        parameters.append(torch.zeros(5, dtype=DTYPE, requires_grad=True))   # unused: grad stays None
    return parameters


def assert_same_grads(ours, theirs, what):
    for index, (p, q) in enumerate(zip(ours, theirs)):
        if q.grad is None:
            assert p.grad is None, f"{what}: parameter {index} had no gradient and must keep .grad None"
            continue
        error = (p.grad - q.grad).abs().max().item()
        assert error <= TOL * max(1.0, q.grad.abs().max().item()), (
            f"{what}: gradient of parameter {index} differs from torch's by {error:.3g}.\n"
            f"  yours: {p.grad.flatten()[:4].tolist()}\n  torch: {q.grad.flatten()[:4].tolist()}")


# ------------------------------------------------------------------------------------- clip_grad_value_
@pytest.mark.clip_grad_value
def test_clip_grad_value_matches_torch():
    ours, theirs = make_parameters(scale=2.0), make_parameters(scale=2.0)
    grad_objects = [p.grad for p in ours]
    assert clip_grad_value_(ours, 0.8) is None, "clip_grad_value_ returns None, like torch"
    torch.nn.utils.clip_grad_value_(theirs, 0.8)
    assert_same_grads(ours, theirs, "clip_grad_value_(clip_value=0.8)")
    assert all(p.grad is g for p, g in zip(ours, grad_objects)), (
        "clip_grad_value_ must change the .grad tensors in place, not assign new ones")


@pytest.mark.clip_grad_value
def test_clip_grad_value_single_tensor_and_generator():
    ours, theirs = make_parameters(seed=1), make_parameters(seed=1)
    clip_grad_value_(ours[0], 0.3)
    torch.nn.utils.clip_grad_value_(theirs[0], 0.3)
    assert_same_grads(ours, theirs, "clip_grad_value_ on a single tensor")
    clip_grad_value_((p for p in ours), 0.1)
    torch.nn.utils.clip_grad_value_((p for p in theirs), 0.1)
    assert_same_grads(ours, theirs, "clip_grad_value_ on a generator of parameters")


# -------------------------------------------------------------------------------------- clip_grad_norm_
@pytest.mark.clip_grad_norm
@pytest.mark.parametrize("norm_type", [1.0, 2.0, 3.0, math.inf])
def test_clip_grad_norm_matches_torch(norm_type):
    ours, theirs = make_parameters(scale=3.0), make_parameters(scale=3.0)
    grad_objects = [p.grad for p in ours]
    total = clip_grad_norm_(ours, max_norm=1.5, norm_type=norm_type)
    expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm=1.5, norm_type=norm_type)
    assert isinstance(total, torch.Tensor), "clip_grad_norm_ returns the total norm as a tensor"
    assert abs(total.item() - expected.item()) <= TOL * expected.item(), (
        f"norm_type={norm_type}: you returned total norm {total.item():.6g}, torch {expected.item():.6g} "
        f"(the norm of all gradients together, before clipping)")
    assert_same_grads(ours, theirs, f"clip_grad_norm_(max_norm=1.5, norm_type={norm_type})")
    assert all(p.grad is g for p, g in zip(ours, grad_objects)), (
        "clip_grad_norm_ must change the .grad tensors in place, not assign new ones")


@pytest.mark.clip_grad_norm
def test_clip_grad_norm_leaves_small_gradients_alone():
    ours, theirs = make_parameters(scale=0.01), make_parameters(scale=0.01)
    total = clip_grad_norm_(ours, max_norm=10.0)
    expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm=10.0)
    assert abs(total.item() - expected.item()) <= TOL * expected.item(), "wrong total norm"
    assert_same_grads(ours, theirs, "clip_grad_norm_ with gradients far below max_norm (must stay as they are)")


@pytest.mark.clip_grad_norm
def test_clip_grad_norm_single_tensor_and_empty():
    ours, theirs = make_parameters(scale=5.0), make_parameters(scale=5.0)
    clip_grad_norm_(ours[0], 1.0)
    torch.nn.utils.clip_grad_norm_(theirs[0], 1.0)
    assert_same_grads(ours, theirs, "clip_grad_norm_ on a single tensor")
    empty = clip_grad_norm_([], 1.0)
    assert isinstance(empty, torch.Tensor) and empty.item() == 0.0, "with no gradients the total norm is tensor(0.)"


@pytest.mark.clip_grad_norm
def test_clip_grad_norm_error_if_nonfinite():
    parameters = make_parameters()
    total = clip_grad_norm_(parameters, 100.0, error_if_nonfinite=True)      # finite: no error
    assert math.isfinite(total.item()), "a finite norm must not raise with error_if_nonfinite=True"
    for bad in (math.inf, math.nan):
        parameters[1].grad[0] = bad
        with pytest.raises(RuntimeError):   # NotImplementedError is a RuntimeError too: checked above
            clip_grad_norm_(parameters, 1.0, error_if_nonfinite=True)
