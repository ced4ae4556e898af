package org.deepcluster.knime.node.generator;

import org.knime.core.node.InvalidSettingsException;

/** The kinds of data the Synthetic Data Generator simulates; stored in the settings by their constant name. */
enum DataKind {
    /** Isotropic Gaussian blobs, as scikit-learn's {@code make_blobs}. */
    GAUSSIAN_BLOBS("Gaussian blobs"),
    /** Splatter-style single-cell RNA-seq counts. */
    SINGLE_CELL_COUNTS("Single-cell counts");

    private final String label;

    DataKind(final String label) {
        this.label = label;
    }

    /** @return the text shown in the dialog and the node description */
    String label() {
        return label;
    }

    /**
     * Parses a stored setting value.
     *
     * @param name the constant's name as stored in the settings
     * @param settingLabel the setting's label, used in the error message
     * @return the kind
     * @throws InvalidSettingsException naming the setting if the value is unknown
     */
    static DataKind parse(final String name, final String settingLabel) throws InvalidSettingsException {
        for (final DataKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new InvalidSettingsException("Unknown value '" + name + "' for setting '" + settingLabel
            + "': use one of GAUSSIAN_BLOBS, SINGLE_CELL_COUNTS.");
    }
}
