package dev.ferry.signaling.internal.dps;

import dev.ferry.spi.flow.FlowState;

/** Maps the core's flow states to DPS 1.0 states. */
public final class DpsStates {

    private DpsStates() {
    }

    /**
     * RECEIVED is queued and not yet running: STARTING. FAILED has no DPS state; the flow has ended
     * before completion, which DPS calls TERMINATED (the errored callback carries the reason).
     */
    public static String of(FlowState state) {
        return switch (state) {
            case RECEIVED -> "STARTING";
            case STARTED -> "STARTED";
            case SUSPENDED -> "SUSPENDED";
            case COMPLETED -> "COMPLETED";
            case FAILED, TERMINATED -> "TERMINATED";
        };
    }
}
