package org.deepcluster.core.cluster.som;

/**
 * The rectangular grid of a self-organising map: {@code rows × cols} units, numbered row by row (unit
 * {@code r · cols + c} sits at grid row r, column c). Distances on the grid are Euclidean between (row, column)
 * positions.
 *
 * @param rows the number of grid rows, at least 1
 * @param cols the number of grid columns, at least 1
 */
public record SomGrid(int rows, int cols) {

    /** The largest grid the engine accepts (the batch update is quadratic in the number of units). */
    public static final int MAX_UNITS = 100_000;

    /**
     * @throws IllegalArgumentException naming the invalid dimension
     */
    public SomGrid {
        if (rows < 1) {
            throw new IllegalArgumentException("the SOM grid rows must be at least 1, got " + rows);
        }
        if (cols < 1) {
            throw new IllegalArgumentException("the SOM grid columns must be at least 1, got " + cols);
        }
        if ((long)rows * cols > MAX_UNITS) {
            throw new IllegalArgumentException("the SOM grid " + rows + " × " + cols + " has more than " + MAX_UNITS
                + " units: use a smaller grid");
        }
    }

    /** @return the number of units, rows × cols */
    public int units() {
        return rows * cols;
    }

    /** @param unit a unit; @return its grid row */
    public int row(final int unit) {
        return unit / cols;
    }

    /** @param unit a unit; @return its grid column */
    public int col(final int unit) {
        return unit % cols;
    }

    /** @param a a unit; @param b a unit; @return the squared Euclidean distance of their grid positions */
    public double squaredDistance(final int a, final int b) {
        final int dr = row(a) - row(b);
        final int dc = col(a) - col(b);
        return dr * dr + dc * dc;
    }

    /**
     * @param a a unit
     * @param b another unit
     * @return whether they are neighbours on the grid, diagonals included (8-neighbourhood, as MiniSom's topographic
     *         error for rectangular grids)
     */
    public boolean adjacent(final int a, final int b) {
        return a != b && Math.abs(row(a) - row(b)) <= 1 && Math.abs(col(a) - col(b)) <= 1;
    }
}
