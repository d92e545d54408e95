"""Your own components from assignments a1–a5, in one place: a6 trains with nothing else.

This file is the course's (you do not edit it; the grader uses its own copy). It finds your solutions in
the folders next to this one (../a1_initialization/initializers.py, ../a2_optimizers/optimizers.py, ...),
or in a copy of the file placed in this folder, and imports them, so that model.py and pipeline.py can say

    from components import BatchNorm1d, kaiming_normal_, relu      # your a4 and a1

and run exactly the code you wrote. If one of your a1–a5 files has a syntax error, importing this file
fails with that error: fix it there (its own public checks say where).
"""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FILES = {  # the file each earlier assignment hands in -> the folder it lives in
    "initializers.py": "a1_initialization", "activations.py": "a1_initialization",
    "optimizers.py": "a2_optimizers", "schedules.py": "a3_schedules",
    "normalization.py": "a4_normalization", "clipping.py": "a4_normalization",
    "regularization.py": "a5_regularization", "callbacks.py": "a5_regularization",
}
for _file, _folder in _FILES.items():
    if not (_HERE / _file).is_file():  # a copy next to this file wins; otherwise the sibling folder
        if not (_HERE.parent / _folder / _file).is_file():
            raise ImportError(f"a6 runs on your own a1–a5 components, but neither {_file} next to "
                              f"components.py nor ../{_folder}/{_file} exists: keep the assignments "
                              "folders side by side (and hand them in together)")
        if str(_HERE.parent / _folder) not in sys.path:
            sys.path.append(str(_HERE.parent / _folder))

from initializers import kaiming_normal_, xavier_uniform_  # noqa: E402  a1
from activations import relu  # noqa: E402  a1
from optimizers import SGD, AdamW, Lookahead  # noqa: E402  a2
from schedules import OneCycleLR, WarmupCosineLR, lr_range_test, suggest_lr  # noqa: E402  a3
from normalization import BatchNorm1d  # noqa: E402  a4
from clipping import clip_grad_norm_  # noqa: E402  a4
from regularization import Dropout  # noqa: E402  a5
from callbacks import EarlyStopping, load_checkpoint, save_checkpoint  # noqa: E402  a5

__all__ = ["kaiming_normal_", "xavier_uniform_", "relu", "SGD", "AdamW", "Lookahead", "OneCycleLR",
           "WarmupCosineLR", "lr_range_test", "suggest_lr", "BatchNorm1d", "clip_grad_norm_", "Dropout",
           "EarlyStopping", "load_checkpoint", "save_checkpoint"]
