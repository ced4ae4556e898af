package org.deepcluster.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.deepcluster.batch.workflow.FlowVariables;
import org.knime.core.node.workflow.FlowVariable;

/**
 * The command line of the batch runner: KNIME's batch executor flags, plus {@code -outputDir}. Arguments are split
 * at the first '=' as KNIME does. The launcher noise of a KNIME command line ({@code -nosplash},
 * {@code -consoleLog}, {@code -application <id>}, {@code -data <workspace>}, everything after {@code -vmargs})
 * and the flags KNIME itself ignores are accepted and ignored, so KNIME command lines work unchanged.
 *
 * @param workflowDir the workflow folder (or null)
 * @param workflowFile the .knwf archive (or null)
 * @param reset execute every node, ignoring saved executed state
 * @param noSave do not save the executed workflow
 * @param noExecute load, apply options and save, but execute nothing
 * @param variables workflow variables from {@code -workflow.variable}
 * @param options node settings from {@code -option}
 * @param destDir where to save the executed workflow (null: in place)
 * @param destFile a .knwf archive to save the executed workflow to (null: none)
 * @param outputDir where the output tables go (null: the default next to the workflow)
 * @param ignored the arguments that were ignored (for the log)
 * @param help whether usage was asked for
 */
public record BatchOptions(Path workflowDir, Path workflowFile, boolean reset, boolean noSave, boolean noExecute,
    List<FlowVariable> variables, List<NodeOption> options, Path destDir, Path destFile, Path outputDir,
    List<String> ignored, boolean help) {

    /** Flags without value that KNIME's launcher or batch executor accept and we ignore. */
    private static final Set<String> IGNORED_FLAGS = Set.of("-nosplash", "-consolelog", "-noversioncheck",
        "-perspective", "-showlocation", "-allowdeadlock", "-checkforupdates", "-profilelist", "-profilelocation",
        "-failonloaderror", "-updatelinks", "-masterkey", "-credential", "-preferences", "-clean", "-nl");

    /** Launcher flags followed by a value in the next argument. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("-application", "-data", "-configuration", "-vm");

    /** The usage text. */
    public static final String USAGE = String.join("\n",
        "Usage: knime-batch [KNIME launcher flags] -workflowDir=DIR | -workflowFile=FILE.knwf [options]",
        "",
        "Executes a KNIME workflow of Deep Clustering nodes headless, without KNIME, through the same node",
        "code KNIME runs. Flags as in KNIME's batch executor (org.knime.product.KNIME_BATCH_APPLICATION):",
        "  -workflowDir=DIR       the workflow folder (holds workflow.knime)",
        "  -workflowFile=FILE     a .knwf archive (extracted to a temporary folder; saved back into it",
        "                         unless -nosave, -destDir or -destFile is given)",
        "  -reset                 execute every node (otherwise nodes whose settings, inputs and variables",
        "                         did not change since a saved run reuse their saved outputs)",
        "  -nosave                do not save the executed workflow",
        "  -noexecute             load the workflow, apply -option and -workflow.variable, save, but do not",
        "                         execute",
        "  -destDir=DIR           save the executed workflow into DIR (default: in place)",
        "  -destFile=FILE.knwf    save the executed workflow as an archive",
        "  -workflow.variable=name,value,type",
        "                         set a workflow variable; type String, int or double (also long, boolean);",
        "                         the value may be quoted with \" or ' (backslash escapes)",
        "  -option=nodeId,settingName,value,type",
        "                         set a value in a node's model settings (settingName with / for nested",
        "                         configs); type int, long, short, byte, boolean, char, float, double, String",
        "  -outputDir=DIR         where each node's output tables are written as CSV",
        "                         (<id>_<node-name>_port<p>.csv, p from 0, RowID first) and image outputs as",
        "                         PNG, plus flow-variables.csv; default: <workflow folder>-output next to the",
        "                         workflow folder (or next to the .knwf file)",
        "Ignored: -nosplash -consoleLog -application ID -data DIR -vmargs ... -failonloaderror (load errors",
        "always stop the run) -updateLinks -noversioncheck -preferences=... -credential=... -masterkey",
        "",
        "Executed state is saved in <node folder>/deepcluster-state/ (KNIME ignores it); settings.xml stays",
        "loadable by KNIME (nodes CONFIGURED). Progress goes to stderr, a summary to stdout.",
        "",
        "Exit codes: 0 success, 2 bad arguments, 3 the workflow cannot be loaded, 4 a node failed (outputs",
        "of the nodes that succeeded are still written and saved).");

    /**
     * @param args the command line
     * @return the options
     * @throws UsageException if an argument is unknown or malformed, or no workflow is given
     */
    public static BatchOptions parse(final String... args) throws UsageException {
        Path workflowDir = null;
        Path workflowFile = null;
        boolean reset = false;
        boolean noSave = false;
        boolean noExecute = false;
        boolean help = false;
        List<FlowVariable> variables = new ArrayList<>();
        List<NodeOption> options = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Path destDir = null;
        Path destFile = null;
        Path outputDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String[] parts = arg.split("=", 2);
            String flag = parts[0];
            String value = parts.length > 1 ? parts[1] : null;
            switch (flag) {
                case "-workflowDir" -> workflowDir = path(arg, value);
                case "-workflowFile" -> workflowFile = path(arg, value);
                case "-destDir" -> destDir = path(arg, value);
                case "-destFile" -> destFile = path(arg, value);
                case "-outputDir" -> outputDir = path(arg, value);
                case "-reset" -> reset = noValue(arg, value);
                case "-nosave" -> noSave = noValue(arg, value);
                case "-noexecute" -> noExecute = noValue(arg, value);
                case "-workflow.variable" -> variables.add(variable(arg, value));
                case "-option" -> options.add(NodeOption.parse(required(arg, value)));
                case "-help", "--help", "-h", "-?" -> help = true;
                case "-vmargs" -> {
                    for (; i < args.length; i++) {
                        ignored.add(args[i]);
                    }
                }
                default -> {
                    if (IGNORED_WITH_VALUE.contains(flag.toLowerCase(Locale.ROOT)) && value == null
                        && i + 1 < args.length) {
                        ignored.add(arg + " " + args[++i]);
                    } else if (IGNORED_FLAGS.contains(flag.toLowerCase(Locale.ROOT))
                        || IGNORED_WITH_VALUE.contains(flag.toLowerCase(Locale.ROOT))) {
                        ignored.add(arg);
                    } else {
                        throw new UsageException("Unknown option '" + flag + "'");
                    }
                }
            }
        }
        if (help) {
            return new BatchOptions(null, null, false, false, false, List.of(), List.of(), null, null, null, ignored,
                true);
        }
        if (workflowDir == null && workflowFile == null) {
            throw new UsageException("No workflow file or directory given (-workflowDir=DIR or -workflowFile=FILE).");
        }
        if (workflowDir != null && workflowFile != null) {
            throw new UsageException("Give either -workflowDir or -workflowFile, not both.");
        }
        if (workflowDir != null && !Files.isDirectory(workflowDir)) {
            throw new UsageException("Workflow directory '" + workflowDir + "' is not a directory.");
        }
        if (workflowFile != null && !Files.isRegularFile(workflowFile)) {
            throw new UsageException("Workflow file '" + workflowFile + "' is not a file.");
        }
        if (destDir != null && destFile != null) {
            throw new UsageException("Give either -destDir or -destFile, not both.");
        }
        return new BatchOptions(workflowDir, workflowFile, reset, noSave, noExecute, variables, options, destDir,
            destFile, outputDir, ignored, false);
    }

    private static String required(final String arg, final String value) throws UsageException {
        if (value == null || value.isEmpty()) {
            throw new UsageException("Couldn't parse " + arg + " argument: a value is needed after '='");
        }
        return value;
    }

    private static Path path(final String arg, final String value) throws UsageException {
        return Path.of(required(arg, value));
    }

    private static boolean noValue(final String arg, final String value) throws UsageException {
        if (value != null) {
            throw new UsageException("Option " + arg.split("=", 2)[0] + " takes no value");
        }
        return true;
    }

    private static FlowVariable variable(final String arg, final String value) throws UsageException {
        List<String> parts = splitVariable(required(arg, value), arg);
        if (parts.size() != 3) {
            throw new UsageException("Couldn't parse " + arg + ": expected name,value,type (got " + parts.size()
                + " parts)");
        }
        String type = parts.get(2).trim();
        if (!List.of("String", "int", "double", "long", "boolean").contains(type)) {
            throw new UsageException("Couldn't parse " + arg + ": Invalid type for workflow variable "
                + parts.get(0) + ": " + type + " (String, int or double)");
        }
        try {
            return FlowVariables.parse(parts.get(0), parts.get(1), type);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Couldn't parse " + arg + ": " + e.getMessage());
        }
    }

    /**
     * Splits at commas outside quotes; " and ' quote, a backslash inside quotes escapes the next character (KNIME's
     * {@code BatchExecutor.splitWorkflowVariableArg}).
     */
    static List<String> splitVariable(final String text, final String arg) throws UsageException {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quote != 0) {
            throw new UsageException("Couldn't parse " + arg + ": a quote is not closed");
        }
        parts.add(current.toString());
        return parts;
    }
}
