"""exp evaluated on every input inside torch.where: right values, but exp(x) overflows for large x and the
gradient there is 0 * inf = NaN."""
COMPONENT = "elu"
FILE = "activations.py"
HINT = ('Your values are right but the gradient becomes NaN for large positive inputs: torch.where '
        'differentiates both branches, exp(x) overflows to inf, and 0 * inf = nan. Only '
        'exponentiate the non-positive inputs. Re-read the activations module docstring and handout'
        ' section 9.')
CHANGES = [("alpha * torch.expm1(non_positive)", "alpha * (torch.exp(input) - 1)")]
