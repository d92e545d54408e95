"""Seeding: make a run repeatable by fixing every random number generator it touches.

A training run draws random numbers from four places: Python's ``random`` module, NumPy's global
generator, PyTorch's CPU generator and, where present, every CUDA device's generator. Seeding only
some of them is the classic reason two "identical" runs differ.
"""
from __future__ import annotations

import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    """Seed Python's ``random``, NumPy, PyTorch (CPU) and every CUDA device with ``seed``.

    Same seed, same code, same device  =>  same random numbers, so the same run.
    (Some CUDA kernels are still nondeterministic; see ``torch.use_deterministic_algorithms``.)
    """
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)          # seeds the CPU generator and, lazily, every CUDA device
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)
