"""Public checks for transfer.py. Run one component with e.g. `pytest -m freeze` in this folder.

The network: stem (Conv1d, BatchNorm1d), stem_extra (the same), head (Flatten, Linear). "stem" names the stem
and what is inside it, never stem_extra.
"""
import copy
import io

import pytest
import torch
from torch import nn

from transfer import discriminative_groups, freeze_, unfreeze_


def network():
    torch.manual_seed(0)
    model = nn.Sequential()
    model.add_module("stem", nn.Sequential(nn.Conv1d(2, 3, 3, padding=1), nn.BatchNorm1d(3)))
    model.add_module("stem_extra", nn.Sequential(nn.Conv1d(3, 3, 3, padding=1), nn.BatchNorm1d(3)))
    model.add_module("head", nn.Sequential(nn.Flatten(), nn.Linear(3 * 5, 2)))
    return model


def train_a_little(model, steps=3):
    model.train()
    x, y = torch.randn(4, 2, 5), torch.tensor([0, 1, 0, 1])
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=0.1, weight_decay=0.1)
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()


@pytest.mark.freeze
def test_frozen_layers_do_not_move_in_training():
    model = network()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    assert freeze_(model, ["stem"]) is model
    train_a_little(model)
    after = model.state_dict()
    for name in before:
        moved = not torch.equal(before[name], after[name])
        if name.startswith("stem."):
            assert not moved, f"{name} is frozen but changed (requires_grad, or a batch norm in train mode?)"
        elif not name.endswith("num_batches_tracked"):
            assert moved, f"{name} is not frozen but did not train"


@pytest.mark.freeze
def test_a_frozen_batch_norm_stays_in_eval_mode_through_model_train():
    model = freeze_(network(), "stem")
    model.train()
    assert not model.stem[1].training, "model.train() put the frozen batch norm back in train mode"
    assert model.stem_extra[1].training and model.head.training
    assert not any(p.requires_grad for p in model.stem.parameters())


@pytest.mark.freeze
def test_a_frozen_model_can_be_copied_and_saved_whole():
    model = freeze_(network(), "stem")
    buffer = io.BytesIO()
    torch.save(model, buffer)
    buffer.seek(0)
    for twin in (copy.deepcopy(model), torch.load(buffer, weights_only=False)):
        twin.train()
        assert not twin.stem[1].training, "the copy's frozen batch norm must stay in eval mode too"


@pytest.mark.freeze
def test_an_unknown_prefix_is_an_error():
    with pytest.raises(ValueError):
        freeze_(network(), ["trunk"])


@pytest.mark.unfreeze
def test_unfreezing_restores_learning_and_the_models_mode():
    model = freeze_(network(), ["stem", "stem_extra"])
    model.eval()
    assert unfreeze_(model, ["stem_extra"]) is model
    assert not model.stem_extra[1].training, "unfrozen in eval mode: still eval until model.train()"
    model.train()
    assert model.stem_extra[1].training, "an unfrozen batch norm follows model.train() again"
    assert not model.stem[1].training, "stem is still frozen"
    assert all(p.requires_grad for p in model.stem_extra.parameters())
    assert not any(p.requires_grad for p in model.stem.parameters())


@pytest.mark.discriminative_groups
def test_rates_and_decay_per_parameter():
    model = network()
    freeze_(model, "stem")
    groups = discriminative_groups(model, "head", base_lr=0.01, backbone_factor=0.1, weight_decay=0.05)
    setting = {id(p): (g["lr"], g["weight_decay"]) for g in groups for p in g["params"]}
    assert all(g["params"] for g in groups), "no empty groups"
    assert sum(len(g["params"]) for g in groups) == len(setting), "a parameter is in two groups"
    for name, p in model.named_parameters():
        if name.startswith("stem."):
            assert id(p) not in setting, f"{name} is frozen: it must not be in any group"
            continue
        lr = 0.01 if name.startswith("head.") else 0.01 * 0.1
        decay = 0.05 if p.dim() > 1 else 0.0
        assert setting[id(p)] == pytest.approx((lr, decay)), name


@pytest.mark.discriminative_groups
@pytest.mark.parametrize("bad", [{"head_prefix": "classifier"}, {"base_lr": 0.0}, {"backbone_factor": -1.0},
                                 {"weight_decay": -0.1}])
def test_bad_arguments_are_errors(bad):
    arguments = {"head_prefix": "head", "base_lr": 0.01, "backbone_factor": 0.1, "weight_decay": 0.0, **bad}
    with pytest.raises(ValueError):
        discriminative_groups(network(), **arguments)
