package dev.ferry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.TransferService;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class TransferServiceRegistryImplTest {

    private static TransferService service(String source, boolean handles) {
        return new TransferService() {
            @Override
            public boolean canHandle(DataFlowStartMessage message) {
                return handles;
            }

            @Override
            public StreamResult<Void> validate(DataFlowStartMessage message) {
                return StreamResult.success();
            }

            @Override
            public CompletableFuture<StreamResult<Object>> transfer(DataFlowStartMessage message, LongConsumer progress) {
                return CompletableFuture.completedFuture(StreamResult.success(null));
            }

            @Override
            public Set<String> sourceTypes() {
                return Set.of(source);
            }
        };
    }

    private final DataFlowStartMessage message = DataFlowStartMessage.push("p", DataAddress.of("A"), DataAddress.of("B"));

    @Test
    void picksTheHighestRankedServiceThatCanHandleAndTheEarliestOnATie() {
        var registry = new TransferServiceRegistryImpl();
        TransferService low = service("A", true);
        TransferService high = service("S3", true);
        TransferService highButUnable = service("X", false);
        TransferService tie = service("Y", true);
        registry.register(low, 0);
        registry.register(highButUnable, 50);
        registry.register(high, 10);
        registry.register(tie, 10);
        assertThat(registry.resolve(message)).containsSame(high);
        registry.unregister(high);
        assertThat(registry.resolve(message)).containsSame(tie);
        registry.unregister(tie);
        assertThat(registry.resolve(message)).containsSame(low);
        assertThat(registry.sourceTypes()).containsExactlyInAnyOrder("A", "X");
        registry.unregister(low);
        assertThat(registry.resolve(message)).isEmpty();
    }

    @Test
    void registeringTheSameServiceTwiceKeepsOneEntry() {
        var registry = new TransferServiceRegistryImpl();
        TransferService s = service("A", true);
        registry.register(s, 0);
        registry.register(s, 5);
        assertThat(registry.services()).containsExactly(s);
    }
}
