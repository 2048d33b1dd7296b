package dev.ferry.spi.flow;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;

/**
 * Issues the address (public endpoint plus access token) a consumer uses for a PULL flow, and
 * revokes it. Provided by the public API bundle; a node without one refuses PULL flows. Thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface PullAddressIssuer {

    /** The address for {@code message}; idempotent per process id. */
    StreamResult<DataAddress> issue(DataFlowStartMessage message);

    /** Revokes every token of {@code processId}. Idempotent. */
    void revoke(String processId);
}
