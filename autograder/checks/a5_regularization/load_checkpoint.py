"""Hidden checks for load_checkpoint (autograder/checks/a5_regularization).

The probe (worker/probes/callbacks.py, resume) trains a tiny model with dropout, SGD with momentum and a step schedule,
saves a checkpoint midway, then loads it into freshly built objects with other weights and other random states
and trains on: the resumed run must equal the uninterrupted one bit for bit (_checkpoint_runs.py), and
load_checkpoint must return {"epoch": epoch, **extra}.
"""
from ...check import Check
from ._checkpoint_runs import compare_resume, run_inputs

COMPONENT = "load_checkpoint"
FORBIDDEN = []   # torch.load is the tool to use
TORCH_CODE = []

CHECKS = [
    Check(COMPONENT, "resume after 2 of 5 epochs: model, optimizer, scheduler, RNG, epoch and extras", 4,
          "callbacks.resume", run_inputs(6000), describe_path=lambda path: "the resumed run",
          compare=compare_resume, dtypes=("float64",), cpu_only=True),
    Check(COMPONENT, "resume after 3 of 5 epochs (a learning-rate step right after the restart)", 2,
          "callbacks.resume", run_inputs(6001, epochs=5, save_after=3),
          describe_path=lambda path: "the resumed run", compare=compare_resume, dtypes=("float64",), cpu_only=True),
]
