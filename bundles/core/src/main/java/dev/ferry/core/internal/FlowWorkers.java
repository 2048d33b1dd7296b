package dev.ferry.core.internal;

import dev.ferry.spi.Failure.Reason;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.flow.TransferServiceRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of worker threads that take flows from the queue and run each to its end
 * through the transfer service the registry picks. Thread-safe.
 */
final class FlowWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(FlowWorkers.class);

    private record Running(CompletableFuture<StreamResult<Object>> result, LongAdder bytes) {
    }

    private final FlowQueue queue;
    private final TransferServiceRegistry registry;
    private final FlowTransitions transitions;
    private final int count;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentHashMap<String, Running> running = new ConcurrentHashMap<>();

    FlowWorkers(FlowQueue queue, TransferServiceRegistry registry, FlowTransitions transitions, int count) {
        this.queue = queue;
        this.registry = registry;
        this.transitions = transitions;
        this.count = count;
    }

    synchronized void start() {
        for (int i = 0; i < count; i++) {
            Thread thread = Thread.ofPlatform().name("ferry-worker-" + i).daemon().start(this::loop);
            threads.add(thread);
        }
    }

    synchronized void stop() {
        threads.forEach(Thread::interrupt);
        threads.clear();
        running.values().forEach(r -> r.result().cancel(true));
    }

    /** Stops the I/O of flow {@code id} if it runs here. */
    void cancel(String id) {
        Running r = running.get(id);
        if (r != null) {
            r.result().cancel(true);
        }
    }

    DataFlow withLiveProgress(DataFlow flow) {
        Running r = running.get(flow.id());
        return r == null ? flow : flow.withBytesTransferred(r.bytes().sum());
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            String id;
            try {
                id = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.error("flow {}: unexpected error in worker", id, e);
            }
        }
    }

    private void run(String id) {
        Optional<DataFlow> started = transitions.change(id, EnumSet.of(FlowState.RECEIVED), f -> f, FlowState.STARTED, null);
        if (started.isEmpty()) {
            return; // suspended or terminated while queued
        }
        LongAdder bytes = new LongAdder();
        StreamResult<Object> result = registry.resolve(started.get().message())
                .map(service -> runWith(service, started.get(), bytes))
                .orElseGet(() -> StreamResult.generalError("no transfer service on this node can run the flow any longer "
                        + "(a transfer type was removed before it started)"));
        finish(id, result, bytes.sum());
    }

    private StreamResult<Object> runWith(TransferService service, DataFlow flow, LongAdder bytes) {
        CompletableFuture<StreamResult<Object>> future;
        try {
            future = service.transfer(flow.message(), bytes::add);
        } catch (RuntimeException e) {
            return StreamResult.generalError("the transfer could not start: " + e.getMessage());
        }
        running.put(flow.id(), new Running(future, bytes));
        try {
            if (transitions.stateOf(flow.id()).orElse(FlowState.TERMINATED) != FlowState.STARTED) {
                future.cancel(true); // stopped between STARTED and registration above
            }
            return future.join();
        } catch (CancellationException e) {
            return StreamResult.failure(Reason.CANCELLED, "transfer cancelled");
        } catch (CompletionException e) {
            return StreamResult.generalError("transfer failed: " + e.getCause());
        } finally {
            running.remove(flow.id());
        }
    }

    private void finish(String id, StreamResult<Object> result, long bytes) {
        FlowState target = result.succeeded() ? FlowState.COMPLETED : FlowState.FAILED;
        Optional<DataFlow> done = transitions.change(id, EnumSet.of(FlowState.STARTED), f -> f.withBytesTransferred(bytes),
                target, result.failureMessage());
        if (done.isEmpty()) {
            transitions.record(id, f -> f.withBytesTransferred(bytes)); // suspended or terminated meanwhile
        }
    }
}
