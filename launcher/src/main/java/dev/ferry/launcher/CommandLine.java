package dev.ferry.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed arguments of {@code ferry}.
 *
 * @param command  what to do
 * @param features feature names or paths; {@value #DEFAULT_FEATURE} when none is given
 * @param flowFile for {@code transfer}: the flow JSON file; null otherwise
 */
record CommandLine(Command command, List<String> features, String flowFile) {

    static final String DEFAULT_FEATURE = "ferry-default";

    enum Command { RUN, TRANSFER, HELP }

    static final String USAGE = """
            Usage: ferry [run] [--feature NAME]...        start a node and run until stopped (Ctrl-C)
                   ferry transfer FLOW.json [--feature NAME]...
                                                          start a node, run one flow, exit 0 when it completes
                   ferry help
            --feature NAME   a feature from features/NAME.json, or a path to a feature file; repeatable,
                             or comma-separated (default: ferry-default)
            Environment: FERRY_OPTS (JVM options such as -Xmx2g), JAVA_HOME (a JDK or JRE 21 or newer)""";

    static CommandLine parse(String... args) {
        Command command = null;
        List<String> features = new ArrayList<>();
        String flowFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--feature") || arg.equals("-f")) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a feature name, e.g. " + arg + " ferry-default");
                }
                addFeatures(features, args[++i]);
            } else if (arg.startsWith("--feature=")) {
                addFeatures(features, arg.substring("--feature=".length()));
            } else if (arg.equals("-h") || arg.equals("--help") || (command == null && arg.equals("help"))) {
                command = Command.HELP;
            } else if (arg.startsWith("-")) {
                throw new UsageException("unknown option " + arg);
            } else if (command == null && (arg.equals("run") || arg.equals("transfer"))) {
                command = arg.equals("run") ? Command.RUN : Command.TRANSFER;
            } else if (command == Command.TRANSFER && flowFile == null) {
                flowFile = arg;
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        command = command == null ? Command.RUN : command;
        if (command == Command.TRANSFER && flowFile == null) {
            throw new UsageException("transfer needs a flow file: ferry transfer flow.json");
        }
        return new CommandLine(command, features.isEmpty() ? List.of(DEFAULT_FEATURE) : List.copyOf(features), flowFile);
    }

    private static void addFeatures(List<String> features, String value) {
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                features.add(name.trim());
            }
        }
    }

    /** Wrong arguments: the message and the usage go to the console, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
