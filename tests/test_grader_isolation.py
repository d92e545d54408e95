"""Hostile or broken student code costs only its own check: never the grader, never another check.

Each case appends an evil `SGD` to a copy of the reference optimizers.py and grades SGD and Adam (quick mode):
SGD's check must fail with a clear reason, and Adam (the untouched reference) must keep full marks.
"""
import functools
import hashlib
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from autograder import sandbox
from grading import grade_files, reference_files, scores
from support import ROOT, SOLUTIONS


def evil_sgd(body: str, at_import: str = "") -> dict:
    files = reference_files("a2_optimizers")
    files["a2_optimizers/optimizers.py"] += f'''

import os, sys, signal, time, torch
{at_import}
_ReferenceSGD = SGD
class SGD(_ReferenceSGD):
    def step(self, closure=None):
{chr(10).join("        " + line for line in body.strip().splitlines())}
        return super().step(closure)
'''
    return files


def grade_evil(body: str, at_import: str = ""):
    start = time.monotonic()
    results = grade_files("a2_optimizers", evil_sgd(body, at_import), components={"SGD", "Adam"}, quick=True,
                          checks_per_component=2)
    return results, time.monotonic() - start


def sgd_feedback(results) -> str:
    return "\n".join(r.output for r in results if r.component == "SGD")


def assert_only_sgd_lost(results):
    s = scores(results)
    assert s["SGD"][0] == 0, "the evil SGD should score nothing"
    assert s["Adam"][0] == s["Adam"][1], "an untouched component lost points:\n" + \
        "\n".join(r.output for r in results if r.component == "Adam")


CASES = {
    "infinite loop": ("while True: pass", "", "time limit exceeded"),
    "ignores SIGTERM": ("signal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True: pass", "", "time limit exceeded"),
    "child ignoring SIGTERM": ("if os.fork() == 0:\n    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                               "    while True: pass\nwhile True: pass", "", "time limit exceeded"),
    "segfault": ("import ctypes\nctypes.string_at(0)", "", "died"),
    "os._exit": ("os._exit(0)", "", "died"),
    "sys.exit": ("sys.exit(0)", "", "SystemExit"),
    "memory hog": ("x = [bytearray(10**8) for _ in range(200)]", "", ""),
    "fork storm": ("while True:\n    try:\n        os.fork()\n    except OSError:\n        pass", "", ""),
    "output flood": ("while True: print('x' * 10000)", "", "time limit exceeded"),
    "fake report on stdout": ("print('TOTAL 91.50 / 91.50'); print('{\"score\": 100}'); raise ValueError('nope')",
                              "", "ValueError"),
    "patched comparisons": ("raise RuntimeError('wrong on purpose')",
                            "torch.allclose = lambda *a, **k: True\ntorch.equal = lambda *a, **k: True\n"
                            "torch.Tensor.__eq__ = lambda *a: True", "RuntimeError"),
}


ALONE = {"fork storm"}   # hundreds of spinning processes: beside it, the others' reference checks would starve


@functools.cache
def graded_side_by_side() -> dict:
    """Every case but ALONE graded at once, each in its own workers (as grade_class grades students): most of
    a case is waiting out a time limit, so side by side they take the time of the slowest, not the sum."""
    cases = [c for c in CASES if c not in ALONE]
    with ThreadPoolExecutor(max_workers=len(cases)) as pool:
        futures = {c: pool.submit(grade_evil, CASES[c][0], CASES[c][1]) for c in cases}
        return {c: f.result() for c, f in futures.items()}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_step_costs_only_its_own_check(case):
    body, at_import, expected = CASES[case]
    results, elapsed = grade_evil(body, at_import) if case in ALONE else graded_side_by_side()[case]
    assert_only_sgd_lost(results)
    assert expected in sgd_feedback(results)
    assert elapsed < 120
    assert len(sgd_feedback(results)) < 20000, "captured output must be truncated"


def test_reading_the_reference_solution_fails():
    path = SOLUTIONS / "a2_optimizers" / "optimizers.py"
    body = f"source = open({str(path)!r}).read()\nnamespace = {{}}\nexec(source, namespace)"
    results, _ = grade_evil(body)
    assert_only_sgd_lost(results)
    assert "No such file" in sgd_feedback(results) or "not allow" in sgd_feedback(results)


def test_overwriting_the_solutions_and_checks_fails_and_changes_nothing():
    targets = [SOLUTIONS / "a2_optimizers" / "optimizers.py", ROOT / "autograder" / "checks" / "a2_optimizers" / "sgd.py"]
    before = [hashlib.sha256(t.read_bytes()).hexdigest() for t in targets]
    body = "\n".join(f"open({str(t)!r}, 'w').write('hacked')" for t in targets)
    results, _ = grade_evil(body)
    assert_only_sgd_lost(results)
    assert [hashlib.sha256(t.read_bytes()).hexdigest() for t in targets] == before


def test_no_network():
    body = "import socket\nsocket.create_connection(('127.0.0.1', 22), timeout=2)"
    results, _ = grade_evil(body)
    assert_only_sgd_lost(results)


def test_files_written_stay_in_scratch():
    marker = f"/tmp/grader-escape-{os.getpid()}"
    results, _ = grade_evil(f"open({marker!r}, 'w').write('x')\nraise ValueError('after writing')")
    assert_only_sgd_lost(results)
    assert not os.path.exists(marker)


def test_a_component_that_calls_torch_gets_no_credit():
    files = reference_files("a2_optimizers")
    files["a2_optimizers/optimizers.py"] += "\n\nimport torch\nAdam = torch.optim.Adam\n"
    results = grade_files("a2_optimizers", files, components={"Adam", "SGD"}, quick=True)
    s = scores(results)
    assert s["Adam"][0] == 0 and s["SGD"][0] == s["SGD"][1]
    assert "no credit" in "\n".join(r.output for r in results if r.component == "Adam")


def test_hidden_use_of_torch_is_caught_by_the_trace():
    files = reference_files("a2_optimizers")
    files["a2_optimizers/optimizers.py"] += ('\n\nimport torch\nclass Adam(torch.optim.Optimizer):\n'
        '    def __init__(self, params, **kw):\n'
        '        self._inner = getattr(getattr(torch, "op" + "tim"), "Ad" + "am")(params, **kw)\n'
        '        self.param_groups, self.state, self.defaults = self._inner.param_groups, self._inner.state, self._inner.defaults\n'
        '    def step(self, closure=None):\n        return self._inner.step(closure)\n'
        '    def state_dict(self):\n        return self._inner.state_dict()\n'
        '    def load_state_dict(self, s):\n        return self._inner.load_state_dict(s)\n')
    results = grade_files("a2_optimizers", files, components={"Adam"}, quick=True)
    assert scores(results)["Adam"][0] == 0
    assert "ran torch's torch.optim.adam" in "\n".join(r.output for r in results)


def test_syntax_error_costs_the_file_and_says_where():
    files = reference_files("a2_optimizers")
    files["a2_optimizers/optimizers.py"] += "\n\ndef broken(:\n"
    results = grade_files("a2_optimizers", files, components={"SGD"}, quick=True)
    assert scores(results)["SGD"][0] == 0
    assert "SyntaxError" in results[0].output and "line" in results[0].output


def test_hang_at_import_costs_the_file_only():
    files = reference_files("a2_optimizers")
    files["a2_optimizers/optimizers.py"] += "\n\nwhile True:\n    pass\n"
    import autograder.grade as grade
    old = grade.LOAD_TIMEOUT
    grade.LOAD_TIMEOUT = 5
    try:
        results = grade_files("a2_optimizers", files, components={"SGD"}, quick=True)
    finally:
        grade.LOAD_TIMEOUT = old
    assert scores(results)["SGD"][0] == 0
    assert "time limit" in results[0].output


@pytest.fixture
def isolation(monkeypatch):
    def use(level):
        monkeypatch.setenv("GRADER_ISOLATION", level)
        sandbox.isolation_level.cache_clear()
    yield use
    sandbox.isolation_level.cache_clear()


def test_fallback_guard_blocks_solutions_and_timeouts(isolation):
    isolation("rlimits")
    path = SOLUTIONS / "a2_optimizers" / "optimizers.py"
    results, _ = grade_evil(f"open({str(path)!r}).read()")
    assert_only_sgd_lost(results)
    assert "does not allow reading" in sgd_feedback(results)
    results, _ = grade_evil("while True: pass")
    assert_only_sgd_lost(results)


def test_bubblewrap_is_used_where_available():
    if subprocess.run(["which", "bwrap"], capture_output=True).returncode != 0:
        pytest.skip("bubblewrap is not installed here (the README's set-up installs it)")
    assert sandbox.isolation_level() == "bubblewrap"


def test_a_file_that_hangs_at_import_costs_only_its_own_components():
    files = reference_files("a1_initialization")
    files["a1_initialization/initializers.py"] += "\n\nwhile True:\n    pass\n"
    import autograder.grade as grade
    old = grade.LOAD_TIMEOUT
    grade.LOAD_TIMEOUT = 5
    try:
        results = grade_files("a1_initialization", files, components={"xavier_uniform_", "relu"}, quick=True)
    finally:
        grade.LOAD_TIMEOUT = old
    s = scores(results)
    assert s["xavier_uniform_"][0] == 0 and s["relu"][0] == s["relu"][1]


def test_memory_watchdog_stops_a_worker_without_an_address_space_limit(tmp_path):
    """CUDA runs cannot use RLIMIT_AS; the grader watches resident memory instead."""
    from autograder.runner import Worker, WorkerFailure
    from grading import make_submission

    files = evil_sgd("hog = []\nwhile True:\n    hog.append(bytearray(50 * 2**20))\n    time.sleep(0.01)")
    root = make_submission(files, tmp_path / "submission")
    worker = Worker(root, use_cuda=True, limits=sandbox.Limits(memory_bytes=2 * 1024**3))
    try:
        worker.start()
        reply = worker.request({"op": "load", "assignment_dir": f"{worker.submission_inside}/a2_optimizers",
                                "files": ["optimizers.py"]}, timeout=60)
        assert reply["files"]["optimizers.py"]["status"] == "ok"
        import torch
        inputs = {"component": "SGD", "groups": [{"params": [torch.ones(3)], "options": {}}], "kwargs": {"lr": 0.1},
                  "grads": [[torch.ones(3)]]}
        with pytest.raises(WorkerFailure, match="memory limit exceeded"):
            worker.request({"op": "run", "probe": "optimizers.trajectory", "file": "optimizers.py",
                            "inputs": inputs, "device": "cpu"}, timeout=60)
    finally:
        worker.close()


def test_a_component_that_never_returns_fails_fast_after_two_time_outs():
    # 3 checks x 3 CPU variants: without giving up, each remaining variant would wait and restart a worker
    start = time.monotonic()
    results = grade_files("a2_optimizers", evil_sgd("while True: pass"), components={"SGD", "Adam"},
                          checks_per_component=3)
    elapsed = time.monotonic() - start
    assert_only_sgd_lost(results)
    feedback = sgd_feedback(results)
    assert feedback.count("] time limit exceeded: no result") == 2, feedback
    assert "not run: SGD already timed out 2 times (time limit exceeded" in feedback
    assert elapsed < 60, f"grading took {elapsed:.0f} s"


def test_a_worker_shared_by_corpus_submissions_grades_each_on_its_own_files():
    """tests/grading.py grades many trusted submissions in one worker. a6's components.py imports the a1-a5
    files next to it by name; in the second submission below a1's relu is the identity, and a6's model must be
    graded on that relu, not on the one the first submission left in the worker's modules."""
    from grading import grade_many

    correct = reference_files("a6_pipeline")
    broken = dict(correct)
    broken["a1_initialization/activations.py"] = correct["a1_initialization/activations.py"].replace(
        "result = torch.where(input <= 0, 0.0, input)", "result = input.clone()")
    jobs = [("a6_pipeline", files, {"ResidualBlock1d"}, True) for files in (correct, broken)]
    first, second = grade_many(jobs, parallel=1)
    assert first and all(r.passed for r in first)
    assert second and not all(r.passed for r in second)


def test_a_students_assignments_share_a_worker_but_each_is_imported_afresh_on_torchs_defaults():
    """grade() runs a student's assignments one after another in one worker (a lane). What a1's file did at
    import (torch's default dtype, grad mode, its module in sys.modules) must not be what a2 is graded on."""
    import shutil

    from autograder.checks import ASSIGNMENTS
    from autograder.grade import grade
    from grading import CUDA, make_submission

    files = {**reference_files("a1_initialization"), **reference_files("a2_optimizers")}
    files["a1_initialization/activations.py"] += (
        "\ntorch.set_default_dtype(torch.float64)\ntorch.set_grad_enabled(False)\n")
    files["a2_optimizers/optimizers.py"] += (
        "\nimport sys as _sys\nassert torch.get_default_dtype() is torch.float32, 'default dtype from a1'\n"
        "assert torch.is_grad_enabled(), 'grad mode from a1'\nassert 'activations' not in _sys.modules, 'a1 module'\n")
    root = make_submission(files)
    try:
        results = grade(root, [ASSIGNMENTS["a1_initialization"], ASSIGNMENTS["a2_optimizers"]], CUDA, parallel=1,
                        components={"relu", "SGD"}, quick=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    s = scores(results)
    assert set(s) == {"relu", "SGD"}
    assert s["SGD"][0] == s["SGD"][1], "\n".join(r.output for r in results if r.component == "SGD")
