"""Adam amsgrad keeping the maximum of the bias-corrected v̂ instead of the raw v: with amsgrad the early,
large v̂ stay the maximum, so the steps are too small."""
COMPONENT = "Adam"
FILE = "optimizers.py"
HINT = ("With amsgrad=True your steps differ: torch keeps the running maximum of the raw second "
        "moment v and bias-corrects that maximum with the current step's (1 - β2^t). Re-read handout "
        "section 4 (AMSGrad).")
CHANGES = [("exp_avg_sq, out=", "exp_avg_sq / bias_correction2, out="),
           ('second_moment = state["max_exp_avg_sq"]\n',
            'second_moment = state["max_exp_avg_sq"] * bias_correction2\n')]
