package dev.ferry.spi.flow;

/** The life cycle of a flow: RECEIVED → STARTED → COMPLETED | FAILED, plus SUSPENDED and TERMINATED. */
public enum FlowState {
    /** Accepted and queued; not yet running. */
    RECEIVED,
    /** A worker runs it (PUSH), or its address was handed out (PULL). */
    STARTED,
    /** Stopped on request; a new start of the same process id resumes it. */
    SUSPENDED,
    /** All data moved. */
    COMPLETED,
    /** Ended with an error; the flow's failure reason says why. */
    FAILED,
    /** Ended on request. */
    TERMINATED;

    /** True for COMPLETED, FAILED and TERMINATED: nothing more happens to the flow. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == TERMINATED;
    }
}
