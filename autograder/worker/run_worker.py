"""Entry point inside the sandbox: `python -I run_worker.py IN_FD OUT_FD` (-I keeps cwd off sys.path)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
if "GRADER_ALLOWED_READ" in os.environ:  # no bubblewrap: fall back to the in-process guard
    import torch  # noqa: F401  (imported before the guard: torch reads files all over its install)
    from autograder.worker import guard
    guard.install(os.environ["GRADER_ALLOWED_READ"].split(os.pathsep),
                  os.environ["GRADER_ALLOWED_WRITE"].split(os.pathsep))
from autograder.worker.main import main  # noqa: E402

main(int(sys.argv[1]), int(sys.argv[2]))
