"""The benchmark autoencoder in PyTorch: 2000 -> 512 -> 128 -> 32 -> 128 -> 512 -> 2000, ReLU, MSE, Adam 1e-3,
batch 256, shuffled each epoch. Prints one JSON line with the per-epoch times (same format as EncoderBenchmark).

Usage: /usr/bin/python3 torch_ae.py <rows> <epochs> [threads]
"""
import json
import sys
import time

import torch


def low_rank(n, d, rank, seed):
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(rank, d, generator=g)
    x = 0.1 * torch.randn(n, d, generator=g)
    for start in range(0, n, 10000):  # in chunks, so that z @ w needs no second n x d temporary
        stop = min(n, start + 10000)
        z = torch.randn(stop - start, rank, generator=g) * 0.25
        x[start:stop] += z @ w
    return x


def main():
    n, epochs = int(sys.argv[1]), int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    d = 2000
    t0 = time.time()
    x = low_rank(n, d, 16, 42)
    generate = time.time() - t0
    sizes = [d, 512, 128, 32, 128, 512, d]
    layers = []
    for i in range(6):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i not in (2, 5):  # linear embedding and output
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    times, losses = [], []
    t1 = time.time()
    for _ in range(epochs):
        start = time.time()
        perm = torch.randperm(n)
        total = 0.0
        for s in range(0, n, 256):
            batch = x[perm[s:s + 256]]
            opt.zero_grad()
            loss = loss_fn(net(batch), batch)
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        times.append(round(time.time() - start, 4))
        losses.append(round(total / n, 6))
    fit = time.time() - t1
    t2 = time.time()
    with torch.no_grad():
        for s in range(0, n, 1024):
            net[:5](x[s:s + 1024])
    transform = time.time() - t2
    print(json.dumps({"impl": "pytorch", "rows": n, "epochs": epochs, "epoch_seconds": times, "losses": losses,
                      "fit_seconds": round(fit, 3), "transform_seconds": round(transform, 3),
                      "generate_seconds": round(generate, 3),
                      "parameters": sum(p.numel() for p in net.parameters()), "threads": torch.get_num_threads(),
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
