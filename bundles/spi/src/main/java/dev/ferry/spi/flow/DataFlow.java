package dev.ferry.spi.flow;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import java.time.Instant;

/**
 * A flow as the data plane tracks it. Immutable; a state change makes a new value.
 *
 * @param message          the start message; non-null; its processId is the flow id
 * @param state            the current state; non-null
 * @param failureReason    why it FAILED, SUSPENDED or TERMINATED, if known; nullable
 * @param pullAddress      for a started PULL flow, the address handed to the consumer; nullable
 * @param bytesTransferred bytes moved so far (0 when unknown)
 * @param createdAt        when it was received; non-null
 * @param updatedAt        when the state last changed; non-null
 */
public record DataFlow(
        DataFlowStartMessage message,
        FlowState state,
        String failureReason,
        DataAddress pullAddress,
        long bytesTransferred,
        Instant createdAt,
        Instant updatedAt) {

    public DataFlow {
        if (message == null) {
            throw new IllegalArgumentException("message: required");
        }
        if (state == null) {
            throw new IllegalArgumentException("state: required");
        }
        if (createdAt == null || updatedAt == null) {
            throw new IllegalArgumentException("createdAt/updatedAt: required");
        }
    }

    /** A new flow in RECEIVED state. */
    public static DataFlow received(DataFlowStartMessage message, Instant now) {
        return new DataFlow(message, FlowState.RECEIVED, null, null, 0, now, now);
    }

    /** The flow id, which is the process id. */
    public String id() {
        return message.processId();
    }

    /** A copy in {@code newState} with {@code reason} (nullable), stamped {@code now}. */
    public DataFlow transition(FlowState newState, String reason, Instant now) {
        return new DataFlow(message, newState, reason, pullAddress, bytesTransferred, createdAt, now);
    }

    /** A copy with the address a PULL consumer uses. */
    public DataFlow withPullAddress(DataAddress address) {
        return new DataFlow(message, state, failureReason, address, bytesTransferred, createdAt, updatedAt);
    }

    /** A copy with the byte count. */
    public DataFlow withBytesTransferred(long bytes) {
        return new DataFlow(message, state, failureReason, pullAddress, bytes, createdAt, updatedAt);
    }

    /** A copy carrying a new start message (a resume may bring updated addresses). */
    public DataFlow withMessage(DataFlowStartMessage newMessage) {
        return new DataFlow(newMessage, state, failureReason, pullAddress, bytesTransferred, createdAt, updatedAt);
    }
}
