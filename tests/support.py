"""Small helpers the test suite shares: load a reference or student module by path, list devices."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
ASSIGNMENTS = ROOT / "assignments"
DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


def load_module(path: Path, name: str | None = None):
    """Import a file as a fresh module (its folder goes on sys.path so sibling imports work)."""
    path = Path(path)
    name = name or f"_loaded_{path.parent.name}_{path.stem}"
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def reference(assignment: str, filename: str):
    """The reference solution module, e.g. reference("a2_optimizers", "optimizers.py")."""
    return load_module(SOLUTIONS / assignment / filename, f"reference_{assignment}_{Path(filename).stem}")
