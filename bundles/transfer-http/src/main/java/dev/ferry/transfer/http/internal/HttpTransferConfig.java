package dev.ferry.transfer.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code ferry.transfer.http}: client timeouts and buffer size for HttpData transfers. */
@ObjectClassDefinition(id = HttpTransferConfig.PID, name = "Ferry HttpData transfer",
        description = "Timeouts and buffer size of the HTTP client that HttpData sources and sinks use.")
public @interface HttpTransferConfig {

    String PID = "ferry.transfer.http";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long to wait for a TCP connection; positive.")
    int connectTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Read timeout (ms)", description = "How long a read may wait for the next byte (a stalled server); 0 waits forever.")
    int readTimeoutMillis() default 60_000;

    @AttributeDefinition(name = "Buffer size (bytes)", description = "Copy buffer and upload chunk size, 8192 to 16777216; memory per running transfer.")
    int bufferSize() default 256 * 1024;
}
