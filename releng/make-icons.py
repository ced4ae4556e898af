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


def deep_clustering():
    """The encoder half narrowing to the bottleneck, and two tight clusters, each in its ring: clusters refined in
    the embedding (DEC/IDEC)."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for x, half, colour in [(0, 6, BLUE), (3, 4, BLUE), (6, 1, ORANGE)]:
        d.rectangle([x, 8 - half, x + 1, 7 + half], fill=colour)
    d.ellipse([9, 0, 15, 6], outline=GREY)
    dots(d, [(12, 3)], ORANGE)
    d.ellipse([9, 9, 15, 15], outline=GREY)
    dots(d, [(12, 12)], GREEN)
    return img


def tokens():
    """Words (grey bars of different lengths) turned into a row of index cells: text to token sequences."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for x0, x1 in [(1, 4), (6, 8), (10, 14)]:
        d.rectangle([x0, 2, x1, 4], fill=GREY)
    d.polygon([(6, 6), (10, 6), (8, 8)], fill=ORANGE)
    for x, colour in [(1, BLUE), (5, BLUE), (9, BLUE), (13, GREEN)]:
        d.rectangle([x, 10, x + 2, 13], outline=colour, fill=(255, 255, 255, 255))
    return img


def assigner():
    """Two fitted clusters and a new point (grey) joined to the nearer one: assigning rows to a cluster model."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    dots(d, [(3, 3), (5, 5), (2, 6)], BLUE)
    dots(d, [(11, 3), (13, 5), (10, 6)], ORANGE)
    d.line([(12, 13), (11.5, 7.5)], fill=GREY)
    d.ellipse([10, 11, 14, 15], outline=GREY, fill=GREEN)
    return img


def graph():
    """Two communities of a graph: dense edges inside, one edge between."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    left = [(2, 4), (6, 2), (5, 8), (1, 10)]
    right = [(11, 7), (14, 4), (14, 11), (10, 13)]
    for group in (left, right):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                d.line([a, b], fill=GREY)
    d.line([left[2], right[0]], fill=GREY)
    dots(d, left, BLUE)
    dots(d, right, ORANGE)
    return img


def kmedoids():
    """Three groups of points, each around one of its own points drawn as a dark square: the medoid."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for (mx, my), others, colour in [((4, 4), [(1.5, 2), (2, 6.5)], BLUE),
                                      ((12, 4), [(14.5, 2), (14, 6.5)], ORANGE),
                                      ((8, 12), [(5, 14), (11, 14)], GREEN)]:
        dots(d, others, colour)
        d.rectangle([mx - 2, my - 2, mx + 2, my + 2], fill=colour, outline=GREY)
    return img


def dendrogram():
    """A small dendrogram over three coloured leaves: hierarchical clustering."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.line([(3, 12), (3, 8), (7, 8), (7, 12)], fill=GREY)
    d.line([(5, 8), (5, 3), (12, 3), (12, 12)], fill=GREY)
    dots(d, [(3, 13.5)], BLUE)
    dots(d, [(7, 13.5)], ORANGE)
    dots(d, [(12, 13.5)], GREEN)
    return img


def spectral():
    """Two rings of points joined by graph edges: spectral clustering on a similarity graph."""
    import math
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    outer = [(7.5 + 6 * math.cos(a * math.pi / 3), 7.5 + 6 * math.sin(a * math.pi / 3)) for a in range(6)]
    d.line(outer + [outer[0]], fill=GREY)
    dots(d, outer, BLUE)
    dots(d, [(7.5, 7.5)], ORANGE)
    return img


def dbscan():
    """Two dense groups of dots and grey noise dots between them."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    dots(d, [(3, 3), (5, 2), (4, 5), (2, 6)], BLUE)
    dots(d, [(11, 11), (13, 12), (12, 14), (10, 13)], ORANGE)
    for x, y in [(13, 3), (7, 9), (2, 13)]:
        d.point((x, y), fill=GREY)
    return img


def optics():
    """A reachability plot: bars with two valleys (clusters) between peaks."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    heights = [12, 4, 3, 3, 4, 11, 13, 5, 4, 4, 5, 12]
    colours = [GREY] + [BLUE] * 4 + [GREY, GREY] + [ORANGE] * 4 + [GREY]
    for i, (h, c) in enumerate(zip(heights, colours)):
        x = 2 + i
        d.line([(x, 15), (x, 15 - h)], fill=c)
    return img


def hdbscan():
    """A small cluster tree over two groups of dots."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.line([(8, 1), (8, 4)], fill=GREY)
    d.line([(4, 4), (12, 4)], fill=GREY)
    d.line([(4, 4), (4, 8)], fill=GREY)
    d.line([(12, 4), (12, 8)], fill=GREY)
    dots(d, [(2, 11), (5, 13), (3, 14)], BLUE)
    dots(d, [(11, 11), (14, 12), (12, 14)], ORANGE)
    return img


def save(img, *path):
    out = os.path.join(*path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    img.save(out)
    print("wrote", out)


if __name__ == "__main__":
    save(clusters(), SRC, "cluster", "kmeans", "kmeans.png")
    save(kmedoids(), SRC, "cluster", "kmedoids", "kmedoids.png")
    save(assigner(), SRC, "cluster", "assigner", "assigner.png")
    save(dbscan(), SRC, "cluster", "dbscan", "dbscan.png")
    save(optics(), SRC, "cluster", "optics", "optics.png")
    save(hdbscan(), SRC, "cluster", "hdbscan", "hdbscan.png")
    save(graph(), SRC, "cluster", "graph", "graph.png")
    save(dendrogram(), SRC, "cluster", "hierarchical", "hierarchical.png")
    save(spectral(), SRC, "cluster", "spectral", "spectral.png")
    save(scorer(), SRC, "scorer", "scorer.png")
    save(generator(), SRC, "generator", "generator.png")
    save(encoder(), SRC, "encoder", "encoder.png")
    save(embedding(), SRC, "embedding", "embedding.png")
    save(mixture(), SRC, "cluster", "mixture", "mixture.png")
    save(som(), SRC, "cluster", "som", "som.png")
    save(deep_clustering(), SRC, "dec", "dec.png")
    save(tokens(), SRC, "tokens", "tokens.png")
    save(clusters(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-deepcluster.png")
    save(clusters(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-cluster.png")
    save(scorer(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-evaluate.png")
    save(read(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-read.png")
    save(tokens(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-preprocess.png")
    save(encoder(), ROOT, "plugins", "org.deepcluster.knime", "icons", "category-represent.png")
