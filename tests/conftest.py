import sys
from pathlib import Path

import torch

# Tests run beside each other on a 2-core machine; one thread each keeps them from fighting.
torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parent))
