package dev.ferry.signaling.internal;

import dev.ferry.signaling.internal.dps.ConsumerFlows;
import dev.ferry.signaling.internal.dps.ControlPlaneRegistry;
import dev.ferry.signaling.internal.dps.DpsCallbacks;
import dev.ferry.signaling.internal.dps.DpsControlPlaneApi;
import dev.ferry.signaling.internal.dps.DpsRegistration;
import dev.ferry.signaling.internal.dps.DpsSignalingApi;
import dev.ferry.signaling.internal.edc.EdcCallbacks;
import dev.ferry.signaling.internal.edc.EdcRegistration;
import dev.ferry.signaling.internal.edc.EdcSignalingApi;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling part of a node, in plain Java: both protocol APIs on one Jetty server, their
 * callbacks (as a {@link FlowListener} to add to the manager) and registration with control planes.
 * {@link #start()} once, {@link #close()} once; the wiring (OSGi or embedded) owns the manager.
 */
public final class SignalingNode implements FlowListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingNode.class);

    private final SignalingSettings settings;
    private final Supplier<NodeTypes> types;
    private final ScheduledExecutorService scheduler;
    private final LazyHttpClient client = new LazyHttpClient();
    private final CallbackSender callbacks;
    private final List<FlowListener> listeners;
    private final SignalingServer server;
    private volatile Registrar registrar;

    public SignalingNode(DataPlaneManager manager, Supplier<NodeTypes> types, SignalingSettings settings, Clock clock) {
        this.settings = settings;
        this.types = types;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-signaling-callbacks");
            t.setDaemon(true);
            return t;
        });
        this.callbacks = new CallbackSender(client, scheduler, clock, settings.callbackFirstDelay(),
                settings.callbackMaxDelay(), settings.callbackMaxAge());
        ControlPlaneRegistry controlPlanes = new ControlPlaneRegistry();
        this.listeners = List.of(new EdcCallbacks(callbacks::send),
                new DpsCallbacks(callbacks::send, controlPlanes, settings.dpsControlPlaneUrl()));
        this.server = new SignalingServer(settings.host(), settings.port(), settings.basePath(), List.of(
                new EdcSignalingApi(manager),
                new DpsSignalingApi(manager, new ConsumerFlows(), settings.basePath()),
                new DpsControlPlaneApi(controlPlanes)));
    }

    /** Starts serving and registers with the configured control planes. */
    public void start() {
        server.start();
        URI base = publicBase();
        List<Registrar.Target> targets = new ArrayList<>();
        settings.controlPlaneUrl().ifPresent(cp -> targets.add(new Registrar.Target("EDC control plane", "POST",
                URI.create(trim(cp) + "/v1/dataplanes"), () -> EdcRegistration.body(settings.dataplaneId(), base, types.get()))));
        settings.dpsControlPlaneUrl().ifPresent(cp -> targets.add(new Registrar.Target("DPS control plane", "PUT",
                URI.create(trim(cp) + "/dataplanes"), () -> DpsRegistration.body(settings.dataplaneId(), base, types.get()))));
        registrar = new Registrar(client, scheduler, targets, Duration.ofMillis(500), Duration.ofSeconds(30));
        registrar.typesChanged();
        LOG.info("signaling listens at {} (EDC signaling v1 at {}/v1/dataflows, DPS 1.0 at {}/dataflows)",
                server.baseUri(), base, base);
    }

    /** Call when transfer types come or go: registrations are sent again with the new types. */
    public void typesChanged() {
        Registrar r = registrar;
        if (r != null) {
            r.typesChanged();
        }
    }

    /** The base URL control planes use: the configured public URL, or the listening address. */
    public URI publicBase() {
        return settings.publicUrl().map(u -> URI.create(trim(u))).orElseGet(server::baseUri);
    }

    /** The listening base URI (port resolved). */
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void stateChanged(DataFlow flow, FlowState previous) {
        for (FlowListener listener : listeners) {
            try {
                listener.stateChanged(flow, previous);
            } catch (RuntimeException e) {
                LOG.error("flow {}: callback for {} failed", flow.id(), flow.state(), e);
            }
        }
    }

    /** Callbacks not yet delivered. */
    public int pendingCallbacks() {
        return callbacks.pending();
    }

    @Override
    public void close() {
        Registrar r = registrar;
        if (r != null) {
            r.close();
        }
        try {
            server.close();
        } finally {
            callbacks.close();
            scheduler.shutdownNow();
            client.close();
        }
    }

    private static String trim(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
