package org.knime.core.node.defaultnodesettings;

/**
 * A settings model holding a number (so number dialog components can edit it as text).
 */
public abstract class SettingsModelNumber extends SettingsModel {

    /** @return the value as string */
    abstract String getNumberValueStr();

    /** @param newValueStr the value as string; IllegalArgumentException if it does not parse */
    abstract void setNumberValueStr(String newValueStr);
}
