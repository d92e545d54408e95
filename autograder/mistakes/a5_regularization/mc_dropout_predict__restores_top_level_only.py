"""mc_dropout_predict that restores modes with model.train(was_training), flattening mixed modes."""
import torch

COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("A model whose modules were in different modes (say, a frozen batch norm in eval mode inside a "
        "model being trained) came back with every module in the same mode. model.train(flag) sets ALL "
        "submodules; remember and restore each module's own training flag.")


def _is_dropout(module):
    return (isinstance(module, (torch.nn.Dropout, torch.nn.AlphaDropout))
            or type(module).__name__ in ("Dropout", "AlphaDropout"))


def mc_dropout_predict(model, x, n_samples=100):
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 for a standard deviation, got {n_samples}")
    was_training = model.training
    try:
        model.eval()
        for module in model.modules():
            if _is_dropout(module):
                module.train()
        with torch.no_grad():
            samples = torch.stack([model(x) for _ in range(n_samples)])
    finally:
        model.train(was_training)
    return samples.mean(dim=0), samples.std(dim=0)
