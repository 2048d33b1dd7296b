package dev.ferry.spi.pipeline;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;

/**
 * Makes {@link DataSource}s for one address type. Registered as an OSGi service with the
 * {@value #TYPE_PROPERTY} property, or listed in {@code META-INF/services} for plain-Java use.
 * Implementations are thread-safe: many flows use one factory at once.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DataSourceFactory {

    /** The service property naming the address type a factory serves. */
    String TYPE_PROPERTY = "ferry.type";

    /** The address type served, e.g. {@code File}; constant. */
    String supportedType();

    /**
     * Checks the source address of {@code message} before anything is created; cheap (metadata
     * look-ups at most); a failure names the property and the fix.
     */
    StreamResult<Void> validateRequest(DataFlowStartMessage message);

    /** Creates the source for a validated message; does no I/O beyond what opening needs. */
    DataSource createSource(DataFlowStartMessage message);
}
