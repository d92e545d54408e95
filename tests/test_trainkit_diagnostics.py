"""trainkit.diagnostics: per-layer activation, gradient and dead-unit statistics."""
import math

import pytest
import torch
import torch.nn.functional as F

from trainkit import diagnostics


def small_mlp(seed=0):
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 8), torch.nn.ReLU(),
                               torch.nn.Linear(8, 3))


def batch(seed=1):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(16, 4, generator=g), torch.randint(0, 3, (16,), generator=g)


def test_activation_stats_match_a_manual_forward():
    model, (x, _) = small_mlp(), batch()
    h1 = model[0](x)
    h2 = model[2](model[1](h1))
    out = model[4](model[3](h2))
    stats = diagnostics.activation_stats(model, x)
    assert stats == pytest.approx([h1.std().item(), h2.std().item(), out.std().item()], rel=1e-6)
    post = diagnostics.activation_stats(model, x, module_type=torch.nn.ReLU, statistic="rms")
    assert post == pytest.approx([F.relu(h1).pow(2).mean().sqrt().item(), F.relu(h2).pow(2).mean().sqrt().item()],
                                 rel=1e-6)


def test_activation_stats_leave_no_hooks_and_keep_mode():
    model, (x, _) = small_mlp(), batch()
    model.eval()
    diagnostics.activation_stats(model, x)
    assert not model.training
    assert all(not m._forward_hooks for m in model.modules())


def test_gradient_stats_match_autograd_and_write_no_grad():
    model, (x, y) = small_mlp(), batch()
    stds = diagnostics.gradient_stats(model, x, y)
    norms = diagnostics.gradient_stats(model, x, y, statistic="norm")
    assert all(p.grad is None for p in model.parameters())
    F.cross_entropy(model(x), y).backward()
    weights = [model[0].weight, model[2].weight, model[4].weight]
    assert stds == pytest.approx([w.grad.std().item() for w in weights], rel=1e-6)
    assert norms == pytest.approx([w.grad.norm().item() for w in weights], rel=1e-6)


def test_gradient_stats_wrt_outputs():
    model, (x, y) = small_mlp(), batch()
    z1 = model[0](x).detach().requires_grad_()
    loss = F.cross_entropy(model[2:](model[1](z1)), y)
    (expected,) = torch.autograd.grad(loss, z1)
    got = diagnostics.gradient_stats(model, x, y, wrt="output", statistic="norm")
    assert len(got) == 3 and got[0] == pytest.approx(expected.norm().item(), rel=1e-6)
    with pytest.raises(ValueError):
        diagnostics.gradient_stats(model, x, y, wrt="bias")


def test_dead_relu_fraction():
    model, (x, _) = small_mlp(), batch()
    with torch.no_grad():
        model[0].bias[:2] = -100.0  # two of eight first-layer units can never fire
        model[0].bias[2:] = 100.0   # the rest always fire
    fractions = diagnostics.dead_relu_fraction(model, x)
    assert fractions[0] == 2 / 8 and len(fractions) == 2
    assert all(0.0 <= f <= 1.0 for f in fractions)


def test_no_matching_layer_is_an_error():
    with pytest.raises(ValueError):
        diagnostics.activation_stats(torch.nn.Sequential(torch.nn.Tanh()), torch.zeros(2, 3))


def test_deep_relu_network_signal_vanishes_with_small_init():
    """The use the handout makes of it: 30 layers with std 0.5/sqrt(n) shrink the signal geometrically."""
    torch.manual_seed(0)
    layers = []
    for _ in range(30):
        linear = torch.nn.Linear(64, 64, bias=False)
        torch.nn.init.normal_(linear.weight, std=0.5 / math.sqrt(64))
        layers += [linear, torch.nn.ReLU()]
    stats = diagnostics.activation_stats(torch.nn.Sequential(*layers), torch.randn(128, 64))
    assert len(stats) == 30 and stats[-1] < 1e-6 * stats[0]


def test_dead_fraction_counts_negative_regime_for_leaky_units():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.LeakyReLU(0.1))
    with torch.no_grad():
        model[0].bias[:] = torch.tensor([-100.0, -100.0, -100.0, 100.0])
    x, _ = batch()
    assert diagnostics.dead_relu_fraction(model, x, module_type=torch.nn.LeakyReLU) == [0.75]
