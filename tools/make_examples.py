"""Build the three example submissions in examples/ from the references and the mistake corpus.

    examples/correct   every assignment as a careful student would hand it in: the reference with the
                       solution markers gone (so it reads like a filled-in stub)
    examples/mistakes  the same with typical mistakes swapped in (a few per assignment, from the corpus)
    examples/broken    a syntax error (a2), an infinite loop (a1), a missing file (a3), a crash (a5), one
                       assignment left as the untouched stubs (a4), and a6 importing a helper module that was
                       not handed in (its model then fails on the a3 file missing next to it)

They are generated so they never drift from the references; tests/test_examples.py grades them.
Usage:  python tools/make_examples.py [--check]
"""
from __future__ import annotations

import argparse
import ast
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from autograder.checks import ASSIGNMENTS  # noqa: E402
from autograder.corpus import is_change, read_header, source_with  # noqa: E402
SOLUTIONS, STUBS, MISTAKES = ROOT / "solutions", ROOT / "assignments", ROOT / "autograder" / "mistakes"
FILES = {name: [*a.files, *a.provided] for name, a in ASSIGNMENTS.items()}  # what students hand in
TYPICAL_MISTAKES = {
    "a1_initialization": ["xavier_uniform__missing_sqrt3", "relu__kink_gradient_one"],
    "a2_optimizers": ["adam__no_bias_correction", "sgd__nesterov_ignored", "adamw__l2_decay"],
    "a3_schedules": ["steplr__decays_one_step_early", "warmupcosinelr__warmup_starts_at_zero"],
    "a4_normalization": ["batchnorm1d__unbiased_variance_normalizing", "clip_grad_norm__per_parameter_norm"],
    "a5_regularization": ["dropout__no_rescaling", "earlystopping__min_delta_not_strict"],
    "a6_pipeline": ["random_shift__wraps_around", "train__scheduler_stepped_per_epoch", "evaluate__train_mode"],
}


def without_markers(source: str) -> str:
    return "\n".join(line for line in source.split("\n") if "BEGIN SOLUTION" not in line and "END SOLUTION" not in line)


def replace_definition(source: str, name: str, new_definition: str) -> str:
    """Swap the top-level def/class `name` in `source` for `new_definition`."""
    tree = ast.parse(source)
    lines = source.split("\n")
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name:
            start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
            return "\n".join(lines[:start] + new_definition.rstrip().split("\n") + lines[node.end_lineno:])
    raise ValueError(f"no top-level {name}")


def mistake_definition(path: Path) -> tuple[str, str, str]:
    """(component, file, the wrong definition's source) of a corpus module."""
    source = path.read_text()
    tree = ast.parse(source)
    header = read_header(path)
    lines = source.split("\n")
    keep = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    parts = ["\n".join(lines[(n.decorator_list[0].lineno if n.decorator_list else n.lineno) - 1:n.end_lineno])
             for n in keep]
    return header["COMPONENT"], header["FILE"], "\n\n\n".join(parts)


def build() -> dict[Path, str]:
    out: dict[Path, str] = {}
    for assignment, files in FILES.items():
        correct = {f: without_markers((SOLUTIONS / assignment / f).read_text()) for f in files}
        for f, text in correct.items():
            out[Path("correct") / assignment / f] = text
        wrong = dict(correct)
        for stem in TYPICAL_MISTAKES[assignment]:
            path = MISTAKES / assignment / f"{stem}.py"
            component, filename, definition = mistake_definition(path)
            if is_change(path):   # a list of changes applies to the file as it is
                wrong[filename] = source_with(wrong[filename], path)
            else:                 # a drop-in replaces the definition (its helper functions come along)
                wrong[filename] = replace_definition(wrong[filename], component, definition)
        for f, text in wrong.items():
            out[Path("mistakes") / assignment / f] = text
    broken = {
        "a1_initialization": {**{f: without_markers((SOLUTIONS / "a1_initialization" / f).read_text())
                                 for f in FILES["a1_initialization"]}},
        "a2_optimizers": {"optimizers.py": without_markers((SOLUTIONS / "a2_optimizers/optimizers.py").read_text())
                          .replace("class Adagrad(", "class Adagrad(torch.optim.Optimizer:\n    pass\n\n\nclass _Unused(", 1)},
        "a3_schedules": {"NOTES.txt": "I ran out of time and forgot to add schedules.py.\n"},
        "a4_normalization": {f: (STUBS / "a4_normalization" / f).read_text() for f in FILES["a4_normalization"]},
        "a5_regularization": {f: without_markers((SOLUTIONS / "a5_regularization" / f).read_text())
                              for f in FILES["a5_regularization"]},
        "a6_pipeline": {f: without_markers((SOLUTIONS / "a6_pipeline" / f).read_text())
                        for f in FILES["a6_pipeline"]},
    }
    pipeline = broken["a6_pipeline"]["pipeline.py"]
    broken["a6_pipeline"]["pipeline.py"] = pipeline.replace(
        "from augment import gaussian_jitter, random_shift\n",
        "from augment import gaussian_jitter, random_shift\nfrom progress import ProgressBar  # a file of mine I forgot to hand in\n", 1)
    init = broken["a1_initialization"]["initializers.py"]
    broken["a1_initialization"]["initializers.py"] = replace_definition(init, "xavier_uniform_", (
        "def xavier_uniform_(tensor, gain=1.0, generator=None):\n"
        "    # forgot to advance the loop variable: this never ends\n"
        "    i = 0\n    while i < tensor.numel():\n        pass\n    return tensor\n"))
    reg = broken["a5_regularization"]["regularization.py"]
    broken["a5_regularization"]["regularization.py"] = replace_definition(reg, "l1_penalty", (
        "def l1_penalty(params, lam):\n    import os\n    os._exit(1)  # a debugging leftover that kills the process\n"))
    for assignment, files in broken.items():
        for f, text in files.items():
            out[Path("broken") / assignment / f] = text
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    target = ROOT / "examples"
    expected = build()
    actual = {p.relative_to(target): p.read_text() for p in target.rglob("*") if p.is_file()} if target.exists() else {}
    if args.check:
        stale = sorted(str(p) for p in expected.keys() | actual.keys() if expected.get(p) != actual.get(p))
        for p in stale:
            print(f"out of date: examples/{p}")
        return 1 if stale else 0
    if target.exists():
        shutil.rmtree(target)
    for rel, text in expected.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_text(text)
    print(f"wrote {len(expected)} files to examples/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
