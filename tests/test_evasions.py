"""Running torch's own implementation earns nothing, however it is reached (issue 14): the run-time trace.

Each evasion is what a determined student might write to get torch's code past the static scan: names built
at run time, torch's class captured at import, a subclass made with type(), importlib, __subclasses__,
torch.ops.aten, torch._C._nn, torch._VF, a private kernel, a C function bound under a new name, torch's source
compiled again under another file name, TorchScript, and attacks on the watch itself. It is appended to the
reference file, replacing one component. The test: that component earns nothing and the feedback says what
ran; a bystander component of the same file keeps full marks; and (where `earns_untraced`) the same
submission graded without the trace does earn points, so it is the trace, not a slip, that catches it.
"""
from __future__ import annotations

import concurrent.futures
import functools
from dataclasses import dataclass

import pytest

from grading import grade_files, reference_files, scores


@dataclass(frozen=True)
class Evasion:
    assignment: str
    file: str
    component: str
    bystander: str       # another component of the same file, which must keep its marks
    code: str            # appended to the reference file
    shows: str           # what the feedback must name
    earns_untraced: bool = True


HEADER = "\n\nimport importlib, inspect, sys\nimport torch\n"

EVASIONS = {
    "gelu through a name built at run time": Evasion(
        "a1_initialization", "activations.py", "gelu", "relu", '''
_F = getattr(getattr(torch, "n" + "n"), "func" + "tional")
def gelu(input, approximate="none"):
    return getattr(_F, "ge" + "lu")(input, approximate=approximate)
''', "torch._C._nn.gelu"),
    "relu captured at import": Evasion(
        "a1_initialization", "activations.py", "relu", "gelu", '''
_k = vars(torch)["re" + "lu"]
def relu(input, inplace=False):
    return input.copy_(_k(input)) if inplace else _k(input)
''', "torch.relu"),
    "kaiming_normal_ through importlib": Evasion(
        "a1_initialization", "initializers.py", "kaiming_normal_", "xavier_uniform_", '''
_init = importlib.import_module("torch.nn." + "init")
def kaiming_normal_(*args, **kwargs):
    return getattr(_init, "kaiming_" + "normal_")(*args, **kwargs)
''', "torch.nn.init.kaiming_normal_"),
    "Adam as a subclass made with type()": Evasion(
        "a2_optimizers", "optimizers.py", "Adam", "SGD", '''
Adam = type("Adam", (getattr(torch.optim, "Ad" + "am"),), {})
''', "torch.optim.adam.Adam"),
    "Adagrad found through __subclasses__": Evasion(
        "a2_optimizers", "optimizers.py", "Adagrad", "Adam", '''
Adagrad = next(c for c in torch.optim.Optimizer.__subclasses__() if c.__name__ == "Ada" + "grad")
''', "torch.optim.adagrad.Adagrad"),
    "SGD on torch's private _single_tensor_sgd kernel": Evasion(
        "a2_optimizers", "optimizers.py", "SGD", "Adam", '''
_kernels = importlib.import_module("torch.optim." + "sgd")
_ReferenceSGD = SGD
class SGD(_ReferenceSGD):
    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            buffers = [self.state[p].get("momentum_buffer") for p in params]
            getattr(_kernels, "_single_tensor_" + "sgd")(
                params, [p.grad for p in params], buffers, None, None, weight_decay=group["weight_decay"],
                momentum=group["momentum"], lr=group["lr"], dampening=group["dampening"],
                nesterov=group["nesterov"], maximize=group["maximize"], has_sparse_grad=False)
            if group["momentum"] != 0:
                for p, buffer in zip(params, buffers):
                    self.state[p]["momentum_buffer"] = buffer
''', "torch.optim.sgd._single_tensor_sgd"),
    "StepLR captured from vars() of the module": Evasion(
        "a3_schedules", "schedules.py", "StepLR", "ExponentialLR", '''
_S = vars(importlib.import_module("torch.optim.lr_" + "scheduler"))["Step" + "LR"]
class StepLR(_S):
    pass
''', "torch.optim.lr_scheduler.StepLR"),
    "CosineAnnealingLR: torch's source compiled under another name": Evasion(
        "a3_schedules", "schedules.py", "CosineAnnealingLR", "StepLR", '''
_ls = importlib.import_module("torch.optim.lr_" + "scheduler")
_namespace = dict(vars(_ls))
exec(compile(inspect.getsource(getattr(_ls, "CosineAnnealing" + "LR")), "my_own_schedules.py", "exec"), _namespace)
CosineAnnealingLR = _namespace["CosineAnnealing" + "LR"]
''', "a copy of torch.optim.lr_scheduler.CosineAnnealingLR.get_lr"),
    "BatchNorm1d through torch.ops.aten": Evasion(
        "a4_normalization", "normalization.py", "BatchNorm1d", "LayerNorm", '''
_aten = getattr(torch.ops, "at" + "en")
_ReferenceBatchNorm1d = BatchNorm1d
class BatchNorm1d(_ReferenceBatchNorm1d):
    def forward(self, input):
        stats = self.track_running_stats
        return getattr(_aten, "native_batch" + "_norm")(
            input, self.weight, self.bias, self.running_mean if stats else None,
            self.running_var if stats else None, self.training or not stats, self.momentum or 0.1, self.eps)[0]
''', "aten::native_batch_norm", earns_untraced=False),
    "LayerNorm through TorchScript (only the operator watch sees inside)": Evasion(
        "a4_normalization", "normalization.py", "LayerNorm", "BatchNorm1d", '''
_unit = torch.jit.CompilationUnit(
    "def ln(x: Tensor, shape: List[int], w: Optional[Tensor], b: Optional[Tensor], eps: float):\\n"
    "    return torch.layer" + "_norm(x, shape, w, b, eps)\\n")
_ReferenceLayerNorm = LayerNorm
class LayerNorm(_ReferenceLayerNorm):
    def forward(self, input):
        return _unit.ln(input, list(self.normalized_shape), self.weight, self.bias, self.eps)
''', "aten::native_layer_norm"),
    "clip_grad_norm_ through importlib": Evasion(
        "a4_normalization", "clipping.py", "clip_grad_norm_", "clip_grad_value_", '''
_clip = importlib.import_module("torch.nn.utils.clip" + "_grad")
def clip_grad_norm_(*args, **kwargs):
    return getattr(_clip, "clip_grad" + "_norm_")(*args, **kwargs)
''', "torch.nn.utils.clip_grad.clip_grad_norm_"),
    "dropout through torch._VF": Evasion(
        "a5_regularization", "regularization.py", "dropout", "l1_penalty", '''
_VF = getattr(torch, "_" + "VF")
def dropout(x, p=0.5, training=True):
    return getattr(_VF, "drop" + "out")(x, p, training)
''', "torch.dropout", earns_untraced=False),
    "max_norm_ on a C function bound under a new name": Evasion(
        "a5_regularization", "regularization.py", "max_norm_", "l2_penalty", '''
_rows_at_most = getattr(torch.Tensor, "re" + "norm_")
def max_norm_(weight, max_norm):
    with torch.no_grad():
        return _rows_at_most(weight, 2, 0, max_norm)
''', "torch._C.TensorBase.renorm_", earns_untraced=False),
    "label smoothing through torch._C._nn": Evasion(
        "a6_pipeline", "pipeline.py", "label_smoothing_cross_entropy", "random_shift", '''
_nn = getattr(torch._C, "_" + "nn")
def label_smoothing_cross_entropy(logits, target, smoothing=0.0):
    return getattr(_nn, "cross_entropy" + "_loss")(logits, target, None, 1, -100, smoothing)
''', "torch._C._nn.cross_entropy_loss"),
    "the tracer's own function rebound at import (its helpers were bound before)": Evasion(
        "a2_optimizers", "optimizers.py", "Adam", "SGD", '''
_trace = sys.modules["autograder.worker.trace"]
_trace.run_watched = lambda function, operators: (function(), {
    "torch_code": [], "copies": [], "builtins": [], "operators": [], "tampered": []})
Adam = getattr(torch.optim, "Ad" + "am")
''', "torch.optim.adam.Adam", earns_untraced=False),
    "the tracer's report rebound during the run": Evasion(
        "a5_regularization", "regularization.py", "l1_penalty", "l2_penalty", '''
def l1_penalty(params, lam):
    sys.modules["autograder.worker.trace"]._report = lambda trace: {}
    return lam * sum(p.abs().sum() for p in params)
''', "rebound (_report)", earns_untraced=False),
    "the profiler switched off": Evasion(
        "a2_optimizers", "optimizers.py", "SGD", "Adam", '''
class SGD(getattr(torch.optim, "S" + "GD")):
    def step(self, closure=None):
        sys.setprofile(None)
        return super().step(closure)
''', "sys.setprofile", earns_untraced=False),
    "the profile cleared": Evasion(
        "a3_schedules", "schedules.py", "ExponentialLR", "StepLR", '''
class ExponentialLR(getattr(importlib.import_module("torch.optim.lr_" + "scheduler"), "Exponential" + "LR")):
    def get_lr(self):
        sys.getprofile().clear()
        return super().get_lr()
''', "profile was cleared", earns_untraced=False),
    "the operator watch popped off the dispatch stack": Evasion(
        "a1_initialization", "activations.py", "gelu", "relu", '''
_pop = getattr(torch._C, "_pop_torch_" + "dispatch_stack")
_F = getattr(getattr(torch, "n" + "n"), "func" + "tional")
def gelu(input, approximate="none"):
    try:
        _pop()
    except Exception:
        pass
    return getattr(_F, "ge" + "lu")(input, approximate=approximate)
''', "_pop_torch_dispatch_stack", earns_untraced=False),
}


def submission(evasion: Evasion) -> dict[str, str]:
    files = reference_files(evasion.assignment)
    files[f"{evasion.assignment}/{evasion.file}"] += HEADER + evasion.code
    return files


@functools.cache
def graded(trace: bool) -> dict:
    """Every evasion graded (first CPU variant of each check, no whole training runs), each in its own worker:
    an evasion that attacks the worker must not reach the next one's grading."""
    names = list(EVASIONS) if trace else [n for n, e in EVASIONS.items() if e.earns_untraced]

    def grade(name):
        e = EVASIONS[name]
        return grade_files(e.assignment, submission(e), components={e.component, e.bystander}, quick=True,
                           checks_per_component=2, trace=trace)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(names, pool.map(grade, names)))


def feedback(results, component: str) -> str:
    return "\n".join(r.output for r in results if r.component == component)


@pytest.mark.parametrize("name", list(EVASIONS))
def test_running_torchs_own_implementation_earns_nothing_and_costs_nothing_else(name):
    e = EVASIONS[name]
    results = graded(True)[name]
    s = scores(results)
    assert s[e.component][0] == 0, f"{name}: the evasion earned points:\n{feedback(results, e.component)}"
    assert e.shows in feedback(results, e.component), feedback(results, e.component)
    assert s[e.bystander][0] == s[e.bystander][1], f"{name}: the bystander lost points:\n" + \
        feedback(results, e.bystander)


@pytest.mark.parametrize("name", [n for n, e in EVASIONS.items() if e.earns_untraced])
def test_without_the_trace_the_evasion_would_earn_points(name):
    e = EVASIONS[name]
    s = scores(graded(False)[name])
    assert s[e.component][0] > 0, f"{name} earns nothing even untraced: it does not show what the trace adds"


def test_every_assignment_is_tried():
    assert {e.assignment for e in EVASIONS.values()} == {
        "a1_initialization", "a2_optimizers", "a3_schedules", "a4_normalization", "a5_regularization",
        "a6_pipeline"}
    assert len(EVASIONS) >= 12
