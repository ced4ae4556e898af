package org.deepcluster.batch.workflow;

/**
 * Where a node sits in KNIME's workflow editor: {@code ui_settings/extrainfo.node.bounds} in workflow.knime, an int
 * array {x, y, width, height}. KNIME 5.x writes width and height as -1 (the editor's default node size).
 *
 * @param x left, in editor pixels
 * @param y top, in editor pixels
 * @param width width, -1 for the default
 * @param height height, -1 for the default
 */
public record NodeBounds(int x, int y, int width, int height) {

    /**
     * @param x left
     * @param y top
     * @return bounds with the default node size, as KNIME 5.x writes them
     */
    public static NodeBounds at(final int x, final int y) {
        return new NodeBounds(x, y, -1, -1);
    }

    /** @return the array KNIME stores */
    public int[] toArray() {
        return new int[]{x, y, width, height};
    }

    /**
     * @param a a 4-element array {x, y, width, height}
     * @return the bounds
     * @throws IllegalArgumentException if the array does not have 4 elements
     */
    public static NodeBounds of(final int[] a) {
        if (a.length != 4) {
            throw new IllegalArgumentException("node bounds need 4 values (x, y, width, height), got " + a.length);
        }
        return new NodeBounds(a[0], a[1], a[2], a[3]);
    }
}
