"""Each handout runs top to bottom on the reference solutions, on CPU, and shows plots.

The notebooks run two at a time (the machine has two cores; each handout sets its own thread count), the
longest first. How long each takes is measured by benchmarks/handout_time.py, not asserted here: the time
limit below only stops a notebook that hangs.
"""
import concurrent.futures
import os

import pytest

from support import SOLUTIONS

NOTEBOOKS = sorted(SOLUTIONS.glob("*/handout.ipynb"))
LONGEST_FIRST = ["a6_pipeline", "a4_normalization", "a2_optimizers"]
CELL_TIMEOUT_S = 900   # one cell; only a hang gets near it


def execute(path, cache):
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    os.environ.setdefault("TRAINKIT_CACHE", str(cache))
    nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """handout folder name -> the executed notebook, or the exception it raised."""
    cache = tmp_path_factory.mktemp("trainkit-cache")
    order = sorted(NOTEBOOKS, key=lambda p: (p.parent.name not in LONGEST_FIRST,
                                             LONGEST_FIRST.index(p.parent.name) if p.parent.name in LONGEST_FIRST else 0))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {p.parent.name: pool.submit(execute, p, cache) for p in order}
        return {name: (f.exception() or f.result()) for name, f in futures.items()}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_handout_runs_on_the_reference(path, executed):
    nb = executed[path.parent.name]
    if isinstance(nb, BaseException):
        raise nb
    images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                 if "image/png" in o.get("data", {}))
    assert images >= 2, f"the handout showed {images} plots"
