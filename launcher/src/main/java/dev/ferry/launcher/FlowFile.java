package dev.ferry.launcher;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a flow file into a PUSH {@link DataFlowStartMessage}:
 * {@code {"processId": "copy-1", "source": {"type": "File", "path": "/in"}, "destination": {"type": "File", "path": "/out"}}}.
 * Every member of an address other than {@code type} is an address property (non-strings as their
 * JSON text); {@code processId} defaults to a random UUID; optional {@code properties} go to the
 * message. {@code ${ferry.home}} and other variables are substituted in string values.
 */
final class FlowFile {

    private FlowFile() {
    }

    static DataFlowStartMessage read(Path file, Variables variables) {
        try (Reader in = Files.newBufferedReader(file); var json = Json.createReader(in)) {
            return parse(json.readObject(), variables);
        } catch (IOException e) {
            throw new LaunchException("cannot read flow file " + file + ": " + e);
        } catch (JsonException | ClassCastException e) {
            throw new LaunchException("flow file " + file + " is not a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new LaunchException("flow file " + file + ": " + e.getMessage());
        }
    }

    static DataFlowStartMessage parse(JsonObject json, Variables variables) {
        String processId = json.containsKey("processId") ? text(json.get("processId"), "processId", variables)
                : UUID.randomUUID().toString();
        DataAddress source = address(json, "source", variables);
        DataAddress destination = address(json, "destination", variables);
        DataFlowStartMessage push = DataFlowStartMessage.push(processId, source, destination);
        Map<String, String> properties = strings(json.getJsonObject("properties"), "properties", variables);
        return new DataFlowStartMessage(push.processId(), push.flowType(), push.transferType(), source, destination,
                null, null, null, null, properties);
    }

    private static DataAddress address(JsonObject json, String name, Variables variables) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonObject address)) {
            throw new IllegalArgumentException("\"" + name + "\" is required: an object such as {\"type\": \"File\", \"path\": \"/data/in.bin\"}");
        }
        if (!(address.get("type") instanceof JsonString type) || type.getString().isBlank()) {
            throw new IllegalArgumentException("\"" + name + ".type\" is required: the transfer type, e.g. \"File\"");
        }
        Map<String, String> properties = strings(address, name, variables);
        properties.remove("type");
        return new DataAddress(type.getString(), properties);
    }

    private static Map<String, String> strings(JsonObject json, String where, Variables variables) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((k, v) -> values.put(k, text(v, where + "." + k, variables)));
        }
        return values;
    }

    private static String text(JsonValue value, String where, Variables variables) {
        return variables.resolve(value instanceof JsonString s ? s.getString() : value.toString(), "flow file, " + where);
    }
}
