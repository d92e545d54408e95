"""mc_dropout_predict that switches dropout on and the rest to eval, and leaves the model like that."""
import torch

COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("After your call the model is left in a different mode than before (e.g. dropout still on in a model "
        "that was in eval mode, or batch norm frozen in a model that was training). Record every module's "
        "training flag first and put each one back afterwards, even if the forward pass raises.")


def _is_dropout(module):
    return (isinstance(module, (torch.nn.Dropout, torch.nn.AlphaDropout))
            or type(module).__name__ in ("Dropout", "AlphaDropout"))


def mc_dropout_predict(model, x, n_samples=100):
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 for a standard deviation, got {n_samples}")
    model.eval()
    for module in model.modules():
        if _is_dropout(module):
            module.train()
    with torch.no_grad():
        samples = torch.stack([model(x) for _ in range(n_samples)])
    return samples.mean(dim=0), samples.std(dim=0)
