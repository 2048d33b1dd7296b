package dev.ferry.transfer.file.internal;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** Parts and sources that are not files: streams that fail, or never end. */
final class FakeParts {

    private FakeParts() {
    }

    static Part text(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** A part whose stream yields {@code failAfter} zero bytes, then throws. */
    static Part failing(String name, int failAfter) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream openStream() {
                return new InputStream() {
                    int served;

                    @Override
                    public int read() throws IOException {
                        if (served++ >= failAfter) {
                            throw new IOException("disk on fire");
                        }
                        return 0;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (served >= failAfter) {
                            throw new IOException("disk on fire");
                        }
                        int n = Math.min(len, failAfter - served);
                        served += n;
                        return n;
                    }
                };
            }
        };
    }

    /** A part of unknown size that never ends; {@code reading} opens once some bytes were served. */
    static Part endless(String name, CountDownLatch reading) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream openStream() {
                return new InputStream() {
                    @Override
                    public int read() {
                        return 0;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        reading.countDown();
                        return Math.min(len, 64 * 1024);
                    }
                };
            }
        };
    }

    static DataSource sourceOf(Part... parts) {
        return () -> StreamResult.success(Stream.of(parts));
    }

    static DataSource sourceOf(List<Part> parts) {
        return () -> StreamResult.success(parts.stream());
    }
}
