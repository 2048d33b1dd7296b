package dev.ferry.signaling.internal.osgi;

import dev.ferry.signaling.internal.NodeTypes;
import dev.ferry.signaling.internal.SignalingNode;
import dev.ferry.signaling.internal.SignalingSettings;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.PullAddressIssuer;
import dev.ferry.spi.flow.TransferServiceRegistry;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Wires signaling in OSGi: serves both protocols over the core's manager, sends callbacks as a
 * {@link FlowListener} service, and re-registers with control planes whenever factory services
 * (transfer types) come or go. A configuration change restarts it.
 *
 * <p>The listener is registered by hand, not as this component's DS service: the core's manager
 * tracks FlowListener services while this component references the manager, and SCR reports that
 * as a circular reference.
 */
@Component(service = {}, immediate = true, configurationPid = "ferry.signaling")
@Designate(ocd = SignalingComponent.Config.class)
public final class SignalingComponent implements FlowListener {

    @ObjectClassDefinition(name = "Ferry signaling", description = "The control API of the node: EDC signaling v1 and DPS 1.0")
    public @interface Config {
        @AttributeDefinition(description = "Interface to listen on")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port to listen on (0 picks a free one)")
        int port() default 8282;

        @AttributeDefinition(description = "Base path of both APIs, e.g. /api/signaling")
        String basePath() default "/api/signaling";

        @AttributeDefinition(description = "Signaling base URL as control planes reach it; empty: http://host:port/basePath")
        String publicUrl() default "";

        @AttributeDefinition(description = "EDC control API URL to register at (POST {url}/v1/dataplanes); empty: no registration")
        String controlPlaneUrl() default "";

        @AttributeDefinition(description = "DPS control plane endpoint: registration (PUT {url}/dataplanes) and default callback target")
        String dpsControlPlaneUrl() default "";

        @AttributeDefinition(description = "This data plane's id in registrations")
        String dataplaneId() default "ferry";

        @AttributeDefinition(description = "First callback retry delay in ms (doubles per retry)")
        long callbackFirstDelayMillis() default 500;

        @AttributeDefinition(description = "Longest callback retry delay in ms")
        long callbackMaxDelayMillis() default 30_000;

        @AttributeDefinition(description = "How long a callback is retried, in minutes, before it is given up (logged)")
        long callbackMaxAgeMinutes() default 1440;
    }

    @Reference
    private DataPlaneManager manager;

    @Reference
    private TransferServiceRegistry registry;

    private final Map<DataSourceFactory, String> sourceTypes = new ConcurrentHashMap<>();
    private final Map<DataSinkFactory, String> sinkTypes = new ConcurrentHashMap<>();
    private volatile PullAddressIssuer pullIssuer;
    private volatile SignalingNode node;
    private ServiceRegistration<FlowListener> listenerRegistration;

    @Activate
    void activate(BundleContext context, Config config) {
        SignalingSettings settings = new SignalingSettings(config.host(), config.port(), config.basePath(),
                SignalingSettings.optionalUrl(config.publicUrl(), "publicUrl"),
                SignalingSettings.optionalUrl(config.controlPlaneUrl(), "controlPlaneUrl"),
                SignalingSettings.optionalUrl(config.dpsControlPlaneUrl(), "dpsControlPlaneUrl"),
                config.dataplaneId(), Duration.ofMillis(config.callbackFirstDelayMillis()),
                Duration.ofMillis(config.callbackMaxDelayMillis()), Duration.ofMinutes(config.callbackMaxAgeMinutes()));
        SignalingNode created = new SignalingNode(manager, this::types, settings, Clock.systemUTC());
        // Jetty looks some things up with ServiceLoader on the context class loader: make it ours.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SignalingComponent.class.getClassLoader());
        try {
            created.start();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        node = created;
        listenerRegistration = context.registerService(FlowListener.class, this, null);
    }

    @Deactivate
    void deactivate() {
        if (listenerRegistration != null) {
            listenerRegistration.unregister();
            listenerRegistration = null;
        }
        SignalingNode current = node;
        node = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void stateChanged(DataFlow flow, FlowState previous) {
        SignalingNode current = node;
        if (current != null) {
            current.stateChanged(flow, previous);
        }
    }

    private NodeTypes types() {
        Set<String> sources = new TreeSet<>(sourceTypes.values());
        sources.addAll(registry.sourceTypes());
        Set<String> destinations = new TreeSet<>(sinkTypes.values());
        destinations.addAll(registry.destinationTypes());
        return new NodeTypes(sources, destinations, pullIssuer != null);
    }

    private void changed() {
        SignalingNode current = node;
        if (current != null) {
            current.typesChanged();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSourceFactory(DataSourceFactory factory) {
        sourceTypes.put(factory, factory.supportedType());
        changed();
    }

    void removeSourceFactory(DataSourceFactory factory) {
        sourceTypes.remove(factory);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSinkFactory(DataSinkFactory factory) {
        sinkTypes.put(factory, factory.supportedType());
        changed();
    }

    void removeSinkFactory(DataSinkFactory factory) {
        sinkTypes.remove(factory);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setPullIssuer(PullAddressIssuer issuer) {
        pullIssuer = issuer;
        changed();
    }

    void unsetPullIssuer(PullAddressIssuer issuer) {
        if (pullIssuer == issuer) {
            pullIssuer = null;
        }
        changed();
    }
}
