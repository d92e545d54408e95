"""dropout without rescaling: survivors are not divided by (1 - p), so E[y] = (1 - p) x, not x."""
import torch

COMPONENT = "dropout"
FILE = "regularization.py"
HINT = ("The kept values have the same size as the input, so the expected output is only (1 - p) times the "
        "input: the network sees smaller activations in training than at test time. Re-read 'inverted "
        "dropout' in handout section 3: what must the survivors be multiplied by so that E[y] = x?")


def dropout(x, p=0.5, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return x
    keep = (torch.rand(x.shape, dtype=x.dtype, device=x.device) >= p).to(x.dtype)
    return x * keep
