"""Probes for a6's augmentations, random_shift and gaussian_jitter, judged by the properties of what they return.

A correct augmentation may draw its random numbers in another order, or in another way, than the reference, so
no probe returns anything that depends on the draws themselves: it returns facts (shape kept, input left alone,
...) and samples whose statistics the check judges (autograder/checks/a6_pipeline/_augment_samples.py).

    shift_sample       random_shift on a batch whose values are all distinct and nonzero, so that each output row
                       shows the one shift s that made it from its input row (zeros shifted in), or that no shift
                       did (and whether it is the row rolled around instead); the shift of every sequence
    shift_edge_cases   max_shift=0 (an exact copy) and a negative max_shift (ValueError)
    jitter_sample      gaussian_jitter on a large batch: the noise y - x it added
    jitter_edge_cases  std=0 (x itself) and a negative std (ValueError)
    generator_use      either function with a seeded torch.Generator: the same seed gives the same output whatever
                       the global generator's state, another seed another output, and the global generator is
                       left alone

Each probe seeds torch's global generator first, so a result never changes between runs, and hands the function
a copy of x (the inputs are shared: the hint machinery runs every known mistake on them, an in-place one too).
Every tensor made here is made on the inputs' device (a variant may put tensors made without device= on meta).
"""
from __future__ import annotations

import torch

from . import raised

PROBES = {"shift_sample", "shift_edge_cases", "jitter_sample", "jitter_edge_cases", "generator_use"}


def _kept(x: torch.Tensor, y) -> dict:
    """What an augmentation returns must be a new plain tensor of x's shape, dtype and device."""
    if type(y) is not torch.Tensor:
        return {"returned": type(y).__name__}
    return {"returned": "a tensor", "device": y.device.type, "shape": list(y.shape),
            "dtype": str(y.dtype).removeprefix("torch.")}


def _shares_memory(x: torch.Tensor, y: torch.Tensor) -> bool:
    return y.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()


def _usable(x: torch.Tensor, facts: dict) -> bool:
    return facts.get("returned") == "a tensor" and facts["device"] == x.device.type and facts["shape"] == list(x.shape)


def _shifted(rows: torch.Tensor, s: int) -> torch.Tensor:
    """Every row moved right by s (left for s < 0), zeros shifted in."""
    out = torch.zeros_like(rows)
    length = rows.shape[-1]
    if s >= 0:
        out[:, s:] = rows[:, :length - s]
    else:
        out[:, :length + s] = rows[:, -s:]
    return out


def _recover_shifts(x: torch.Tensor, y: torch.Tensor):
    """For each row (last dim) of x and y: the shift s in (-L, L) with y = x shifted by s, or L where there is
    none; and whether y is x rolled around by some s != 0 instead. x's values are distinct and nonzero, so the
    shift of a row, when there is one, is unique."""
    length = x.shape[-1]
    rows_x, rows_y = x.reshape(-1, length), y.reshape(-1, length)
    shift = torch.full((rows_x.shape[0],), length, dtype=torch.long, device=x.device)
    rolled = torch.zeros(rows_x.shape[0], dtype=torch.bool, device=x.device)
    for s in range(-(length - 1), length):
        shift = torch.where((_shifted(rows_x, s) == rows_y).all(dim=1), s, shift)
        if s > 0:
            rolled |= (torch.roll(rows_x, s, dims=1) == rows_y).all(dim=1)
    return shift.reshape(x.shape[:-1]), rolled.reshape(x.shape[:-1])


def shift_sample(module, x, max_shift, seed):
    """random_shift(x, max_shift) without a generator. Rows are counted per channel; `shifts` holds one shift
    per sequence (its first channel's), for the sequences whose every channel is a shift of its input."""
    torch.manual_seed(seed)
    given = x.clone()
    y = module.random_shift(given, max_shift)
    facts = _kept(x, y)
    if not _usable(x, facts):
        return facts
    length = x.shape[-1]
    shift, rolled = _recover_shifts(x, y.detach().to(x.dtype))
    is_shift = shift != length
    per_sequence = shift if x.dim() == 2 else shift[:, 0]
    whole = is_shift if x.dim() == 2 else is_shift.all(dim=1)
    facts.update({"input_unchanged": torch.equal(given, x), "returned_the_input": _shares_memory(given, y),
                  "rows": is_shift.numel(),
                  "rows_not_shifted": int((~is_shift).sum()), "rows_wrapped_around": int(rolled.sum()),
                  "shifts": per_sequence[whole].clone()})
    if x.dim() == 3:
        apart = whole & (shift != shift[:, :1]).any(dim=1)
        facts.update({"sequences": x.shape[0], "sequences_with_channels_apart": int(apart.sum())})
    return facts


def shift_edge_cases(module, x, seed):
    """max_shift=0 must give back x's values exactly (x itself is tolerated here); max_shift=-1 must raise."""
    torch.manual_seed(seed)
    copy = module.random_shift(x.clone(), 0)
    return {"max_shift_0": _kept(x, copy) | {
                "copies_x": type(copy) is torch.Tensor and copy.shape == x.shape and copy.device == x.device
                and torch.equal(copy.to(x.dtype), x)},
            "negative_max_shift": raised(lambda: module.random_shift(x.clone(), -1))}


def jitter_sample(module, x, std, seed):
    """gaussian_jitter(x, std) without a generator; the noise y - x."""
    torch.manual_seed(seed)
    given = x.clone()
    y = module.gaussian_jitter(given, std)
    facts = _kept(x, y)
    if not _usable(x, facts):
        return facts
    facts.update({"input_unchanged": torch.equal(given, x), "returned_the_input": _shares_memory(given, y),
                  "noise": (y.detach().to(torch.float64) - x.to(torch.float64)).clone()})
    return facts


def jitter_edge_cases(module, x, seed):
    """std=0 must give back x's values exactly (x itself is tolerated here); std=-0.1 must raise."""
    torch.manual_seed(seed)
    same = module.gaussian_jitter(x.clone(), 0.0)
    return {"std_0": _kept(x, same) | {
                "copies_x": type(same) is torch.Tensor and same.shape == x.shape and same.device == x.device
                and torch.equal(same.to(x.dtype), x)},
            "negative_std": raised(lambda: module.gaussian_jitter(x.clone(), -0.1))}


def generator_use(module, function, x, amount, seed):
    """function(x, amount, generator=g) with g = torch.Generator(device=x.device).manual_seed(...)."""
    augment = getattr(module, function)

    def run(generator_seed: int, global_seed: int) -> torch.Tensor:
        torch.manual_seed(global_seed)
        generator = torch.Generator(device=x.device).manual_seed(generator_seed)
        return augment(x.clone(), amount, generator=generator)

    first, other_global, other_seed = run(seed, seed + 1), run(seed, seed + 2), run(seed + 3, seed + 1)
    facts = _kept(x, first)
    if not _usable(x, facts):
        return {"output": facts}
    torch.manual_seed(seed + 4)
    augment(x.clone(), amount, generator=torch.Generator(device=x.device).manual_seed(seed))
    after = torch.rand(16, device=x.device)   # what the global generator draws next, after the call
    torch.manual_seed(seed + 4)
    untouched = torch.rand(16, device=x.device)  # and what it draws when nothing used it
    return {"output": facts,
            "same_seed_same_output": torch.equal(first, other_global),
            "other_seed_other_output": not torch.equal(first, other_seed),
            "global_generator_untouched": torch.equal(after, untouched)}
