"""The benchmark convolutional autoencoder in PyTorch, layer for layer the engine's CAE (ConvNetwork) with filters
16, 8 on 28 x 28 x 1 images:
  conv 3x3 1->16 ReLU, max-pool 2 | conv 3x3 16->8 ReLU, max-pool 2 | linear 392->10 (embedding)
  linear 10->392 ReLU | upsample 2 (nearest), conv 3x3 8->8 ReLU | upsample 2, conv 3x3 8->16 ReLU | conv 3x3 16->1
MSE summed over the pixels and averaged over the rows (as DL4J's CnnLossLayer), Adam 1e-3, batch 256, shuffled each
epoch. Prints one JSON line with the per-epoch times (same format as CaeBenchmark.java).

Usage: /usr/bin/python3 torch_cae.py <images.f32> <rows> <epochs> [threads]
The images: raw little-endian float32, 784 per image (make_images.py).
"""
import json
import sys
import time

import numpy
import torch


class Cae(torch.nn.Module):
    def __init__(self, filters=(16, 8), embedding=10, side=28):
        super().__init__()
        f1, f2 = filters
        self.encoder_conv = torch.nn.Sequential(
            torch.nn.Conv2d(1, f1, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2, ceil_mode=True),
            torch.nn.Conv2d(f1, f2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2, ceil_mode=True))
        self.small = (side + 3) // 4
        self.embed = torch.nn.Linear(f2 * self.small * self.small, embedding)
        self.expand = torch.nn.Linear(embedding, f2 * self.small * self.small)
        self.f2 = f2
        self.decoder_conv = torch.nn.Sequential(
            torch.nn.Upsample(scale_factor=2), torch.nn.Conv2d(f2, f2, 3, padding=1), torch.nn.ReLU(),
            torch.nn.Upsample(scale_factor=2), torch.nn.Conv2d(f2, f1, 3, padding=1), torch.nn.ReLU(),
            torch.nn.Conv2d(f1, 1, 3, padding=1))

    def encode(self, x):
        return self.embed(self.encoder_conv(x).flatten(1))

    def forward(self, x):
        h = torch.relu(self.expand(self.encode(x))).view(-1, self.f2, self.small, self.small)
        return self.decoder_conv(h)


def main():
    path, n, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.from_numpy(numpy.fromfile(path, dtype="<f4")).view(-1, 1, 28, 28)[:n].clone()
    n = x.shape[0]
    net = Cae()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    times, losses = [], []
    t1 = time.time()
    for _ in range(epochs):
        start = time.time()
        perm = torch.randperm(n)
        total = 0.0
        for s in range(0, n, min(256, n)):
            batch = x[perm[s:s + min(256, n)]]
            opt.zero_grad()
            loss = ((net(batch) - batch) ** 2).sum() / len(batch)
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        times.append(round(time.time() - start, 4))
        losses.append(round(total / n, 6))
    fit = time.time() - t1
    t2 = time.time()
    with torch.no_grad():
        for s in range(0, n, 1024):
            net.encode(x[s:s + 1024])
    transform = time.time() - t2
    print(json.dumps({"impl": "pytorch", "rows": n, "epochs": epochs, "epoch_seconds": times, "losses": losses,
                      "fit_seconds": round(fit, 3), "transform_seconds": round(transform, 3),
                      "parameters": sum(p.numel() for p in net.parameters()), "threads": torch.get_num_threads(),
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
