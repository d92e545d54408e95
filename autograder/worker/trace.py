"""What a component really runs, seen from inside the worker while a probe runs it.

"Merely calls torch" is judged by what runs, not by names (SPEC). Around every probe run (main.run) the worker
switches on two views and reports what they saw as plain data; the grader alone decides, against the lists in
the component's check module (autograder/torch_use.py):

    Python     cProfile (written in C: a few per cent slower) records every Python function that ran, by its
               code object, and every C function called from Python by its real name ("torch.batch_norm",
               "torch._C._nn.gelu", "torch._C.TensorBase.renorm"), however the caller reached it: an alias, a
               name captured at import, getattr on a built string, importlib, __subclasses__, torch._VF.
    operators  a TorchDispatchMode, when the grader asks (grade.py: a component's public check, where the
               component declares ATen operators; it costs about 4x on small tensors): every ATen operator
               dispatched below autograd, whatever Python or C++ path reached it (TorchScript included).

The report (run_watched's second result) holds:
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
import dis
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
TAMPERING_CALLS = frozenset({
    "sys.setprofile", "sys.getprofile", "sys.settrace", "sys.gettrace", "gc.get_objects", "gc.get_referrers",
    "gc.get_referents", "_thread.start_new_thread", "posix.fork", "_lsprof.Profiler.clear",
    "_lsprof.Profiler.enable", "_lsprof.Profiler.getstats", "torch._C._pop_torch_dispatch_stack",
    "torch._C._push_on_torch_dispatch_stack", "torch._C._set_dispatch_mode", "torch._C._unset_dispatch_mode",
    "torch._C._get_dispatch_stack_at", "torch._C._get_dispatch_mode", "torch._C._DisableTorchDispatch",
    "torch._C._len_torch_dispatch_stack",
})
TAMPERING_CODE = frozenset(  # torch's Python helpers for reaching or leaving the dispatch-mode stack
    "torch/utils/_python_dispatch.py:" + name for name in (
        "_pop_mode", "_pop_mode_temporarily", "_disable_current_modes", "_get_current_dispatch_mode",
        "_get_current_dispatch_mode_stack", "is_in_torch_dispatch_mode"))


def fingerprinted(code: types.CodeType) -> bool:
    """Long enough to call a copy a copy, and not a constructor or protocol method (__init__, __setstate__):
    those are an API's bookkeeping, which a course that follows PyTorch's API writes the same way."""
    return len(code.co_code) >= MIN_FINGERPRINT_BYTES and not (code.co_name.startswith("__") and
                                                               code.co_name.endswith("__"))


def fingerprint(code: types.CodeType) -> str:
    """A digest of what a function does (its instructions, the names it uses, its constants and nested
    functions), not of where it was compiled: file, name, line numbers and jump offsets are left out, and so
    are the compiler's choices that depend on the surrounding file (a call on an imported module is LOAD_ATTR
    where the import is in the same file, LOAD_METHOD where it is not)."""
    digest = hashlib.blake2b(digest_size=12)
    _feed(digest, code)
    return digest.hexdigest()


_SAME_AS = {"LOAD_METHOD": "LOAD_ATTR"}


def _feed(digest, code: types.CodeType) -> None:
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("CACHE", "EXTENDED_ARG", "NOP"):
            continue
        if instruction.opcode in dis.hasjrel or instruction.opcode in dis.hasjabs:
            argument = ""
        elif isinstance(instruction.argval, types.CodeType):
            argument = "<code>"  # fed below, as a constant
        else:
            argument = instruction.argrepr.removeprefix("NULL|self + ").removeprefix("NULL + ")
        digest.update(f"{_SAME_AS.get(instruction.opname, instruction.opname)} {argument}\n".encode())
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


def _fingerprint_cached(code: types.CodeType, _cache={}, _fingerprint=fingerprint) -> str:
    found = _cache.get(id(code))   # id(code) -> (code, kept alive so that its id is not reused; fingerprint)
    if found is None or found[0] is not code:
        found = _cache[id(code)] = (code, _fingerprint(code))
    return found[1]


class Trace:
    """What one probe run executed: the profile, the operators seen, and what was done to the watch."""

    def __init__(self, operators: bool, _operators=_Operators, _profiler=_lsprof.Profiler):
        self.operators = _operators() if operators else None
        self.profiler = _profiler()
        self.tampered: list[str] = []
        self.stats = []
        self.depth = 0        # the dispatch-mode stack's depth with the operator watch on top
        self.guarded = []     # the guarded namespaces as they were when the run began


_WATCHING: list[Trace] = []   # the run being watched now (the audit hook notes tampering on it)
_GUARDED: list = []    # the namespaces whose names a run may not rebind (install)
_OWN_CODE: set = set()                   # the functions allowed to switch the profiler on and off


def _guarded_now() -> list[dict]:
    """What each guarded namespace (this module, the worker, torch's dispatch-mode helpers) holds now."""
    return [{name: id(value) for name, value in namespace.items()} for namespace in _GUARDED]


def _changed(before: list[dict], _now=_guarded_now) -> list[str]:
    """The guarded names rebound since `before`. Compared run by run: a rebinding at import changes nothing the
    watch runs (its helpers are bound below), and one during a run is that run's component's doing."""
    return [name for old, new in zip(before, _now()) for name in old.keys() | new.keys() if old.get(name) != new.get(name)]


# The functions that run the watch take every helper they use as a default argument, bound when this module is
# imported, before any student code: rebinding a name later (in this module, in torch) changes nothing they
# run, and the audit hook (install) refuses replacing their code or defaults.

def _start(trace: Trace, _enter=TorchDispatchMode.__enter__, _depth=torch._C._len_torch_dispatch_stack,
           _watching=_WATCHING, _started=_started, _guarded=_guarded_now) -> None:
    """The dispatch mode goes on first and the profiler last, so that the mode's own entering is not profiled."""
    trace.guarded = _guarded()
    if trace.operators is not None:
        _enter(trace.operators)
        trace.depth = _depth()
    _watching.append(trace)
    trace.profiler.enable()
    _started()


def _stop(trace: Trace, _exit=TorchDispatchMode.__exit__, _depth=torch._C._len_torch_dispatch_stack,
          _top=torch._C._get_dispatch_stack_at, _watching=_WATCHING, _changed=_changed) -> None:
    trace.profiler.disable()
    _watching.remove(trace)
    trace.stats = trace.profiler.getstats()
    if trace.operators is not None:
        depth = _depth()
        if depth != trace.depth or _top(depth - 1) is not trace.operators:
            trace.tampered.append("the grader's operator watch was taken off the dispatch stack")
        else:
            _exit(trace.operators, None, None, None)
    changed = _changed(trace.guarded)
    if changed:
        trace.tampered.append(f"the grader's own functions were rebound ({', '.join(changed[:3])})")


def _report(trace: Trace, _builtin_name=builtin_name, _code_key=code_key, _fingerprinted=fingerprinted,
            _fingerprint=_fingerprint_cached, _torch_dir=TORCH_DIR, _calls=TAMPERING_CALLS, _code=TAMPERING_CODE,
            _started=_started) -> dict:
    torch_code, copies, builtins, tampered = set(), set(), set(), list(trace.tampered)
    calls, by_torch = {}, {}   # what ran -> times called in all; -> times called by torch's own code
    for entry in trace.stats:
        what = _builtin_name(entry.code) if isinstance(entry.code, str) else entry.code
        calls[what] = calls.get(what, 0) + entry.callcount
        if not isinstance(what, str) and what.co_filename.startswith(_torch_dir):
            for sub in entry.calls or ():
                callee = _builtin_name(sub.code) if isinstance(sub.code, str) else sub.code
                by_torch[callee] = by_torch.get(callee, 0) + sub.callcount
    for what, count in calls.items():
        if isinstance(what, str):
            name = what
            if what.startswith("torch"):
                builtins.add(what)
        elif what.co_filename.startswith(_torch_dir):
            key = _code_key(what)
            name = key.rsplit(":", 1)[0]
            torch_code.add(key)
        else:
            if _fingerprinted(what):
                copies.add(_fingerprint(what))
            continue
        if (name in _calls or name in _code) and count > by_torch.get(what, 0):  # torch may call these itself
            tampered.append(f"it called {name.replace('.py:', '.').replace('/', '.')}")
    if _started.__code__ not in calls:
        tampered.append("the grader's profile was cleared during the run")
    operators = sorted({op._schema.name for op in trace.operators.seen}) if trace.operators is not None else []
    return {"torch_code": sorted(torch_code), "copies": sorted(copies), "builtins": sorted(builtins),
            "operators": operators, "tampered": sorted(set(tampered))}


# -- the watch's own defences -------------------------------------------------------------------------------
def install(*namespaces: dict) -> None:
    """Once per worker, before any student code is imported: remember the guarded namespaces, and add an audit
    hook (PEP 578; hooks cannot be removed) that refuses anyone but this module switching a profiler or tracer
    on or off, and refuses replacing the code or defaults of the grader's own functions."""
    for namespace in (globals(), vars(Trace), vars(_Operators), vars(TorchDispatchMode), vars(python_dispatch),
                      *namespaces):
        _GUARDED.append(namespace)
    _OWN_CODE.update({_start.__code__, _stop.__code__})
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


def run_watched(function, operators: bool, _new=Trace, _start=_start, _stop=_stop, _report=_report):
    """function() watched: (what it returned, the report of what it ran). An exception from it propagates
    after the watch is off (a run that raised earns nothing, so its report is not needed)."""
    trace = _new(operators)
    _start(trace)
    try:
        result = function()
    finally:
        _stop(trace)
    return result, _report(trace)
