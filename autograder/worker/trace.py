"""What a component really runs, seen from inside the worker while a probe runs it.

"Merely calls torch" is judged by what runs, not by names (SPEC). Around every probe run (main.run) the worker
switches on two views and reports what they saw as plain data; the grader alone decides, against the lists in
the component's check module (autograder/torch_use.py):

    Python     cProfile (written in C: a few per cent slower) records every Python function that ran, by its
               code object, and every C function called from Python by its real name ("torch.batch_norm",
               "torch._C._nn.gelu", "torch._C.TensorBase.renorm"), however the caller reached it: an alias, a
               name captured at import, getattr on a built string, importlib, __subclasses__, torch._VF.
    operators  a TorchDispatchMode, only where the component declares ATen operators (it costs about 3x on
               small tensors): every ATen operator dispatched below autograd, whatever Python or C++ path
               reached it (torch.ops.aten, TorchScript, a fused kernel).

The report (Trace.report) holds:
    torch_code  "torch/optim/adam.py:_single_tensor_adam:341" for each function of torch's install that ran
    copies      the fingerprint of each other function that ran (long enough to be worth it): torch's code
                compiled again under another file name has the same bytecode, so the grader recognises it
    builtins    the C functions of torch that were called from Python, by their real dotted names
    operators   "aten::native_batch_norm", ... (only when operators were watched)
    tampered    what the student's code did to the watch itself (turning the profiler off, popping the
                dispatch mode, rebinding the grader's own functions, starting a thread the watch cannot see)

The student's code runs in this same process, so a determined enough attack on the process (ctypes, walking
frames to the grader's objects) can blind any watch from inside; autograder/README.md lists those blind spots.
What the watch adds is that every ordinary route to torch's implementation, and the obvious ways of switching
the watch off, are seen.
"""
from __future__ import annotations

import _lsprof
import hashlib
import os
import sys
import types

import torch
import torch.utils._python_dispatch as python_dispatch
from torch.utils._python_dispatch import TorchDispatchMode

SITE_PACKAGES = os.path.dirname(os.path.dirname(torch.__file__)) + os.sep
TORCH_DIR = os.path.dirname(torch.__file__) + os.sep
MIN_FINGERPRINT_BYTES = 100  # shorter functions (a two-line helper) are too plain to call a copy

# Functions whose only use inside a graded run is to find or switch off the watch. Torch calls some of them
# itself (torch.save asks for the dispatch-mode stack), so a call counts only when it does not come from
# torch's own code. Checked on the reference and every alternative: none of them calls these.
TAMPERING_CALLS = {
    "sys.setprofile", "sys.getprofile", "sys.settrace", "sys.gettrace", "gc.get_objects", "gc.get_referrers",
    "gc.get_referents", "_thread.start_new_thread", "posix.fork", "_lsprof.Profiler.clear",
    "_lsprof.Profiler.enable", "_lsprof.Profiler.getstats", "torch._C._pop_torch_dispatch_stack",
    "torch._C._push_on_torch_dispatch_stack", "torch._C._set_dispatch_mode", "torch._C._unset_dispatch_mode",
    "torch._C._get_dispatch_stack_at", "torch._C._get_dispatch_mode", "torch._C._DisableTorchDispatch",
    "torch._C._len_torch_dispatch_stack",
}
TAMPERING_CODE = {  # torch's Python helpers for reaching or leaving the dispatch-mode stack
    "torch/utils/_python_dispatch.py:" + name for name in (
        "_pop_mode", "_pop_mode_temporarily", "_disable_current_modes", "_get_current_dispatch_mode",
        "_get_current_dispatch_mode_stack", "is_in_torch_dispatch_mode")
}


def fingerprinted(code: types.CodeType) -> bool:
    """Long enough to call a copy a copy, and not a constructor or protocol method (__init__, __setstate__):
    those are an API's bookkeeping, which a course that follows PyTorch's API writes the same way."""
    return len(code.co_code) >= MIN_FINGERPRINT_BYTES and not (code.co_name.startswith("__") and
                                                               code.co_name.endswith("__"))


def fingerprint(code: types.CodeType) -> str:
    """A digest of what a function does (bytecode, the names it uses, its constants and nested functions),
    not of where it was compiled: file, name and line numbers are left out."""
    digest = hashlib.blake2b(digest_size=12)
    _feed(digest, code)
    return digest.hexdigest()


def _feed(digest, code: types.CodeType) -> None:
    digest.update(code.co_code)
    digest.update(repr(code.co_names).encode())
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _feed(digest, const)
        else:
            digest.update(_stable_repr(const).encode())


def _stable_repr(value) -> str:
    """repr, with frozensets sorted (their order follows string hashing, which differs between processes)."""
    if isinstance(value, frozenset):
        return "frozenset(" + ",".join(sorted(_stable_repr(v) for v in value)) + ")"
    if isinstance(value, tuple):
        return "(" + ",".join(_stable_repr(v) for v in value) + ")"
    return repr(value)


def code_key(code: types.CodeType) -> str:
    """Where a function of torch's install lives: "torch/optim/adam.py:_single_tensor_adam:341"."""
    return f"{code.co_filename[len(SITE_PACKAGES):]}:{code.co_qualname}:{code.co_firstlineno}"


def builtin_name(label: str) -> str:
    """cProfile's label of a C function as a dotted name: "<built-in method torch.relu_>" -> "torch.relu_",
    "<method 'renorm' of 'torch._C.TensorBase' objects>" -> "torch._C.TensorBase.renorm"."""
    if label.startswith("<built-in method ") and label.endswith(">"):
        return label[len("<built-in method "):-1]
    if label.startswith("<method '") and label.endswith("' objects>"):
        name, _, owner = label[len("<method '"):-len("' objects>")].partition("' of '")
        return f"{owner}.{name}"
    return label.strip("<>")


class _Operators(TorchDispatchMode):
    """Records every ATen operator dispatched while it is on (one set insertion each, then the operator)."""

    def __init__(self):
        super().__init__()
        self.seen = set()

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        self.seen.add(func)
        return getattr(func, "_op", func)(*args, **(kwargs or {}))   # the operator itself, one frame fewer


def _started() -> None:
    """Called first thing under the profiler: if the profile lacks it at the end, it was cleared meanwhile."""


class Trace:
    """`with Trace(operators=True) as trace: run()`, then `trace.report()`.

    One per probe run; never nested. The profiler is switched on last and off first, so that the dispatch
    mode's own entering and leaving are not mistaken for the student's."""

    def __init__(self, operators: bool):
        self.operators = _Operators() if operators else None
        self.profiler = _lsprof.Profiler()
        self.tampered: list[str] = []
        self.stats = []

    def __enter__(self):
        if self.operators is not None:
            self.operators.__enter__()
            self.depth = torch._C._len_torch_dispatch_stack()
        _WATCHING.append(self)
        self.profiler.enable()
        _started()
        return self

    def __exit__(self, *exc):
        self.profiler.disable()
        _WATCHING.remove(self)
        self.stats = self.profiler.getstats()
        if self.operators is not None:
            depth = torch._C._len_torch_dispatch_stack()
            if depth != self.depth or torch._C._get_dispatch_stack_at(depth - 1) is not self.operators:
                self.tampered.append("the grader's operator watch was taken off the dispatch stack")
            else:
                self.operators.__exit__(*exc)
        changed = _changed_since_install()
        if changed:
            self.tampered.append(f"the grader's own functions were rebound ({', '.join(changed[:3])})")
        return False

    def report(self) -> dict:
        torch_code, copies, builtins, tampered = set(), set(), set(), list(self.tampered)
        calls, by_torch = {}, {}   # what ran -> times called in all; -> times called by torch's own code
        for entry in self.stats:
            what = builtin_name(entry.code) if isinstance(entry.code, str) else entry.code
            calls[what] = calls.get(what, 0) + entry.callcount
            if not isinstance(what, str) and what.co_filename.startswith(TORCH_DIR):
                for sub in entry.calls or ():
                    callee = builtin_name(sub.code) if isinstance(sub.code, str) else sub.code
                    by_torch[callee] = by_torch.get(callee, 0) + sub.callcount
        for what, count in calls.items():
            if isinstance(what, str):
                name = what
                if what.startswith("torch"):
                    builtins.add(what)
            elif what.co_filename.startswith(TORCH_DIR):
                key = code_key(what)
                name = key.rsplit(":", 1)[0]
                torch_code.add(key)
            else:
                if fingerprinted(what):
                    copies.add(_fingerprint_cached(what))
                continue
            if (name in TAMPERING_CALLS or name in TAMPERING_CODE) and count > by_torch.get(what, 0):
                tampered.append(f"it called {name.replace('.py:', '.').replace('/', '.')}")
        if _started.__code__ not in calls:
            tampered.append("the grader's profile was cleared during the run")
        operators = sorted({op._schema.name for op in self.operators.seen}) if self.operators else []
        return {"torch_code": sorted(torch_code), "copies": sorted(copies), "builtins": sorted(builtins),
                "operators": operators, "tampered": sorted(set(tampered))}


_WATCHING: list[Trace] = []
_FINGERPRINTS: dict[int, tuple[types.CodeType, str]] = {}   # id(code) -> (code, kept alive; its fingerprint)


def _fingerprint_cached(code: types.CodeType) -> str:
    found = _FINGERPRINTS.get(id(code))
    if found is None or found[0] is not code:
        found = _FINGERPRINTS[id(code)] = (code, fingerprint(code))
    return found[1]


# -- the watch's own defences -------------------------------------------------------------------------------
_GUARDED: list[tuple[dict, dict]] = []   # (namespace, {name: id(value)}) as they were before any student code
_OWN_CODE: set = set()                   # the functions allowed to switch the profiler on and off


def _changed_since_install() -> list[str]:
    """Names in the guarded namespaces (this module, the worker, torch's dispatch-mode helpers) whose value is
    no longer what it was when the worker started."""
    changed = []
    for namespace, ids in _GUARDED:
        for name, value_id in ids.items():
            if id(namespace.get(name)) != value_id:
                changed.append(name)
    return changed


def install(*namespaces: dict) -> None:
    """Once per worker, before any student code is imported: remember the guarded namespaces, and add an audit
    hook (PEP 578; hooks cannot be removed) that refuses anyone but this module switching a profiler or tracer
    on or off, and refuses replacing the code or defaults of the grader's own functions."""
    for namespace in (globals(), vars(Trace), vars(_Operators), vars(TorchDispatchMode), vars(python_dispatch),
                      *namespaces):
        _GUARDED.append((namespace, {name: id(value) for name, value in namespace.items()}))
    _OWN_CODE.update({Trace.__enter__.__code__, Trace.__exit__.__code__})
    grader_dir = os.path.dirname(os.path.abspath(__file__)) + os.sep

    def hook(event, args):
        if event in ("sys.setprofile", "sys.settrace"):
            if sys._getframe(1).f_code not in _OWN_CODE:
                for trace in _WATCHING:
                    trace.tampered.append(f"it called {event}")
                raise RuntimeError(f"the grader does not allow {event} while it grades")
        elif event == "object.__setattr__" and len(args) >= 2 and args[1] in ("__code__", "__defaults__",
                                                                              "__kwdefaults__"):
            code = getattr(args[0], "__code__", None)
            if isinstance(code, types.CodeType) and code.co_filename.startswith(grader_dir):
                for trace in _WATCHING:
                    trace.tampered.append(f"it replaced {args[1]} of the grader's {code.co_name}")
                raise RuntimeError("the grader's own functions cannot be changed")

    sys.addaudithook(hook)
