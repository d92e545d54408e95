"""In-process guard for workers that run without bubblewrap (see autograder/sandbox.py).

An audit hook (PEP 578) refuses to open files outside the allowed folders, to write outside the scratch
folder, and to open network connections. Audit hooks cannot be removed from Python code once added; C
extensions and ctypes can still get around them, which is why bubblewrap is the real sandbox.
"""
import os
import sys

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def install(allowed_read: list[str], allowed_write: list[str]) -> None:
    read_roots = [os.path.realpath(p) for p in allowed_read if p]
    write_roots = [os.path.realpath(p) for p in allowed_write if p]

    def inside(path, roots):
        real = os.path.realpath(path)
        return any(real == r or real.startswith(r.rstrip("/") + "/") for r in roots)

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if not isinstance(path, (str, bytes)):
                return  # an already-open file descriptor
            path = os.fsdecode(path)
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & WRITE_FLAGS)
            if writing and not inside(path, write_roots):
                raise PermissionError(f"the grader's sandbox does not allow writing {path}")
            if not inside(path, read_roots + write_roots):
                raise PermissionError(f"the grader's sandbox does not allow reading {path}")
        elif event in ("os.remove", "os.rmdir", "os.mkdir", "os.rename", "os.replace", "os.truncate", "os.chmod",
                       "os.chown", "os.symlink", "os.link", "shutil.rmtree"):
            for arg in args:
                if isinstance(arg, (str, bytes)) and not inside(os.fsdecode(arg), write_roots):
                    raise PermissionError(f"the grader's sandbox does not allow changing {os.fsdecode(arg)}")
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo"):
            raise PermissionError("the grader's sandbox has no network")
        elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"):
            raise PermissionError("the grader's sandbox does not allow starting programs")

    sys.addaudithook(hook)
