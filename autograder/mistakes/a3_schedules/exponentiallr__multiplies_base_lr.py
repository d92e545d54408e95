"""ExponentialLR multiplying the base rate (not the current one) by gamma: it decays once, then stalls."""
COMPONENT = "ExponentialLR"
FILE = "schedules.py"
HINT = ("Your rate decays once and then stays put. In the recursive form the new rate is the *current* "
        "rate times gamma; base_lrs never change. (Or use the closed form eta_0 * gamma^t.) Re-read "
        "handout section 3 (exponential decay).")
CHANGES = [('return [group["lr"] * self.gamma for group in self.optimizer.param_groups]',
            "return [base_lr * self.gamma for base_lr in self.base_lrs]")]
