"""PyTorch run of the engine's seeded training, for tests/Hltad.Tests/Engine/TorchParityTests.cs.

Re-implements, independently of the C# code, everything the engine's documentation defines:
xoshiro256** seeded by SplitMix64, the toy events of SyntheticEvents.cs, the Glorot-uniform initial
weights (same draws), the per-epoch Fisher-Yates shuffles, the counter-hash dropout masks, Keras batch
norm (biased batch variance, momentum 0.99, eps 1e-3), the masked weighted loss with L2, Keras-form Adam
(epsilon-hat), EarlyStopping and ReduceLROnPlateau. Training runs in float32 with torch autograd, so the
only differences from the engine are floating-point summation orders.

Run:  /usr/bin/python3 tools/reference/engine_torch_parity.py > tests/Hltad.Tests/TestData/engine/torch_parity.json
"""
import json
import math
import sys

import numpy as np
import torch

MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def hash_(key, index):
    return mix((key + (index + 1) * GAMMA) & MASK64)


def mix_np(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def hash_np(key, indices):
    with np.errstate(over="ignore"):
        z = np.uint64(key) + (indices.astype(np.uint64) + np.uint64(1)) * np.uint64(GAMMA)
        return mix_np(z)


class Xoshiro:
    def __init__(self, seed):
        x = seed
        s = []
        for _ in range(4):
            x = (x + GAMMA) & MASK64
            s.append(mix(x))
        self.s = s

    def next(self):
        s0, s1, s2, s3 = self.s
        rotl = lambda v, k: ((v << k) | (v >> (64 - k))) & MASK64
        result = (rotl((s1 * 5) & MASK64, 7) * 9) & MASK64
        t = (s1 << 17) & MASK64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def next_double(self):
        return (self.next() >> 11) * (1.0 / 9007199254740992.0)

    def next_below(self, n):
        return (self.next() * n) >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next_below(i + 1)
            items[i], items[j] = items[j], items[i]


def synthetic_events(seed, count, features=48):
    """SyntheticEvents.Make: arithmetic only, so identical in double on both sides."""
    rng = Xoshiro(seed)
    inputs = np.zeros((count, features), dtype=np.float32)
    for i in range(count):
        z = [rng.next_double() + rng.next_double() + rng.next_double() + rng.next_double() - 2.0 for _ in range(4)]
        for j in range(features):
            a = 1.0 + (j % 5) * 0.25
            b = 0.5 - (j % 3) * 0.25
            c = (j % 7 - 3) * 0.1
            inputs[i, j] = np.float32(z[j % 4] * a + z[(j + 1) % 4] * z[(j + 2) % 4] * b + c)
        for row in range(features // 3):
            if rng.next_double() < 0.3:
                inputs[i, row * 3:row * 3 + 3] = 0.0
    weights = np.array([np.float32(0.5 + rng.next_double()) for _ in range(count)], dtype=np.float32)
    return inputs, weights


def large_layers(features=48, latent=4):
    """The large autoencoder's layer list, as AutoencoderLayers.Build makes it (indices matter for dropout)."""
    layers = []
    width = features

    def block(outputs, dropout):
        nonlocal width
        layers.append(("dense", width, outputs))
        layers.append(("bn", outputs))
        layers.append(("relu", outputs))
        if dropout:
            layers.append(("dropout", outputs, len(layers)))
        width = outputs

    for w in [100, 100, 64, 32]:
        block(w, True)
    block(latent, False)
    for w in [32, 64, 100, 100]:
        block(w, True)
    layers.append(("dense", width, features))
    return layers


class Network:
    def __init__(self, layers, rng, dropout_rate, l2):
        self.layers = layers
        self.rate = dropout_rate
        self.l2 = l2
        self.params = []   # trainable tensors in registration order
        self.state = {}
        for index, layer in enumerate(layers):
            if layer[0] == "dense":
                n_in, n_out = layer[1], layer[2]
                limit = math.sqrt(6.0 / (n_in + n_out))
                w = np.array([np.float32((2.0 * rng.next_double() - 1.0) * limit) for _ in range(n_in * n_out)],
                             dtype=np.float32).reshape(n_in, n_out)
                kernel = torch.tensor(w, requires_grad=True)
                bias = torch.zeros(n_out, requires_grad=True)
                self.state[index] = (kernel, bias)
                self.params += [kernel, bias]
            elif layer[0] == "bn":
                gamma = torch.ones(layer[1], requires_grad=True)
                beta = torch.zeros(layer[1], requires_grad=True)
                self.state[index] = [gamma, beta, torch.zeros(layer[1]), torch.ones(layer[1])]
                self.params += [gamma, beta]
        self.kernels = [self.state[i][0] for i, l in enumerate(layers) if l[0] == "dense"]

    def forward(self, x, training, dropout_key, step):
        threshold = math.ceil(self.rate * 16777216.0)
        scale = np.float32(1.0 / (1.0 - self.rate))
        for index, layer in enumerate(self.layers):
            kind = layer[0]
            if kind == "dense":
                kernel, bias = self.state[index]
                x = x @ kernel + bias
            elif kind == "bn":
                gamma, beta, moving_mean, moving_var = self.state[index]
                if training:
                    mean = x.mean(0)
                    var = ((x - mean) ** 2).mean(0)
                    with torch.no_grad():
                        moving_mean -= (moving_mean - mean) * np.float32(0.01)
                        moving_var -= (moving_var - var) * np.float32(0.01)
                    x = gamma * ((x - mean) / torch.sqrt(var + np.float32(1e-3))) + beta
                else:
                    s = gamma / torch.sqrt(moving_var + np.float32(1e-3))
                    x = x * s + (beta - moving_mean * s)
            elif kind == "relu":
                x = torch.relu(x)
            elif kind == "dropout" and training and self.rate > 0:
                step_key = hash_(hash_(dropout_key, step), layer[2])
                rows, width = x.shape
                h = hash_np(step_key, np.arange(rows * width, dtype=np.uint64)) >> np.uint64(40)
                multiplier = np.where(h >= np.uint64(threshold), scale, np.float32(0)).astype(np.float32)
                x = x * torch.from_numpy(multiplier.reshape(rows, width))
        return x

    def penalty(self):
        return self.l2 * sum((k ** 2).sum() for k in self.kernels)


def event_losses(y, t):
    mask = ((t != 0) & (t != -999)).float()
    count = mask.sum(1).clamp(min=1)
    return ((mask * (y - t)) ** 2).sum(1) / count


def main():
    config = dict(seed=2024, train_seed=1, train_count=2048, validation_seed=2, validation_count=512,
                  batch_size=256, max_epochs=20, dropout=0.1, l2=1e-3, latent=4,
                  early_stopping_patience=9, lr_patience=6, lr_factor=0.1, lr_min_delta=1e-4, lr=1e-3)
    torch.set_num_threads(1)
    train_x, train_w = synthetic_events(config["train_seed"], config["train_count"])
    val_x, val_w = synthetic_events(config["validation_seed"], config["validation_count"])

    rng = Xoshiro(config["seed"])
    dropout_key = rng.next()
    net = Network(large_layers(latent=config["latent"]), rng, config["dropout"], config["l2"])

    val_t = torch.from_numpy(val_x)
    val_wt = torch.from_numpy(val_w)

    def validation_loss():
        with torch.no_grad():
            y = net.forward(val_t, False, dropout_key, 0)
            return float((event_losses(y, val_t).double() * val_wt.double()).sum() / len(val_w)
                         + float(net.penalty()))

    initial = validation_loss()
    moments = [(torch.zeros_like(p), torch.zeros_like(p)) for p in net.params]
    lr, step, adam_t = config["lr"], 0, 0
    best, best_epoch, wait = math.inf, -1, 0
    lr_best, lr_wait = math.inf, 0
    epochs = []
    for epoch in range(config["max_epochs"]):
        order = list(range(config["train_count"]))
        rng.shuffle(order)
        weighted = 0.0
        for start in range(0, len(order), config["batch_size"]):
            rows = order[start:start + config["batch_size"]]
            x = torch.from_numpy(train_x[rows])
            w = torch.from_numpy(train_w[rows])
            y = net.forward(x, True, dropout_key, step)
            loss = (event_losses(y, x) * w).sum() / len(rows) + net.penalty()
            for p in net.params:
                p.grad = None
            loss.backward()
            adam_t += 1
            alpha = np.float32(lr * math.sqrt(1 - 0.999 ** adam_t) / (1 - 0.9 ** adam_t))
            with torch.no_grad():
                for p, (m, v) in zip(net.params, moments):
                    g = p.grad
                    m += (g - m) * np.float32(1 - 0.9)
                    v += (g * g - v) * np.float32(1 - 0.999)
                    p -= alpha * m / (torch.sqrt(v) + np.float32(1e-7))
            weighted += float(loss) * len(rows)
            step += 1
        val = validation_loss()

        # Keras EarlyStopping then ReduceLROnPlateau.
        wait += 1
        improved = val < best
        if improved:
            best, best_epoch, wait = val, epoch, 0
        used_lr = lr
        if val < lr_best - config["lr_min_delta"]:
            lr_best, lr_wait = val, 0
        else:
            lr_wait += 1
            if lr_wait >= config["lr_patience"]:
                lr, lr_wait = lr * config["lr_factor"], 0
        epochs.append(dict(epoch=epoch + 1, train_loss=weighted / config["train_count"], validation_loss=val,
                           learning_rate=used_lr, improved=improved))
        if wait >= config["early_stopping_patience"] and epoch > 0:
            break

    json.dump(dict(script="tools/reference/engine_torch_parity.py", torch=torch.__version__, config=config,
                   initial_validation_loss=initial, best_validation_loss=best, best_epoch=best_epoch + 1,
                   epochs=epochs), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
