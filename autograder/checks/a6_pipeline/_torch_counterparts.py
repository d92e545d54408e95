"""What a6's components may not use (statically) or call (at run time): PyTorch's own versions of the a1–a5
components the pipeline must take from the student (components.py), and torch's own loss with smoothing.

The lists are the earlier assignments' own, so the two can never disagree. Allowed, as the handout says:
torch.nn.Conv1d, torch.nn.Linear and pooling in the model; plain tensor operations everywhere;
torch.optim.Optimizer and torch.optim.lr_scheduler.LRScheduler as base classes (the student's a2/a3 classes
subclass them).

Known blind spot: train() calling F.cross_entropy(..., label_smoothing=...) instead of the student's own loss
gives the same numbers and is not flagged (evaluate may use F.cross_entropy for the plain loss, so the name
cannot be barred from train's path).
"""
from ..a1_initialization import kaiming_normal, relu, xavier_uniform
from ..a2_optimizers import adamw, sgd
from ..a3_schedules._torch_counterparts import SCHEDULE_FORBIDDEN, SCHEDULE_TORCH_CODE
from ..a4_normalization._torch_counterparts import (CLIPPING_FORBIDDEN, CLIPPING_TORCH_CODE, NORMALIZATION_FORBIDDEN,
                                                   NORMALIZATION_OPERATORS, NORMALIZATION_TORCH_CODE)
from ..a5_regularization._torch_counterparts import DROPOUT_FORBIDDEN, DROPOUT_OPERATORS, DROPOUT_TORCH_CODE

MODEL_FORBIDDEN = (NORMALIZATION_FORBIDDEN + DROPOUT_FORBIDDEN + relu.FORBIDDEN + kaiming_normal.FORBIDDEN
                   + xavier_uniform.FORBIDDEN + ["torchvision.models", "timm"])
MODEL_TORCH_CODE = (NORMALIZATION_TORCH_CODE + DROPOUT_TORCH_CODE + relu.TORCH_CODE + kaiming_normal.TORCH_CODE
                    + xavier_uniform.TORCH_CODE)
MODEL_OPERATORS = NORMALIZATION_OPERATORS + DROPOUT_OPERATORS + relu.TORCH_OPERATORS

TRAIN_FORBIDDEN = sgd.FORBIDDEN + adamw.FORBIDDEN + SCHEDULE_FORBIDDEN + CLIPPING_FORBIDDEN + [
    "pytorch_lightning", "lightning", "ignite", "accelerate", "transformers.Trainer"]
TRAIN_TORCH_CODE = sgd.TORCH_CODE + adamw.TORCH_CODE + SCHEDULE_TORCH_CODE + CLIPPING_TORCH_CODE
TRAIN_OPERATORS = sgd.TORCH_OPERATORS + adamw.TORCH_OPERATORS

LOSS_FORBIDDEN = ["torch.nn.functional.cross_entropy", "torch.nn.CrossEntropyLoss", "torch._C._nn.cross_entropy_loss",
                  "torch.nn.modules.loss"]
LOSS_TORCH_CODE = ["torch.nn.functional.cross_entropy", "torch._C._nn.cross_entropy_loss", "torch.nn.CrossEntropyLoss"]
