"""train written differently: its own shuffling with torch.randperm, zero_grad(set_to_none=False) at the end of
each batch (the gradients are zero before the next backward all the same), the stopper's state saved field by
field, last.pt written before best.pt, and the loop ended by a while condition."""
import os
import time

import torch

from components import EarlyStopping, clip_grad_norm_, load_checkpoint, save_checkpoint
from trainkit.seeding import seed_everything

COMPONENT = "train"
FILE = "pipeline.py"


def train_epoch(model, optimizer, scheduler, data, config, generator):
    model.train()
    n = len(data.train.y)
    order = torch.randperm(n, generator=generator, device=generator.device).to(data.train.x.device)
    total, count = 0.0, 0
    for start in range(0, n, config.batch_size):
        index = order[start:start + config.batch_size]
        inputs, labels = augment(data.train.x[index], config, generator), data.train.y[index]
        loss = label_smoothing_cross_entropy(model(inputs), labels, config.label_smoothing)
        loss.backward()
        if config.clip_norm:
            clip_grad_norm_(list(model.parameters()), max_norm=config.clip_norm)
        optimizer.step()
        optimizer.zero_grad(set_to_none=False)
        if scheduler:
            scheduler.step()
        total += float(loss) * len(labels)
        count += len(labels)
    return total / count, count


STOPPER_FIELDS = ("best", "best_epoch", "best_state", "num_bad_steps", "num_steps")


def train(model, data, config, checkpoint_dir=None, resume=False):
    device = next(model.parameters()).device
    data = data.to(device)
    steps_per_epoch = -(-len(data.train.y) // config.batch_size)
    seed_everything(config.seed)
    generator = torch.Generator(device=device)
    generator.manual_seed(config.seed)
    optimizer = build_optimizer(model, config)
    scheduler = build_scheduler(optimizer, config, config.epochs * steps_per_epoch)
    stopper = EarlyStopping(patience=config.patience if config.patience else config.epochs + 1,
                            min_delta=config.min_delta)
    history = {"epoch": [], "train_loss": [], "val_loss": [], "val_accuracy": [], "lr": [], "seconds": [],
               "examples": []}
    epoch = 0
    paths = None
    if checkpoint_dir:
        os.makedirs(checkpoint_dir, exist_ok=True)
        paths = {name: os.path.join(checkpoint_dir, name) for name in ("last.pt", "best.pt")}
        if resume and os.path.isfile(paths["last.pt"]):
            extra = load_checkpoint(paths["last.pt"], model, optimizer=optimizer, scheduler=scheduler,
                                    map_location=device)
            epoch = extra["epoch"] + 1
            history = extra["history"]
            generator.set_state(extra["generator"].to("cpu"))
            for field in STOPPER_FIELDS:
                setattr(stopper, field, extra["stopper"][field])
    stop = False
    while epoch < config.epochs and not stop:
        began = time.time()
        mean_loss, n = train_epoch(model, optimizer, scheduler, data, config, generator)
        val = evaluate(model, [(data.val.x[i:i + 200], data.val.y[i:i + 200]) for i in range(0, len(data.val.y), 200)])
        for key, value in zip(("epoch", "train_loss", "val_loss", "val_accuracy", "lr"),
                              (epoch, mean_loss, val[0], val[1], optimizer.param_groups[0]["lr"])):
            history[key].append(value)
        history["seconds"].append(time.time() - began)
        history["examples"].append(sum(history["examples"][-1:]) + n)
        stop = stopper.step(val[0], model)
        if paths:
            save_checkpoint(paths["last.pt"], model, optimizer, scheduler, epoch=epoch, history=history,
                            generator=generator.get_state(),
                            stopper={field: getattr(stopper, field) for field in STOPPER_FIELDS})
            if stopper.best_epoch == epoch:
                save_checkpoint(paths["best.pt"], model, epoch=epoch, val_loss=val[0], val_accuracy=val[1])
        epoch += 1
    stopper.restore(model)
    history["best_epoch"] = stopper.best_epoch
    return history
