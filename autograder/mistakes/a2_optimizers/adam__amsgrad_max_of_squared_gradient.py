"""Adam amsgrad taking the maximum of the squared gradients g² instead of the running average v: with amsgrad
the steps are too small."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("With amsgrad=True your steps are too small: AMSGrad keeps the largest second-moment estimate "
        "v seen so far, not the largest squared gradient. Re-read handout section 4 (AMSGrad).")
CHANGES = [('torch.maximum(state["max_exp_avg_sq"], exp_avg_sq,',
            'torch.maximum(state["max_exp_avg_sq"], grad * grad,')]
