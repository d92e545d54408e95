"""mc_dropout_predict without torch.no_grad(): every pass builds an autograd graph nobody uses."""
import torch

COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("Your mean and std carry an autograd graph (requires_grad=True): all n_samples forward passes were "
        "recorded for a backward pass that never comes, which costs memory and time. Prediction needs no "
        "gradients: run the passes under torch.no_grad().")


def _is_dropout(module):
    return (isinstance(module, (torch.nn.Dropout, torch.nn.AlphaDropout))
            or type(module).__name__ in ("Dropout", "AlphaDropout"))


def mc_dropout_predict(model, x, n_samples=100):
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 for a standard deviation, got {n_samples}")
    was_training = {module: module.training for module in model.modules()}
    try:
        model.eval()
        for module in model.modules():
            if _is_dropout(module):
                module.train()
        samples = torch.stack([model(x) for _ in range(n_samples)])
    finally:
        for module, mode in was_training.items():
            module.training = mode
    return samples.mean(dim=0), samples.std(dim=0)
