"""Run a6's model and pipeline on PyTorch's own components instead of yours, to compare the two.

a6's ``model.py`` and ``pipeline.py`` take every component from ``components.py`` (your a1–a5). ``load_a6``
executes them afresh against a ``components`` module of your choice: ``own_components(folder)`` (yours) or
``torch_components(folder)`` (the same names bound to ``torch.optim.AdamW``, ``torch.nn.BatchNorm1d``,
``torch.optim.lr_scheduler.OneCycleLR``, ...). The same run on both tells you what your implementations cost,
and, in float64 without dropout, that they compute the same thing (tests/reference/test_a6_pipeline.py).

    own = load_a6(folder, own_components(folder))
    theirs = load_a6(folder, torch_components(folder))
    theirs.pipeline.train(theirs.model.ResNet1d(), splits, theirs.pipeline.TrainConfig())

Names without a torch counterpart (Lookahead, WarmupCosineLR, EarlyStopping, checkpoints, the LR range test)
stay yours in both.
"""
from __future__ import annotations

import importlib.util
import sys
import types
from dataclasses import dataclass
from pathlib import Path


@dataclass
class A6:
    model: types.ModuleType
    pipeline: types.ModuleType
    components: types.ModuleType


def _execute(path: Path, name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module          # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def own_components(folder) -> types.ModuleType:
    """``folder``'s components.py, executed afresh (your a1–a5, found next to ``folder``)."""
    folder = Path(folder).resolve()
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return _execute(folder / "components.py", f"components_own_{abs(hash(folder))}")


def torch_components(folder) -> types.ModuleType:
    """A ``components`` module with every name that PyTorch also has bound to PyTorch's version."""
    import torch
    import torch.nn.functional as F

    own = own_components(folder)
    theirs = types.ModuleType("components_torch")
    theirs.__dict__.update({name: getattr(own, name) for name in own.__all__})
    theirs.__dict__.update(
        SGD=torch.optim.SGD, AdamW=torch.optim.AdamW, OneCycleLR=torch.optim.lr_scheduler.OneCycleLR,
        clip_grad_norm_=torch.nn.utils.clip_grad_norm_, BatchNorm1d=torch.nn.BatchNorm1d, relu=F.relu,
        Dropout=torch.nn.Dropout, kaiming_normal_=torch.nn.init.kaiming_normal_,
        xavier_uniform_=torch.nn.init.xavier_uniform_)
    theirs.__all__ = list(own.__all__)
    return theirs


def load_a6(folder, components: types.ModuleType) -> A6:
    """``folder``'s model.py and pipeline.py executed afresh with ``components`` as their ``components``.

    The modules get names of their own (``model_<tag>``...), so several versions live side by side;
    ``sys.modules["components"]`` is put back as it was afterwards.
    """
    folder = Path(folder).resolve()
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    tag = components.__name__.replace(".", "_")
    saved = sys.modules.get("components")
    sys.modules["components"] = components
    try:
        model = _execute(folder / "model.py", f"model_{tag}")
        pipeline = _execute(folder / "pipeline.py", f"pipeline_{tag}")
    finally:
        if saved is None:
            sys.modules.pop("components", None)
        else:
            sys.modules["components"] = saved
    return A6(model, pipeline, components)
