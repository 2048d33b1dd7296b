package dev.ferry.core.internal;

import dev.ferry.spi.flow.FlowStore;

class InMemoryFlowStoreTest extends FlowStoreTestBase {

    private final InMemoryFlowStore store = new InMemoryFlowStore();

    @Override
    protected FlowStore store() {
        return store;
    }
}
