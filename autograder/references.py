"""The reference solutions, loaded only here in the grader, and their outputs on each check's inputs.

Outputs are cached per (check, variant) in memory, and on disk across runs when a cache folder is set
(`use_disk_cache`, output_cache.py): grading a whole class computes each reference output once.
"""
from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path

from .check import Check, Variant, to_device
from .output_cache import OutputCache, source_digest
from .worker.probes import get_probe

SOLUTIONS = Path(__file__).resolve().parent.parent / "solutions"
PROBING = (Path(__file__).resolve().parent / "worker", Path(__file__).resolve().parent.parent / "lib")  # what runs
_modules: dict[tuple[str, str], object] = {}
_outputs: dict[tuple, object] = {}
_lock = threading.Lock()
_probe_lock = threading.Lock()  # assignments are graded in threads; probes use torch's global RNG, so one at a time
DISK: OutputCache | None = None   # outputs kept across runs (grade --reference-cache DIR)


def use_disk_cache(folder: Path | None) -> None:
    """Keep outputs in `folder` across runs (None: in memory only)."""
    global DISK
    DISK = OutputCache(folder) if folder else None


def stored(code: str, check: Check, variant: Variant, inputs: dict, compute):
    """compute(), or its output from the disk cache when one is set; `code` names the source that ran."""
    if DISK is None:
        return compute()
    key = DISK.key(code, source_digest(*PROBING), check, variant.device, variant.dtype, inputs)
    return DISK.computed(key, compute)


def load_source(source: str, name: str, folder: Path):
    """Execute `source` as a module called `name` (trusted code only: references and the mistake corpus)."""
    spec = importlib.util.spec_from_loader(name, loader=None, origin=str(folder / f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    module.__file__ = str(folder / f"{name}.py")
    if str(folder) not in sys.path:
        sys.path.append(str(folder))
    sys.modules[name] = module  # dataclasses (a6's TrainConfig) look their module up while it executes
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def module(assignment: str, filename: str):
    key = (assignment, filename)
    with _lock:
        if key not in _modules:
            path = SOLUTIONS / assignment / filename
            _modules[key] = load_source(path.read_text(), f"reference_{assignment}_{path.stem}", path.parent)
        return _modules[key]


def run_probe(mod, check: Check, variant: Variant, inputs: dict):
    """Run the check's probe on `mod` exactly as the worker would (same device, dtype and default device)."""
    probe = get_probe(check.probe)
    with _probe_lock:
        return probe(mod, **to_device(inputs, variant.device))


def output(assignment: str, filename: str, check: Check, variant: Variant, inputs: dict):
    """The reference's output for one check and variant (the proxy variant shares its CPU twin's)."""
    key = (assignment, check.component, check.name, variant.device, variant.dtype)
    with _lock:
        if key in _outputs:
            return _outputs[key]
    result = stored(source_digest(SOLUTIONS), check, variant, inputs,
                    lambda: run_probe(module(assignment, filename), check, variant, inputs))
    with _lock:
        _outputs[key] = result
    return result
