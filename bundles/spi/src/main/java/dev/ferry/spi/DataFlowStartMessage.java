package dev.ferry.spi;

import java.net.URI;
import java.util.Map;

/**
 * A control plane's request to start a data flow. Immutable; validated on construction (an
 * {@link IllegalArgumentException} names the offending field).
 *
 * @param processId       the transfer process id; non-blank; one flow per id
 * @param flowType        PUSH or PULL; non-null
 * @param transferType    the transfer type as the control plane names it (e.g. {@code HttpData-PUSH}); nullable
 * @param source          where the data is read; non-null
 * @param destination     where the data is written; non-null for PUSH, null for PULL
 * @param callbackAddress where the control plane wants completion callbacks; nullable
 * @param agreementId     contract agreement id; nullable
 * @param participantId   the counter-party; nullable
 * @param datasetId       the asset or dataset id; nullable
 * @param properties      additional properties; never null (null becomes empty), copied
 */
public record DataFlowStartMessage(
        String processId,
        FlowType flowType,
        String transferType,
        DataAddress source,
        DataAddress destination,
        URI callbackAddress,
        String agreementId,
        String participantId,
        String datasetId,
        Map<String, String> properties) {

    public DataFlowStartMessage {
        if (processId == null || processId.isBlank()) {
            throw new IllegalArgumentException("processId: must be a non-blank id");
        }
        if (flowType == null) {
            throw new IllegalArgumentException("flowType: must be PUSH or PULL");
        }
        if (source == null) {
            throw new IllegalArgumentException("source: a source data address is required");
        }
        if (flowType == FlowType.PUSH && destination == null) {
            throw new IllegalArgumentException("destination: a PUSH flow needs a destination data address");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A PUSH message from {@code source} to {@code destination} with no control-plane details. */
    public static DataFlowStartMessage push(String processId, DataAddress source, DataAddress destination) {
        return new DataFlowStartMessage(processId, FlowType.PUSH, destination.type() + "-PUSH", source, destination,
                null, null, null, null, Map.of());
    }
}
