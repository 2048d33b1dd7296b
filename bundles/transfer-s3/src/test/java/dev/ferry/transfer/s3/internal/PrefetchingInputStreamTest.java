package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefetchingInputStreamTest {

    static byte[] expected(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    @Test
    void returnsChunksInOrderWithBoundedFetchesInFlight() throws IOException {
        byte[] data = expected(1000);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        PrefetchingInputStream.ChunkReader reader = (offset, length, buffer) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                System.arraycopy(data, (int) offset, buffer, 0, length);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        try (var in = new PrefetchingInputStream(reader, data.length, 64, 3)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aFailedChunkFailsTheRead() {
        PrefetchingInputStream.ChunkReader reader = (offset, length, buffer) -> {
            if (offset >= 128) {
                throw new IOException("GetObject s3://b/k failed: HTTP 500");
            }
        };

        assertThatThrownBy(() -> new PrefetchingInputStream(reader, 1000, 64, 2).readAllBytes())
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void closedStreamRefusesReads() {
        var in = new PrefetchingInputStream((o, l, b) -> { }, 1000, 64, 2);
        in.close();

        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }
}
