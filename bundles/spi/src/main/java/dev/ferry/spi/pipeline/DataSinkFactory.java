package dev.ferry.spi.pipeline;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;

/**
 * Makes {@link DataSink}s for one address type. Registered as an OSGi service with the
 * {@value DataSourceFactory#TYPE_PROPERTY} property, or listed in {@code META-INF/services}.
 * Implementations are thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DataSinkFactory {

    /** The address type served, e.g. {@code File}; constant. */
    String supportedType();

    /** Checks the destination address of {@code message}; cheap; a failure names the property. */
    StreamResult<Void> validateRequest(DataFlowStartMessage message);

    /** Creates the sink for a validated message. */
    DataSink createSink(DataFlowStartMessage message);
}
