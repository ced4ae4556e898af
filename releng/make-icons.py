#!/usr/bin/env python3
"""Draws the 16x16 node and category icons (PNG). Run with a Python that has Pillow; the PNGs are committed."""
import os
from PIL import Image, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "plugins", "org.deepcluster.knime", "src", "main", "java", "org", "deepcluster", "knime", "node")
BLUE, ORANGE, GREEN, GREY = (31, 119, 180, 255), (255, 127, 14, 255), (44, 160, 44, 255), (90, 90, 90, 255)


def dots(draw, pts, colour):
    for x, y in pts:
        draw.ellipse([x - 1.5, y - 1.5, x + 1.5, y + 1.5], fill=colour)


def clusters():
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    dots(d, [(3, 4), (5, 2), (5, 6)], BLUE)
    dots(d, [(11, 4), (13, 6), (10, 7)], ORANGE)
    dots(d, [(6, 12), (9, 13), (7, 14)], GREEN)
    return img


def scorer():
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for i, (h, c) in enumerate([(6, BLUE), (10, ORANGE), (13, GREEN)]):
        x = 2 + i * 5
        d.rectangle([x, 15 - h, x + 3, 15], fill=c)
    d.line([(0, 15), (15, 15)], fill=GREY)
    return img


def generator():
    """A bell curve over scattered points: data drawn from a distribution."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    curve = [(x, 13 - 10 * 2.718281828 ** (-((x - 7.5) ** 2) / 8.0)) for x in range(16)]
    d.line(curve, fill=GREY, width=1)
    dots(d, [(5, 12), (10, 12)], BLUE)
    dots(d, [(7.5, 8)], ORANGE)
    d.line([(0, 15), (15, 15)], fill=GREY)
    return img


def read():
    """A table with a header row: where data enters."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rectangle([1, 2, 14, 13], outline=GREY, fill=(255, 255, 255, 255))
    d.rectangle([1, 2, 14, 4], fill=BLUE)
    for y in (7, 10):
        d.line([(2, y), (13, y)], fill=GREY)
    d.line([(6, 5), (6, 12)], fill=GREY)
    d.line([(10, 5), (10, 12)], fill=GREY)
    return img


def encoder():
    """An hourglass of layers narrowing to a bottleneck: an autoencoder learning a small code."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for x, half, colour in [(1, 6, BLUE), (4, 4, BLUE), (7, 1, ORANGE), (10, 4, GREEN), (13, 6, GREEN)]:
        d.rectangle([x, 8 - half, x + 1, 7 + half], fill=colour)
    return img


def embedding():
    """The encoder half of the hourglass, narrowing to the bottleneck, and the embedded points it produces."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for x, half, colour in [(1, 6, BLUE), (4, 4, BLUE), (7, 1, ORANGE)]:
        d.rectangle([x, 8 - half, x + 1, 7 + half], fill=colour)
    dots(d, [(12, 3.5)], ORANGE)
    dots(d, [(13.5, 8)], GREEN)
    dots(d, [(11.5, 12.5)], BLUE)
    return img


def mixture():
    """Three overlapping Gaussian ellipses of different shapes: a mixture model's components."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([0, 3, 9, 9], outline=BLUE)
    d.ellipse([6, 0, 12, 10], outline=ORANGE)
    d.ellipse([4, 8, 15, 15], outline=GREEN)
    dots(d, [(4.5, 6), (9, 5), (9.5, 11.5)], GREY)
    return img


def som():
    """A 3 x 3 lattice of units joined to their grid neighbours: a self-organising map."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pts = [[(2 + 5.5 * c + (1 if r == 1 else 0), 2 + 5.5 * r) for c in range(3)] for r in range(3)]
    for r in range(3):
        d.line(pts[r], fill=GREY)
        d.line([pts[i][r] for i in range(3)], fill=GREY)
    colours = [[BLUE, BLUE, ORANGE], [BLUE, ORANGE, ORANGE], [GREEN, GREEN, ORANGE]]
    for r in range(3):
        for c in range(3):
            dots(d, [pts[r][c]], colours[r][c])
    return img


def save(img, *path):
    out = os.path.join(*path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    img.save(out)
    print("wrote", out)


if __name__ == "__main__":
    save(clusters(), SRC, "clusterer", "clusterer.png")
    save(scorer(), SRC, "scorer", "scorer.png")
    save(generator(), SRC, "generator", "generator.png")
    save(encoder(), SRC, "encoder", "encoder.png")
    save(embedding(), SRC, "embedding", "embedding.png")
    save(mixture(), SRC, "cluster", "mixture", "mixture.png")
    save(som(), SRC, "cluster", "som", "som.png")
    save(clusters(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-deepcluster.png")
    save(clusters(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-cluster.png")
    save(scorer(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-evaluate.png")
    save(read(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-read.png")
    save(encoder(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-represent.png")
