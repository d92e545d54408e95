"""The a6 reference model and augmentations against PyTorch and against their docstrings.

The model is checked by building it twice from the same model.py: once on the course's a1–a5 reference
components (components.py), once on torch's own (torch.nn.BatchNorm1d, torch.nn.Dropout, F.relu,
torch.nn.init), which model.py then imports in their place. With the same weights both must give the same
outputs, gradients and running statistics; their initializations the same statistics. The augmentations are
random, so they are checked by their properties, as the grader does.
"""
import math

import pytest
import torch
import torch.nn.functional as F

from support import DEVICES, SOLUTIONS, reference
from trainkit.swap import load_a6, torch_components

augment = reference("a6_pipeline", "augment.py")
course = reference("a6_pipeline", "model.py")
on_torch = load_a6(SOLUTIONS / "a6_pipeline", torch_components(SOLUTIONS / "a6_pipeline")).model


def randomized(model, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if t.is_floating_point():
                positive = name.endswith(("running_var", "bn1.weight", "bn2.weight", "stem_bn.weight"))
                t.copy_(0.5 + torch.rand(t.shape, generator=g, dtype=t.dtype) if positive
                        else 0.3 * torch.randn(t.shape, generator=g, dtype=t.dtype))
    return model


def pair(component, device, seed, **kwargs):
    """(ours on the course's components, theirs on torch's), float64, with the same random weights."""
    ours = randomized(getattr(course, component)(**kwargs).to(device, torch.float64), seed)
    theirs = getattr(on_torch, component)(**kwargs).to(device, torch.float64)
    theirs.load_state_dict(ours.state_dict())   # the same names: the course's batch norm mirrors torch's
    return ours, theirs


def run(model, x, upstream):
    """Train-mode output, input and parameter gradients, buffers after it, then an eval-mode output."""
    model.train()
    leaf = x.clone().requires_grad_(True)
    y = model(leaf)
    y.backward(upstream)
    grads = {name: p.grad.clone() for name, p in model.named_parameters()}
    buffers = {name: b.clone() for name, b in model.named_buffers()}
    model.eval()
    with torch.no_grad():
        evaluated = model(x)
    return y.detach(), leaf.grad, grads, buffers, evaluated


CASES = [("ResidualBlock1d", {"channels": 5, "kernel_size": 5}, (6, 5, 18)),
         ("ResNet1d", {"in_channels": 3, "channels": 8, "num_blocks": 2, "num_classes": 4}, (7, 3, 26)),
         ("ResNet1d", {"channels": 6, "num_blocks": 1, "num_classes": 3}, (5, 30))]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("component, kwargs, shape", CASES, ids=["block", "resnet", "resnet-2d-input"])
def test_model_matches_torch_components(device, component, kwargs, shape):
    ours, theirs = pair(component, device, seed=1, **kwargs)
    g = torch.Generator().manual_seed(2)
    x = torch.randn(shape, generator=g, dtype=torch.float64).to(device)
    out_shape = shape if component == "ResidualBlock1d" else (shape[0], kwargs["num_classes"])
    upstream = torch.randn(out_shape, generator=g, dtype=torch.float64).to(device)
    for a, b in zip(run(ours, x, upstream), run(theirs, x, upstream)):
        torch.testing.assert_close(a, b, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("component, kwargs", [("ResidualBlock1d", {"channels": 4}),
                                               ("ResNet1d", {"channels": 4, "num_blocks": 2, "num_classes": 3})])
def test_dropout_matches_torch_where_it_is_deterministic(component, kwargs):
    """Masks differ between implementations; eval mode (dropout off) and dropout=1.0 (all dropped) do not."""
    x = torch.randn(4, 1 if component == "ResNet1d" else 4, 12, dtype=torch.float64)
    for p in (0.5, 1.0):
        ours, theirs = pair(component, "cpu", seed=3, dropout=p, **kwargs)
        ours.train(p == 1.0)
        theirs.train(p == 1.0)
        torch.testing.assert_close(ours(x), theirs(x), rtol=1e-10, atol=1e-12)


def test_dropout_sits_between_the_first_relu_and_conv2():
    block = randomized(course.ResidualBlock1d(3, dropout=1.0).double(), seed=4)
    x = torch.randn(5, 3, 9, dtype=torch.float64)
    torch.testing.assert_close(block(x), F.relu(x + block.bn2.bias[None, :, None]))


def test_initialization_statistics_match_torch():
    torch.manual_seed(5)
    ours = course.ResNet1d(in_channels=4, channels=96, num_blocks=2, num_classes=200)
    torch.manual_seed(6)
    theirs = on_torch.ResNet1d(in_channels=4, channels=96, num_blocks=2, num_classes=200)
    for (name, a), b in zip(ours.state_dict().items(), theirs.state_dict().values()):
        if a.is_floating_point() and a.numel() > 1 and a.std() > 0:
            assert abs(a.std().item() / b.std().item() - 1) < 6 / math.sqrt(a.numel()), name
        else:
            assert torch.equal(a, b), name
    bound = math.sqrt(6 / (96 + 200))
    assert bound * 0.995 < ours.head.weight.abs().max().item() <= bound


@pytest.mark.parametrize("zero_init_residual", [True, False])
def test_zero_init_residual(zero_init_residual):
    model = course.ResNet1d(channels=8, num_blocks=3, zero_init_residual=zero_init_residual)
    x = torch.rand(4, 8, 16)
    for block in model.blocks:
        assert torch.equal(block.bn2.weight, torch.full((8,), 0.0 if zero_init_residual else 1.0))
        assert torch.equal(block(x), x) == zero_init_residual


def test_even_kernel_size_is_rejected():
    with pytest.raises(ValueError):
        course.ResidualBlock1d(4, kernel_size=2)


# ------------------------------------------------------------------------------------------- augmentations

def zero_filled(row, s):
    out = torch.zeros_like(row)
    if s >= 0:
        out[..., s:] = row[..., :row.shape[-1] - s]
    else:
        out[..., :s] = row[..., -s:]
    return out


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("shape", [(3000, 12), (1000, 3, 12)], ids=["[N, L]", "[N, C, L]"])
def test_random_shift_shifts_each_sequence_uniformly_with_zeros(device, shape):
    torch.manual_seed(7)
    x = (torch.randperm(math.prod(shape)) + 1).double().reshape(shape).to(device)   # distinct, nonzero
    y = augment.random_shift(x, 3)
    assert y.shape == x.shape and y.dtype == x.dtype and y.device == x.device
    counts = {s: 0 for s in range(-3, 4)}
    for row_x, row_y in zip(x, y):
        matches = [s for s in counts if torch.equal(zero_filled(row_x, s), row_y)]
        assert len(matches) == 1                          # all channels of the sequence moved together
        counts[matches[0]] += 1
    n, p = shape[0], 1 / 7
    assert all(abs(c - n * p) <= 5 * math.sqrt(n * p * (1 - p)) for c in counts.values()), counts


def test_random_shift_edge_cases_and_generator():
    x = torch.randn(8, 20, dtype=torch.float64)
    assert torch.equal(augment.random_shift(x, 0), x)
    with pytest.raises(ValueError):
        augment.random_shift(x, -1)
    torch.manual_seed(8)
    first = augment.random_shift(x, 5, generator=torch.Generator().manual_seed(9))
    torch.manual_seed(10)
    assert torch.equal(first, augment.random_shift(x, 5, generator=torch.Generator().manual_seed(9)))


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_gaussian_jitter_adds_independent_normal_noise(device, dtype):
    torch.manual_seed(11)
    x = torch.randn(400, 250, dtype=dtype, device=device)
    before = x.clone()
    noise = (augment.gaussian_jitter(x, 0.3) - x).double()
    assert torch.equal(x, before)
    n = noise.numel()
    assert abs(noise.mean().item()) < 5 * 0.3 / math.sqrt(n)
    assert abs(noise.std().item() / 0.3 - 1) < 5 / math.sqrt(2 * n)
    assert abs((noise[1:] * noise[:-1]).mean().item() / 0.09) < 5 / math.sqrt(n)


def test_gaussian_jitter_generator_and_edge_cases():
    x = torch.randn(10, 30, dtype=torch.float64)
    torch.manual_seed(12)
    first = augment.gaussian_jitter(x, 0.5, generator=torch.Generator().manual_seed(13))
    torch.manual_seed(14)
    assert torch.equal(first, augment.gaussian_jitter(x, 0.5, generator=torch.Generator().manual_seed(13)))
    assert torch.equal(augment.gaussian_jitter(x, 0.0), x)
    with pytest.raises(ValueError):
        augment.gaussian_jitter(x, -0.5)
