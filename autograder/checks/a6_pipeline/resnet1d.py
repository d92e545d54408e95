"""Hidden checks for ResNet1d (autograder/checks/a6_pipeline). Probe: worker/probes/resnet.py.

Built with the student's own ResidualBlock1d and a1–a5 components; judged as _model_runs.py says: the
state_dict's names and shapes (stem, stem_bn, blocks.<i>, head); with given weights loaded, the train-mode
output on [N, C, L], its gradients with respect to the input and every parameter, the running statistics and
the eval-mode output after it, equal to the reference's; the same on a 2-D input [N, L] (read as one channel);
dropout reaching every block (and nothing else: dropout=1.0 in train mode); at initialization: kaiming normal
stem and block convolutions (std sqrt(2 / fan_in), the stem's fans differ 32-fold), an xavier uniform head
with bias 0, batch norms at γ = 1 and β = 0 except each block's bn2.weight, 0 with zero_init_residual=True
(every block then the identity on non-negative signals) and 1 with False.
"""
from ...check import Check
from ._model_runs import (compare_dropout, compare_forward, describe_for, dropout_inputs, forward_inputs,
                         init_compare, init_inputs)
from ._torch_counterparts import MODEL_FORBIDDEN, MODEL_OPERATORS, MODEL_TORCH_CODE

COMPONENT = "ResNet1d"
FORBIDDEN = MODEL_FORBIDDEN
TORCH_CODE = MODEL_TORCH_CODE
TORCH_OPERATORS = MODEL_OPERATORS

FORWARD = {"in_channels": 3, "channels": 8, "num_blocks": 2, "num_classes": 5}
FLAT = {"in_channels": 1, "channels": 6, "num_blocks": 1, "num_classes": 4}
DROPOUT = {"in_channels": 2, "channels": 4, "num_blocks": 2, "num_classes": 3}
INIT = {"in_channels": 4, "channels": 128, "num_blocks": 2, "num_classes": 250}
INIT_PLAIN = INIT | {"num_blocks": 1, "zero_init_residual": False}

CHECKS = [
    Check(COMPONENT, "[N, C, L] signals, 2 blocks: train and eval forward, gradients, running statistics", 2.5,
          "resnet.forward", forward_inputs(6300, COMPONENT, FORWARD, (6, 3, 24)),
          describe_path=describe_for(COMPONENT, FORWARD, (6, 3, 24)), compare=compare_forward, device_proxy=True),
    Check(COMPONENT, "[N, L] signals (one channel)", 1, "resnet.forward", forward_inputs(6301, COMPONENT, FLAT, (5, 40)),
          describe_path=describe_for(COMPONENT, FLAT, (5, 40)), compare=compare_forward),
    Check(COMPONENT, "dropout: off in eval mode, random in train mode, inside every block", 1, "resnet.dropout",
          dropout_inputs(6302, COMPONENT, DROPOUT, (6, 2, 18)), describe_path=describe_for(COMPONENT, DROPOUT, (6, 2, 18)),
          compare=compare_dropout),
    Check(COMPONENT, "initialization, zero_init_residual=True: He convolutions, Xavier head, blocks the identity", 1.5,
          "resnet.init", init_inputs(6303, COMPONENT, INIT, nonnegative_shape=(3, 128, 20)),
          describe_path=describe_for(COMPONENT, INIT), compare=init_compare(uniform=("head.weight",)),
          dtypes=("float32",)),
    Check(COMPONENT, "initialization, zero_init_residual=False: every batch norm γ = 1", 1, "resnet.init",
          init_inputs(6304, COMPONENT, INIT_PLAIN, nonnegative_shape=(3, 128, 20)),
          describe_path=describe_for(COMPONENT, INIT_PLAIN), compare=init_compare(uniform=("head.weight",)),
          dtypes=("float32",)),
]
