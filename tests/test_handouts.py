"""Each handout runs top to bottom on the reference solutions, on CPU, within its time limit, and shows plots."""
import os
import time

import pytest

from support import SOLUTIONS

NOTEBOOKS = sorted(SOLUTIONS.glob("*/handout.ipynb"))
TIME_LIMIT_S = 120                        # seconds, for every handout not listed below
TIME_LIMITS_S = {"a6_pipeline": 180}      # a6 trains about 35 short runs (ablation, clinic): about 100 s idle


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_handout_runs_on_the_reference(path, tmp_path):
    import nbclient
    import nbformat

    limit = TIME_LIMITS_S.get(path.parent.name, TIME_LIMIT_S)
    nb = nbformat.read(path, as_version=4)
    os.environ.setdefault("TRAINKIT_CACHE", str(tmp_path.parent / "trainkit-cache"))
    client = nbclient.NotebookClient(nb, timeout=limit, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    client.execute()
    elapsed = time.monotonic() - start
    print(f"{path.parent.name}/handout.ipynb ran in {elapsed:.1f} s")
    assert elapsed < limit, f"the handout took {elapsed:.0f} s (limit {limit} s)"
    images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                 if "image/png" in o.get("data", {}))
    assert images >= 2, f"the handout showed {images} plots"
