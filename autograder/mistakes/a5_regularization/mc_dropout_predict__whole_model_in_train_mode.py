"""mc_dropout_predict that calls model.train(): dropout is on, but so is batch norm's training mode."""
import torch

COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"
HINT = ("Batch norm's running statistics changed during your predictions: model.train() switches EVERY "
        "module to training mode, so batch norm normalizes with the batch's statistics and updates its "
        "running averages. Put the model in eval mode, then switch on only the dropout modules "
        "(handout section 5).")


def mc_dropout_predict(model, x, n_samples=100):
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 for a standard deviation, got {n_samples}")
    was_training = {module: module.training for module in model.modules()}
    model.train()
    try:
        with torch.no_grad():
            samples = torch.stack([model(x) for _ in range(n_samples)])
    finally:
        for module, mode in was_training.items():
            module.training = mode
    return samples.mean(dim=0), samples.std(dim=0)
