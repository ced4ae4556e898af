package org.deepcluster.knime.util;

import org.deepcluster.core.data.FloatMatrix;

/**
 * The numeric part of a KNIME table as 32-bit floats, the input of the neural-network encoders: the matrix of the
 * used rows, and for each row of the input its row in the matrix (or -1 when the row was skipped because of a
 * missing value). The float counterpart of {@link NumericTable}.
 *
 * @param matrix the used rows × the selected columns
 * @param matrixRowOfTableRow for each input row, its index in {@code matrix}, or -1 if skipped
 * @param skippedRows how many input rows were skipped
 * @param firstSkippedRowKey the row ID of the first skipped row (for the warning), or null
 */
public record FloatTable(FloatMatrix matrix, int[] matrixRowOfTableRow, int skippedRows, String firstSkippedRowKey) {
}
