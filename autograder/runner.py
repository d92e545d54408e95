"""The grader's side of one worker: start it in the sandbox, send a request, wait with a deadline, kill it.

Nothing a worker says is believed but the reply on its private pipe, decoded as plain data. Its exit code and
its stdout are never read as results. A worker that overruns, crashes, floods, or sends garbage is killed with
its whole process group and replaced by a fresh one for the next check.
"""
from __future__ import annotations

import collections
import os
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from . import sandbox
from .worker import wire


STARTUP_TIMEOUT = 120.0  # starting Python and importing torch in the sandbox, on a busy machine


class WorkerFailure(Exception):
    """The worker did not answer properly; `reason` is written for the student."""

    def __init__(self, reason: str, timed_out: bool = False):
        super().__init__(reason)
        self.reason, self.timed_out = reason, timed_out


class MemoryLimit(Exception):
    def __init__(self, used: int):
        self.used = used


def tree_rss_bytes(root_pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc; 0 where it cannot be read).

    The address-space limit cannot be used with CUDA (the driver reserves huge virtual ranges), so the
    grader also watches what the worker really uses while it waits for a reply."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
    return total


PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class Worker:
    """One sandboxed worker process for one submission (its assignments graded one after another)."""

    def __init__(self, submission_root: Path, use_cuda: bool, limits: sandbox.Limits = sandbox.Limits()):
        self.submission_root, self.use_cuda, self.limits = Path(submission_root), use_cuda, limits
        self.level = sandbox.isolation_level()
        self.process = None
        self.output = collections.deque()
        self.output_size = 0
        self.output_dropped = 0
        self.tmp = Path(tempfile.mkdtemp(prefix="grader-worker-"))
        self.grader_root = sandbox.prepare_grader_root(self.tmp / "grader")
        os.chmod(self.tmp, 0o755)

    # -- life cycle ---------------------------------------------------------------------------------
    def start(self) -> None:
        scratch = self.tmp / "scratch"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        to_worker_r, self._to_worker = os.pipe()
        self._from_worker, from_worker_w = os.pipe()
        argv, env, preexec, self.submission_inside = sandbox.worker_command(
            self.level, self.grader_root, self.submission_root, scratch, (to_worker_r, from_worker_w),
            self.use_cuda, self.limits)
        self.process = subprocess.Popen(argv, env=env, cwd=scratch, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, pass_fds=(to_worker_r, from_worker_w),
                                        preexec_fn=preexec)
        os.close(to_worker_r)
        os.close(from_worker_w)
        self.forget_output()
        self._reader = threading.Thread(target=self._drain, args=(self.process.stdout,), daemon=True)
        self._reader.start()
        self._wait_ready()

    def _wait_ready(self) -> None:
        """The worker says "ready" once Python and torch are up, so check time limits never include that."""
        try:
            (length,) = struct.unpack(">Q", self._read(8, time.monotonic() + STARTUP_TIMEOUT))
            reply = wire.decode(self._read(min(length, 4096), time.monotonic() + STARTUP_TIMEOUT))
        except (TimeoutError, EOFError, wire.WireError, struct.error):
            reply = None
        if not (isinstance(reply, dict) and reply.get("ready") is True):
            printed = self.printed(600).strip()
            self._fail("the sandboxed worker could not start" + (f": {printed}" if printed else ""))

    def _drain(self, stream) -> None:
        """Keep the last `output_bytes` of what the worker prints; read everything so it never blocks."""
        for chunk in iter(lambda: stream.read1(65536), b""):
            self.output.append(chunk)
            self.output_size += len(chunk)
            while self.output_size > self.limits.output_bytes and len(self.output) > 1:
                dropped = self.output.popleft()
                self.output_size -= len(dropped)
                self.output_dropped += len(dropped)

    def forget_output(self) -> None:
        """Start the printed output afresh (a new assignment's feedback quotes only its own prints)."""
        self.output.clear()
        self.output_size = self.output_dropped = 0

    def printed(self, max_chars: int = 1500) -> str:
        """The tail of what the student's code printed (for feedback on crashes)."""
        text = b"".join(self.output).decode(errors="replace")
        return text[-max_chars:]

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # SIGKILL: a worker may ignore SIGTERM
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for fd in (self._to_worker, self._from_worker):
            try:
                os.close(fd)
            except OSError:
                pass
        self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # -- requests -----------------------------------------------------------------------------------
    def request(self, message: dict, timeout: float) -> dict:
        """Send one request and wait for the reply; raise WorkerFailure (and kill the worker) on any trouble."""
        if not self.alive:
            self.start()
        deadline = time.monotonic() + timeout
        try:
            wire.write_message(self._to_worker, message)
        except (BrokenPipeError, OSError):
            return self._fail("the worker process ended before it could be given the check")
        try:
            (length,) = struct.unpack(">Q", self._read(8, deadline))
            if length > wire.MAX_MESSAGE_BYTES:
                return self._fail("the worker sent an oversized reply")
            reply = wire.decode(self._read(length, deadline))
        except TimeoutError:
            return self._fail(f"time limit exceeded: no result within {timeout:g} s (an infinite loop, or far "
                              "too slow); the worker was stopped", timed_out=True)
        except EOFError:
            code = self.process.poll() if self.process else None
            how = f"exit code {code}" if code is not None and code >= 0 else f"signal {-code}" if code else "unknown"
            hint = " (out of memory?)" if code in (-signal.SIGKILL, -signal.SIGSEGV) else ""
            return self._fail(f"the worker process died during this check ({how}{hint}); "
                              "os._exit, sys.exit and crashes end the check with no result")
        except wire.WireError as exc:
            return self._fail(f"the worker sent a malformed reply ({exc})")
        except MemoryLimit as exc:
            return self._fail(f"memory limit exceeded: the worker used {exc.used / 1024**3:.1f} GiB "
                              f"(limit {self.limits.memory_bytes / 1024**3:.0f} GiB); the worker was stopped")
        if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
            return self._fail("the worker sent a malformed reply")
        return reply

    def _fail(self, reason: str, timed_out: bool = False):
        self.stop()
        raise WorkerFailure(reason, timed_out)

    def _read(self, n: int, deadline: float) -> bytes:
        chunks, left = [], n
        while left:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self._from_worker], [], [], min(remaining, 0.25))
            if not ready:
                used = tree_rss_bytes(self.process.pid) if self.process else 0
                if used > self.limits.memory_bytes:
                    raise MemoryLimit(used)
                continue
            chunk = os.read(self._from_worker, min(left, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
