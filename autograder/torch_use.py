"""Did a component run torch's own implementation of itself? Judged from what the worker saw it run.

Each check module declares torch's counterpart of its component next to its checks:

    TORCH_CODE       dotted names of torch's implementation: a module (every function and class defined in
                     it, private kernels included: torch.optim.adam has _single_tensor_adam and
                     _multi_tensor_adam), a class (its own methods, not inherited ones: a student's class may
                     subclass Optimizer, LRScheduler or nn.Module, whose code is allowed to run), a function,
                     or a C function (torch.batch_norm, torch._C._nn.gelu)
    TORCH_OPERATORS  ATen operators that are the component ("native_batch_norm", "_fused_adam_"), seen by
                     the worker's dispatch mode whichever path reached them, and recognised when called from
                     Python under any name (torch.X, Tensor.X, torch.ops.aten.X)

Everything else of torch stays allowed: ordinary tensor code (mean, var, sqrt, addcdiv_, lerp_,
linalg.vector_norm, bernoulli_, softmax) and the other torch components the handout allows (a schedule
driving torch's SGD, a pipeline built of torch.nn.Conv1d).

The worker (worker/trace.py) reports what ran as plain data: torch's functions by file, name and line; every
other long function by a fingerprint of its bytecode, so torch's code compiled again under another name is
still torch's; C functions by their real names; ATen operators. Nothing here trusts the report beyond
looking names up in it.
"""
from __future__ import annotations

import functools
import importlib
import inspect
import os
import types
from dataclasses import dataclass

from .worker.trace import SITE_PACKAGES, code_key, fingerprint, fingerprinted

REPORT_FIELDS = ("torch_code", "copies", "builtins", "operators", "tampered")


@dataclass(frozen=True)
class Counterpart:
    code: dict[str, str]       # code_key -> the name feedback gives it ("torch.optim.adam._single_tensor_adam")
    copies: dict[str, str]     # fingerprint -> "a copy of torch.optim.adam._single_tensor_adam"
    builtins: frozenset[str]   # C functions' real dotted names (the feedback gives them as they are)
    operators: frozenset[str]  # "native_batch_norm", ...

    @property
    def watches_operators(self) -> bool:
        return bool(self.operators)


def resolve(dotted: str):
    """The object a dotted name denotes; ValueError names the part that does not exist in this torch."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attr in parts[split:]:
            if not hasattr(obj, attr):
                raise ValueError(f"{dotted}: {'.'.join(parts[:parts.index(attr) + 1])} does not exist")
            obj = getattr(obj, attr)
        return obj
    raise ValueError(f"{dotted}: no such module")


def _nested(code: types.CodeType):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _nested(const)


def _source_file(obj) -> str | None:
    module = inspect.getmodule(obj)
    return os.path.realpath(module.__file__) if module is not None and getattr(module, "__file__", None) else None


def _codes(obj, file: str | None):
    """The code objects of obj that were written in `file` (a decorator's wrapper, written elsewhere and shared
    by every optimizer, the student's too, is not torch's Adam)."""
    if isinstance(obj, types.ModuleType):
        for value in vars(obj).values():
            if getattr(value, "__module__", None) == obj.__name__ and isinstance(value, (type, types.FunctionType)):
                yield from _codes(value, file)
    elif isinstance(obj, type):
        for value in vars(obj).values():
            if isinstance(value, type):
                if value.__qualname__.startswith(obj.__qualname__ + "."):
                    yield from _codes(value, file)
            elif isinstance(value, (staticmethod, classmethod)):
                yield from _codes(value.__func__, file)
            elif isinstance(value, property):
                for accessor in (value.fget, value.fset, value.fdel):
                    if accessor is not None:
                        yield from _codes(accessor, file)
            elif isinstance(value, types.FunctionType):
                yield from _codes(value, file)
    elif isinstance(obj, types.FunctionType):
        for function in (obj, inspect.unwrap(obj)):
            for code in _nested(function.__code__):
                if os.path.realpath(code.co_filename) == file:
                    yield code


def builtin_name(obj) -> str | None:
    """A C function's dotted name as the worker's profile spells it (trace.builtin_name), or None."""
    if isinstance(obj, types.BuiltinFunctionType):
        module = obj.__module__ or (obj.__self__.__name__ if isinstance(obj.__self__, types.ModuleType) else None)
        return f"{module}.{obj.__name__}" if module else obj.__name__
    owner = getattr(obj, "__objclass__", None)
    if owner is not None and not hasattr(obj, "__code__"):   # a method descriptor, e.g. Tensor.renorm
        return f"{owner.__module__}.{owner.__name__}.{obj.__name__}"
    return None


def _display(code: types.CodeType) -> str:
    module = code.co_filename[len(SITE_PACKAGES):].removesuffix(".py").replace(os.sep, ".")
    return f"{module.removesuffix('.__init__')}.{code.co_qualname}"


@functools.cache
def counterpart(torch_code: tuple[str, ...], operators: tuple[str, ...]) -> Counterpart:
    code, copies, builtins = {}, {}, set()
    for dotted in torch_code:
        obj = resolve(dotted)
        name = builtin_name(obj)
        if name is not None:
            builtins.add(name)
            continue
        file = _source_file(obj if not isinstance(obj, types.FunctionType) else inspect.unwrap(obj))
        found = list(_codes(obj, file))
        if not found:
            raise ValueError(f"{dotted}: no Python code of torch's found in it")
        for c in found:
            code[code_key(c)] = _display(c)
            if fingerprinted(c):
                copies[fingerprint(c)] = f"a copy of {_display(c)}"
    return Counterpart(code, copies, frozenset(builtins), frozenset(operators))


def _operator_of(builtin: str, operators: frozenset[str]) -> str | None:
    """torch.gelu, torch._C._nn.gelu, torch._C.TensorBase.gelu, torch._ops.aten.gelu.default -> "gelu"."""
    parts = builtin.split(".")
    if "aten" in parts[:-1]:
        name = parts[parts.index("aten") + 1]
        return name if name in operators else None
    return parts[-1] if parts[-1] in operators else None


def what_ran(found: Counterpart, ran) -> tuple[list[str], list[str]]:
    """(torch's implementation that ran, what was done to the watch itself), from the worker's report."""
    if not isinstance(ran, dict) or not all(isinstance(ran.get(k), list) and
                                            all(isinstance(x, str) for x in ran[k]) for k in REPORT_FIELDS):
        return [], ["the worker's report of what ran was missing or malformed"]
    used = [found.code[k] for k in ran["torch_code"] if k in found.code]
    used += [found.copies[f] for f in ran["copies"] if f in found.copies]
    used += [b for b in ran["builtins"] if b in found.builtins]
    used += [f"aten::{op}" for b in ran["builtins"] if (op := _operator_of(b, found.operators))]
    used += [op for op in ran["operators"] if op.removeprefix("aten::") in found.operators]
    return sorted(set(used), key=_recognisable_first), ran["tampered"]


def _recognisable_first(name: str) -> tuple:
    """torch's public classes and functions first, then private ones (_single_tensor_adam), nested code last."""
    private = any(part.startswith("_") and not part.endswith("__") for part in name.split("."))
    return "<locals>" in name, private, name


def verdict(component: str, found: Counterpart, ran) -> str | None:
    """The no-credit message for this run, or None when it ran none of torch's counterpart."""
    used, tampered = what_ran(found, ran)
    if tampered:
        return (f"no credit: while {component} ran, {'; '.join(tampered[:3])}. The grader watches what each "
                "component runs, and a component that interferes with that earns nothing")
    if used:
        more = f" (and {len(used) - 4} more)" if len(used) > 4 else ""
        return (f"no credit: your {component} ran torch's {', '.join(used[:4])}{more}; implement the algorithm "
                "yourself instead of running PyTorch's")
    return None
