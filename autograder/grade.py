"""Grading: for each assignment, a sandboxed worker runs the student's code; this process holds the
references, makes every input, compares, scores, and decides the feedback.

Flow for one assignment (in a sandboxed worker that holds only this student's files; grade() runs a
student's assignments in one or two such workers, each assignment imported afresh):
  1. files present? (a missing file costs the points of its components, and says so)
  2. static look for components that merely call torch (originality.py); the worker also reports what each
     run executed, and a run of torch's own implementation of the component earns nothing (torch_use.py)
  3. the worker imports the student's files (a syntax error or a hang at import costs that file's checks)
  4. each check, on each device and dtype: inputs from a seed -> worker runs the probe on the student's code,
     this process runs the same probe on the reference -> compare -> feedback, and a hint when the output
     matches a known mistake (hints.py). A time-out or crash fails that variant only; a fresh worker
     carries on.
"""
from __future__ import annotations

import concurrent.futures
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import curves, feedback, hints, originality, references, torch_use
from .check import Assignment, Check, Variant, cast_inputs, variants
from .runner import Worker, WorkerFailure

LOAD_TIMEOUT = 30.0    # importing one student file (the worker is already up)
AFTER_TIMEOUT_S = 3.0   # once a component has timed out, its remaining variants get this long each
TIMEOUTS_BEFORE_GIVING_UP = 2  # after this many time-outs a component's remaining variants fail at once


@dataclass
class VariantResult:
    label: str        # "cpu/float64", "cuda/float32", "cpu/float64 (device proxy)"
    outcome: str      # "passed", "failed" (credit below 1, partial credit included) or "skipped"
    message: str      # "passed", what differed, or why it did not run
    where: str | None = None     # where the first difference is (describe_path), when the comparison found one
    expected: str | None = None  # and the two values there, when the comparison names them
    got: str | None = None


@dataclass
class CheckResult:
    """One check's result as structure; report.py alone turns it into words (check_lines)."""
    assignment: str
    component: str
    name: str
    max_score: float
    score: float = 0.0
    variants: list[VariantResult] = field(default_factory=list)
    reason: str | None = None      # why no variant ran: a missing file, an import error, no credit, ...
    hint: str | None = None        # the matching mistake's HINT (hints.py)
    notes: list[str] = field(default_factory=list)   # e.g. a6's "runs on your own earlier components"
    curves: list[dict] = field(default_factory=list)  # expected against got as series, for plots (curves.py)
    public: bool = False           # the component's plain case, which its public tests run too (check.py)

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score - 1e-9

    @property
    def output(self) -> str:
        from .report import check_text   # the report is the one place results become words
        return check_text(self)


def _fail_all(assignment: Assignment, checks: list[Check], reason: str) -> list[CheckResult]:
    return [CheckResult(assignment.name, c.component, c.name, c.points, 0.0, reason=reason, public=c.public)
            for c in checks]


class AssignmentGrader:
    def __init__(self, assignment: Assignment, submission_root: Path, cuda: bool, progress=None,
                 components: set[str] | None = None, quick: bool = False, checks_per_component: int | None = None,
                 worker: Worker | None = None, trace: bool = True):
        """For the tests: `components` grades only these, `quick` only the first CPU variant of each check (and
        no slow check), `checks_per_component` only the first checks of each component. `worker` grades in that
        worker, whose root is this submission or holds it in a subfolder, and leaves it running: grade() runs a
        student's assignments one after another in one worker, and the suite grades many trusted corpus
        submissions one after another in one worker (never two students' in one). `trace=False` switches off
        the watch over what each run executes (worker/trace.py): benchmarks/trace_grading.py compares with it,
        and tests/test_evasions.py shows what it catches."""
        self.assignment, self.root, self.cuda = assignment, submission_root, cuda
        self.shared_worker = worker
        self.components, self.quick, self.checks_per_component = components, quick, checks_per_component
        self.trace = trace
        self.timed_out: dict[str, list[str]] = {}   # component -> the time-out messages it got so far
        self.ran_torch: dict[str, str] = {}   # component -> why it earns nothing (it ran torch's own implementation)
        self.progress = progress or (lambda *a: None)
        self.folder = submission_root / assignment.name
        self.worker: Worker | None = None
        self.loaded: dict = {}      # file -> load status in the current worker
        self.bad_files: dict = {}   # file -> why it could not be imported (never retried)

    # -- the worker -----------------------------------------------------------------------------------
    def _load(self) -> dict:
        """Import the student's files in the worker, one request per file, so that a file that hangs or kills
        the worker at import costs only its own components. A file that failed is not tried again."""
        inside = self.worker.submission_inside + "".join(
            f"/{part}" for part in self.root.relative_to(self.worker.submission_root).parts)
        statuses = {}
        for filename in self.assignment.files:
            if filename in self.bad_files or not (self.folder / filename).is_file():
                statuses[filename] = self.bad_files.get(filename, {"status": "missing"})
                continue
            try:
                if not self.worker.alive:
                    self.worker.start()
                reply = self.worker.request({"op": "load", "assignment_dir": f"{inside}/{self.assignment.name}",
                                             "files": [filename],
                                             "preload": self.preload()}, timeout=LOAD_TIMEOUT)
                status = reply.get("files", {}).get(filename) or {
                    "status": "error", "error": reply.get("error", "the worker gave no answer"),
                    "traceback": reply.get("traceback", "")}
            except WorkerFailure as failure:
                status = {"status": "error", "error": f"importing {filename} failed: {failure.reason}"}
            if status.get("status") != "ok":
                self.bad_files[filename] = status
            statuses[filename] = status
        return statuses

    def _ensure_worker(self) -> None:
        if not self.worker.alive:
            self.worker.start()
            self.loaded = self._load()
        elif not self.loaded:   # a shared worker, already running: import this submission's files in it
            self.loaded = self._load()

    # -- one assignment -------------------------------------------------------------------------------
    def run(self) -> list[CheckResult]:
        a = self.assignment
        if not self.folder.is_dir():
            return _fail_all(a, a.checks, f"missing: the submission has no {a.name}/ folder")
        for filename in a.provided:  # the course's own files: the submission's copies are not graded, ours are
            shutil.copyfile(references.SOLUTIONS / a.name / filename, self.folder / filename)
        blocked: dict[str, str] = {}   # component -> why all its checks score 0
        sources = {}
        for filename, components in a.files.items():
            path = self.folder / filename
            if not path.is_file():
                for c in components:
                    blocked[c] = f"missing file: {a.name}/{filename} is not in the submission"
                continue
            sources[filename] = path.read_bytes()[:2_000_000].decode(errors="replace")
            for c in components:
                found = originality.find_counterpart_use(sources[filename], c, a.forbidden.get(c, []))
                if found:
                    blocked[c] = (f"no credit: {found}. This assignment asks you to implement {c} yourself; "
                                  "a component that merely calls PyTorch's own earns nothing.")
        results = []
        self.worker = self.shared_worker or Worker(self.root, use_cuda=self.cuda)
        self.worker.forget_output()
        try:
            if sources:  # nothing to import when every file is missing
                self._ensure_worker()
            for filename, components in a.files.items():
                status = self.loaded.get(filename, {})
                for c in components:
                    if c in blocked:
                        continue
                    if status.get("status") == "error":
                        blocked[c] = f"{a.name}/{filename} could not be imported: {status.get('error')}" + (
                            f"\n{status['traceback']}" if status.get("traceback") else "")
                    elif status.get("status") == "ok" and c not in status.get("names", []):
                        blocked[c] = f"{a.name}/{filename} defines no {c}"
            taken: dict[str, int] = {}
            for check in a.checks:
                if self.components is not None and check.component not in self.components:
                    continue
                taken[check.component] = taken.get(check.component, 0) + 1
                if self.checks_per_component and taken[check.component] > self.checks_per_component:
                    continue
                if self.quick and check.slow:
                    continue
                if check.component in blocked:
                    results.append(CheckResult(a.name, check.component, check.name, check.points, 0.0,
                                               reason=blocked[check.component], public=check.public))
                else:
                    results.append(self._grade_check_safely(check))
                self.progress(a.name, 1)
        finally:
            if self.worker is not self.shared_worker:
                self.worker.close()
        return results

    def counterpart(self, component: str) -> torch_use.Counterpart:
        """torch's own implementation of the component, which it may not run (its check module's lists)."""
        return torch_use.counterpart(tuple(self.assignment.torch_code.get(component, [])),
                                     tuple(self.assignment.torch_operators.get(component, [])))

    def preload(self) -> list[str]:
        """The assignment's preloads, and torch._dynamo where operators are watched: the first operator under a
        dispatch mode imports it (about 2 s), which must not count against a check's time limit."""
        watched = any(self.counterpart(c).watches_operators for c in self.assignment.components())
        return list(dict.fromkeys(self.assignment.preload + (["torch._dynamo"] if watched else [])))

    def watches_operators(self, check: Check, variant: Variant) -> bool:
        """Whether this run also watches every ATen operator (worker/trace.py). That costs about 4x on small
        tensors, so only the component's public check has it, on its first CPU variant, and never a whole
        training run (`slow`). Every run is watched at the Python level, which sees an operator called from
        Python under any name; what only the operator watch adds is the paths inside C++ (TorchScript)."""
        return (self.counterpart(check.component).watches_operators and check.public and not check.slow
                and variant == Variant("cpu", check.dtypes[0]))

    # -- one check ------------------------------------------------------------------------------------
    def _grade_check_safely(self, check: Check) -> CheckResult:
        """_grade_check, but a fault in the grader itself (this process) fails only this check, with a message
        that names it; grading goes on and the report is still written."""
        try:
            return self._grade_check(check)
        except Exception as exc:  # noqa: BLE001 - any fault of ours must cost one check, never the submission
            return CheckResult(self.assignment.name, check.component, check.name, check.points, 0.0,
                               reason=f"internal error of the grader while grading this check "
                                      f"({type(exc).__name__}: {str(exc)[:300]}); this is not your fault: "
                                      "please report it")

    def _grade_check(self, check: Check) -> CheckResult:
        a = self.assignment
        result = CheckResult(a.name, check.component, check.name, check.points, public=check.public)
        ran = passed = 0
        base_inputs = check.make_inputs()
        filename = a.file_of(check.component)
        for variant, runs in variants(check, self.cuda)[:1 if self.quick else None]:
            if not runs:
                result.variants.append(VariantResult(variant.label, "skipped", "skipped: no CUDA device here"))
                continue
            ran += 1
            inputs = cast_inputs(base_inputs, variant.torch_dtype)
            credit, said, got = self._run_variant(check, variant, filename, inputs)
            passed += credit
            result.variants.append(said)
            if credit < 1 and got is not None and variant.device == "cpu":
                if check.hints and result.hint is None:
                    result.hint = hints.matching_hint(a.name, check, filename, inputs, got, variant.dtype)
                if not result.curves and check.needs_reference:
                    result.curves = curves.expected_against_got(
                        check, references.output(a.name, filename, check, variant, inputs), got)
        result.score = check.points * passed / ran if ran else 0.0
        return result

    def _run_variant(self, check: Check, variant: Variant, filename: str, inputs: dict):
        """(credit: 1.0 passed, 0.0 failed, in between for partial credit; what it said; the student's output or
        None)."""
        credit, message, got, mismatch = self._credit_variant(check, variant, filename, inputs)
        said = VariantResult(variant.label, "passed" if credit >= 1 else "failed", message)
        if mismatch is not None:
            said.where, said.expected, said.got = check.describe_path(mismatch.path), mismatch.expected, mismatch.got
        return credit, said, got

    def _credit_variant(self, check: Check, variant: Variant, filename: str, inputs: dict):
        """(credit, feedback line, the student's output or None, the Mismatch or None)."""
        if check.component in self.ran_torch:   # once seen running torch's own, it earns nothing in any check
            return 0.0, self.ran_torch[check.component], None, None
        timeouts = self.timed_out.get(check.component, [])
        if len(timeouts) >= TIMEOUTS_BEFORE_GIVING_UP:  # it never returns: waiting again only costs minutes
            return 0.0, f"not run: {check.component} already timed out {len(timeouts)} times ({timeouts[0]})", \
                None, None
        try:
            self._ensure_worker()
            if self.loaded.get(filename, {}).get("status") != "ok":
                return 0.0, f"{filename} could not be imported in a fresh worker", None, None
            timeout = min(check.timeout, AFTER_TIMEOUT_S) if timeouts else check.timeout
            counterpart = self.counterpart(check.component)
            reply = self.worker.request({"op": "run", "probe": check.probe, "file": filename, "inputs": inputs,
                                         "device": variant.device, "device_proxy": variant.device_proxy,
                                         "trace": self.trace, "operators": self.watches_operators(check, variant)},
                                        timeout=timeout)
        except WorkerFailure as failure:
            if failure.timed_out:
                self.timed_out.setdefault(check.component, []).append(failure.reason)
            printed = self.worker.printed(400).strip()
            return 0.0, failure.reason + (f"\n    last output: {printed[-400:]}" if printed else ""), None, None
        if not reply["ok"]:
            if reply.get("kind") == "not_implemented":
                return 0.0, f"not implemented yet ({reply.get('error', '')})", None, None
            where = "" if not variant.device_proxy else (
                " (the device proxy run: a tensor created without device= was put on the 'meta' device, as it "
                "would sit on the CPU next to CUDA inputs on a GPU; create tensors on the input's device, e.g. "
                "torch.zeros_like(p) or device=x.device)")
            tb = f"\n{reply['traceback']}" if reply.get("traceback") else ""
            return 0.0, f"raised {reply.get('error', 'an error')}{where}{tb}", None, None
        ran_torch = torch_use.verdict(check.component, counterpart, reply.get("ran")) if self.trace else None
        if ran_torch:
            self.ran_torch[check.component] = ran_torch
            return 0.0, ran_torch, None, None
        expected = references.output(self.assignment.name, filename, check, variant, inputs) \
            if check.needs_reference else None
        mismatch = (check.compare or feedback.compare_outputs)(expected, reply.get("output"), variant.dtype,
                                                                expected_device=variant.device)
        if mismatch is None:
            return 1.0, "passed", reply.get("output"), None
        credit = min(max(float(mismatch.credit), 0.0), 1.0)
        partial = f" ({credit:.0%} of this variant's points)" if credit > 0 else ""
        return credit, f"{check.describe_path(mismatch.path)}: {mismatch.message}{partial}", reply.get("output"), \
            mismatch


def note_what_it_runs_on(results: list[CheckResult], assignments: list[Assignment]) -> None:
    """An assignment that runs on earlier ones (a6 on a1-a5): each of its failed checks says which of the
    components it runs on lost points in this same grading, since a difference may come from those."""
    failed = {(r.assignment, r.component) for r in results if not r.passed}
    for a in assignments:
        weak = [f"{component} ({name})" for name, components in a.uses.items() for component in components
                if (name, component) in failed]
        if not weak:
            continue
        note = (f"Note: {a.name} runs on your own earlier components, and these lost points where they were "
                f"graded: {', '.join(weak)}. A difference here may come from them: fix those first.")
        for r in results:
            if r.assignment == a.name and not r.passed:
                r.notes.append(note)


def grade(submission_root: Path, assignments: list[Assignment], cuda: bool, parallel: int = 2,
          progress=None, **options) -> list[CheckResult]:
    """Grade every assignment in `parallel` lanes at once; results in assignment order.

    A lane is one sandboxed worker that grades its assignments one after another, so Python, torch and its
    lazy imports start once per lane, not once per assignment (a second or two each). The worker holds only
    this student's files, and each assignment is imported afresh on torch's default settings
    (worker/main.py: forget_other_folders); a worker that dies is replaced."""
    lanes = [assignments[i::max(1, parallel)] for i in range(min(max(1, parallel), len(assignments)))]

    def run_lane(lane: list[Assignment]) -> dict[str, list[CheckResult]]:
        worker = Worker(submission_root, use_cuda=cuda)
        try:
            return {a.name: AssignmentGrader(a, submission_root, cuda, progress, worker=worker, **options).run()
                    for a in lane}
        finally:
            worker.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(lanes))) as pool:
        by_name = {name: r for lane in pool.map(run_lane, lanes) for name, r in lane.items()}
    results = [r for a in assignments for r in by_name[a.name]]
    note_what_it_runs_on(results, assignments)
    return results
