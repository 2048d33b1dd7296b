package dev.ferry.it;

import static org.awaitility.Awaitility.await;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** What the framework tests do to a node: configure it, wait for types and flows. */
final class NodeSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final BundleContext context;
    private final DataPlaneManager manager;

    NodeSupport(BundleContext context, DataPlaneManager manager) {
        this.context = context;
        this.manager = manager;
    }

    static DataFlowStartMessage fileFlow(String id, Path from, Path to) {
        return DataFlowStartMessage.push(id, new DataAddress("File", Map.of("path", from.toString())),
                new DataAddress("File", Map.of("path", to.toString())));
    }

    /** Sets the File type's allowed roots through ConfigAdmin, as an operator's config file would. */
    void allowFileRoot(Path root) throws IOException {
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        Configuration config = admin.getConfiguration("ferry.transfer.file", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("allowedRoots", new String[] {root.toString()});
        config.update(properties);
    }

    /** Waits until a source factory of {@code type} is registered. */
    void awaitType(String type) {
        await().atMost(PATIENCE).until(() -> hasType(type));
    }

    void awaitNoType(String type) {
        await().atMost(PATIENCE).until(() -> !hasType(type));
    }

    boolean hasType(String type) throws InvalidSyntaxException {
        var refs = context.getServiceReferences(dev.ferry.spi.pipeline.DataSourceFactory.class, "(ferry.type=" + type + ")");
        return !refs.isEmpty();
    }

    DataFlow awaitEnd(String id) {
        await().atMost(PATIENCE).until(() -> manager.flow(id).map(f -> f.state().isTerminal()).orElse(false));
        return manager.flow(id).orElseThrow();
    }

    void awaitState(String id, FlowState state) {
        await().atMost(PATIENCE).until(() -> manager.flow(id).map(f -> f.state() == state).orElse(false));
    }

    void awaitBytes(String id, long atLeast) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                .until(() -> manager.flow(id).map(f -> f.bytesTransferred() >= atLeast).orElse(false));
    }

    void awaitNoFiles(Path dir) {
        await().atMost(PATIENCE).until(() -> Files2.fileCount(dir) == 0);
    }

    /** Waits until the flow's byte count stops changing (fails if it keeps growing); returns it. */
    long settledBytes(String id) {
        List<Long> samples = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            samples.add(manager.flow(id).orElseThrow().bytesTransferred());
            int n = samples.size();
            return n >= 3 && samples.get(n - 1).equals(samples.get(n - 3));
        });
        return samples.get(samples.size() - 1);
    }
}
