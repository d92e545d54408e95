"""SGD written with torch._foreach_ ops over each group's parameters at once (momentum buffers in a list)."""
import torch

COMPONENT = "SGD"
FILE = "optimizers.py"


class SGD(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                                      nesterov=nesterov, maximize=maximize, foreach=foreach,
                                      differentiable=differentiable, fused=fused))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            if not params:
                continue
            grads = [p.grad for p in params]
            if group["maximize"]:
                grads = torch._foreach_neg(grads)
            if group["weight_decay"] != 0:
                grads = torch._foreach_add(grads, params, alpha=group["weight_decay"])
            momentum = group["momentum"]
            if momentum != 0:
                fresh = [i for i, p in enumerate(params) if "momentum_buffer" not in self.state[p]]
                old = [i for i, p in enumerate(params) if "momentum_buffer" in self.state[p]]
                for i in fresh:
                    self.state[params[i]]["momentum_buffer"] = torch.clone(grads[i]).detach()
                if old:
                    bufs = [self.state[params[i]]["momentum_buffer"] for i in old]
                    torch._foreach_mul_(bufs, momentum)
                    torch._foreach_add_(bufs, [grads[i] for i in old], alpha=1 - group["dampening"])
                bufs = [self.state[p]["momentum_buffer"] for p in params]
                if group["nesterov"]:
                    grads = torch._foreach_add(grads, bufs, alpha=momentum)
                else:
                    grads = bufs
            torch._foreach_add_(params, grads, alpha=-group["lr"])
        return loss
