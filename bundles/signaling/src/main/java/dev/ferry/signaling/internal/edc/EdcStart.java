package dev.ferry.signaling.internal.edc;

import dev.ferry.spi.DataFlowStartMessage;
import java.util.Optional;

/**
 * A parsed EDC start message, with the DSP namespace its addresses used (empty for flat addresses)
 * so the answer's data address is written the way this control plane reads it.
 */
public record EdcStart(DataFlowStartMessage message, Optional<String> dspaceNamespace) {
}
