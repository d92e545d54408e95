"""Reference (and known-mistake) outputs kept on disk, so that grading a class computes each one once.

    python -m autograder grade SUBMISSION --reference-cache DIR      (tools/grade_class.py passes one)

An output is filed under a key made of everything that determines it: the source of the code that ran (the
reference solutions, or the mistake's file as well), the probe's source, the check (component, name), a digest
of its seeded inputs (so its seeds and scenario), the torch version, the device and the dtype, and this file's
FORMAT. Change any of them and the key changes, so a stale output is never read. Entries are written to a
temporary file and renamed into place, so parallel graders share the folder safely; one that cannot be read
back (damaged) counts as absent and is recomputed.

Entries are in the worker wire's format (worker/wire.py: a JSON header, then the tensors' raw bytes), which
reads back about eight times faster than torch.load(weights_only=True) for outputs of many small tensors (an
optimizer's trajectory) and never unpickles. Only outputs that cross it unchanged are kept (plain tensors,
numbers, strings, lists, dicts with string keys); any other output is simply computed every time.

The folder is the grader's: it is made private to this user (mode 0700) and is never bound into the sandbox,
so student code can neither read it nor write it.
"""
from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path

import torch

from .worker import wire

FORMAT = 2
_MISSING = object()


def digest(value, h=None) -> str:
    """A stable digest of nested inputs: tensors by dtype, shape and bytes, containers in order."""
    h = h or hashlib.sha256()
    if isinstance(value, torch.Tensor):
        t = value.detach().cpu().contiguous()
        h.update(f"T{t.dtype}{tuple(t.shape)}".encode())
        h.update(t.view(torch.uint8).numpy().tobytes() if t.numel() else b"")
    elif isinstance(value, dict):
        h.update(b"{")
        for key in sorted(value, key=repr):
            h.update(repr(key).encode())
            digest(value[key], h)
        h.update(b"}")
    elif isinstance(value, (list, tuple)):
        h.update(b"[" if isinstance(value, list) else b"(")
        for item in value:
            digest(item, h)
        h.update(b"]")
    else:  # numbers, strings, None; anything else by repr (an address in it only costs a cache miss)
        h.update(f"{type(value).__name__}:{value!r}".encode())
    return h.hexdigest()


@functools.cache
def source_digest(*paths: Path) -> str:
    """The digest of files and folders of source (every .py under a folder), in a fixed order."""
    h = hashlib.sha256()
    for path in paths:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            h.update(str(file.relative_to(path.parent)).encode())
            h.update(file.read_bytes())
    return h.hexdigest()


def crosses_the_wire(value, depth: int = 0) -> bool:
    """Whether wire.decode(wire.encode(value)) gives `value` back as it is: the exact types it carries."""
    kind = type(value)
    if depth > wire.MAX_DEPTH:
        return False
    if value is None or kind in (bool, int, float, str):
        return True
    if kind is list:
        return all(crosses_the_wire(v, depth + 1) for v in value)
    if kind is dict:
        return all(type(k) is str and crosses_the_wire(v, depth + 1) for k, v in value.items())
    return (kind is torch.Tensor and value.device.type == "cpu" and not value.requires_grad
            and str(value.dtype).removeprefix("torch.") in wire.DTYPES)


class OutputCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def key(self, code: str, probing: str, check, device: str, dtype: str, inputs) -> str:
        parts = [f"format {FORMAT}", code, probing, check.component, check.name, device, dtype,
                 torch.__version__, digest(inputs)]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def get(self, key: str):
        """The stored output, or _MISSING when there is none or it cannot be read back."""
        path = self.folder / key[:2] / f"{key}.out"
        try:
            return wire.to_plain(wire.decode(path.read_bytes()))
        except Exception:  # noqa: BLE001 - absent or damaged: recompute
            return _MISSING

    def put(self, key: str, value) -> None:
        if not crosses_the_wire(value):
            return
        target = self.folder / key[:2] / f"{key}.out"
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(wire.encode(value))
            os.replace(tmp, target)
        except Exception:  # noqa: BLE001 - a full disk or an unsavable output only costs the next run time
            Path(tmp).unlink(missing_ok=True)

    def computed(self, key: str, compute):
        """compute(), or what an earlier run stored under `key`."""
        found = self.get(key)
        if found is not _MISSING:
            return found
        value = compute()
        self.put(key, value)
        return value
