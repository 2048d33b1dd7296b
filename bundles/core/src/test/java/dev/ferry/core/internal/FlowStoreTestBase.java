package dev.ferry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.FlowStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract every {@link FlowStore} meets; each implementation's test extends it. */
public abstract class FlowStoreTestBase {

    protected abstract FlowStore store();

    private static DataFlow flow(String id, Instant at) {
        return DataFlow.received(DataFlowStartMessage.push(id, DataAddress.of("File"), DataAddress.of("File")), at);
    }

    @Test
    void insertsOnceAndFinds() {
        DataFlow flow = flow("a", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(store().insert(flow)).isTrue();
        assertThat(store().insert(flow("a", Instant.now()))).isFalse();
        assertThat(store().find("a")).contains(flow);
        assertThat(store().find("missing")).isEmpty();
    }

    @Test
    void updatesAtomicallyAndOnlyWhatExists() {
        store().insert(flow("u", Instant.now()));
        DataFlow started = store().update("u", f -> f.transition(FlowState.STARTED, null, Instant.now())).orElseThrow();
        assertThat(started.state()).isEqualTo(FlowState.STARTED);
        assertThat(store().find("u").orElseThrow().state()).isEqualTo(FlowState.STARTED);
        assertThat(store().update("none", f -> f)).isEmpty();
    }

    @Test
    void concurrentUpdatesAreNotLost() {
        store().insert(flow("c", Instant.now()));
        AtomicInteger calls = new AtomicInteger();
        IntStream.range(0, 200).parallel().forEach(i -> store().update("c", f -> {
            calls.incrementAndGet();
            return f.withBytesTransferred(f.bytesTransferred() + 1);
        }));
        assertThat(store().find("c").orElseThrow().bytesTransferred()).isEqualTo(200);
        assertThat(calls.get()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void findsByStateOldestFirst() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        store().insert(flow("second", t.plusSeconds(2)));
        store().insert(flow("first", t.plusSeconds(1)));
        store().insert(flow("third", t.plusSeconds(3)));
        store().update("third", f -> f.transition(FlowState.COMPLETED, null, t));
        List<DataFlow> received = store().findByState(FlowState.RECEIVED, 10);
        assertThat(received).extracting(DataFlow::id).containsExactly("first", "second");
        assertThat(store().findByState(FlowState.RECEIVED, 1)).extracting(DataFlow::id).containsExactly("first");
    }
}
