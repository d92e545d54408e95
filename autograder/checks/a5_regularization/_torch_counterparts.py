"""PyTorch's own dropout and max-norm: what a5's components may not use (statically) or call (at run time).

FORBIDDEN names are looked for in the student's source (autograder/originality.py); *_TORCH_CODE and
*_OPERATORS are torch's code and ATen operators that may not run while the student's component runs
(autograder/torch_use.py), however they were reached. Nothing a correct solution needs is here: torch.rand,
torch.bernoulli, Tensor.bernoulli_, torch.where, norms, torch.save and torch.load all stay allowed.
"""

DROPOUT_FORBIDDEN = [
    "torch.nn.functional.dropout", "torch.nn.functional.dropout1d", "torch.nn.functional.dropout2d",
    "torch.nn.functional.dropout3d", "torch.nn.functional.feature_alpha_dropout",
    "torch.nn.Dropout", "torch.nn.Dropout1d", "torch.nn.Dropout2d", "torch.nn.Dropout3d",
    "torch.nn.modules.dropout", "torch.dropout", "torch.dropout_", "torch.native_dropout",
    "torch.feature_dropout", "torch.ops.aten.dropout", "torch.ops.aten.native_dropout",
]

DROPOUT_TORCH_CODE = [
    "torch.nn.modules.dropout", "torch.nn.functional.dropout", "torch.nn.functional.dropout1d",
    "torch.nn.functional.dropout2d", "torch.nn.functional.dropout3d", "torch.dropout", "torch.dropout_",
    "torch.native_dropout", "torch.feature_dropout",
]
DROPOUT_OPERATORS = ["dropout", "dropout_", "native_dropout", "native_dropout_backward", "feature_dropout",
                     "feature_dropout_"]

ALPHA_DROPOUT_FORBIDDEN = [
    "torch.nn.functional.alpha_dropout", "torch.nn.functional.feature_alpha_dropout", "torch.nn.AlphaDropout",
    "torch.nn.FeatureAlphaDropout", "torch.nn.modules.dropout", "torch.alpha_dropout", "torch.alpha_dropout_",
    "torch.feature_alpha_dropout", "torch.ops.aten.alpha_dropout",
]

ALPHA_DROPOUT_TORCH_CODE = [
    "torch.nn.modules.dropout", "torch.nn.functional.alpha_dropout", "torch.nn.functional.feature_alpha_dropout",
    "torch.alpha_dropout", "torch.alpha_dropout_", "torch.feature_alpha_dropout",
]
ALPHA_DROPOUT_OPERATORS = ["alpha_dropout", "alpha_dropout_", "feature_alpha_dropout", "feature_alpha_dropout_"]

MAX_NORM_FORBIDDEN = ["torch.renorm", "torch.Tensor.renorm", "torch.Tensor.renorm_", "torch.embedding_renorm_",
                      "torch.nn.utils.parametrizations", "torch.ops.aten.renorm"]

MAX_NORM_TORCH_CODE = ["torch.renorm", "torch.Tensor.renorm", "torch.Tensor.renorm_", "torch.embedding_renorm_"]
MAX_NORM_OPERATORS = ["renorm", "renorm_", "embedding_renorm_"]
