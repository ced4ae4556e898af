package org.deepcluster.core.encode;

import java.util.HashMap;
import java.util.Map;

import org.bytedeco.javacpp.FloatPointer;
import org.deepcluster.core.data.FloatMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cuts scaled mini-batches out of a {@link FloatMatrix} without copying the whole data: the selected rows are scaled
 * into a reusable Java array and copied in one bulk operation into a reusable native float32 array, one per batch
 * size. So a run allocates native memory for a few batches, not for the data set.
 *
 * <p>The array returned by {@link #batch} is overwritten by the next call with the same number of rows. Not
 * thread-safe.
 */
final class BatchSource {

    private final FloatMatrix data;
    private final Scaler scaler;
    private final boolean clampToUnit;
    private final int cols;
    private final Map<Integer, INDArray> buffers = new HashMap<>();
    private float[] staging = new float[0];

    /**
     * @param data the rows
     * @param scaler the fitted scaling, applied to every row
     * @param clampToUnit whether scaled values are clipped to [0, 1]: binary cross-entropy needs targets there, and
     *            validation or new rows may fall slightly outside the training rows' range
     */
    BatchSource(final FloatMatrix data, final Scaler scaler, final boolean clampToUnit) {
        this.data = data;
        this.scaler = scaler;
        this.clampToUnit = clampToUnit;
        this.cols = data.cols();
    }

    /**
     * @param rows row indices
     * @param from the first position in {@code rows} to use
     * @param count how many rows, from {@code rows[from]} on
     * @return a {@code count × cols} float32 array ('c' order) holding the scaled rows
     */
    INDArray batch(final int[] rows, final int from, final int count) {
        final int length = Math.multiplyExact(count, cols);
        if (staging.length < length) {
            staging = new float[length];
        }
        for (int r = 0; r < count; r++) {
            scaler.scaleRow(data, rows[from + r], staging, r * cols);
        }
        if (clampToUnit) {
            for (int k = 0; k < length; k++) {
                staging[k] = Math.min(1f, Math.max(0f, staging[k]));
            }
        }
        final INDArray target = buffers.computeIfAbsent(count,
            c -> Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', c, cols));
        new FloatPointer(target.data().addressPointer()).put(staging, 0, length);
        return target;
    }
}
