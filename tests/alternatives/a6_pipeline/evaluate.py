"""evaluate with torch.inference_mode, F.cross_entropy summed over each batch, and tensor accumulators."""
import torch
import torch.nn.functional as F

COMPONENT = "evaluate"
FILE = "pipeline.py"


def evaluate(model, batches):
    mode = model.training
    model.train(False)
    total_loss = total_correct = None
    total = 0
    try:
        with torch.inference_mode():
            for x, y in batches:
                out = model(x)
                loss = F.cross_entropy(out, y, reduction="sum")
                correct = (out.argmax(1) == y).sum()
                total_loss = loss if total_loss is None else total_loss + loss
                total_correct = correct if total_correct is None else total_correct + correct
                total += y.numel()
    finally:
        model.train(mode)
    if total == 0:
        raise ValueError("no batches")
    return total_loss.item() / total, total_correct.item() / total
