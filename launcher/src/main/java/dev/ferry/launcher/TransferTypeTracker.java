package dev.ferry.launcher;

import java.util.Arrays;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Follows the DataSourceFactory and DataSinkFactory services by their {@code ferry.type} property and
 * reports a type gaining or losing a role. It reads service properties only: no service is fetched,
 * so no delayed component is activated just to be listed. Thread-safe.
 */
final class TransferTypeTracker implements AutoCloseable {

    static final String SOURCE = "dev.ferry.spi.pipeline.DataSourceFactory";
    static final String SINK = "dev.ferry.spi.pipeline.DataSinkFactory";
    static final String TYPE = "ferry.type";

    private final TransferTypes types = new TransferTypes();
    private final ServiceTracker<Object, ServiceReference<Object>> tracker;
    private volatile Consumer<String> reporter = line -> { };

    TransferTypeTracker(BundleContext context) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter("(|(objectClass=" + SOURCE + ")(objectClass=" + SINK + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        this.tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public ServiceReference<Object> addingService(ServiceReference<Object> ref) {
                change(ref, true);
                return ref;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, ServiceReference<Object> tracked) {
                change(ref, false);
            }
        };
    }

    /** Starts tracking; every service of any class space counts (the launcher loads no service class). */
    TransferTypeTracker open() {
        tracker.open(true);
        return this;
    }

    /** From now on, each change is reported as one line to {@code reporter}. */
    void reportTo(Consumer<String> reporter) {
        synchronized (types) {
            this.reporter = reporter;
        }
    }

    /**
     * The current types, and from then on each change reported to {@code reporter}: atomically, so a
     * type that comes or goes meanwhile is in one or the other, never lost between the two.
     */
    String describeThenReportTo(Consumer<String> reporter) {
        synchronized (types) {
            this.reporter = reporter;
            return types.describe();
        }
    }

    /** The current types, e.g. {@code File (source, sink)}. */
    String describe() {
        return types.describe();
    }

    private void change(ServiceReference<?> ref, boolean added) {
        Object type = ref.getProperty(TYPE);
        String[] classes = (String[]) ref.getProperty("objectClass");
        if (type == null || classes == null) {
            return;
        }
        for (String cls : classes) {
            TransferTypes.Role role = SOURCE.equals(cls) ? TransferTypes.Role.SOURCE
                    : SINK.equals(cls) ? TransferTypes.Role.SINK : null;
            if (role == null) {
                continue;
            }
            String name = type instanceof String[] array ? Arrays.toString(array) : type.toString();
            synchronized (types) {
                boolean changed = added ? types.add(name, role) : types.remove(name, role);
                if (changed) {
                    reporter.accept("Transfer type " + (added ? "added" : "removed") + ": " + name + " " + role.label()
                            + " (node has: " + types.describe() + ")");
                }
            }
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
