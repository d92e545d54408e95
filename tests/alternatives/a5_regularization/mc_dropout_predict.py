"""mc_dropout_predict with Module.apply to set the modes and torch.var_mean for the statistics."""
import torch

COMPONENT = "mc_dropout_predict"
FILE = "regularization.py"


def mc_dropout_predict(model, x, n_samples=100):
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 for a standard deviation, got {n_samples}")
    modes = [(module, module.training) for module in model.modules()]

    def dropout_on_rest_off(module):
        is_dropout = (isinstance(module, (torch.nn.Dropout, torch.nn.AlphaDropout))
                      or type(module).__name__ in ("Dropout", "AlphaDropout"))
        module.training = is_dropout

    model.apply(dropout_on_rest_off)
    try:
        with torch.inference_mode():
            outputs = [model(x) for _ in range(n_samples)]
    finally:
        for module, mode in modes:
            module.training = mode
    variance, mean = torch.var_mean(torch.stack(outputs), dim=0, correction=1)
    return mean.clone(), variance.sqrt()
