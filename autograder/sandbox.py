"""Where student code runs: a worker process walled off from the grader, the references and the network.

Three levels, best first; the report says which one graded a submission:

  bubblewrap  A new mount, PID, network, IPC and user namespace (Debian's `bwrap`). The worker sees only the
              Python installation (read-only), the worker's own code (/grader), the submission (read-only,
              /submission) and an empty scratch folder (/scratch, the only writable place). solutions/, the
              hidden checks, the mistake corpus and other submissions simply do not exist in there.
  nobody      No bubblewrap, but we are root: the worker runs as user `nobody` in new network and mount
              namespaces where possible, with the resource limits below and the in-process guard.
  rlimits     Neither: resource limits, a new session, and an in-process audit hook (guard.py) that refuses
              to open files outside the allowed folders or to use sockets. This stops accidents and casual
              cheating, not a determined attacker; use bubblewrap to grade for credit.

On every level: limits on address space (CPU-only runs), processes, file size, open files, core dumps; the
worker leads its own process group so a time-out kills all of it; its output is captured and truncated.
"""
from __future__ import annotations

import functools
import glob
import os
import pwd
import resource
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

GRADER_ROOT_INSIDE = "/grader"
SUBMISSION_INSIDE = "/submission"
SCRATCH_INSIDE = "/scratch"


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 6 * 1024**3      # address space; CUDA needs a huge one, so only for CPU-only runs
    processes: int = 256                 # threads count too (torch starts a few)
    file_bytes: int = 64 * 1024**2       # largest file the worker may write
    open_files: int = 256
    output_bytes: int = 64 * 1024        # stdout/stderr kept for feedback; the rest is dropped


def _bwrap_works() -> bool:
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False
    try:
        done = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                              capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@functools.cache
def isolation_level() -> str:
    """'bubblewrap', 'nobody' or 'rlimits' (see the module docstring). GRADER_ISOLATION forces one."""
    forced = os.environ.get("GRADER_ISOLATION")
    if forced in ("bubblewrap", "nobody", "rlimits"):
        return forced
    if _bwrap_works():
        return "bubblewrap"
    if os.geteuid() == 0:
        return "nobody"
    return "rlimits"


def describe(level: str) -> str:
    return {
        "bubblewrap": "bubblewrap sandbox (own mount, PID, network and user namespaces; "
                      "sees only Python, the submission and a scratch folder)",
        "nobody": "unprivileged user 'nobody' with resource limits and an in-process file/network guard "
                  "(no bubblewrap: install it for full isolation)",
        "rlimits": "resource limits and an in-process file/network guard only (no bubblewrap, not root): "
                   "fine for self-study, not for grading for credit",
    }[level]


def python_roots() -> list[str]:
    """Folders the worker's Python needs to read: the interpreter, the standard library, site-packages."""
    roots = {sys.base_prefix, sys.prefix, sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
             sysconfig.get_paths()["platlib"], os.path.dirname(os.path.realpath(sys.executable))}
    # editable installs (trainkit) point outside site-packages: lib/ is public course code
    roots |= {str(Path(__file__).resolve().parent.parent / "lib")}
    return sorted(r for r in roots if os.path.isdir(r))


def prepare_grader_root(folder: Path) -> Path:
    """Copy just the worker code (autograder/worker) into `folder`; that copy is all of the grader the sandbox sees."""
    package = folder / "autograder"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("")
    shutil.copytree(Path(__file__).resolve().parent / "worker", package / "worker",
                    ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    for path in [folder, *folder.rglob("*")]:  # readable by the worker's user, whatever the original's mode (the
        path.chmod(0o755 if path.is_dir() else 0o644)   # Gradescope bundle keeps autograder/ from others)
    return folder


def _set_limits(limits: Limits, use_cuda: bool, drop_to_nobody: bool):
    def apply():
        os.setsid()  # own process group: a time-out kills the worker and everything it started
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
        if not use_cuda:
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        if drop_to_nobody:
            try:
                os.unshare(os.CLONE_NEWNET)  # no network: a fresh namespace has only a downed loopback
            except (AttributeError, OSError):
                pass
            nobody = pwd.getpwnam("nobody")
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
        # after dropping root: root ignores RLIMIT_NPROC, an ordinary user does not
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
    return apply


def worker_command(level: str, grader_root: Path, submission: Path, scratch: Path, fds: tuple[int, int],
                   use_cuda: bool, limits: Limits = Limits()):
    """(argv, env, preexec_fn, submission folder as the worker sees it) to start a worker."""
    # USER and LOGNAME: the sandbox's uid has no /etc/passwd entry, and torch asks getpass.getuser() for cache paths
    env = {"PATH": "/usr/bin:/bin", "HOME": SCRATCH_INSIDE, "TMPDIR": SCRATCH_INSIDE, "LANG": "C.UTF-8",
           "USER": "student", "LOGNAME": "student",
           "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1", "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "MPLBACKEND": "Agg"}
    if not use_cuda:
        env["CUDA_VISIBLE_DEVICES"] = ""   # CPU-only grading: the worker must not even see a GPU
    elif "CUDA_VISIBLE_DEVICES" in os.environ:
        env["CUDA_VISIBLE_DEVICES"] = os.environ["CUDA_VISIBLE_DEVICES"]
    python = sys.executable
    runner = ["-I", "-B", f"{GRADER_ROOT_INSIDE}/autograder/worker/run_worker.py", str(fds[0]), str(fds[1])]
    if level == "bubblewrap":
        argv = [shutil.which("bwrap"), "--unshare-all", "--die-with-parent", "--new-session",
                "--uid", "65534", "--gid", "65534", "--hostname", "sandbox",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        for path in ("/usr", "/bin", "/lib", "/lib64", "/lib32", "/etc/ld.so.cache", "/etc/ld.so.conf",
                     "/etc/ld.so.conf.d", "/etc/alternatives", "/etc/nsswitch.conf"):
            argv += ["--ro-bind-try", path, path]
        for root in python_roots():
            argv += ["--ro-bind", root, root]
        if use_cuda:
            for device in sorted(glob.glob("/dev/nvidia*")):
                argv += ["--dev-bind", device, device]
        argv += ["--ro-bind", str(grader_root), GRADER_ROOT_INSIDE,
                 "--ro-bind", str(submission), SUBMISSION_INSIDE,
                 "--bind", str(scratch), SCRATCH_INSIDE, "--chdir", SCRATCH_INSIDE,
                 python] + runner
        return argv, env, _set_limits(limits, use_cuda, drop_to_nobody=False), SUBMISSION_INSIDE
    # Without a mount namespace the worker sees the real paths; guard.py keeps it inside them.
    runner[2] = str(grader_root / "autograder" / "worker" / "run_worker.py")
    env.update(HOME=str(scratch), TMPDIR=str(scratch), GRADER_ALLOWED_READ=os.pathsep.join(
        python_roots() + [str(grader_root), str(submission), str(scratch), "/dev", "/proc", "/sys", "/usr",
                          "/lib", "/lib64", "/etc"]),
               GRADER_ALLOWED_WRITE=str(scratch))
    if level == "nobody":
        os.chown(scratch, pwd.getpwnam("nobody").pw_uid, pwd.getpwnam("nobody").pw_gid)
    return [python] + runner, env, _set_limits(limits, use_cuda, drop_to_nobody=(level == "nobody")), \
        str(submission)
