"""Hidden checks for the Dropout layer (autograder/checks/a5_regularization).

The probe (worker/probes/regularization.py, dropout_module) runs Dropout(p) twice in training mode (the two
masks must be independent draws), once after .eval() (the identity), once with inplace=True (the result is
written into the input, which is returned), and constructs it with an invalid p. _dropout_samples.py judges
each sample as for the dropout function.
"""
from ...check import Check
from .dropout import describe_dropout_path, dropout_inputs
from ._dropout_samples import compare_dropout
from ._torch_counterparts import DROPOUT_FORBIDDEN, DROPOUT_OPERATORS, DROPOUT_TORCH_CODE

COMPONENT = "Dropout"
FORBIDDEN = DROPOUT_FORBIDDEN
TORCH_CODE = DROPOUT_TORCH_CODE
TORCH_OPERATORS = DROPOUT_OPERATORS

CHECKS = [
    Check(COMPONENT, "p=0.4: train and eval mode, two calls, inplace=True, invalid p", 5,
          "regularization.dropout_module", dropout_inputs(5200, 0.4), describe_path=describe_dropout_path,
          compare=compare_dropout, device_proxy=True),
    Check(COMPONENT, "p=0.15 on a 3-d input", 3, "regularization.dropout_module",
          dropout_inputs(5201, 0.15, shape=(25, 40, 100), invalid_ps=(-0.5,)), describe_path=describe_dropout_path,
          compare=compare_dropout),
]
