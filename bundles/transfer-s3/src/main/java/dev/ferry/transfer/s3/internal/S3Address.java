package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.secrets.Vault;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;

/**
 * An {@code AmazonS3} data address, parsed and validated. Property names are the DPF's. Immutable.
 *
 * @param region           AWS region; {@code us-east-1} when absent and an endpoint override is set
 * @param endpointOverride S3-compatible endpoint (path-style access); nullable
 * @param bucketName       non-blank
 * @param objectName       one object (source) or the key of the single part (sink); nullable
 * @param objectPrefix     source only: every object under it is a part; nullable
 * @param folderName       sink only: key prefix for the parts; nullable
 * @param credentials      static credentials; null means the SDK's default provider chain
 */
record S3Address(String region, URI endpointOverride, String bucketName, String objectName, String objectPrefix,
                 String folderName, S3Credentials credentials) {

    static final String TYPE = "AmazonS3";

    // AWS: eu-west-1, us-gov-west-1, cn-north-1, ap-southeast-5…; other stores: any token of this shape.
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern OTHER_REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // S3's bucket naming rules, minus the rarely relevant reserved prefixes.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    enum Role { SOURCE, SINK }

    /** Parses {@code address} for {@code role}, resolving credentials from {@code vault}; never throws. */
    static StreamResult<S3Address> parse(DataAddress address, Role role, Vault vault) {
        String prefix = role == Role.SOURCE ? "source." : "destination.";
        if (address == null || !TYPE.equals(address.type())) {
            return StreamResult.badRequest(prefix + "type: must be " + TYPE);
        }
        URI endpoint = null;
        Optional<String> endpointText = address.property("endpointOverride");
        if (endpointText.isPresent()) {
            try {
                endpoint = URI.create(endpointText.get().trim());
            } catch (IllegalArgumentException e) {
                return StreamResult.badRequest(prefix + "endpointOverride: not a URI; use e.g. http://127.0.0.1:9000");
            }
            if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
                return StreamResult.badRequest(prefix + "endpointOverride: must be an absolute http(s) URI, e.g. https://s3.example.com");
            }
        }
        String region = address.property("region").map(String::trim).orElse(null);
        if (region == null && endpoint == null) {
            return StreamResult.badRequest(prefix + "region: required for AWS S3 (e.g. eu-central-1)");
        }
        if (region == null) {
            region = Region.US_EAST_1.id();
        }
        if (!(endpoint == null ? AWS_REGION : OTHER_REGION).matcher(region).matches()) {
            return StreamResult.badRequest(prefix + "region: '" + region + "' is not a valid region; use e.g. eu-central-1");
        }
        String bucket = address.property("bucketName").map(String::trim).orElse(null);
        if (bucket == null) {
            return StreamResult.badRequest(prefix + "bucketName: required");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            return StreamResult.badRequest(prefix + "bucketName: '" + bucket
                    + "' is not a valid bucket name (3-63 lower-case letters, digits, dots, hyphens)");
        }
        String objectName = stripSlash(address.property("objectName").orElse(null));
        String objectPrefix = address.property("objectPrefix").orElse(null);
        String folderName = address.property("folderName").orElse(null);
        if (role == Role.SOURCE && (objectName == null) == (objectPrefix == null)) {
            return StreamResult.badRequest(prefix + "objectName or objectPrefix: set exactly one "
                    + "(objectName for one object, objectPrefix for every object under a prefix)");
        }
        String finalRegion = region;
        URI finalEndpoint = endpoint;
        return credentials(address, prefix, vault).map(creds -> new S3Address(finalRegion, finalEndpoint, bucket,
                objectName, role == Role.SOURCE ? objectPrefix : null, role == Role.SINK ? folderName : null, creds));
    }

    /** The key for a sink part: folder prefix plus the object name (single part) or the part name. */
    String keyFor(String partName) {
        String name = objectName != null ? objectName : partName;
        if (folderName == null) {
            return name;
        }
        return folderName.endsWith("/") ? folderName + name : folderName + "/" + name;
    }

    /** True when both addresses reach the same store with the same credentials (a server-side copy works). */
    boolean sameStoreAs(S3Address other) {
        return region.equals(other.region) && Objects.equals(endpointOverride, other.endpointOverride)
                && Objects.equals(credentials, other.credentials);
    }

    String describe(String key) {
        return "s3://" + bucketName + "/" + (key == null ? "" : key);
    }

    @Override
    public String toString() {
        return "S3Address[" + (endpointOverride == null ? region : endpointOverride + " " + region) + " "
                + describe(objectName != null ? objectName : objectPrefix != null ? objectPrefix : folderName) + "]";
    }

    private static StreamResult<S3Credentials> credentials(DataAddress address, String prefix, Vault vault) {
        Optional<String> keyName = address.property("keyName");
        if (keyName.isPresent()) {
            Optional<String> secret = vault == null ? Optional.empty() : vault.resolveSecret(keyName.get());
            if (secret.isEmpty()) {
                return StreamResult.badRequest(prefix + "keyName: no secret named '" + keyName.get()
                        + "' in the vault; add it (a file in the secrets directory or a FERRY_SECRET_* variable)");
            }
            return fromJson(secret.get(), prefix + "keyName");
        }
        Optional<String> id = address.property("accessKeyId");
        Optional<String> key = address.property("secretAccessKey");
        if (id.isPresent() != key.isPresent()) {
            return StreamResult.badRequest(prefix + (id.isPresent() ? "secretAccessKey" : "accessKeyId")
                    + ": accessKeyId and secretAccessKey go together; set both, or keyName instead");
        }
        return StreamResult.success(id.map(i -> new S3Credentials(i, key.get(), address.property("sessionToken").orElse(null)))
                .orElse(null));
    }

    private static StreamResult<S3Credentials> fromJson(String secret, String field) {
        try {
            JsonNode json = JsonNode.parser().parse(secret);
            String id = text(json, "accessKeyId");
            String key = text(json, "secretAccessKey");
            if (id == null || key == null) {
                return StreamResult.badRequest(field + ": the secret must be JSON with accessKeyId and secretAccessKey");
            }
            return StreamResult.success(new S3Credentials(id, key, text(json, "sessionToken")));
        } catch (RuntimeException e) {
            // Never include the parser's message: it may quote the secret.
            return StreamResult.badRequest(field + ": the secret is not JSON of the form "
                    + "{\"accessKeyId\":…,\"secretAccessKey\":…}");
        }
    }

    private static String text(JsonNode json, String field) {
        if (!json.isObject()) {
            return null;
        }
        return json.field(field).filter(JsonNode::isString).map(JsonNode::text).filter(s -> !s.isBlank()).orElse(null);
    }

    private static String stripSlash(String key) {
        return key == null ? null : key.startsWith("/") ? key.substring(1) : key;
    }
}
