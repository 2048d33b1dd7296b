package dev.ferry.signaling.internal;

import dev.ferry.spi.flow.DataFlow;

/**
 * Which protocol started a flow. Kept in the start message's properties, so the callbacks of a flow
 * go out in the protocol it came in, also when the flow store is shared by several nodes.
 */
public final class Protocols {

    /** The start-message property that names the protocol. */
    public static final String PROPERTY = "ferry.signaling.protocol";
    public static final String EDC_V1 = "edc-v1";
    public static final String DPS_1_0 = "dps-1.0";

    private Protocols() {
    }

    public static boolean startedBy(DataFlow flow, String protocol) {
        return protocol.equals(flow.message().properties().get(PROPERTY));
    }
}
