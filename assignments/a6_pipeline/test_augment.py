"""Public checks for augment.py. Run one component with e.g. `pytest -m random_shift` in this folder.

Both augmentations are random, so these checks test properties (each row is a shifted copy of its input, the
shifts are uniform, the noise has the right spread and is independent), never the exact draws: any correct
implementation passes, whatever order it draws in. The inputs are seeded, so every run sees the same numbers.
"""
import math

import pytest
import torch

from augment import gaussian_jitter, random_shift


def distinct_signals(*shape, seed=0):
    """1, 2, 3, ... in a random order: no two values alike and none 0, so every shifted row shows its shift."""
    g = torch.Generator().manual_seed(seed)
    return (torch.randperm(math.prod(shape), generator=g) + 1).to(torch.float64).reshape(shape)


def shifted_with_zeros(rows, s):
    """Every row of a [R, L] tensor moved right by s (left for s < 0), zeros shifted in."""
    out = torch.zeros_like(rows)
    length = rows.shape[-1]
    if s >= 0:
        out[:, s:] = rows[:, :length - s]
    else:
        out[:, :length + s] = rows[:, -s:]
    return out


def shifts_of(x, y):
    """The shift that turned each row (last dim) of x into the same row of y; None where no shift did."""
    length = x.shape[-1]
    rows_x, rows_y = x.reshape(-1, length), y.reshape(-1, length)
    found = [None] * rows_x.shape[0]
    for s in range(-(length - 1), length):
        for i in (shifted_with_zeros(rows_x, s) == rows_y).all(dim=1).nonzero().flatten().tolist():
            found[i] = s
    return found


# ----------------------------------------------------------------------------------------------- random_shift

@pytest.mark.random_shift
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_random_shift_keeps_shape_dtype_and_input(dtype):
    x = distinct_signals(50, 3, 20, seed=1).to(dtype)
    before = x.clone()
    y = random_shift(x, 4)
    assert y.shape == x.shape and y.dtype == x.dtype and y.device == x.device, (
        f"the result must have x's shape {tuple(x.shape)}, dtype {x.dtype} and device; got {tuple(y.shape)}, "
        f"{y.dtype}, {y.device}")
    assert torch.equal(x, before), "random_shift changed its input: build the result in a new tensor"
    assert y.data_ptr() != x.data_ptr(), "random_shift returned x itself: return a new tensor"


@pytest.mark.random_shift
def test_random_shift_moves_each_row_with_zeros_shifted_in():
    torch.manual_seed(2)
    x = distinct_signals(400, 12, seed=2)
    y = random_shift(x, 3)
    shifts = shifts_of(x, y)
    bad = [i for i, s in enumerate(shifts) if s is None]
    assert not bad, (
        f"row {bad[0]} ({len(bad)} of {len(shifts)} rows) is not its input row moved by one integer shift with "
        f"zeros shifted in.\n  input:  {x[bad[0]].tolist()}\n  output: {y[bad[0]].tolist()}\n"
        "y[n, i] = x[n, i - s_n] where 0 <= i - s_n < L, else 0 (no wrap-around: that is torch.roll)")
    assert all(-3 <= s <= 3 for s in shifts), f"with max_shift=3 every shift is in -3..3; got {sorted(set(shifts))}"
    assert len(set(shifts)) > 1, "every row got the same shift: draw one shift per sequence, not per batch"


@pytest.mark.random_shift
def test_random_shift_moves_all_channels_of_a_sequence_together():
    torch.manual_seed(3)
    x = distinct_signals(200, 4, 15, seed=3)
    shifts = shifts_of(x, random_shift(x, 5))
    assert None not in shifts, "some rows of the [N, C, L] result are not shifted copies of their input rows"
    per_sequence = [set(shifts[n * 4:(n + 1) * 4]) for n in range(200)]
    apart = [n for n, s in enumerate(per_sequence) if len(s) > 1]
    assert not apart, (f"the channels of sequence {apart[0]} moved by different shifts {sorted(per_sequence[apart[0]])}: "
                       "all channels of one sequence move by the same shift")


@pytest.mark.random_shift
@pytest.mark.parametrize("max_shift", [1, 4])
def test_random_shift_draws_every_shift_equally_often(max_shift):
    torch.manual_seed(4 + max_shift)
    n = 9000
    x = distinct_signals(n, 16, seed=4)
    shifts = shifts_of(x, random_shift(x, max_shift))
    values = 2 * max_shift + 1
    bound = 5 * math.sqrt(n * (1 / values) * (1 - 1 / values))  # 5 standard deviations of a binomial count
    for s in range(-max_shift, max_shift + 1):
        count = shifts.count(s)
        assert abs(count - n / values) <= bound, (
            f"shift {s:+d} came up {count} times in {n} sequences, expected about {n / values:.0f} (uniform over the "
            f"{values} values -{max_shift}..{max_shift}; both ends included, and torch.randint's high is exclusive)")


@pytest.mark.random_shift
def test_random_shift_with_max_shift_0_is_a_copy_and_a_negative_one_an_error():
    x = torch.randn(6, 2, 10, dtype=torch.float64)
    assert torch.equal(random_shift(x, 0), x), "max_shift=0 allows only the shift 0: the result must equal x"
    with pytest.raises(ValueError):
        random_shift(x, -1)


@pytest.mark.random_shift
def test_random_shift_uses_the_generator():
    x = torch.randn(30, 25, dtype=torch.float64)
    torch.manual_seed(5)
    first = random_shift(x, 6, generator=torch.Generator().manual_seed(11))
    torch.manual_seed(6)                               # another global state: must not matter
    second = random_shift(x, 6, generator=torch.Generator().manual_seed(11))
    assert torch.equal(first, second), (
        "the same generator seed gave different shifts: draw the shifts from `generator` (generator=generator)")
    torch.manual_seed(7)
    random_shift(x, 6, generator=torch.Generator().manual_seed(11))
    after = torch.rand(3)
    torch.manual_seed(7)
    assert torch.equal(after, torch.rand(3)), "with a generator given, the global generator must not be used"


# -------------------------------------------------------------------------------------------- gaussian_jitter

@pytest.mark.gaussian_jitter
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_gaussian_jitter_keeps_shape_dtype_and_input(dtype):
    x = torch.randn(40, 2, 30, dtype=dtype)
    before = x.clone()
    y = gaussian_jitter(x, 0.1)
    assert y.shape == x.shape and y.dtype == x.dtype and y.device == x.device, (
        f"the result must have x's shape {tuple(x.shape)}, dtype {x.dtype} and device; got {tuple(y.shape)}, "
        f"{y.dtype}, {y.device}")
    assert torch.equal(x, before), "gaussian_jitter changed its input: return x + noise as a new tensor"


@pytest.mark.gaussian_jitter
@pytest.mark.parametrize("std", [0.05, 0.5, 2.0])
def test_gaussian_jitter_noise_has_mean_0_and_standard_deviation_std(std):
    torch.manual_seed(8)
    x = torch.randn(300, 200, dtype=torch.float64)
    noise = gaussian_jitter(x, std) - x
    n = noise.numel()
    assert abs(noise.mean().item()) <= 5 * std / math.sqrt(n), (
        f"the noise must have mean 0; its mean is {noise.mean().item():.4g}")
    assert abs(noise.std().item() / std - 1) <= 5 / math.sqrt(2 * n), (
        f"the noise must have standard deviation std={std}; it has {noise.std().item():.4g} "
        "(std is a standard deviation, not a variance)")


@pytest.mark.gaussian_jitter
def test_gaussian_jitter_noise_is_independent_across_rows():
    torch.manual_seed(9)
    x = torch.zeros(400, 100, dtype=torch.float64)
    noise = gaussian_jitter(x, 1.0)
    neighbours = (noise[1:] * noise[:-1]).mean().item()
    assert abs(neighbours) <= 5 / math.sqrt(noise[1:].numel()), (
        f"the noise of neighbouring rows is correlated ({neighbours:.3f}, expected about 0): draw noise of x's "
        "whole shape, not one row of noise broadcast to every row")


@pytest.mark.gaussian_jitter
def test_gaussian_jitter_uses_the_generator():
    x = torch.randn(20, 30, dtype=torch.float64)
    torch.manual_seed(10)
    first = gaussian_jitter(x, 0.3, generator=torch.Generator().manual_seed(12))
    torch.manual_seed(11)                              # another global state: must not matter
    second = gaussian_jitter(x, 0.3, generator=torch.Generator().manual_seed(12))
    assert torch.equal(first, second), (
        "the same generator seed gave different noise: draw it from `generator` (torch.randn(x.shape, "
        "generator=generator, ...)); torch.randn_like(x) without generator= draws from the global generator")


@pytest.mark.gaussian_jitter
def test_gaussian_jitter_with_std_0_gives_back_x_and_a_negative_std_is_an_error():
    x = torch.randn(5, 7, dtype=torch.float64)
    assert torch.equal(gaussian_jitter(x, 0.0), x), "with std=0 there is no noise: the result must equal x"
    with pytest.raises(ValueError):
        gaussian_jitter(x, -1.0)
