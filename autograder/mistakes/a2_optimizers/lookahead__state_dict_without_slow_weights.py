"""Lookahead whose state_dict holds only the inner optimizer's state (no slow weights, no counter): a resumed
run forgets where the slow weights were and when the next sync is due."""
COMPONENT = "Lookahead"
FILE = "optimizers.py"
HINT = ("Your Lookahead does not resume correctly from a state_dict: the slow weights and the count "
        "of fast steps are part of its state, next to the inner optimizer's. Re-read handout section "
        "7 (saving and loading).")
CHANGES = [('            "slow_params": {index: self.state[p]["slow_param"]\n'
            "                            for index, p in enumerate(params) if p in self.state},\n"
            '            "fast_steps": self.fast_steps,\n',
            ""),
           ('        for index, slow in state_dict["slow_params"].items():\n'
            "            p = params[int(index)]\n"
            '            self.state[p]["slow_param"] = slow.to(device=p.device, dtype=p.dtype, copy=True)\n'
            '        self.fast_steps = state_dict["fast_steps"]',
            "        self.fast_steps = 0")]
