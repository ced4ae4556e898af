package org.deepcluster.batch.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.deepcluster.batch.workflow.FlowVariables;
import org.deepcluster.standin.SettingsXml;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;

/**
 * A hash of everything a node's outputs depend on: the node (factory class and the version of its bundle), the
 * settings the node model gets (after flow variables are applied), the flow variables it sees, and the keys of the
 * outputs it reads. Saved outputs are reused only if their key matches, so changing a setting, an input, a
 * variable or the node's code makes the node and everything downstream execute again.
 */
public final class StateKey {

    private static final String FORMAT = "deepcluster-state-key 1";

    private StateKey() {
    }

    /**
     * @param factoryClass the factory class name
     * @param implementationVersion the version of the node's code (e.g. its bundle version with qualifier), or null
     * @param effectiveSettings the model settings the node gets
     * @param variables the flow variables the node sees
     * @param inputKeys for each input port in order, the key of the connected output ("&lt;key&gt;:&lt;port&gt;"),
     *            or "none"
     * @return the key (hex SHA-256)
     */
    public static String of(final String factoryClass, final String implementationVersion,
        final NodeSettings effectiveSettings, final List<FlowVariable> variables, final List<String> inputKeys) {
        StringBuilder sb = new StringBuilder(FORMAT).append('\n');
        sb.append("factory ").append(factoryClass).append('\n');
        sb.append("version ").append(implementationVersion).append('\n');
        sb.append("settings ").append(SettingsXml.toXml(effectiveSettings)).append('\n');
        variables.stream().sorted(Comparator.comparing(FlowVariable::getName))
            .forEach(v -> sb.append("variable ").append(v.getName()).append(' ').append(FlowVariables.typeName(v))
                .append(' ').append(v.getValueAsString()).append('\n'));
        for (String in : inputKeys) {
            sb.append("input ").append(in).append('\n');
        }
        return sha256(sb.toString());
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
