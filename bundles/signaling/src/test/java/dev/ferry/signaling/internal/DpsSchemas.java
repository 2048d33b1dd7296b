package dev.ferry.signaling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DPS 1.0 JSON schemas (copied from the spec into test resources), resolved locally: the
 * spec's {@code https://w3id.org/dspace-sig/v1.0/} references map to the copies, the DSP data
 * address to a local stand-in.
 */
public final class DpsSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix("https://w3id.org/dspace-sig/v1.0/", "classpath:dps/schemas/")
                    .mapPrefix("https://w3id.org/dspace/2025/1/transfer/data-address-schema.json",
                            "classpath:dps/schemas/dsp-data-address.schema.json")));

    private DpsSchemas() {
    }

    /** The validation errors of {@code json} against schema {@code name} (e.g. "DataFlowStatusMessage"). */
    public static Set<String> errors(String name, JsonNode json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:dps/schemas/" + name + ".schema.json"));
        Set<ValidationMessage> messages = schema.validate(json);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    public static Set<String> errors(String name, String json) {
        try {
            return errors(name, Json.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
