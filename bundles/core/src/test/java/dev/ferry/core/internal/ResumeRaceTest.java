package dev.ferry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.TransferService;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run that ends after its flow was suspended and resumed must not change the newer run's flow. */
class ResumeRaceTest {

    private final CountDownLatch firstRunMayReturn = new CountDownLatch(1);
    private final CompletableFuture<StreamResult<Object>> secondRun = new CompletableFuture<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final TestTypes types = new TestTypes();
    private DataPlaneManagerImpl manager;

    /** Type {@code Stale}: the first transfer blocks before returning a failure; the second waits for the test. */
    private final TransferService slowToStart = new TransferService() {
        @Override
        public boolean canHandle(DataFlowStartMessage message) {
            return message.source().type().equals("Stale");
        }

        @Override
        public StreamResult<Void> validate(DataFlowStartMessage message) {
            return StreamResult.success();
        }

        @Override
        public CompletableFuture<StreamResult<Object>> transfer(DataFlowStartMessage message, LongConsumer progress) {
            if (calls.incrementAndGet() == 1) {
                try {
                    firstRunMayReturn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture(StreamResult.generalError("the stale first run"));
            }
            return secondRun;
        }
    };

    @AfterEach
    void close() {
        firstRunMayReturn.countDown();
        manager.close();
    }

    @Test
    void aLateEndOfTheSuspendedRunLeavesTheResumedRunAlone() {
        PipelineServiceImpl pipeline = new PipelineServiceImpl();
        pipeline.registerFactory(types.sources);
        pipeline.registerFactory(types.sinks);
        TransferServiceRegistryImpl registry = new TransferServiceRegistryImpl();
        registry.register(pipeline, 0);
        registry.register(slowToStart, 10);
        manager = new DataPlaneManagerImpl(new InMemoryFlowStore(), registry, 10, 2, Clock.systemUTC()).open();
        DataFlowStartMessage message = DataFlowStartMessage.push("r", DataAddress.of("Stale"), DataAddress.of("Collect"));

        manager.start(message);
        await().until(() -> calls.get() == 1);
        manager.suspend("r", null);
        manager.start(message);
        await().until(() -> calls.get() == 2 && state("r") == FlowState.STARTED);

        firstRunMayReturn.countDown();
        // the first run's worker is the only free one: once this flow completes, it has ended the first run
        manager.start(TestTypes.flow("probe", "10"));
        await().until(() -> state("probe") == FlowState.COMPLETED);
        assertThat(state("r")).isEqualTo(FlowState.STARTED);

        secondRun.complete(StreamResult.success(null));
        await().until(() -> state("r") == FlowState.COMPLETED);
        manager.terminate("r", null);
        assertThat(manager.flow("r").map(DataFlow::state)).contains(FlowState.COMPLETED);
    }

    private FlowState state(String id) {
        return manager.flow(id).map(DataFlow::state).orElseThrow();
    }
}
