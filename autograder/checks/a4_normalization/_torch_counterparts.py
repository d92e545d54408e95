"""PyTorch's own normalization and clipping: what a4's components may not use (statically) or call (at run time).

Any of torch's ready-made normalizations does a layer's whole job (layer norm is group norm with one group,
instance norm is batch norm per sample), so every normalization component is barred from all of them.
FORBIDDEN names are looked for in the student's source (autograder/originality.py); *_TORCH_CODE and
*_OPERATORS are torch's code and ATen operators that may not run while the student's component runs
(autograder/torch_use.py), however they were reached. Nothing here is needed to write the components by
hand: plain tensor operations (mean, var, sqrt, clamp_, linalg.vector_norm, _foreach_norm, ...) stay allowed.
"""

NORMALIZATION_FORBIDDEN = [
    "torch.nn.BatchNorm1d", "torch.nn.BatchNorm2d", "torch.nn.BatchNorm3d", "torch.nn.SyncBatchNorm",
    "torch.nn.LazyBatchNorm1d", "torch.nn.LazyBatchNorm2d", "torch.nn.LayerNorm", "torch.nn.GroupNorm",
    "torch.nn.InstanceNorm1d", "torch.nn.InstanceNorm2d", "torch.nn.RMSNorm",
    "torch.nn.modules.batchnorm", "torch.nn.modules.normalization", "torch.nn.modules.instancenorm",
    "torch.nn.functional.batch_norm", "torch.nn.functional.layer_norm", "torch.nn.functional.group_norm",
    "torch.nn.functional.instance_norm",
    "torch.batch_norm", "torch.native_batch_norm", "torch._native_batch_norm_legit",
    "torch._native_batch_norm_legit_no_training", "torch.layer_norm", "torch.native_layer_norm",
    "torch.group_norm", "torch.native_group_norm", "torch.instance_norm",
    "torch.ops.aten.batch_norm", "torch.ops.aten.native_batch_norm", "torch.ops.aten.native_batch_norm_backward",
    "torch.ops.aten.layer_norm", "torch.ops.aten.native_layer_norm", "torch.ops.aten.group_norm",
    "torch.ops.aten.native_group_norm",
]

NORMALIZATION_TORCH_CODE = [
    "torch.nn.modules.batchnorm", "torch.nn.modules.normalization", "torch.nn.modules.instancenorm",
    "torch.nn.functional.batch_norm", "torch.nn.functional.layer_norm", "torch.nn.functional.group_norm",
    "torch.nn.functional.instance_norm", "torch.nn.functional.rms_norm",
    "torch.batch_norm", "torch.native_batch_norm", "torch.layer_norm", "torch.native_layer_norm",
    "torch.group_norm", "torch.native_group_norm", "torch.instance_norm",
]

# The operators that are a normalization whole, whichever path reached them (torch.ops.aten, TorchScript, the
# functional forms above, a C function bound under another name). Their backward operators are listed too.
NORMALIZATION_OPERATORS = [
    "batch_norm", "native_batch_norm", "_native_batch_norm_legit", "_native_batch_norm_legit_no_training",
    "_native_batch_norm_legit_functional", "_batch_norm_with_update", "_batch_norm_with_update_functional",
    "_batch_norm_no_update", "_batch_norm_impl_index", "cudnn_batch_norm", "miopen_batch_norm",
    "native_batch_norm_backward", "batch_norm_backward", "batch_norm_stats", "batch_norm_elemt",
    "layer_norm", "native_layer_norm", "native_layer_norm_backward", "group_norm", "native_group_norm",
    "native_group_norm_backward", "instance_norm", "rms_norm", "_fused_rms_norm",
]

# BatchNormFunction's backward must be written by hand, not obtained from autograd.
# (Static only: the probe itself asks torch.autograd.grad for the gradients, so their running proves nothing.)
AUTOGRAD_FORBIDDEN = ["torch.autograd.grad", "torch.autograd.backward", "torch.autograd.functional", "torch.func"]

CLIPPING_FORBIDDEN = [
    "torch.nn.utils.clip_grad_norm_", "torch.nn.utils.clip_grad_norm", "torch.nn.utils.clip_grad_value_",
    "torch.nn.utils.get_total_norm", "torch.nn.utils.clip_grads_with_norm_", "torch.nn.utils.clip_grad",
]

CLIPPING_TORCH_CODE = ["torch.nn.utils.clip_grad"]  # the whole module: clip_grad_norm_, clip_grad_value_, the norms
