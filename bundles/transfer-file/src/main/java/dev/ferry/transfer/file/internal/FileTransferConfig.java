package dev.ferry.transfer.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code ferry.transfer.file}: where File sources may read and File sinks may write. */
@ObjectClassDefinition(id = FileTransfer.CONFIG_PID, name = "Ferry File transfer",
        description = "Directories that File transfers may read and write.")
public @interface FileTransferConfig {

    @AttributeDefinition(name = "Allowed roots", description = "Absolute directory paths (in a .cfg file: comma-separated); a File source or"
            + " destination path must lie under one of them (symbolic links resolved). Empty refuses every File transfer.")
    String[] allowedRoots() default {};
}
