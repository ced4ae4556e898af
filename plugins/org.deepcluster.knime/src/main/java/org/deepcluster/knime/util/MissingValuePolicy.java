package org.deepcluster.knime.util;

/** What a node does with a row that has a missing (or non-finite) value in a column it uses. */
public enum MissingValuePolicy {
    /** Stop with an error that names the column and the row. */
    FAIL("Fail"),
    /** Leave the row out of the computation and report how many rows were skipped. */
    SKIP_ROW("Skip row");

    private final String label;

    MissingValuePolicy(final String label) {
        this.label = label;
    }

    /** @return the text shown in dialogs */
    public String label() {
        return label;
    }

    /**
     * Parses a stored setting value.
     *
     * @param name the enum constant's name as stored in the settings
     * @param settingLabel the setting's label, used in the error message
     * @return the policy
     * @throws IllegalArgumentException naming the setting if the value is unknown
     */
    public static MissingValuePolicy parse(final String name, final String settingLabel) {
        for (final MissingValuePolicy p : values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown value '" + name + "' for setting '" + settingLabel
            + "': use one of FAIL, SKIP_ROW");
    }
}
