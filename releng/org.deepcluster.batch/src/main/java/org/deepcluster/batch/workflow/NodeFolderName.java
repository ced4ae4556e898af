package org.deepcluster.batch.workflow;

import java.util.regex.Pattern;

/**
 * KNIME's rule for the folder of a node: the node name with every character other than ASCII letters, digits and
 * space replaced by '_', followed by " (#id)" ({@code FileUtil.getValidFileName} and
 * {@code FileWorkflowPersistor.saveNodeContainer}). Windows device names (CON, NUL, ...) get a leading '_', as KNIME
 * does on Windows, so that the folders are the same on every platform.
 */
public final class NodeFolderName {

    private static final Pattern ILLEGAL = Pattern.compile("[^a-zA-Z0-9 ]");

    private static final Pattern WINDOWS_DEVICE_NAMES =
        Pattern.compile("^(?:(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?:\\.[^.]*)?|[ .])$");

    private NodeFolderName() {
    }

    /**
     * @param name a node name
     * @return the name with unsupported characters replaced
     */
    public static String validFileName(final String name) {
        String result = ILLEGAL.matcher(name).replaceAll("_");
        if (WINDOWS_DEVICE_NAMES.matcher(result).matches()) {
            result = "_" + result.substring(1);
        }
        return result;
    }

    /**
     * @param nodeName the node name
     * @param id the node id
     * @return the node folder name, e.g. "Clustering Scorer (#3)"
     */
    public static String of(final String nodeName, final int id) {
        return validFileName(nodeName) + " (#" + id + ")";
    }
}
