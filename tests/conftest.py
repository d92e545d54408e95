import sys
from pathlib import Path

import torch

# Tests run beside each other on a 2-core machine; one thread each keeps them from fighting.
torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parent))

# `make test` runs the suite in two processes, each taking whole files (pytest-xdist, --dist loadfile), handed
# out in collection order. The longest files go first, so that neither process is left with one at the end.
LONGEST_FIRST = ["test_handouts.py", "test_grader_corpus.py", "test_examples.py", "test_grader_isolation.py",
                 "test_grade_class.py", "test_single_source.py", "test_nbgrader_roundtrip.py", "test_html_report.py"]


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)
    items.sort(key=rank)   # stable: within a file, and among the rest, the order stays as collected
