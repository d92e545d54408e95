"""The a6 reference pipeline checked against PyTorch itself.

label_smoothing_cross_entropy against F.cross_entropy(label_smoothing=...); and the whole train() run twice in
float64, once on the course's own components (the a1–a5 references, through components.py) and once with
torch's (torch.optim.AdamW and SGD, torch's OneCycleLR, clip_grad_norm_, BatchNorm1d, relu, dropout, init)
swapped in: the two histories agree to float64 precision. Then the reference's own promises: an interrupted
run resumed from last.pt is bit for bit the uninterrupted one, and best.pt holds the best epoch.
"""
import pytest
import torch
import torch.nn.functional as F

from support import SOLUTIONS
from trainkit.data import Split, Splits
from trainkit.swap import load_a6, own_components, torch_components

FOLDER = SOLUTIONS / "a6_pipeline"


@pytest.fixture(scope="module")
def pipelines():
    """{"own": (model, pipeline) on the course's references, "torch": the same on torch's components}."""
    loaded = {"own": load_a6(FOLDER, own_components(FOLDER)), "torch": load_a6(FOLDER, torch_components(FOLDER))}
    return {tag: (a6.model, a6.pipeline) for tag, a6 in loaded.items()}


def tiny_splits(seed=0):
    g = torch.Generator().manual_seed(seed)
    make = lambda n: Split(torch.randn(n, 24, generator=g, dtype=torch.float64),  # noqa: E731
                           torch.randint(0, 10, (n,), generator=g))
    return Splits(make(96), make(40), make(40))


@pytest.mark.parametrize("smoothing", [0.0, 0.05, 0.3, 1.0])
def test_label_smoothing_cross_entropy_is_torchs(pipelines, smoothing):
    _, pipeline = pipelines["own"]
    g = torch.Generator().manual_seed(1)
    for scale in (1.0, 50.0, 5000.0):
        logits = (scale * torch.randn(13, 7, generator=g, dtype=torch.float64)).requires_grad_(True)
        target = torch.randint(0, 7, (13,), generator=g)
        ours = pipeline.label_smoothing_cross_entropy(logits, target, smoothing)
        theirs = F.cross_entropy(logits, target, label_smoothing=smoothing)
        torch.testing.assert_close(ours, theirs, rtol=1e-12, atol=1e-12)
        torch.testing.assert_close(torch.autograd.grad(ours, logits)[0], torch.autograd.grad(theirs, logits)[0],
                                   rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("options", [
    {"optimizer": "adamw", "schedule": "onecycle", "clip_norm": 0.5, "label_smoothing": 0.1},
    {"optimizer": "sgd", "schedule": "onecycle", "clip_norm": None, "label_smoothing": 0.0, "max_shift": 2},
    {"optimizer": "adamw", "schedule": "constant", "clip_norm": 2.0, "jitter": 0.1, "weight_decay": 0.2},
], ids=["adamw-onecycle-clip", "sgd-onecycle-shift", "adamw-constant-jitter"])
def test_train_on_the_course_components_is_train_on_torchs(pipelines, options):
    histories = {}
    for tag, (model_module, pipeline) in pipelines.items():
        torch.manual_seed(3)
        model = model_module.ResNet1d(channels=8, num_blocks=2).double()   # no dropout: torch draws its masks
        config = pipeline.TrainConfig(epochs=3, batch_size=32, lr=0.02, seed=4, **options)  # in another way
        histories[tag] = pipeline.train(model, tiny_splits(), config)
    for key in ("train_loss", "val_loss", "val_accuracy", "lr"):
        torch.testing.assert_close(torch.tensor(histories["own"][key]), torch.tensor(histories["torch"][key]),
                                   rtol=1e-9, atol=1e-12, msg=f"history[{key!r}]")


class Interrupted(BaseException):
    pass


def test_a_resumed_run_is_the_uninterrupted_run_bit_for_bit(pipelines, tmp_path):
    model_module, pipeline = pipelines["own"]
    config = pipeline.TrainConfig(epochs=4, batch_size=32, lr=0.02, seed=5, max_shift=1, jitter=0.05, patience=3)

    def model(seed):
        torch.manual_seed(seed)
        return model_module.ResNet1d(channels=8, num_blocks=1, dropout=0.2).double()

    full_model = model(0)
    full = pipeline.train(full_model, tiny_splits(), config, checkpoint_dir=tmp_path / "full")
    cut = model(0)
    forwards = []

    def interrupt(module, args):
        forwards.append(module.training)
        if sum(forwards) > 2 * 3:     # 3 training batches per epoch: stop at the first batch of epoch 2
            raise Interrupted

    handle = cut.register_forward_pre_hook(interrupt)
    with pytest.raises(Interrupted):
        pipeline.train(cut, tiny_splits(), config, checkpoint_dir=tmp_path / "cut")
    handle.remove()
    torch.manual_seed(99)                           # the resumed process starts from other random states
    resumed_model = model(1)
    resumed = pipeline.train(resumed_model, tiny_splits(), config, checkpoint_dir=tmp_path / "cut", resume=True)
    assert {k: v for k, v in resumed.items() if k != "seconds"} == {k: v for k, v in full.items() if k != "seconds"}
    for (name, a), b in zip(full_model.state_dict().items(), resumed_model.state_dict().values()):
        assert torch.equal(a, b), name
    best = torch.load(tmp_path / "full" / "best.pt", weights_only=True)
    assert best["epoch"] == full["best_epoch"]
    for name, value in best["model"].items():
        assert torch.equal(value, full_model.state_dict()[name]), f"best.pt's {name} is the returned model's"


def test_final_report_is_the_only_look_at_the_test_split(pipelines):
    model_module, pipeline = pipelines["own"]
    torch.manual_seed(0)
    model = model_module.ResNet1d(channels=8, num_blocks=1).double()
    data = tiny_splits()
    history = pipeline.train(model, data, pipeline.TrainConfig(epochs=2, batch_size=48))
    report = pipeline.final_report(model, data, history)
    model.eval()
    with torch.no_grad():
        logits = model(data.test.x)
    assert report["test_accuracy"] == pytest.approx((logits.argmax(1) == data.test.y).double().mean().item())
    assert report["test_loss"] == pytest.approx(F.cross_entropy(logits, data.test.y).item())
    assert report["example_gradients"] == 2 * 96 and report["epochs_run"] == 2
