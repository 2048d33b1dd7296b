package dev.ferry.launcher;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OSGi R8 feature (JSON) into a {@link Feature}. Stateless. Errors are
 * {@link LaunchException}s that name the file and the field.
 */
final class FeatureReader {

    private FeatureReader() {
    }

    static Feature read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try (Reader in = Files.newBufferedReader(file); var json = Json.createReader(in)) {
            return read(name, json.readObject());
        } catch (IOException e) {
            throw new LaunchException("cannot read feature " + file + ": " + e.getMessage());
        } catch (JsonException | ClassCastException e) {
            throw new LaunchException("feature " + file + " is not a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new LaunchException("feature " + file + ": " + e.getMessage());
        }
    }

    static Feature read(String name, JsonObject json) {
        String id = json.getString("id", null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("\"id\" is required (a Maven id such as dev.ferry:" + name + ":0.1.0)");
        }
        List<Feature.FeatureBundle> bundles = new ArrayList<>();
        for (JsonValue b : json.getJsonArray("bundles") == null ? List.<JsonValue>of() : json.getJsonArray("bundles")) {
            bundles.add(bundle(b));
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        JsonObject configs = json.getJsonObject("configurations");
        if (configs != null) {
            configs.forEach((pid, props) -> configurations.put(pid, ConfigValues.properties(pid, props.asJsonObject())));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        JsonObject vars = json.getJsonObject("variables");
        if (vars != null) {
            vars.forEach((k, v) -> variables.put(k, v.getValueType() == JsonValue.ValueType.NULL ? null : scalar(v)));
        }
        Map<String, String> frameworkProperties = new LinkedHashMap<>();
        List<String> includes = new ArrayList<>();
        JsonObject extensions = json.getJsonObject("extensions");
        if (extensions != null) {
            extensions.forEach((ext, value) -> {
                JsonObject e = value.asJsonObject();
                switch (ext) {
                    case Feature.FRAMEWORK_PROPERTIES -> e.getJsonObject("json").forEach((k, v) -> frameworkProperties.put(k, scalar(v)));
                    case Feature.INCLUDES -> e.getJsonArray("artifacts").forEach(a -> includes.add(artifactName(a)));
                    default -> {
                        if ("mandatory".equals(e.getString("kind", "optional"))) {
                            throw new IllegalArgumentException("extension \"" + ext + "\" is mandatory but this launcher does not"
                                    + " know it: remove it or mark it \"kind\": \"optional\"");
                        }
                    }
                }
            });
        }
        return new Feature(id, name, bundles, configurations, frameworkProperties, variables, includes);
    }

    private static Feature.FeatureBundle bundle(JsonValue value) {
        if (value instanceof JsonString s) {
            return new Feature.FeatureBundle(MavenId.parse(s.getString()), Feature.FeatureBundle.DEFAULT_START_ORDER);
        }
        JsonObject o = value.asJsonObject();
        JsonNumber order = o.getJsonNumber("start-order");
        return new Feature.FeatureBundle(MavenId.parse(o.getString("id", null)),
                order == null ? Feature.FeatureBundle.DEFAULT_START_ORDER : order.intValueExact());
    }

    /** An included feature is named by its artifactId: features/&lt;artifactId&gt;.json. */
    private static String artifactName(JsonValue value) {
        String id = value instanceof JsonString s ? s.getString() : value.asJsonObject().getString("id", null);
        return MavenId.parse(id).artifactId();
    }

    private static String scalar(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}
