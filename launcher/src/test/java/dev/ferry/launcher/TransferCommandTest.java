package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TransferCommandTest {

    private final DataFlowStartMessage message = DataFlowStartMessage.push("copy-1",
            new DataAddress("File", java.util.Map.of("path", "/in")), new DataAddress("File", java.util.Map.of("path", "/out")));
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final TransferCommand command = new TransferCommand(new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    void exitsZeroWhenTheFlowCompletes() throws Exception {
        var manager = new ScriptedManager(null, flow(FlowState.RECEIVED, null, 0), flow(FlowState.STARTED, null, 1024),
                flow(FlowState.COMPLETED, null, 3 * 1024 * 1024));
        assertThat(command.run(manager, message)).isZero();
        assertThat(output()).contains("Flow copy-1 started: File -> File").contains("Flow copy-1 COMPLETED: 3.0 MiB in");
    }

    @Test
    void exitsOneWithTheReasonWhenTheFlowFails() throws Exception {
        var manager = new ScriptedManager(null, flow(FlowState.FAILED, "GENERAL_ERROR: disk full writing /out", 10));
        assertThat(command.run(manager, message)).isEqualTo(TransferCommand.FAILED);
        assertThat(output()).contains("Flow copy-1 FAILED: GENERAL_ERROR: disk full writing /out");
    }

    @Test
    void exitsOneWithTheReasonWhenTheManagerRefuses() throws Exception {
        var manager = new ScriptedManager(new Failure(Failure.Reason.BAD_REQUEST, "source.path is relative"));
        assertThat(command.run(manager, message)).isEqualTo(TransferCommand.FAILED);
        assertThat(output()).contains("Flow copy-1 refused: BAD_REQUEST: source.path is relative");
    }

    @Test
    void interruptTerminatesTheRunningFlow() throws Exception {
        var manager = new ScriptedManager(null, flow(FlowState.COMPLETED, null, 0));
        command.run(manager, message);
        command.interrupt();
        assertThat(manager.terminated).isEqualTo("copy-1");
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private DataFlow flow(FlowState state, String reason, long bytes) {
        Instant now = Instant.now();
        return new DataFlow(message, state, reason, null, bytes, now, now);
    }

    /** Answers flow() with the given states in turn (the last one repeats). */
    private static final class ScriptedManager implements DataPlaneManager {
        private final Failure refusal;
        private final Deque<DataFlow> states;
        volatile String terminated;

        ScriptedManager(Failure refusal, DataFlow... states) {
            this.refusal = refusal;
            this.states = new ArrayDeque<>(List.of(states));
        }

        @Override
        public StreamResult<Void> validate(DataFlowStartMessage message) {
            return StreamResult.success();
        }

        @Override
        public StreamResult<DataFlow> start(DataFlowStartMessage message) {
            return refusal != null ? StreamResult.failure(refusal) : StreamResult.success(states.peek());
        }

        @Override
        public Optional<DataFlow> flow(String processId) {
            return Optional.ofNullable(states.size() > 1 ? states.poll() : states.peek());
        }

        @Override
        public StreamResult<DataFlow> suspend(String processId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StreamResult<DataFlow> terminate(String processId, String reason) {
            terminated = processId;
            return StreamResult.success(states.peek());
        }

        @Override
        public StreamResult<DataFlow> complete(String processId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink) {
            throw new UnsupportedOperationException();
        }
    }
}
