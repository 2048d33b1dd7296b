package dev.ferry.transfer.http.internal;

import static dev.ferry.transfer.http.HttpDataAddress.AUTH_CODE;
import static dev.ferry.transfer.http.HttpDataAddress.AUTH_KEY;
import static dev.ferry.transfer.http.HttpDataAddress.HEADER_PREFIX;
import static dev.ferry.transfer.http.HttpDataAddress.SECRET_NAME;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.secrets.Vault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request headers of an HttpData address: {@code header:<Name>} properties, the credential of
 * {@code authKey} (from {@code authCode}, or from the vault by {@code secretName}), and Basic auth for
 * user info in {@code baseUrl}. Failures name the property and never repeat a value.
 */
final class RequestHeaders {

    /** Headers the client sets itself from the transfer (HttpURLConnection would drop them silently). */
    private static final Set<String> RESERVED = Set.of("content-length", "transfer-encoding", "host", "connection");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private RequestHeaders() {
    }

    /** The headers, or a failure; {@code vault} may be null (then {@code secretName} fails). */
    static StreamResult<Map<String, String>> of(DataAddress address, URI base, Vault vault) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : address.properties().entrySet()) {
            if (property.getKey().startsWith(HEADER_PREFIX)) {
                String name = property.getKey().substring(HEADER_PREFIX.length()).strip();
                StreamResult<Void> checked = check(property.getKey(), name, property.getValue());
                if (checked.failed()) {
                    return checked.asFailure();
                }
                headers.put(name, property.getValue());
            }
        }
        String authKey = address.property(AUTH_KEY).map(String::strip).orElse(null);
        StreamResult<Optional<String>> authCode = authCode(address, vault);
        if (authCode.failed()) {
            return authCode.asFailure();
        }
        if (authKey != null && authCode.content().isEmpty()) {
            return StreamResult.badRequest(AUTH_CODE + ": required when " + AUTH_KEY + " is set; set the credential, or "
                    + SECRET_NAME + " to read it from the vault, or remove " + AUTH_KEY);
        }
        if (authKey == null && authCode.content().isPresent()) {
            return StreamResult.badRequest(AUTH_KEY + ": required with " + AUTH_CODE + " or " + SECRET_NAME
                    + "; name the header, e.g. Authorization");
        }
        if (authKey != null) {
            StreamResult<Void> checked = check(AUTH_KEY, authKey, authCode.content().get());
            if (checked.failed()) {
                return checked.asFailure();
            }
            headers.put(authKey, authCode.content().get());
        }
        if (base.getRawUserInfo() != null && headers.keySet().stream().noneMatch("authorization"::equalsIgnoreCase)) {
            String userInfo = Urls.decode(base.getRawUserInfo());
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return StreamResult.success(headers);
    }

    private static StreamResult<Optional<String>> authCode(DataAddress address, Vault vault) {
        Optional<String> authCode = address.property(AUTH_CODE);
        Optional<String> secretName = address.property(SECRET_NAME);
        if (authCode.isPresent() || secretName.isEmpty()) {
            return StreamResult.success(authCode);
        }
        Optional<String> secret = vault == null ? Optional.empty() : vault.resolveSecret(secretName.get());
        if (secret.isEmpty()) {
            return StreamResult.badRequest(SECRET_NAME + ": no secret named '" + secretName.get() + "'"
                    + (vault == null ? " (this node has no vault)" : " in the vault") + "; add it, or set " + AUTH_CODE);
        }
        return StreamResult.success(secret);
    }

    private static StreamResult<Void> check(String property, String name, String value) {
        if (!TOKEN.matcher(name).matches()) {
            return StreamResult.badRequest(property + ": not a valid header name; use letters, digits and -");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return StreamResult.badRequest(property + ": " + name + " is set by the transfer itself"
                    + (name.equalsIgnoreCase("content-length") ? "; use nonChunkedTransfer=true to send a Content-Length" : "; remove it"));
        }
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            return StreamResult.badRequest(property + ": a header value must not contain line breaks");
        }
        return StreamResult.success();
    }
}
