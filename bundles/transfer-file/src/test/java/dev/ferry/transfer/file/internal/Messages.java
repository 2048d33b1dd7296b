package dev.ferry.transfer.file.internal;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import java.nio.file.Path;
import java.util.Map;

/** Builds start messages for tests. */
final class Messages {

    private Messages() {
    }

    static DataAddress file(String path) {
        return new DataAddress(FileTransfer.TYPE, Map.of(FileTransfer.PATH, path));
    }

    static DataAddress file(Path path) {
        return file(path.toString());
    }

    static DataFlowStartMessage push(DataAddress source, DataAddress destination) {
        return DataFlowStartMessage.push("process-1", source, destination);
    }

    static DataFlowStartMessage from(Path source) {
        return push(file(source), file("/nowhere/out"));
    }

    static DataFlowStartMessage to(String destination) {
        return push(file("/nowhere/in"), file(destination));
    }
}
