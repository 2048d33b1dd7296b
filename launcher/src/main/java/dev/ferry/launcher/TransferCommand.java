package dev.ferry.launcher;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code ferry transfer}: submits one PUSH flow to the node's DataPlaneManager and reports its bytes
 * about every half second until it ends. The manager is the core bundle's service; its interface is
 * the launcher's own, because the system bundle exports the SPI packages.
 */
final class TransferCommand {

    static final int COMPLETED = 0;
    static final int FAILED = 1;
    static final int NO_MANAGER = 3;
    private static final long REPORT_EVERY = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long POLL_MILLIS = 20;

    private final PrintStream out;
    private volatile DataPlaneManager manager;
    private volatile String flowId;

    TransferCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code message} to its end; returns the exit code. Blocks. */
    int run(BundleContext context, DataFlowStartMessage message) throws InterruptedException {
        ServiceTracker<DataPlaneManager, DataPlaneManager> tracker = new ServiceTracker<>(context, DataPlaneManager.class, null);
        tracker.open();
        try {
            DataPlaneManager found = tracker.waitForService(30_000);
            if (found == null) {
                out.println("No DataPlaneManager service in this node: add the feature ferry-core (or ferry-default)");
                return NO_MANAGER;
            }
            return run(found, message);
        } finally {
            tracker.close();
        }
    }

    /** Runs {@code message} on {@code manager} to its end; returns the exit code. Blocks. */
    int run(DataPlaneManager manager, DataFlowStartMessage message) throws InterruptedException {
        this.manager = manager;
        long start = System.nanoTime();
        StreamResult<DataFlow> started = manager.start(message);
        if (started.failed()) {
            out.println("Flow " + message.processId() + " refused: " + started.failure());
            return FAILED;
        }
        flowId = message.processId();
        out.println("Flow " + flowId + " started: " + message.source().type() + " -> " + message.destination().type());
        long nextReport = start + REPORT_EVERY;
        while (true) {
            Optional<DataFlow> current = manager.flow(flowId);
            if (current.isEmpty()) {
                out.println("Flow " + flowId + " FAILED: the node no longer knows it");
                return FAILED;
            }
            DataFlow flow = current.get();
            long now = System.nanoTime();
            if (flow.state().isTerminal()) {
                return finish(flow, now - start);
            }
            if (now >= nextReport) {
                out.println("Flow " + flowId + " " + flow.state() + " " + Progress.mib(flow.bytesTransferred()) + " "
                        + Progress.rate(flow.bytesTransferred(), now - start));
                nextReport += REPORT_EVERY;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private int finish(DataFlow flow, long nanos) {
        if (flow.state() == dev.ferry.spi.flow.FlowState.COMPLETED) {
            out.println("Flow " + flowId + " COMPLETED: " + Progress.mib(flow.bytesTransferred()) + " in "
                    + Progress.seconds(nanos) + " (" + Progress.rate(flow.bytesTransferred(), nanos) + ")");
            return COMPLETED;
        }
        out.println("Flow " + flowId + " " + flow.state() + ": "
                + (flow.failureReason() == null ? "no reason given" : flow.failureReason()));
        return FAILED;
    }

    /** On Ctrl-C: terminates the running flow so its I/O stops and no partial output is left. */
    void interrupt() {
        DataPlaneManager m = manager;
        String id = flowId;
        if (m != null && id != null) {
            try {
                m.terminate(id, "ferry transfer was interrupted");
            } catch (RuntimeException e) {
                // the node is going down anyway
            }
        }
    }
}
