"""Judging a6's augmentations by what they return (the probes: worker/probes/augment.py).

A correct random_shift or gaussian_jitter may draw its random numbers in any order or way, so draws are never
compared with the reference's. What is compared, in this order (the first difference is the one reported):

    the result        a plain tensor of the input's shape, dtype and device; the input unchanged; not x itself
    shifted rows      every output row is its input row moved by one integer shift with zeros shifted in: the
                      count of rows that are not, of rows rolled around (torch.roll) instead, and of sequences
                      whose channels moved apart must be the reference's (0)
    shift frequencies a shift the reference never draws must never appear; each other shift's frequency within
                      K = 6 standard errors of the difference of two binomial frequencies (pooled)
    noise y - x       independent: the correlation of neighbours along each dim (sequences, channels, positions)
                      within K standard errors of the reference's (about 0); then its mean, standard deviation
                      and kurtosis as a1 judges an initializer's sample (a1_initialization/sampling.py)
    facts             the generator's use, max_shift=0 and std=0, the errors raised: exactly the reference's

Judging a sample against the reference's sample (not against a formula) keeps the comparison symmetric, so the
hint machinery (autograder/hints.py) recognises a student's sample of the same wrong distribution as a mistake's.
"""
from __future__ import annotations

import math

import torch

from ...feedback import Mismatch
from ..a1_initialization._sampling import compare_statistics, statistics
from ..a5_regularization._dropout_samples import as_tensor

K = 6.0


# -- the result ------------------------------------------------------------------------------------------------
def compare_result(expected: dict, got, where: tuple = ()) -> Mismatch | None:
    """A plain tensor of the input's device, shape and dtype (expected: the reference's facts)."""
    if not isinstance(got, dict) or "returned" not in got:
        return Mismatch(where, f"the probe got no result ({type(got).__name__})")
    if got["returned"] != "a tensor":
        return Mismatch(where, f"returned a {got['returned']}, expected a plain torch.Tensor")
    if got["device"] != expected["device"]:
        return Mismatch(where, f"the result is on {got['device']}, but the input was on {expected['device']}: "
                               "create every tensor on the input's device (device=x.device, torch.zeros_like(x))")
    if got["shape"] != expected["shape"]:
        return Mismatch(where, f"the result has shape {got['shape']}, expected the input's {expected['shape']}")
    if got["dtype"] != expected["dtype"]:
        return Mismatch(where, f"the result is {got['dtype']}, expected the input's {expected['dtype']}")
    return None


def compare_input_kept(expected: dict, got: dict) -> Mismatch | None:
    if expected["input_unchanged"] and not got["input_unchanged"]:
        return Mismatch(("input",), "the input x changed: an augmentation must leave the batch it is given alone "
                                    "(the same tensor is used again, unaugmented, elsewhere) and return a new one")
    if not expected["returned_the_input"] and got["returned_the_input"]:
        return Mismatch(("input",), "returned x itself (or a tensor sharing its memory): return a new tensor")
    return None


def compare_facts(expected: dict, got: dict, messages: dict) -> Mismatch | None:
    """Each fact in `messages` must be the reference's; messages[fact] says what it means."""
    for fact, meaning in messages.items():
        if got.get(fact) != expected[fact]:
            found = "nothing" if got.get(fact) == "no exception" else got.get(fact)
            return Mismatch((fact,), meaning.format(expected=expected[fact], got=found))
    return None


# -- random_shift ----------------------------------------------------------------------------------------------
def _count_tolerance(c_e: int, n_e: int, c_g: int, n_g: int) -> float:
    """How far apart two binomial frequencies may be (K pooled standard errors); 0 where the reference's is
    0 or 1 (then the student's must be exactly that)."""
    if c_e in (0, n_e):
        return 0.0
    p = (c_e + c_g) / (n_e + n_g)
    return K * math.sqrt(p * (1 - p) * (1 / n_e + 1 / n_g))


def _count_differs(expected: dict, got: dict, count: str, total: str) -> bool:
    c_e, n_e, c_g, n_g = expected[count], expected[total], got[count], got[total]
    return abs(c_g / n_g - c_e / n_e) > _count_tolerance(c_e, n_e, c_g, n_g) + 1e-12


ROW_MESSAGES = {
    "rows_wrapped_around": "{got} of {total} rows are their input row rolled around (what torch.roll does): the "
                           "end of the signal reappears at its start; shift zeros in instead (expected {expected})",
    "rows_not_shifted": "{got} of {total} rows are not their input row moved by one integer shift with zeros "
                        "shifted in (expected {expected}): y[n, ..., i] = x[n, ..., i - s_n], 0 where i - s_n is "
                        "outside the signal",
    "sequences_with_channels_apart": "in {got} of {total} sequences the channels moved by different shifts "
                                     "(expected {expected}): every channel of a sequence moves with one shift s_n",
}


def compare_shift_frequencies(expected: torch.Tensor, got: torch.Tensor) -> Mismatch | None:
    where = ("shifts",)
    values_e, values_g = set(expected.tolist()), set(got.tolist())
    if len(values_e) == 1 and len(values_g) == 1 and expected.numel() > 1:
        return None   # both moved the whole batch by one shift (a known mistake): one draw each, nothing to compare
    lo, hi = min(values_e), max(values_e)
    outside = sorted(values_g - values_e)
    if outside:
        return Mismatch(where, f"some sequences were shifted by {outside}, which the expected distribution "
                               f"(over {lo}..{hi}) never draws")
    if len(values_g) == 1 and len(values_e) > 1:
        return Mismatch(where, f"every sequence was shifted by the same {values_g.pop()}: draw one shift per "
                               "sequence (a tensor of N shifts), not one for the whole batch")
    n_e, n_g = expected.numel(), got.numel()
    for value in sorted(values_e):
        c_e, c_g = int((expected == value).sum()), int((got == value).sum())
        tolerance = _count_tolerance(c_e, n_e, c_g, n_g)
        if abs(c_g / n_g - c_e / n_e) > tolerance:
            return Mismatch(where, f"shift {value:+d} came up in {100 * c_g / n_g:.1f}% of the {n_g} sequences, "
                                   f"expected about {100 * c_e / n_e:.1f}% (each of the {len(values_e)} values "
                                   f"{lo}..{hi} equally often; a sample this size tolerates "
                                   f"±{100 * tolerance:.1f}%). Both ends count: randint's upper bound is exclusive")
    return None


def compare_shift_sample(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_result(expected, got) or compare_input_kept(expected, got)
    if found:
        return found
    for count, message in ROW_MESSAGES.items():
        if count not in expected:
            continue
        total = "sequences" if count.startswith("sequences") else "rows"
        if _count_differs(expected, got, count, total):
            return Mismatch((count,), message.format(got=got[count], total=got[total], expected=expected[count]))
    shifts_e, shifts_g = as_tensor(expected["shifts"]).long(), as_tensor(got["shifts"]).long()
    if shifts_g.numel() == 0:
        return Mismatch(("shifts",), "no sequence was shifted as a whole")
    return compare_shift_frequencies(shifts_e, shifts_g)


SHIFT_EDGE_MESSAGES = {
    "negative_max_shift": "random_shift(x, -1) should raise {expected}; yours raised {got}",
}


def compare_shift_edge_cases(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_result(expected["max_shift_0"], got.get("max_shift_0"), ("max_shift_0",))
    if found:
        return found
    if not got["max_shift_0"]["copies_x"]:
        return Mismatch(("max_shift_0",), "with max_shift=0 every shift is 0: the result must hold x's values "
                                          "exactly")
    return compare_facts(expected, got, SHIFT_EDGE_MESSAGES)


# -- gaussian_jitter -------------------------------------------------------------------------------------------
def _dim_names(dims: int) -> list[str]:
    return ["sequences (dim 0)", "positions (dim 1)"] if dims == 2 else \
        ["sequences (dim 0)", "channels (dim 1)", "positions (dim 2)"]


def neighbour_correlations(noise: torch.Tensor) -> list[tuple[float, int]]:
    """For each dim: (the mean product of neighbours along it over the mean square, the number of pairs)."""
    square = float((noise * noise).mean())
    out = []
    for d in range(noise.dim()):
        size = noise.shape[d]
        if size < 2 or square == 0:
            out.append((0.0, 0))
            continue
        products = noise.narrow(d, 0, size - 1) * noise.narrow(d, 1, size - 1)
        out.append((float(products.mean()) / square, products.numel()))
    return out


def _without_copies(noise: torch.Tensor, correlations) -> torch.Tensor:
    """The noise with every dim along which it is one value repeated cut to one slice (its real sample)."""
    for d, (r, _) in enumerate(correlations):
        if r > 0.999:
            noise = noise.narrow(d, 0, 1)
    return noise


def compare_noise(expected: torch.Tensor, got: torch.Tensor) -> Mismatch | None:
    where = ("noise",)
    r_e, r_g = neighbour_correlations(expected), neighbour_correlations(got)
    for name, (e, n_e), (g, n_g) in zip(_dim_names(expected.dim()), r_e, r_g):
        if n_e and n_g and abs(g - e) > K * math.sqrt(1 / n_e + 1 / n_g):
            return Mismatch(where, f"the noise of neighbouring {name} is correlated: {g:.3f}, expected about "
                                   f"{e:.3f}. Draw independent noise for every element (of x's whole shape), "
                                   "not one noise vector shared along a dim")
    if not bool(torch.isfinite(got).all()):
        return Mismatch(where, "the noise holds NaN or inf")
    found = compare_statistics(statistics(_without_copies(expected, r_e)), statistics(_without_copies(got, r_g)),
                               uniform=False)
    return None if found is None else Mismatch(where, f"the noise y - x: {found}")


def compare_jitter_sample(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_result(expected, got) or compare_input_kept(expected, got)
    if found:
        return found
    return compare_noise(as_tensor(expected["noise"]), as_tensor(got["noise"]))


JITTER_EDGE_MESSAGES = {
    "negative_std": "gaussian_jitter(x, -0.1) should raise {expected}; yours raised {got}",
}


def compare_jitter_edge_cases(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_result(expected["std_0"], got.get("std_0"), ("std_0",))
    if found:
        return found
    if not got["std_0"]["copies_x"]:
        return Mismatch(("std_0",), "with std=0 there is no noise: the result must hold x's values exactly")
    return compare_facts(expected, got, JITTER_EDGE_MESSAGES)


# -- the generator ---------------------------------------------------------------------------------------------
GENERATOR_MESSAGES = {
    "same_seed_same_output": "two calls with generators seeded alike gave different results after the global "
                             "generator was reseeded in between: draw every random number from `generator` "
                             "(generator=generator in each torch.randint/torch.randn call)",
    "other_seed_other_output": "generators seeded differently gave the same result: the random numbers must come "
                               "from `generator`",
    "global_generator_untouched": "a call with a generator also drew from torch's global generator: with a "
                                  "generator given, use only it",
}


def compare_generator_use(expected, got, dtype, expected_device=None) -> Mismatch | None:
    found = compare_result(expected["output"], got.get("output") if isinstance(got, dict) else got, ("output",))
    return found or compare_facts(expected, got, GENERATOR_MESSAGES)
