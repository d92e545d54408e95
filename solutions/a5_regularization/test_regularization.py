"""Public checks for regularization.py. Run one component with e.g. `pytest -m dropout` in this folder.

Dropout is random, so these checks test properties (how many units survive, how survivors are scaled,
the gradient), never the exact mask: any correct implementation passes, whatever order it draws in.
The inputs are seeded, so every run sees the same numbers.
"""
import math

import pytest
import torch

from regularization import (AlphaDropout, Dropout, SELU_ALPHA_PRIME, dropout, l1_penalty, l2_penalty,
                            max_norm_, mc_dropout_predict)


def binomial_bound(n, p_keep, sigmas=5.0):
    """How far the number of kept units out of n may stray from n * p_keep (5 standard deviations)."""
    return sigmas * math.sqrt(n * p_keep * (1 - p_keep))


# ---------------------------------------------------------------------------------------------- dropout

@pytest.mark.dropout
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_dropout_keeps_a_fraction_1_minus_p(p):
    torch.manual_seed(0)
    x = torch.rand(20_000, dtype=torch.float64) + 0.5          # no zeros of its own
    kept = (dropout(x, p) != 0).sum().item()
    expected = x.numel() * (1 - p)
    assert abs(kept - expected) <= binomial_bound(x.numel(), 1 - p), (
        f"with p={p} about {expected:.0f} of {x.numel()} units should survive, {kept} did. "
        f"p is the probability of DROPPING a unit (keep probability 1 - p).")


@pytest.mark.dropout
@pytest.mark.parametrize("p", [0.2, 0.5])
def test_dropout_scales_survivors_by_1_over_1_minus_p(p):
    torch.manual_seed(1)
    x = torch.rand(1000, dtype=torch.float64) + 0.5
    y = dropout(x, p)
    kept = y != 0
    torch.testing.assert_close(y[kept], x[kept] / (1 - p), msg=(
        f"surviving units must be multiplied by 1/(1-p) = {1 / (1 - p):.4g} (inverted dropout), so that "
        f"E[y] = x and nothing needs to change at test time"))
    assert y.dtype == x.dtype and y.device == x.device, "the output must keep x's dtype and device"


@pytest.mark.dropout
def test_dropout_preserves_the_expectation():
    torch.manual_seed(2)
    x = torch.full((200_000,), 3.0, dtype=torch.float64)
    mean = dropout(x, 0.3).mean().item()
    assert abs(mean - 3.0) < 0.03, f"E[dropout(x)] must equal x = 3.0; the mean was {mean:.4f}"


@pytest.mark.dropout
def test_dropout_gradient_is_mask_over_1_minus_p():
    torch.manual_seed(3)
    x = torch.rand(500, dtype=torch.float64, requires_grad=True)
    y = dropout(x, 0.4)
    y.sum().backward()
    expected = (y != 0).double() / 0.6
    torch.testing.assert_close(x.grad, expected, msg="dy/dx must be mask / (1 - p): build y from x with "
                               "differentiable tensor operations (no .data, no in-place writes into x)")


@pytest.mark.dropout
def test_dropout_is_the_identity_when_not_training_or_p_0():
    x = torch.randn(10)
    assert dropout(x, 0.5, training=False) is x, "training=False: return x itself, untouched"
    assert dropout(x, 0.0) is x, "p=0 drops nothing: return x itself"


@pytest.mark.dropout
def test_dropout_p_1_gives_zeros_not_nan():
    x = torch.randn(10, requires_grad=True)
    y = dropout(x, 1.0)
    assert torch.equal(y, torch.zeros(10)), "p=1 drops every unit: all zeros (careful with 0 / (1 - 1))"


@pytest.mark.dropout
@pytest.mark.parametrize("p", [-0.1, 1.5])
def test_dropout_rejects_invalid_p(p):
    with pytest.raises(ValueError):
        dropout(torch.ones(3), p)


@pytest.mark.dropout
def test_dropout_draws_a_fresh_mask_every_call():
    torch.manual_seed(4)
    x = torch.ones(1000)
    assert not torch.equal(dropout(x, 0.5), dropout(x, 0.5)), (
        "two calls gave the same mask: draw a new random mask on every call")


# -------------------------------------------------------------------------------------- Dropout (module)

@pytest.mark.dropout_module
def test_dropout_module_drops_in_train_mode_only():
    torch.manual_seed(5)
    layer = Dropout(0.5)
    assert isinstance(layer, torch.nn.Module)
    x = torch.ones(2000)
    y = layer(x)
    assert abs((y == 0).sum().item() - 1000) <= binomial_bound(2000, 0.5), "train mode: drop about p of the units"
    assert set(y.unique().tolist()) <= {0.0, 2.0}, "survivors are scaled by 1/(1-p) = 2"
    layer.eval()
    assert torch.equal(layer(x), x), "eval mode (layer.eval()) must be the identity: check self.training"


@pytest.mark.dropout_module
def test_dropout_module_inplace_writes_into_its_input():
    torch.manual_seed(6)
    x = torch.ones(100)
    y = Dropout(0.5, inplace=True)(x)
    assert y is x, "inplace=True returns the input tensor itself, modified"
    assert (x == 0).any() and (x == 2).any(), "inplace=True must write the dropped-out values into x"


@pytest.mark.dropout_module
def test_dropout_module_rejects_invalid_p_at_construction():
    with pytest.raises(ValueError):
        Dropout(1.2)


@pytest.mark.dropout_module
def test_dropout_module_draws_a_fresh_mask_every_call():
    torch.manual_seed(7)
    layer, x = Dropout(0.5), torch.ones(1000)
    assert not torch.equal(layer(x), layer(x)), "the same mask twice: draw a new one on every forward pass"


# ---------------------------------------------------------------------------------------- AlphaDropout

@pytest.mark.alphadropout
@pytest.mark.parametrize("p", [0.1, 0.5])
def test_alpha_dropout_keeps_mean_0_and_variance_1(p):
    torch.manual_seed(8)
    x = torch.randn(200_000, dtype=torch.float64)
    y = AlphaDropout(p)(x)
    assert abs(y.mean().item()) < 0.02, (
        f"the mean moved to {y.mean().item():.3f}: dropped units go to alpha' = {SELU_ALPHA_PRIME:.4f}, "
        f"then y = a * (...) + b restores mean 0")
    assert abs(y.var().item() - 1) < 0.02, (
        f"the variance is {y.var().item():.3f} instead of 1: check the scale a")


@pytest.mark.alphadropout
def test_alpha_dropout_sets_dropped_units_to_one_value():
    torch.manual_seed(9)
    p = 0.3
    y = AlphaDropout(p)(torch.randn(5000, dtype=torch.float64))
    a = ((1 - p) * (1 + p * SELU_ALPHA_PRIME**2)) ** -0.5
    dropped_value = a * SELU_ALPHA_PRIME + (-a * SELU_ALPHA_PRIME * p)
    dropped = (y - dropped_value).abs() < 1e-12
    assert abs(dropped.sum().item() - 1500) <= binomial_bound(5000, p), (
        f"about 30% of the outputs should equal a * alpha' + b = {dropped_value:.4f} (a dropped unit)")


@pytest.mark.alphadropout
def test_alpha_dropout_is_the_identity_in_eval_mode():
    layer, x = AlphaDropout(0.5), torch.randn(10)
    layer.eval()
    assert torch.equal(layer(x), x), "eval mode must be the identity"


# ------------------------------------------------------------------------------------------- penalties

def _params():
    torch.manual_seed(10)
    return [torch.randn(3, 4, dtype=torch.float64, requires_grad=True),
            torch.randn(4, dtype=torch.float64, requires_grad=True)]


@pytest.mark.l1_penalty
def test_l1_penalty_value_and_gradient():
    params = _params()
    penalty = l1_penalty(iter(params), 0.1)       # a generator, like model.parameters()
    expected = 0.1 * sum(w.detach().abs().sum() for w in params)
    assert isinstance(penalty, torch.Tensor) and penalty.dim() == 0, "return a 0-dim tensor"
    torch.testing.assert_close(penalty.detach(), expected, msg="l1_penalty = lam * sum |w| over all elements "
                               "of all tensors (params may be a generator: walk it only once)")
    penalty.backward()
    for w in params:
        torch.testing.assert_close(w.grad, 0.1 * w.detach().sign(),
                                   msg="the gradient of lam*|w| is lam*sign(w): keep it differentiable")


@pytest.mark.l2_penalty
def test_l2_penalty_value_and_gradient():
    params = _params()
    penalty = l2_penalty(iter(params), 0.1)
    expected = 0.05 * sum(w.detach().pow(2).sum() for w in params)
    assert isinstance(penalty, torch.Tensor) and penalty.dim() == 0, "return a 0-dim tensor"
    torch.testing.assert_close(penalty.detach(), expected, msg="l2_penalty = lam/2 * sum w^2 (mind the 1/2)")
    penalty.backward()
    for w in params:
        torch.testing.assert_close(w.grad, 0.1 * w.detach(), msg="the gradient of lam/2 * w^2 is lam * w")


# ------------------------------------------------------------------------------------------ max_norm_

@pytest.mark.max_norm
def test_max_norm_rescales_only_rows_that_are_too_long():
    weight = torch.tensor([[3.0, 4.0], [0.3, 0.4], [0.0, 2.0]], dtype=torch.float64, requires_grad=True)
    before = weight.detach().clone()
    result = max_norm_(weight, 1.0)
    assert result is weight, "max_norm_ works in place and returns weight itself"
    expected = before.clone()
    expected[0] *= 1.0 / (5.0 + 1e-7)          # row norm 5 > 1
    expected[2] *= 1.0 / (2.0 + 1e-7)          # row norm 2 > 1; row 1 (norm 0.5) is left alone
    torch.testing.assert_close(weight.detach(), expected, rtol=1e-12, atol=0, msg=(
        "each ROW (one output unit) with L2 norm n > max_norm is multiplied by max_norm / (n + 1e-7); "
        "rows already short enough, and the matrix as a whole, are not touched"))


@pytest.mark.max_norm
def test_max_norm_handles_conv_weights():
    torch.manual_seed(11)
    weight = torch.randn(4, 3, 5, dtype=torch.float64)
    max_norm_(weight, 1.0)
    norms = weight.reshape(4, -1).norm(dim=1)
    assert (norms <= 1.0 + 1e-9).all(), "for a [out, in, k] weight, a row is everything feeding one output"


# ---------------------------------------------------------------------------------- mc_dropout_predict

def _model_with_batch_norm():
    torch.manual_seed(12)
    return torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.BatchNorm1d(16), torch.nn.ReLU(),
                               Dropout(0.5), torch.nn.Linear(16, 3))


@pytest.mark.mc_dropout_predict
@pytest.mark.parametrize("mode", ["train", "eval", "mixed"])
def test_mc_dropout_predict(mode):
    model = _model_with_batch_norm()
    model.train(mode != "eval")
    norm = model[1]
    if mode == "mixed":          # a frozen batch norm inside a model that is being trained
        norm.eval()
    flags = [m.training for m in model.modules()]
    running_mean = norm.running_mean.clone()
    x = torch.randn(8, 5)
    mean, std = mc_dropout_predict(model, x, n_samples=20)
    assert mean.shape == std.shape == (8, 3), "mean and std have the shape of one model output"
    assert (std > 0).all(), "std is 0 somewhere: dropout must stay ACTIVE (train mode) during the passes"
    assert not mean.requires_grad, "no gradients needed: run the passes under torch.no_grad()"
    assert torch.equal(norm.running_mean, running_mean), (
        "batch norm's running statistics changed: only the dropout modules go to train mode; "
        "everything else (batch norm!) stays in eval mode")
    assert [m.training for m in model.modules()] == flags, (
        "every module's training flag must be restored to what it was before the call, each module's own: "
        "model.train(flag) sets all submodules to the same mode")
