package org.deepcluster.knime.node.scorer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.deepcluster.core.metrics.ClusteringScores;
import org.deepcluster.core.metrics.ContingencyTable;
import org.deepcluster.core.metrics.Labels;
import org.deepcluster.knime.util.MissingValuePolicy;
import org.deepcluster.knime.util.SettingsNodeModel;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;

/**
 * Scores a clustering against reference labels (ARI, NMI, ACC, homogeneity, completeness, V-measure) and writes
 * the contingency table. The scores are computed by the engine ({@link ClusteringScores}).
 */
final class ClusteringScorerNodeModel extends SettingsNodeModel<ClusteringScorerSettings> {

    /** The score columns of the first output, in order; also the names of the pushed flow variables. */
    static final String[] SCORES = {"ARI", "NMI", "ACC", "Homogeneity", "Completeness", "V-measure"};

    static final String ROWS_COLUMN = "Rows scored";
    static final String CLASSES_COLUMN = "Reference classes";
    static final String CLUSTERS_COLUMN = "Clusters";


    ClusteringScorerNodeModel() {
        super(1, 2, new ClusteringScorerSettings());
    }

    static DataTableSpec scoresSpec() {
        final List<DataColumnSpec> columns = new ArrayList<>();
        for (final String score : SCORES) {
            columns.add(new DataColumnSpecCreator(score, DoubleCell.TYPE).createSpec());
        }
        for (final String count : new String[]{ROWS_COLUMN, CLASSES_COLUMN, CLUSTERS_COLUMN}) {
            columns.add(new DataColumnSpecCreator(count, IntCell.TYPE).createSpec());
        }
        return new DataTableSpec(columns.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = inSpecs[0];
        final int[] columns = settings().resolve(in);
        final List<String> classes = domainValues(in.getColumnSpec(columns[0]));
        final List<String> clusters = domainValues(in.getColumnSpec(columns[1]));
        final DataTableSpec contingency = classes == null || clusters == null ? null : contingencySpec(clusters);
        return new DataTableSpec[]{scoresSpec(), contingency};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable table = inData[0];
        final DataTableSpec in = table.getDataTableSpec();
        final int[] columns = settings().resolve(in);
        final List<String> reference = new ArrayList<>();
        final List<String> clusters = new ArrayList<>();
        int skipped = 0;
        String firstSkipped = null;
        final long size = table.size();
        long index = 0;
        for (final DataRow row : table) {
            if (index++ % 1024 == 0) {
                exec.setProgress(0.9 * index / size, "Reading row " + index + " of " + size);
                exec.checkCanceled();
            }
            final DataCell ref = row.getCell(columns[0]);
            final DataCell cluster = row.getCell(columns[1]);
            if (ref.isMissing() || cluster.isMissing()) {
                if (settings().missingValues == MissingValuePolicy.FAIL) {
                    final String column = ref.isMissing() ? settings().referenceColumn : settings().clusterColumn;
                    throw new InvalidSettingsException("Row '" + row.getKey().getString()
                        + "' has a missing value in column '" + column + "': remove such rows first, or set '"
                        + ClusteringScorerSettings.LABEL_MISSING + "' to 'Skip row'.");
                }
                if (skipped++ == 0) {
                    firstSkipped = row.getKey().getString();
                }
                continue;
            }
            reference.add(ref.toString());
            clusters.add(cluster.toString());
        }
        exec.checkCanceled();
        if (reference.isEmpty()) {
            throw new InvalidSettingsException(size == 0 ? "The input table is empty: there is nothing to score."
                : "All " + size + " rows have a missing reference or cluster value: there is nothing to score.");
        }
        final Labels truth = Labels.encode(reference);
        final Labels predicted = Labels.encode(clusters);
        final ContingencyTable contingency = ContingencyTable.of(truth, predicted);
        final double[] scores = {ClusteringScores.adjustedRandIndex(contingency),
            ClusteringScores.normalizedMutualInformation(contingency),
            ClusteringScores.unsupervisedAccuracy(contingency), ClusteringScores.homogeneity(contingency),
            ClusteringScores.completeness(contingency), ClusteringScores.vMeasure(contingency, 1.0)};

        final BufferedDataContainer scoreTable = exec.createDataContainer(scoresSpec());
        final DataCell[] cells = new DataCell[SCORES.length + 3];
        for (int i = 0; i < SCORES.length; i++) {
            cells[i] = new DoubleCell(scores[i]);
            pushFlowVariableDouble(SCORES[i], scores[i]);
        }
        cells[SCORES.length] = new IntCell(reference.size());
        cells[SCORES.length + 1] = new IntCell(truth.distinctCount());
        cells[SCORES.length + 2] = new IntCell(predicted.distinctCount());
        scoreTable.addRowToTable(new DefaultRow(new RowKey("Scores"), cells));
        scoreTable.close();

        final BufferedDataTable contingencyTable = contingencyTable(in, columns, contingency, exec);
        if (skipped > 0) {
            setWarningMessage(skipped + " of " + size + " rows were skipped because of a missing reference or "
                + "cluster value (first: row '" + firstSkipped + "').");
        }
        return new BufferedDataTable[]{scoreTable.getTable(), contingencyTable};
    }

    /** Rows = reference classes, columns = clusters; both in domain order when known, else in order of appearance. */
    private static BufferedDataTable contingencyTable(final DataTableSpec in, final int[] columns,
        final ContingencyTable contingency, final ExecutionContext exec) {
        final List<String> classes = ordered(domainValues(in.getColumnSpec(columns[0])), contingency.rowNames());
        final List<String> clusters = ordered(domainValues(in.getColumnSpec(columns[1])), contingency.columnNames());
        final BufferedDataContainer out = exec.createDataContainer(contingencySpec(clusters));
        for (final String cls : classes) {
            final int row = contingency.rowNames().indexOf(cls);
            final DataCell[] cells = new DataCell[clusters.size()];
            for (int c = 0; c < cells.length; c++) {
                final int column = contingency.columnNames().indexOf(clusters.get(c));
                cells[c] = new IntCell(row < 0 || column < 0 ? 0 : contingency.count(row, column));
            }
            out.addRowToTable(new DefaultRow(new RowKey(cls), cells));
        }
        out.close();
        return out.getTable();
    }

    /** The domain's values first (in domain order), then any value seen in the data but absent from the domain. */
    private static List<String> ordered(final List<String> domain, final List<String> seen) {
        final Set<String> all = new LinkedHashSet<>();
        if (domain != null) {
            all.addAll(domain);
        }
        all.addAll(seen);
        return new ArrayList<>(all);
    }

    private static DataTableSpec contingencySpec(final List<String> clusters) {
        final DataColumnSpec[] specs = new DataColumnSpec[clusters.size()];
        for (int c = 0; c < specs.length; c++) {
            specs[c] = new DataColumnSpecCreator(clusters.get(c), IntCell.TYPE).createSpec();
        }
        return new DataTableSpec(specs);
    }

    /** @return the column's possible values as text, or null if the domain does not list them */
    private static List<String> domainValues(final DataColumnSpec column) {
        final DataColumnDomain domain = column.getDomain();
        if (!domain.hasValues()) {
            return null;
        }
        final List<String> values = new ArrayList<>();
        for (final DataCell cell : domain.getValues()) {
            values.add(cell.toString());
        }
        return values;
    }

    @Override
    protected ClusteringScorerSettings loadSettings(final NodeSettingsRO settingsRO) throws InvalidSettingsException {
        return ClusteringScorerSettings.load(settingsRO);
    }
}
