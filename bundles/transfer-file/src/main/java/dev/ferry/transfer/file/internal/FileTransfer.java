package dev.ferry.transfer.file.internal;

/** Names shared by the File source and sink. */
public final class FileTransfer {

    /** The address type. */
    public static final String TYPE = "File";

    /** The address property holding the absolute path. */
    public static final String PATH = "path";

    /** The configuration PID of the allowed roots. */
    public static final String CONFIG_PID = "ferry.transfer.file";

    private FileTransfer() {
    }
}
