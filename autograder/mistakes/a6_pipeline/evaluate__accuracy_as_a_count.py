"""The number of correct predictions returned instead of the fraction."""
COMPONENT = "evaluate"
FILE = "pipeline.py"
HINT = "Your accuracy is a count of correct predictions: divide by the number of examples (a fraction in [0, 1])."
CHANGES = [("    return loss_sum / count, correct / count\n", "    return loss_sum / count, correct\n")]
