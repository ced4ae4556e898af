"""Writes the benchmark images as raw little-endian float32, 784 values (28 x 28, row by row) per image, in [0, 1]:
  <out>/breastmnist.f32  the 780 BreastMNIST images of ../shared/data (pixel / 255), when that folder exists
  <out>/synthetic.f32    <rows> synthetic images: 7 x 7 uniform noise upsampled bilinearly to 28 x 28 plus 5 % noise
Both sides of the benchmark read the same file. Usage: /usr/bin/python3 make_images.py <out> <rows> [data_dir]
"""
import gzip
import os
import sys

import numpy


def synthetic(n, seed):
    rng = numpy.random.default_rng(seed)
    base = rng.random((n, 7, 7), dtype=numpy.float32)
    # bilinear upsampling by 4 (separable linear interpolation, edge values held)
    grid = (numpy.arange(28) + 0.5) / 4 - 0.5
    lo = numpy.clip(numpy.floor(grid).astype(int), 0, 6)
    hi = numpy.clip(lo + 1, 0, 6)
    t = numpy.clip(grid - lo, 0, 1).astype(numpy.float32)
    rows = base[:, lo, :] * (1 - t)[None, :, None] + base[:, hi, :] * t[None, :, None]
    img = rows[:, :, lo] * (1 - t)[None, None, :] + rows[:, :, hi] * t[None, None, :]
    img += 0.05 * rng.random((n, 28, 28), dtype=numpy.float32)
    return numpy.clip(img, 0, 1).reshape(n, 784).astype("<f4")


def main():
    out, rows = sys.argv[1], int(sys.argv[2])
    data_dir = sys.argv[3] if len(sys.argv) > 3 else "/work/shared/data"
    os.makedirs(out, exist_ok=True)
    synthetic(rows, 42).tofile(os.path.join(out, "synthetic.f32"))
    csv = os.path.join(data_dir, "breastmnist", "data.csv.gz")
    if os.path.exists(csv):
        with gzip.open(csv, "rt") as f:
            header = f.readline().strip().split(",")
            pixels = [i for i, h in enumerate(header) if h.startswith("p")]
            x = numpy.loadtxt(f, delimiter=",", dtype=numpy.float64, ndmin=2, usecols=pixels)
        (x / 255.0).astype("<f4").tofile(os.path.join(out, "breastmnist.f32"))


if __name__ == "__main__":
    main()
