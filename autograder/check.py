"""What a check is: one scenario for one component, run on every device and dtype, worth some points.

A check never contains student code or reference code. It says which probe to run (the same probe runs the
reference here and the student's code in the worker), how to make its inputs from a seed, how much it is
worth, and how to word a difference. The grader turns each check into variants, one per device and dtype:

    cpu/float64, cpu/float32, cuda/float64, cuda/float32     (cuda only where present, else "skipped")
    cpu/float64, device proxy                                 (only for checks with `device_proxy=True`)

The proxy variant catches device-unaware code without a GPU (worker/device_proxy.py): a tensor of one or
more dimensions made without `device=` lands on the meta device and the run fails loudly, as it would on CUDA.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import torch


@dataclass(frozen=True)
class Check:
    component: str                 # the name the student implements, e.g. "Adam"
    name: str                      # what this check exercises, e.g. "amsgrad, three parameter groups"
    points: float
    probe: str                     # e.g. "optimizers.trajectory" (autograder/worker/probes/optimizers.py)
    make_inputs: Callable[[], dict]  # seeded; float64 CPU tensors; never shown to the student
    describe_path: Callable[[tuple], str] = lambda path: "".join(f"[{p!r}]" for p in path)
    dtypes: tuple = ("float64", "float32")
    device_proxy: bool = False     # also run once under the device proxy (worker/device_proxy.py)
    timeout: float = 10.0          # seconds for one variant (the worker is killed after it)
    compare: Callable | None = None  # compare(expected, got, dtype, expected_device=None) -> Mismatch | None
    cpu_only: bool = False         # e.g. checks about files or RNG that say nothing new on CUDA
    needs_reference: bool = True   # False: `compare` judges the output alone (expected is None), e.g. a6's
                                   # accuracy threshold, so the reference's slow run is never made
    hints: bool = True             # False: never run the mistake corpus on this check (too slow to repeat)
    slow: bool = False             # a whole training run (a6's outcome): the test suite's quick mode skips it
    same_mistake: Callable | None = None  # same_mistake(mistake's output, student's) -> bool, for checks whose
                                   # compare judges the student's output alone (a resumed run against its own)
    public: bool = False           # shown to students at once on Gradescope, expected and got included; the rest
                                   # waits for the instructor (--hidden-visibility). declare() makes each
                                   # component's first check, its plain case that the public tests run too, public


@dataclass(frozen=True)
class Variant:
    device: str                    # "cpu" or "cuda"
    dtype: str                     # "float64" or "float32"
    device_proxy: bool = False     # run under worker/device_proxy.py (tensors made without device= go to meta)

    @property
    def label(self) -> str:
        proxy = " (device proxy)" if self.device_proxy else ""
        return f"{self.device}/{self.dtype}{proxy}"

    @property
    def torch_dtype(self) -> torch.dtype:
        return getattr(torch, self.dtype)


def variants(check: Check, cuda: bool) -> list[tuple[Variant, bool]]:
    """Every variant of a check, each with whether it runs here (False: CUDA absent, reported as skipped)."""
    devices = ["cpu"] if check.cpu_only else ["cpu", "cuda"]
    out = [(Variant(device, dtype), device == "cpu" or cuda) for device in devices for dtype in check.dtypes]
    if check.device_proxy:
        out.append((Variant("cpu", check.dtypes[0], device_proxy=True), True))
    return out


def cast_inputs(value, dtype: torch.dtype):
    """Floating-point tensors in the inputs take the variant's dtype; everything else stays as it is."""
    if isinstance(value, torch.Tensor):
        return value.to(dtype) if value.is_floating_point() else value
    if isinstance(value, list):
        return [cast_inputs(v, dtype) for v in value]
    if isinstance(value, tuple):
        return tuple(cast_inputs(v, dtype) for v in value)
    if isinstance(value, dict):
        return {k: cast_inputs(v, dtype) for k, v in value.items()}
    return value


def to_device(value, device: str):
    if isinstance(value, torch.Tensor):
        return value.to(device)
    if isinstance(value, (list, tuple)):
        return type(value)(to_device(v, device) for v in value)
    if isinstance(value, dict):
        return {k: to_device(v, device) for k, v in value.items()}
    return value


@dataclass
class Assignment:
    """Everything the grader knows about one assignment (each autograder/checks/<name>/__init__.py makes one)."""
    name: str                               # folder name, e.g. "a2_optimizers"
    files: dict[str, list[str]]             # student file -> components it must define, in report order
    checks: list[Check]
    forbidden: dict[str, list[str]] = field(default_factory=dict)   # component -> torch names it may not use
    torch_code: dict[str, list[str]] = field(default_factory=dict)  # component -> torch's code it may not run
    torch_operators: dict[str, list[str]] = field(default_factory=dict)  # component -> ATen operators likewise
    preload: list[str] = field(default_factory=list)  # modules the worker imports before any time limit starts
    provided: list[str] = field(default_factory=list)  # course files (solutions/<name>/...) graded as ours, not theirs
    uses: dict[str, list[str]] = field(default_factory=dict)  # earlier assignment -> the components of it this
                                                              # one runs on (a6 imports the student's a1-a5)

    def component_id(self, component: str) -> str:
        """The one spelling of a component in file and marker names: lower case without a trailing underscore
        (clip_grad_norm_ -> clip_grad_norm, AlphaDropout -> alphadropout). A class whose spelling a function of
        the same assignment already has gets "_module" (a5's Dropout, beside dropout -> dropout_module).

        Its check module is checks/<assignment>/<id>.py, its marker in the public tests `pytest -m <id>`, its
        mistakes autograder/mistakes/<assignment>/<id>__<slip>.py, its alternatives tests/alternatives/
        <assignment>/<id>.py (or <id>__<how>.py). Modules that are not one component's start with "_"."""
        base = component.lower().rstrip("_")
        clash = any(other != component and other[0].islower() and other.lower().rstrip("_") == base
                    for other in self.components())
        return base + "_module" if clash else base

    def file_of(self, component: str) -> str:
        return next(f for f, names in self.files.items() if component in names)

    def components(self) -> list[str]:
        return [c for names in self.files.values() for c in names]
