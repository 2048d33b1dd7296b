package dev.ferry.launcher;

import dev.ferry.spi.DataFlowStartMessage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.osgi.framework.Bundle;

/**
 * The {@code ferry} command: {@code ferry [run]} starts a node from features and {@code config/};
 * {@code ferry transfer flow.json} runs one flow. Exit codes: 0 done, 1 flow failed or refused,
 * 2 wrong arguments or files, 3 the node could not start.
 */
public final class Main {

    static final int USAGE = 2;
    static final int NOT_STARTED = 3;

    /** Held so the level set on it stays (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger SPIFLY_LOG = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, launched(System.getProperty("ferry.launched")));
        System.exit(code);
    }

    /**
     * When the user started {@code ferry}: bin/ferry passes its start as seconds since the epoch
     * ({@code EPOCHREALTIME}); without it, the JVM's start. (ProcessHandle's start instant is not
     * used: on Linux it is only accurate to a second.)
     */
    static Instant launched(String epochSeconds) {
        if (epochSeconds != null && !epochSeconds.isBlank()) {
            try {
                var seconds = new java.math.BigDecimal(epochSeconds.trim().replace(',', '.'));
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
            } catch (NumberFormatException e) {
                // fall back to the JVM's start
            }
        }
        return Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Instant launched) {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("ferry: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return USAGE;
        }
        if (command.command() == CommandLine.Command.HELP) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        Layout layout = Layout.detect();
        NodePlan plan;
        Variables variables;
        DataFlowStartMessage flow = null;
        try {
            plan = new FeatureCatalog(layout.features()).plan(command.features());
            variables = new Variables(layout.home().toString(), plan.variables(), System::getProperty);
            if (command.command() == CommandLine.Command.TRANSFER) {
                flow = FlowFile.read(Path.of(command.flowFile()), variables);
            }
        } catch (LaunchException e) {
            err.println("ferry: " + e.getMessage());
            return USAGE;
        }
        configureLogging(layout);
        SPIFLY_LOG.setLevel(java.util.logging.Level.WARNING); // it reports each woven provider on stderr
        printHeader(out, layout, plan);
        if (Boolean.getBoolean("ferry.timing")) {
            out.printf("  [timing] %-28s %5d ms%n", "process start to here", Duration.between(launched, Instant.now()).toMillis());
        }
        Node node;
        try {
            node = new Node(layout, plan, variables, out).start();
        } catch (LaunchException e) {
            err.println("ferry: " + e.getMessage());
            return NOT_STARTED;
        }
        TransferCommand transfer = new TransferCommand(out);
        Thread hook = new Thread(() -> {
            transfer.interrupt();
            node.close();
        }, "ferry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printReady(out, node, layout, launched);
        try {
            if (flow == null) {
                node.awaitStop();
                out.println("Ferry stopped");
                return 0;
            }
            int code = transfer.run(node.context(), flow);
            node.close();
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Logback (inside the framework) reads config/logback.xml unless FERRY_OPTS names another file. */
    private static void configureLogging(Layout layout) {
        Path file = layout.config().resolve("logback.xml");
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(file)) {
            System.setProperty("logback.configurationFile", file.toString());
        }
    }

    private static void printHeader(PrintStream out, Layout layout, NodePlan plan) {
        String version = Main.class.getPackage().getImplementationVersion();
        out.println("Ferry " + (version == null ? "(development build)" : version) + " on Java "
                + Runtime.version() + " (" + System.getProperty("java.home") + "), pid " + ProcessHandle.current().pid());
        out.println("  home:     " + layout.home());
        var included = plan.features().stream().filter(f -> !plan.requested().contains(f)).toList();
        out.println("  features: " + String.join(", ", plan.requested())
                + (included.isEmpty() ? "" : " (with " + String.join(", ", included) + ")"));
    }

    private static void printReady(PrintStream out, Node node, Layout layout, Instant launched) {
        int active = 0;
        boolean fileInstall = false;
        for (Bundle b : node.context().getBundles()) {
            if (b.getBundleId() != 0 && b.getState() == Bundle.ACTIVE) {
                active++;
                fileInstall |= "org.apache.felix.fileinstall".equals(b.getSymbolicName());
            }
        }
        out.println("  bundles:  " + active + " of " + node.bundleCount() + " active (" + layout.bundles() + ")");
        if (fileInstall) {
            out.println("  config:   " + layout.config() + " (*.cfg, watched)");
            out.println("  deploy:   " + layout.deploy() + " (drop bundles here to add them)");
        }
        for (String problem : node.problems()) {
            out.println("  PROBLEM:  " + problem);
        }
        out.println("Transfer types: " + node.types().describeThenReportTo(out::println));
        out.println("Ferry ready in " + Duration.between(launched, Instant.now()).toMillis() + " ms");
    }
}
