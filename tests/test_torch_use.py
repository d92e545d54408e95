"""The run-time judgement of "merely calls torch" (autograder/torch_use.py) on what the watch reports
(autograder/worker/trace.py), in this process: every declared name exists, ordinary tensor code is never
flagged, torch's own implementation always is, and a report that is not what the worker sends is refused.
The graded evasions are in test_evasions.py."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from autograder import torch_use
from autograder.checks import ASSIGNMENTS
from autograder.worker import trace

COMPONENTS = [(a, c) for a in ASSIGNMENTS.values() for c in a.components()]


def counterpart_of(assignment, component) -> torch_use.Counterpart:
    return torch_use.counterpart(tuple(assignment.torch_code[component]),
                                 tuple(assignment.torch_operators[component]))


@pytest.mark.parametrize("assignment, component", COMPONENTS, ids=[f"{a.name}-{c}" for a, c in COMPONENTS])
def test_every_declared_name_exists_in_this_torch(assignment, component):
    found = counterpart_of(assignment, component)
    assert len(found.code) + len(found.builtins) >= len(assignment.torch_code[component])


def test_a_name_that_does_not_exist_fails_loudly():
    with pytest.raises(ValueError, match="does not exist"):
        torch_use.resolve("torch.optim.Adamm")


CONV = torch.nn.Conv1d(2, 3, 3).double()   # built here: its constructor runs torch's kaiming_uniform_
SGD = torch.optim.SGD(CONV.parameters(), lr=0.1)


def ordinary_tensor_code():
    """What correct solutions do: plain tensor operations, and the torch components the handouts allow."""
    x = torch.randn(6, 4, dtype=torch.float64, requires_grad=True)
    y = (x - x.mean(0)) / (x.var(0, unbiased=False) + 1e-5).sqrt()
    y = y * torch.empty_like(y).bernoulli_(0.5) / 0.5
    loss = F.softmax(y, dim=1).sum() + torch.linalg.vector_norm(x, dim=1).sum() + F.log_softmax(y, 1).mean()
    loss.backward()
    with torch.no_grad():
        buffer = torch.zeros_like(x).lerp_(x.grad, 0.1)
        x.addcdiv_(buffer, buffer.abs().add_(1e-8), value=-0.01)
        torch._foreach_mul_([x], 0.5)
        x.clamp_(min=-1.0).where(x > 0, torch.zeros_like(x))
    CONV(torch.randn(2, 2, 8, dtype=torch.float64)).sum().backward()   # a6's model may use nn.Conv1d
    SGD.step()   # a schedule's check drives torch's SGD


def test_ordinary_tensor_code_is_never_torchs_implementation_of_any_component():
    _, ran = trace.run_watched(ordinary_tensor_code, operators=True)
    assert ran["operators"] and ran["builtins"] and ran["torch_code"], "the watch saw nothing"
    assert ran["tampered"] == []
    flagged = {f"{a.name}/{c}": torch_use.verdict(c, counterpart_of(a, c), ran) for a, c in COMPONENTS
               if (a.name, c) not in {("a2_optimizers", "SGD"), ("a6_pipeline", "train")}}  # torch's SGD ran
    assert {k: v for k, v in flagged.items() if v} == {}


@pytest.mark.parametrize("run, component, named", [
    (lambda: F.gelu(torch.randn(3)), "gelu", "torch._C._nn.gelu"),
    (lambda: torch.ops.aten.native_batch_norm(torch.randn(4, 3), None, None, None, None, True, 0.1, 1e-5),
     "BatchNorm1d", "aten::native_batch_norm"),
    (lambda: torch.nn.init.kaiming_normal_(torch.empty(3, 4)), "kaiming_normal_",
     "torch.nn.init.kaiming_normal_"),
    (lambda: torch.randn(3, 4).renorm(2, 0, 1.0), "max_norm_", "aten::renorm"),
])
def test_torchs_own_implementation_is_named_in_the_feedback(run, component, named):
    assignment = next(a for a in ASSIGNMENTS.values() if component in a.components())
    _, ran = trace.run_watched(run, operators=True)
    message = torch_use.verdict(component, counterpart_of(assignment, component), ran)
    assert message and named in message and "no credit" in message


@pytest.mark.parametrize("report", [None, "nothing", {}, {"torch_code": "torch/optim/adam.py"},
                                    {k: [1] for k in torch_use.REPORT_FIELDS}])
def test_a_malformed_report_earns_nothing_and_never_raises(report):
    found = counterpart_of(ASSIGNMENTS["a2_optimizers"], "Adam")
    assert "malformed" in torch_use.verdict("Adam", found, report)


def test_a_copy_of_torchs_code_is_recognised_by_its_bytecode():
    import inspect
    import torch.optim.lr_scheduler as schedulers
    namespace = dict(vars(schedulers))
    exec(compile(inspect.getsource(schedulers.CosineAnnealingLR), "elsewhere.py", "exec"), namespace)
    copy, original = namespace["CosineAnnealingLR"].get_lr.__code__, schedulers.CosineAnnealingLR.get_lr.__code__
    assert copy.co_filename != original.co_filename
    assert trace.fingerprint(copy) == trace.fingerprint(original)
    assert trace.fingerprint(copy) != trace.fingerprint(schedulers.StepLR.get_lr.__code__)
