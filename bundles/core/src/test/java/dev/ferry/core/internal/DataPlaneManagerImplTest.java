package dev.ferry.core.internal;

import static dev.ferry.core.internal.TestTypes.endlessFlow;
import static dev.ferry.core.internal.TestTypes.flow;
import static dev.ferry.core.internal.TestTypes.gatedFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure.Reason;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataPlaneManagerImplTest {

    private final TestTypes types = new TestTypes();
    private final PipelineServiceImpl pipeline = new PipelineServiceImpl();
    private final TransferServiceRegistryImpl registry = new TransferServiceRegistryImpl();
    private DataPlaneManagerImpl manager;

    private DataPlaneManagerImpl manager(int queueCapacity, int workers) {
        pipeline.registerFactory(types.sources);
        pipeline.registerFactory(types.sinks);
        pipeline.registerFactory(types.nulls);
        registry.register(pipeline, 0);
        manager = new DataPlaneManagerImpl(new InMemoryFlowStore(), registry, queueCapacity, workers, Clock.systemUTC()).open();
        return manager;
    }

    @AfterEach
    void close() {
        types.gates.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        if (manager != null) {
            manager.close();
        }
    }

    private FlowState state(String id) {
        return manager.flow(id).map(DataFlow::state).orElseThrow();
    }

    @Test
    void runsAFlowToCompletionWithItsBytes() {
        manager(10, 2);
        assertThat(manager.start(flow("p1", "100000")).succeeded()).isTrue();
        await().until(() -> state("p1") == FlowState.COMPLETED);
        assertThat(types.received.get("p1").size()).isEqualTo(100000);
        assertThat(manager.flow("p1").orElseThrow().bytesTransferred()).isEqualTo(100000);
    }

    @Test
    void fullQueueRefusesExactlyOneOfCapacityPlusOneAndTheOthersCompleteOnceUnblocked() {
        int capacity = 4;
        manager(capacity, 2);
        manager.start(gatedFlow("busy-1", "10", "workers"));
        manager.start(gatedFlow("busy-2", "10", "workers"));
        await().until(() -> state("busy-1") == FlowState.STARTED && state("busy-2") == FlowState.STARTED);

        List<StreamResult<DataFlow>> results = IntStream.rangeClosed(1, capacity + 1)
                .mapToObj(i -> manager.start(flow("q" + i, "1000"))).toList();

        assertThat(results).filteredOn(StreamResult::failed).hasSize(1)
                .allSatisfy(r -> assertThat(r.failure().reason()).isEqualTo(Reason.CAPACITY_EXHAUSTED));
        assertThat(results.get(capacity).failed()).isTrue();
        types.gate("workers").countDown();
        await().until(() -> IntStream.rangeClosed(1, capacity).allMatch(i -> state("q" + i) == FlowState.COMPLETED));
        assertThat(manager.flow("q" + (capacity + 1))).isEmpty();
    }

    @Test
    void duplicateStartRunsTheTransferOnce() {
        manager(10, 2);
        manager.start(gatedFlow("dup", "500", "dup"));
        StreamResult<DataFlow> again = manager.start(gatedFlow("dup", "500", "dup"));
        assertThat(again.succeeded()).isTrue();
        types.gate("dup").countDown();
        await().until(() -> state("dup") == FlowState.COMPLETED);
        assertThat(manager.start(gatedFlow("dup", "500", "dup")).content().state()).isEqualTo(FlowState.COMPLETED);
        assertThat(types.sinkTransfers.get()).isEqualTo(1);
        assertThat(types.received.get("dup").size()).isEqualTo(500);
    }

    @Test
    void terminateStopsTheBytesOfARunningFlow() {
        manager(10, 1);
        manager.start(endlessFlow("big"));
        await().until(() -> manager.flow("big").orElseThrow().bytesTransferred() > 10_000_000);
        assertThat(manager.terminate("big", "operator").content().state()).isEqualTo(FlowState.TERMINATED);
        long afterStop = settled(types.produced::get);
        assertThat(types.produced.get()).isEqualTo(afterStop);
        assertThat(manager.flow("big").orElseThrow().bytesTransferred()).isLessThanOrEqualTo(afterStop);
        assertThat(state("big")).isEqualTo(FlowState.TERMINATED);
        // the worker is free again
        manager.start(flow("next", "10"));
        await().until(() -> state("next") == FlowState.COMPLETED);
    }

    @Test
    void suspendStopsAndAStartOfTheSameProcessResumesIt() {
        manager(10, 1);
        manager.start(endlessFlow("s"));
        await().until(() -> manager.flow("s").orElseThrow().bytesTransferred() > 1_000_000);
        assertThat(manager.suspend("s", null).content().state()).isEqualTo(FlowState.SUSPENDED);
        settled(types.produced::get);
        DataFlowStartMessage finite = flow("s", "2000");
        assertThat(manager.start(finite).content().state()).isEqualTo(FlowState.RECEIVED);
        await().until(() -> state("s") == FlowState.COMPLETED);
        assertThat(types.received.get("s").size()).isEqualTo(2000);
    }

    @Test
    void terminatingAQueuedFlowMeansItNeverRuns() {
        manager(10, 1);
        manager.start(gatedFlow("blocker", "1", "b"));
        await().until(() -> state("blocker") == FlowState.STARTED);
        manager.start(flow("queued", "10"));
        manager.terminate("queued", null);
        types.gate("b").countDown();
        manager.start(flow("after", "10"));
        await().until(() -> state("after") == FlowState.COMPLETED);
        assertThat(state("queued")).isEqualTo(FlowState.TERMINATED);
        assertThat(types.received).doesNotContainKey("queued");
    }

    @Test
    void unknownTypesAreRefusedNamingTheFieldAndType() {
        manager(10, 1);
        StreamResult<DataFlow> result = manager.start(DataFlowStartMessage.push("x",
                new DataAddress("File", Map.of("path", "/tmp/a")), DataAddress.of("Collect")));
        assertThat(result.failure().reason()).isEqualTo(Reason.BAD_REQUEST);
        assertThat(result.failureMessage()).contains("source.type", "no source factory for type 'File'", "Test");
        StreamResult<DataFlow> sink = manager.start(DataFlowStartMessage.push("y",
                new DataAddress("Test", Map.of("bytes", "1")), DataAddress.of("AmazonS3")));
        assertThat(sink.failureMessage()).contains("destination.type", "no sink factory for type 'AmazonS3'");
        assertThat(manager.start(flow("z", "1")).succeeded()).isTrue();
        assertThat(manager.start(DataFlowStartMessage.push("w", DataAddress.of("Test"), DataAddress.of("Collect")))
                .failureMessage()).isEqualTo("source.bytes: required");
    }

    @Test
    void removingAFactoryDuringATransferFailsTheFlowWithAReason() {
        manager(10, 1);
        manager.start(endlessFlow("r"));
        await().until(() -> manager.flow("r").orElseThrow().bytesTransferred() > 1_000_000);
        pipeline.unregisterFactory(types.sources);
        await().until(() -> state("r") == FlowState.FAILED);
        assertThat(manager.flow("r").orElseThrow().failureReason()).contains("'Test'", "removed");
    }

    @Test
    void listenersSeeEveryStateInOrder() {
        manager(10, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        manager.addListener((f, previous) -> seen.add(previous + ">" + f.state()));
        manager.start(flow("l", "10"));
        await().until(() -> seen.size() == 3);
        assertThat(seen).containsExactly("null>RECEIVED", "RECEIVED>STARTED", "STARTED>COMPLETED");
    }

    @Test
    void unknownFlowsAreNotFoundAndFinishedOnesCannotBeSuspended() {
        manager(10, 1);
        assertThat(manager.suspend("nope", null).failure().reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(manager.terminate("nope", null).failure().reason()).isEqualTo(Reason.NOT_FOUND);
        manager.start(flow("done", "1"));
        await().until(() -> state("done") == FlowState.COMPLETED);
        assertThat(manager.suspend("done", null).failure().reason()).isEqualTo(Reason.CONFLICT);
        assertThat(manager.terminate("done", null).succeeded()).isTrue();
        assertThat(state("done")).isEqualTo(FlowState.COMPLETED);
    }

    @Test
    void aNewManagerOnTheSameStoreFinishesTheFlowsTheOldOneLeft() {
        InMemoryFlowStore store = new InMemoryFlowStore();
        pipeline.registerFactory(types.sources);
        pipeline.registerFactory(types.sinks);
        registry.register(pipeline, 0);
        DataPlaneManagerImpl first = new DataPlaneManagerImpl(store, registry, 1, 1, Clock.systemUTC()).open();
        first.start(gatedFlow("running", "100", "old"));
        await().until(() -> store.find("running").orElseThrow().state() == FlowState.STARTED);
        first.start(flow("waiting", "200"));
        first.close(); // e.g. ferry.manager.cfg changed: DS re-creates the manager
        assertThat(store.find("running").orElseThrow().state()).as("left for the next manager").isEqualTo(FlowState.STARTED);

        manager = new DataPlaneManagerImpl(store, registry, 1, 1, Clock.systemUTC()).open();
        types.gate("old").countDown();
        await().until(() -> state("running") == FlowState.COMPLETED && state("waiting") == FlowState.COMPLETED);
        assertThat(types.received.get("waiting").size()).isEqualTo(200);
        // recovered flows beyond the capacity did not shrink or grow it: one more fits, the next is refused
        manager.start(gatedFlow("hold", "1", "hold"));
        await().until(() -> state("hold") == FlowState.STARTED);
        assertThat(manager.start(flow("fits", "1")).succeeded()).isTrue();
        assertThat(manager.start(flow("refused", "1")).failure().reason()).isEqualTo(Reason.CAPACITY_EXHAUSTED);
    }

    @Test
    void completeEndsARunningFlowAsCompletedStopsItsBytesAndIsIdempotent() {
        manager(10, 1);
        manager.start(endlessFlow("c"));
        await().until(() -> manager.flow("c").orElseThrow().bytesTransferred() > 1_000_000);
        assertThat(manager.complete("c").content().state()).isEqualTo(FlowState.COMPLETED);
        long stopped = settled(types.produced::get);
        assertThat(types.produced.get()).isEqualTo(stopped);
        assertThat(manager.complete("c").succeeded()).isTrue();
        assertThat(state("c")).isEqualTo(FlowState.COMPLETED);
        assertThat(manager.complete("nope").failure().reason()).isEqualTo(Reason.NOT_FOUND);
        manager.start(flow("t", "1"));
        await().until(() -> state("t") == FlowState.COMPLETED);
        manager.start(gatedFlow("x", "1", "x"));
        manager.terminate("x", null);
        assertThat(manager.complete("x").failure().reason()).isEqualTo(Reason.CONFLICT);
    }

    /** Waits until a byte count stops changing (fails if it keeps growing), and returns it. */
    static long settled(java.util.function.LongSupplier bytes) {
        List<Long> samples = new ArrayList<>();
        await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10)).until(() -> {
            samples.add(bytes.getAsLong());
            int n = samples.size();
            return n >= 3 && samples.get(n - 1).equals(samples.get(n - 3));
        });
        return samples.get(samples.size() - 1);
    }
}
