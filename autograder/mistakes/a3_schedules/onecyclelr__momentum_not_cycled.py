"""OneCycleLR that anneals the rate but leaves momentum (or Adam's beta1) at max_momentum throughout."""
COMPONENT = "OneCycleLR"
FILE = "schedules.py"
HINT = ("Your learning rates are right but the momentum never moves: with cycle_momentum, 1cycle anneals "
        "momentum (group['momentum'] for SGD, group['betas'][0] for Adam) opposite to the rate, from "
        "max_momentum down to base_momentum and back, phase by phase. Re-read the OneCycleLR table "
        "(handout section 8).")
CHANGES = [("if self.cycle_momentum:", "if False:")]
