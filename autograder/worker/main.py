"""The worker: imports a student's files and runs probes on them, one request at a time.

It runs inside the sandbox (see autograder/sandbox.py) as `python -I /grader/run_worker.py IN_FD OUT_FD`.
Requests and replies cross two private pipes as plain data (wire.py); stdout and stderr are only captured
for the student's own debugging. The grader never believes anything from here but the numbers it compares.

Requests:
    {"op": "load", "assignment_dir": "/submission/a2_optimizers", "files": ["optimizers.py"],
     "preload": ["torch._dynamo"]}
    {"op": "run", "probe": "optimizers.trajectory", "file": "optimizers.py", "inputs": {...},
     "device": "cpu", "device_proxy": false, "trace": true, "operators": false}
Replies:
    {"ok": true, "output": ..., "ran": what the run executed (trace.py: torch's code, C functions, operators)}
    {"ok": false, "error": "TypeError: ...", "traceback": "...", "kind": "exception" | "not_implemented"}
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import sys
import traceback

import torch

from . import trace, wire
from .device_proxy import DeviceProxy

torch.set_num_threads(1)  # workers run side by side on few cores; one thread each keeps them fair

MODULES: dict[str, object] = {}   # student file name -> imported module
SUBMISSION_ROOTS: list[str] = []  # folders whose frames appear in tracebacks


def forget_other_folders(folder: str) -> None:
    """Forget the modules and import folders of any other assignment folder this worker imported before.

    The grader grades a student's assignments one after another in one worker (grade.py's lanes), and the test
    suite grades many trusted corpus submissions (one per subfolder) in one worker: each assignment must run
    on a fresh import of its own files only (a6's components.py, for one, imports the a1-a5 files next to it
    by name), and on torch's default global settings, whatever an earlier file set at import."""
    others = {root for root in SUBMISSION_ROOTS if root != folder}
    if not others:
        return
    submission = os.path.dirname(folder)   # another submission's sibling folders go too
    others |= {os.path.dirname(root) for root in others if os.path.dirname(root) != submission}
    inside = tuple(other + os.sep for other in others)
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(inside):
            del sys.modules[name]
    sys.path[:] = [p for p in sys.path if not (p + os.sep).startswith(inside)]
    SUBMISSION_ROOTS[:] = [root for root in SUBMISSION_ROOTS if root == folder]
    MODULES.clear()
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(1)


def load(request: dict) -> dict:
    for name in request.get("preload", []):
        try:
            importlib.import_module(name)  # e.g. torch._dynamo, which torch.optim imports on first use (~1.5 s)
        except Exception as exc:  # then whoever needs it pays for it later, or fails there with the reason
            print(f"worker: preloading {name} failed: {describe(exc)}", file=sys.stderr)
    folder = request["assignment_dir"]
    forget_other_folders(folder)
    if folder not in SUBMISSION_ROOTS:
        SUBMISSION_ROOTS.append(folder)
    sys.path.insert(0, folder)
    report = {}
    for filename in request["files"]:
        path = os.path.join(folder, filename)
        if not os.path.isfile(path):
            report[filename] = {"status": "missing"}
            continue
        module_name = filename.removesuffix(".py")
        try:
            spec = importlib.util.spec_from_file_location(module_name, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            spec.loader.exec_module(module)
        except BaseException as exc:  # SyntaxError, ImportError, SystemExit at import time...
            sys.modules.pop(module_name, None)
            report[filename] = {"status": "error", "error": describe(exc), "traceback": student_traceback(exc)}
            continue
        MODULES[filename] = module
        report[filename] = {"status": "ok", "names": sorted(n for n in vars(module) if not n.startswith("_"))}
    return {"ok": True, "files": report}


def run(request: dict, _run_watched=trace.run_watched) -> dict:   # bound now: student code cannot rebind it
    from .probes import get_probe

    module = MODULES.get(request["file"])
    if module is None:
        return {"ok": False, "kind": "exception", "error": f"{request['file']} was not imported", "traceback": ""}
    probe = get_probe(request["probe"])
    inputs = wire.to_plain(request["inputs"], request["device"])
    proxy = DeviceProxy() if request.get("device_proxy") else contextlib.nullcontext()
    ran = None
    try:
        with proxy:
            if request.get("trace", True):
                output, ran = _run_watched(lambda: probe(module, **inputs), bool(request.get("operators")))
            else:
                output = probe(module, **inputs)
    except NotImplementedError as exc:
        return {"ok": False, "kind": "not_implemented", "error": describe(exc), "traceback": ""}
    except Exception as exc:
        return {"ok": False, "kind": "exception", "error": describe(exc), "traceback": student_traceback(exc)}
    return {"ok": True, "output": output, "ran": ran}


def describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SyntaxError) and exc.lineno:
        text = f"SyntaxError in {os.path.basename(exc.filename or '?')}, line {exc.lineno}: {exc.msg}"
    return text[:2000]


def student_traceback(exc: BaseException) -> str:
    """The frames of the traceback that are in the student's own files (never the grader's)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if any(f.filename.startswith(root) for root in SUBMISSION_ROOTS)]
    lines = [f'  {os.path.basename(f.filename)}, line {f.lineno}, in {f.name}\n    {f.line or ""}' for f in frames[-6:]]
    return "\n".join(lines)[:3000]


def main(in_fd: int, out_fd: int) -> None:
    handlers = {"load": load, "run": run}
    trace.install(globals())  # before any student code: what it may not rebind, and who may switch profilers
    wire.write_message(out_fd, {"ok": True, "ready": True})  # torch is imported: time limits start now
    while True:
        try:
            request = wire.read_message(in_fd)
        except EOFError:
            return
        try:
            reply = handlers[request["op"]](request)
        except BaseException as exc:  # the probe or the student broke something unexpected
            reply = {"ok": False, "kind": "exception", "error": describe(exc), "traceback": student_traceback(exc)}
        try:
            wire.write_message(out_fd, reply)
        except wire.WireError as exc:
            wire.write_message(out_fd, {"ok": False, "kind": "exception", "error": f"output not sendable: {exc}",
                                        "traceback": ""})
