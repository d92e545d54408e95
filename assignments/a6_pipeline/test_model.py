"""Public checks for model.py. Run one component with e.g. `pytest -m residualblock1d` in this folder.

The model is built from your own a1–a5 components, so a failure here may come from one of them: run their own
public checks first. The forward passes are compared with the docstrings' formulas written with
torch.nn.functional on your model's own weights; the initialization by the statistics of the weights drawn.
"""
import math

import pytest
import torch
import torch.nn.functional as F

from model import ResidualBlock1d, ResNet1d


def randomize(model, seed):
    """Every parameter and running statistic set to seeded random values (γ and running_var positive)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if not t.is_floating_point():
                continue
            if name.endswith(("bn1.weight", "bn2.weight", "running_var")):
                t.copy_(0.5 + torch.rand(t.shape, generator=g, dtype=t.dtype))
            else:
                t.copy_(0.3 * torch.randn(t.shape, generator=g, dtype=t.dtype))
    return model


def batch_norm(x, bn, training):
    return F.batch_norm(x, bn.running_mean, bn.running_var, bn.weight, bn.bias, training=False, eps=1e-5) \
        if not training else F.batch_norm(x, None, None, bn.weight, bn.bias, training=True, eps=1e-5)


def block_formula(block, x, training):
    """relu(x + bn2(conv2(relu(bn1(conv1(x)))))) with dropout off, from the block's own weights."""
    h = F.relu(batch_norm(F.conv1d(x, block.conv1.weight, padding="same"), block.bn1, training))
    return F.relu(x + batch_norm(F.conv1d(h, block.conv2.weight, padding="same"), block.bn2, training))


def resnet_formula(model, x, training):
    h = F.relu(batch_norm(F.conv1d(x, model.stem.weight, padding=2), model.stem_bn, training))
    for block in model.blocks:
        h = block_formula(block, h, training)
    return F.linear(h.mean(dim=-1), model.head.weight, model.head.bias)


def names_and_shapes(model):
    return {name: tuple(t.shape) for name, t in model.state_dict().items()}


def batch_norm_entries(prefix, channels):
    return {f"{prefix}.weight": (channels,), f"{prefix}.bias": (channels,), f"{prefix}.running_mean": (channels,),
            f"{prefix}.running_var": (channels,), f"{prefix}.num_batches_tracked": ()}


def block_entries(channels, kernel_size, prefix=""):
    return ({f"{prefix}conv1.weight": (channels, channels, kernel_size)} | batch_norm_entries(f"{prefix}bn1", channels)
            | {f"{prefix}conv2.weight": (channels, channels, kernel_size)} | batch_norm_entries(f"{prefix}bn2", channels))


def assert_std_close(weight, expected, what):
    std = weight.detach().double().std().item()
    assert abs(std / expected - 1) < 0.1, (f"{what}: the weights' standard deviation is {std:.4g}, expected about "
                                           f"{expected:.4g}")


# ------------------------------------------------------------------------------------------- ResidualBlock1d

@pytest.mark.residualblock1d
def test_residual_block_state_dict_names_and_shapes():
    got = names_and_shapes(ResidualBlock1d(4, kernel_size=5))
    expected = block_entries(4, 5)
    assert got == expected, (
        f"the state_dict must hold exactly {sorted(expected)} with these shapes (convolutions without bias);\n"
        f"missing: {sorted(set(expected) - set(got))}, unexpected: {sorted(set(got) - set(expected))}, "
        f"other shapes: {[k for k in expected if k in got and got[k] != expected[k]]}")
    with pytest.raises(ValueError):
        ResidualBlock1d(4, kernel_size=4)   # same-length padding needs an odd kernel size


@pytest.mark.residualblock1d
@pytest.mark.parametrize("kernel_size", [3, 7])
def test_residual_block_forward_and_gradient(kernel_size):
    torch.manual_seed(20)
    block = randomize(ResidualBlock1d(3, kernel_size=kernel_size).double(), seed=21)
    x = torch.randn(5, 3, 14, dtype=torch.float64, requires_grad=True)
    y = block(x)
    expected = block_formula(block, x, training=True)
    torch.testing.assert_close(y, expected, msg=(
        "train mode: the output must be relu(x + bn2(conv2(dropout(relu(bn1(conv1(x))))))), convolutions with "
        f"padding kernel_size // 2 = {kernel_size // 2} so the length stays the same"))
    upstream = torch.randn_like(y)
    grad, = torch.autograd.grad(y, x, upstream)
    expected_grad, = torch.autograd.grad(expected, x, upstream)
    torch.testing.assert_close(grad, expected_grad, msg="the gradient with respect to x differs from the formula's")
    block.eval()
    torch.testing.assert_close(block(x), block_formula(block, x, training=False), msg=(
        "eval mode: the batch norms must normalize with their running statistics"))


@pytest.mark.residualblock1d
def test_residual_block_dropout_is_inside_the_branch():
    torch.manual_seed(22)
    x = torch.randn(4, 3, 10, dtype=torch.float64)
    block = randomize(ResidualBlock1d(3, dropout=0.5).double(), seed=23)
    block.eval()
    assert torch.equal(block(x), block(x)), "in eval mode the block must be deterministic (dropout off)"
    block.train()
    assert not torch.equal(block(x), block(x)), "in train mode with dropout=0.5 two forwards must differ"
    dropped = randomize(ResidualBlock1d(3, dropout=1.0).double(), seed=23)
    expected = F.relu(x + dropped.bn2.bias[None, :, None])
    torch.testing.assert_close(dropped(x), expected, msg=(
        "with dropout=1.0 conv2 sees only zeros, so in train mode bn2 outputs its β and the block relu(x + β): "
        "the dropout belongs between the first ReLU and conv2, and nowhere else"))


@pytest.mark.residualblock1d
def test_residual_block_initialization():
    torch.manual_seed(24)
    block = ResidualBlock1d(64, kernel_size=3)
    for conv in (block.conv1, block.conv2):
        assert_std_close(conv.weight, math.sqrt(2 / (64 * 3)), "kaiming_normal_(mode='fan_in', nonlinearity='relu')")
    for bn in (block.bn1, block.bn2):
        assert torch.equal(bn.weight, torch.ones(64)) and torch.equal(bn.bias, torch.zeros(64)), (
            "a fresh block's batch norms start at γ = 1 and β = 0 (only ResNet1d's zero_init_residual zeroes bn2)")


# -------------------------------------------------------------------------------------------------- ResNet1d

@pytest.mark.resnet1d
def test_resnet_state_dict_names_and_shapes():
    got = names_and_shapes(ResNet1d(in_channels=2, channels=8, num_blocks=3, num_classes=7))
    expected = {"stem.weight": (8, 2, 5)} | batch_norm_entries("stem_bn", 8)
    for i in range(3):
        expected |= block_entries(8, 3, prefix=f"blocks.{i}.")
    expected |= {"head.weight": (7, 8), "head.bias": (7,)}
    assert got == expected, (
        f"missing: {sorted(set(expected) - set(got))}, unexpected: {sorted(set(got) - set(expected))}, "
        f"other shapes: {[k for k in expected if k in got and got[k] != expected[k]]}. The names are part of the "
        "spec (stem, stem_bn, blocks, head), so that saved weights load")


@pytest.mark.resnet1d
def test_resnet_forward_and_gradient():
    torch.manual_seed(25)
    model = randomize(ResNet1d(in_channels=2, channels=6, num_blocks=2, num_classes=4).double(), seed=26)
    x = torch.randn(7, 2, 30, dtype=torch.float64, requires_grad=True)
    logits = model(x)
    assert logits.shape == (7, 4), f"expected logits of shape (N, num_classes) = (7, 4), got {tuple(logits.shape)}"
    expected = resnet_formula(model, x, training=True)
    torch.testing.assert_close(logits, expected, msg=(
        "train mode: stem -> stem_bn -> relu -> blocks -> mean over the length -> head"))
    grad, = torch.autograd.grad(logits.sum(), x)
    expected_grad, = torch.autograd.grad(expected.sum(), x)
    torch.testing.assert_close(grad, expected_grad, msg="the gradient with respect to x differs from the formula's")
    model.eval()
    torch.testing.assert_close(model(x), resnet_formula(model, x, training=False), msg="eval mode differs")


@pytest.mark.resnet1d
def test_resnet_reads_a_2d_input_as_one_channel():
    model = randomize(ResNet1d(channels=4, num_blocks=1, num_classes=3).double(), seed=27).eval()
    x = torch.randn(5, 20, dtype=torch.float64)
    torch.testing.assert_close(model(x), model(x[:, None, :]), msg="an input [N, L] must be read as [N, 1, L]")


@pytest.mark.resnet1d
def test_resnet_passes_dropout_to_every_block():
    torch.manual_seed(28)
    x = torch.randn(4, 1, 12, dtype=torch.float64)
    model = randomize(ResNet1d(channels=4, num_blocks=2, num_classes=3, dropout=0.5).double(), seed=29)
    assert not torch.equal(model(x), model(x)), "in train mode with dropout=0.5 two forwards must differ"
    model.eval()
    assert torch.equal(model(x), model(x)), "in eval mode the model must be deterministic"
    assert all(block.dropout.p == 0.5 for block in model.blocks), "every block must get the model's dropout"


@pytest.mark.resnet1d
@pytest.mark.parametrize("zero_init_residual", [True, False])
def test_resnet_initialization(zero_init_residual):
    torch.manual_seed(30)
    model = ResNet1d(in_channels=3, channels=64, num_blocks=2, num_classes=100, zero_init_residual=zero_init_residual)
    assert_std_close(model.stem.weight, math.sqrt(2 / (3 * 5)), "the stem: kaiming_normal_ with mode='fan_in'")
    for block in model.blocks:
        assert_std_close(block.conv1.weight, math.sqrt(2 / (64 * 3)), "a block's conv1: kaiming_normal_")
        gamma = 0.0 if zero_init_residual else 1.0
        assert torch.equal(block.bn2.weight, torch.full((64,), gamma)), (
            f"with zero_init_residual={zero_init_residual} every block's bn2.weight starts at {gamma:g}")
        assert torch.equal(block.bn1.weight, torch.ones(64)), "bn1.weight starts at 1 either way"
    bound = math.sqrt(6 / (64 + 100))
    assert model.head.weight.abs().max().item() <= bound and model.head.weight.abs().max().item() > 0.95 * bound, (
        f"the head's weights must be xavier uniform, U(-b, b) with b = sqrt(6 / (fan_in + fan_out)) = {bound:.4f}")
    assert torch.equal(model.head.bias, torch.zeros(100)), "the head's bias starts at 0"


@pytest.mark.resnet1d
def test_resnet_blocks_start_as_the_identity():
    torch.manual_seed(31)
    model = ResNet1d(channels=8, num_blocks=3)
    x = torch.rand(4, 8, 16)                        # non-negative, like the output of a ReLU
    for i, block in enumerate(model.blocks):
        assert torch.equal(block(x), x), (
            f"block {i} at initialization: with zero_init_residual bn2's γ is 0, so the block is relu(x + 0) = x")
