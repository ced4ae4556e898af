package org.deepcluster.knime.node.cluster;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.deepcluster.core.cluster.Assignment;
import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.ModelState;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.port.ClusterDistance;
import org.deepcluster.knime.util.DialogNodeFactory;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * A test node on the clustering base with a transparent "algorithm": a row's cluster is its first value rounded down
 * (negative values are noise), so tests control every label. It declares one extra column (the first value times
 * the setting "factor"), allows both distances, and fails like an engine when the setting "fail" is true.
 */
public final class RoundingClusteringNodeFactory extends DialogNodeFactory<RoundingClusteringNodeFactory.Model> {

    @Override
    public Model createNodeModel() {
        return new Model();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new Dialog();
    }

    static final class Settings extends ClusteringSettings {
        static final String KEY_FACTOR = "factor";
        static final String KEY_FAIL = "fail";
        static final String LABEL_FACTOR = "Factor";
        double factor = 2;
        boolean fail;

        @Override
        public Set<ClusterDistance> allowedDistances() {
            return EnumSet.allOf(ClusterDistance.class);
        }

        @Override
        protected void saveAlgorithmTo(final NodeSettingsWO settings) {
            settings.addDouble(KEY_FACTOR, factor);
            settings.addBoolean(KEY_FAIL, fail);
        }

        @Override
        protected void loadAlgorithmFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            factor = settings.getDouble(KEY_FACTOR);
            fail = settings.getBoolean(KEY_FAIL);
        }

        @Override
        protected void loadAlgorithmForDialog(final NodeSettingsRO settings) {
            factor = settings.getDouble(KEY_FACTOR, factor);
            fail = settings.getBoolean(KEY_FAIL, fail);
        }

        @Override
        protected void validateAlgorithm() throws InvalidSettingsException {
            check(factor > 0, LABEL_FACTOR, "must be > 0 (is " + factor + ")");
        }
    }

    public static final class Model extends ClusteringNodeModel<Settings> {
        Matrix lastFitted;

        Model() {
            super(Settings::new);
        }

        @Override
        protected String algorithmName() {
            return "rounding";
        }

        @Override
        protected boolean mayAssignNoise() {
            return true;
        }

        @Override
        protected ClusterModel fit(final Matrix data, final Progress progress) {
            lastFitted = data;
            if (settings().fail) {
                throw new IllegalArgumentException("minPts (7) must not exceed the number of rows");
            }
            final int[] labels = new int[data.rows()];
            int count = 0;
            for (int i = 0; i < labels.length; i++) {
                progress.checkCancelled();
                labels[i] = data.get(i, 0) < 0 ? ClusterModel.NOISE : (int)Math.floor(data.get(i, 0));
                count = Math.max(count, labels[i] + 1);
            }
            return new Rounding(labels, count, data.cols());
        }

        @Override
        protected List<DataColumnSpec> extraColumns(final DataTableSpec in) {
            return List.of(new DataColumnSpecCreator("Scaled", DoubleCell.TYPE).createSpec());
        }

        @Override
        protected ExtraCells extraCells(final ClusterModel model, final Matrix data) {
            return (row, cells) -> cells[0] = new DoubleCell(settings().factor * data.get(row, 0));
        }
    }

    static final class Dialog extends ClusteringNodeDialog<Settings> {
        private final javax.swing.JTextField factor = new javax.swing.JTextField(8);

        Dialog() {
            super(Settings::new);
            algorithmForm().addRow(Settings.LABEL_FACTOR, factor);
        }

        @Override
        protected void loadAlgorithm(final Settings settings, final DataTableSpec spec) {
            factor.setText(Double.toString(settings.factor));
        }

        @Override
        protected void saveAlgorithm(final Settings settings) throws InvalidSettingsException {
            settings.factor = org.deepcluster.knime.util.DialogFields.parseDouble(factor.getText(),
                Settings.LABEL_FACTOR);
        }
    }

    /** The fitted "rounding" clustering: assigns by rounding the first value down, like fitting. */
    record Rounding(int[] labels, int clusterCount, int featureCount) implements ClusterModel {
        @Override
        public String algorithm() {
            return "rounding";
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        @Override
        public Assignment assign(final Matrix rows) {
            final int[] out = new int[rows.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rows.get(i, 0) < 0 ? NOISE : Math.min(clusterCount - 1, (int)Math.floor(rows.get(i, 0)));
            }
            return Assignment.of(out);
        }

        @Override
        public String summary() {
            return "rounding, " + clusterCount + " clusters";
        }

        @Override
        public void save(final ModelState state) {
            state.put("labels", labels);
        }
    }
}
