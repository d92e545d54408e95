"""Hidden checks for ResidualBlock1d (autograder/checks/a6_pipeline). Probe: worker/probes/resnet.py.

The block is built with the student's own BatchNorm1d, Dropout, relu and kaiming_normal_ (components.py), so the
checks judge how they are put together (_model_runs.py): the state_dict's names and shapes (conv1, bn1, conv2,
bn2; convolutions without bias, kernel_size with same-length padding); with given weights loaded, the train-mode
output, its gradients with respect to the input and every parameter, the running statistics it leaves and the
eval-mode output after it, all equal to the reference's (kernel_size=5, so a hard-coded padding shows); dropout:
eval mode deterministic, train mode random, and with dropout=1.0 the train-mode output shows that the dropout
sits between the first ReLU and conv2; at initialization: kaiming normal convolutions (std sqrt(2 / fan_in)),
batch norms at γ = 1, β = 0 (the block alone does not zero bn2); an even kernel_size raises ValueError.
"""
from ...check import Check
from ._model_runs import (compare_dropout, compare_forward, describe_for, dropout_inputs, forward_inputs,
                         init_compare, init_inputs)
from ._torch_counterparts import MODEL_FORBIDDEN, MODEL_OPERATORS, MODEL_TORCH_CODE

COMPONENT = "ResidualBlock1d"
FORBIDDEN = MODEL_FORBIDDEN
TORCH_CODE = MODEL_TORCH_CODE
TORCH_OPERATORS = MODEL_OPERATORS

FORWARD = {"channels": 6, "kernel_size": 5}
DROPOUT = {"channels": 5}
INIT = {"channels": 96, "kernel_size": 5}

CHECKS = [
    Check(COMPONENT, "channels=6, kernel_size=5: train and eval forward, gradients, running statistics", 2.5,
          "resnet.forward", forward_inputs(6200, COMPONENT, FORWARD, (8, 6, 20)),
          describe_path=describe_for(COMPONENT, FORWARD, (8, 6, 20)), compare=compare_forward, device_proxy=True),
    Check(COMPONENT, "dropout: off in eval mode, random in train mode, between the first ReLU and conv2", 1,
          "resnet.dropout", dropout_inputs(6201, COMPONENT, DROPOUT, (6, 5, 16)),
          describe_path=describe_for(COMPONENT, DROPOUT, (6, 5, 16)), compare=compare_dropout),
    Check(COMPONENT, "initialization (kaiming normal, fan_in; batch norms 1 and 0); even kernel_size", 1.5,
          "resnet.init", init_inputs(6202, COMPONENT, INIT), describe_path=describe_for(COMPONENT, INIT),
          compare=init_compare(), dtypes=("float32",)),
]
