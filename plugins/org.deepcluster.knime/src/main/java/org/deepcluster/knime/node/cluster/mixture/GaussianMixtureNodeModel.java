package org.deepcluster.knime.node.cluster.mixture;

import java.util.ArrayList;
import java.util.List;

import org.deepcluster.core.cluster.ClusterModel;
import org.deepcluster.core.cluster.mixture.GaussianMixture;
import org.deepcluster.core.cluster.mixture.GaussianMixtureModel;
import org.deepcluster.core.data.Matrix;
import org.deepcluster.core.progress.Progress;
import org.deepcluster.knime.node.cluster.ClusteringNodeModel;
import org.deepcluster.knime.port.ClusterModelPortObjectSpec;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * Gaussian mixture on the base clustering node; the algorithm is the engine's {@link GaussianMixture}. Adds the
 * optional posterior probability columns and pushes BIC, AIC and the log-likelihood as flow variables.
 */
final class GaussianMixtureNodeModel extends ClusteringNodeModel<GaussianMixtureSettings> {

    /** Flow variable names. */
    static final String VARIABLE_BIC = "gmm_bic";
    static final String VARIABLE_AIC = "gmm_aic";
    static final String VARIABLE_LOG_LIKELIHOOD = "gmm_log_likelihood";
    static final String VARIABLE_CONVERGED = "gmm_converged";

    GaussianMixtureNodeModel() {
        super(GaussianMixtureSettings::new);
    }

    @Override
    protected String algorithmName() {
        return "Gaussian mixture";
    }

    @Override
    protected int knownClusterCount() {
        return settings().k;
    }

    @Override
    protected boolean assignsProbabilities() {
        return true;
    }

    /** The Assigner's distance column: the Mahalanobis distance to the assigned component's mean. */
    @Override
    protected boolean assignsDistances() {
        return true;
    }

    @Override
    protected void checkRows(final int rows, final int skippedRows) throws InvalidSettingsException {
        final String after = skippedRows > 0 ? ", after skipping " + skippedRows + " rows with missing values" : "";
        if (rows < 2) {
            throw new InvalidSettingsException("A Gaussian mixture needs at least 2 rows, there is " + rows + after
                + ": provide more rows.");
        }
        if (settings().k > rows) {
            throw new InvalidSettingsException("Setting '" + GaussianMixtureSettings.LABEL_K + "' (" + settings().k
                + ") is larger than the number of rows to cluster (" + rows + after + "): lower k or provide more "
                + "rows.");
        }
    }

    @Override
    protected ClusterModel fit(final Matrix data, final Progress progress) {
        final GaussianMixtureModel model = GaussianMixture.fit(data, settings().parameters(), progress);
        pushFlowVariableDouble(VARIABLE_BIC, model.bic());
        pushFlowVariableDouble(VARIABLE_AIC, model.aic());
        pushFlowVariableDouble(VARIABLE_LOG_LIKELIHOOD, model.statistics().logLikelihood());
        pushFlowVariableInt(VARIABLE_CONVERGED, model.converged() ? 1 : 0);
        return model;
    }

    /** P(Cluster_0) ... P(Cluster_{k−1}): each row's posterior probability of every component. */
    @Override
    protected List<DataColumnSpec> extraColumns(final DataTableSpec in) {
        final List<DataColumnSpec> columns = new ArrayList<>();
        if (settings().appendProbabilities) {
            for (int c = 0; c < settings().k; c++) {
                columns.add(new DataColumnSpecCreator(probabilityColumn(c), DoubleCell.TYPE).createSpec());
            }
        }
        return columns;
    }

    static String probabilityColumn(final int component) {
        return "P(" + ClusterModelPortObjectSpec.clusterName(component) + ")";
    }

    @Override
    protected ExtraCells extraCells(final ClusterModel model, final Matrix data) {
        final Matrix probabilities = model.assign(data).probabilities();
        return (row, cells) -> {
            for (int c = 0; c < cells.length; c++) {
                cells[c] = new DoubleCell(probabilities.get(row, c));
            }
        };
    }

    @Override
    protected String fitWarning(final ClusterModel model) {
        return ((GaussianMixtureModel)model).warning().map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)
            + ".").orElse(null);
    }
}
