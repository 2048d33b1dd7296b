package dev.ferry.spi;

/** How a flow moves data: the data plane sends it (PUSH) or the consumer fetches it (PULL). */
public enum FlowType {
    PUSH,
    PULL
}
