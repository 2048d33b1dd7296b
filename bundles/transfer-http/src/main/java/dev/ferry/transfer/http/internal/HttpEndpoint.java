package dev.ferry.transfer.http.internal;

import static dev.ferry.transfer.http.HttpDataAddress.AUTH_CODE;
import static dev.ferry.transfer.http.HttpDataAddress.AUTH_KEY;
import static dev.ferry.transfer.http.HttpDataAddress.BASE_URL;
import static dev.ferry.transfer.http.HttpDataAddress.CONTENT_TYPE;
import static dev.ferry.transfer.http.HttpDataAddress.HEADER_PREFIX;
import static dev.ferry.transfer.http.HttpDataAddress.METHOD;
import static dev.ferry.transfer.http.HttpDataAddress.NAME;
import static dev.ferry.transfer.http.HttpDataAddress.NON_CHUNKED_TRANSFER;
import static dev.ferry.transfer.http.HttpDataAddress.PATH;
import static dev.ferry.transfer.http.HttpDataAddress.QUERY_PARAMS;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.StreamResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HttpData address, checked and resolved: the URL to call, the method and the headers.
 * Immutable. {@link #toString()} and {@link #redacted()} never show credentials or the query.
 *
 * @param uri         the URL: baseUrl + path + queryParams
 * @param method      an upper-case HTTP method
 * @param headers     request headers, credentials included (never print them)
 * @param contentType the {@code contentType} property; null when absent
 * @param nonChunked  the {@code nonChunkedTransfer} property
 * @param name        the {@code name} property; null when absent
 */
record HttpEndpoint(URI uri, String method, Map<String, String> headers, String contentType, boolean nonChunked,
                    String name) {

    /** Headers the client sets itself from the transfer (HttpURLConnection would drop them silently). */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-length", "transfer-encoding", "host", "connection");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    HttpEndpoint {
        headers = Map.copyOf(headers);
    }

    /**
     * Checks and resolves {@code address}; a failure names the property and the fix, and never repeats
     * a value that could be a secret.
     */
    static StreamResult<HttpEndpoint> parse(DataAddress address, String defaultMethod, Set<String> allowedMethods) {
        String baseUrl = address.property(BASE_URL).orElse(null);
        if (baseUrl == null) {
            return StreamResult.badRequest(BASE_URL + ": required; set it to an absolute http or https URL");
        }
        URI base;
        try {
            base = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            return StreamResult.badRequest(BASE_URL + ": not a valid URL (" + e.getReason() + "); use an absolute, URL-encoded http or https URL");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            return StreamResult.badRequest(BASE_URL + ": must be an absolute http or https URL with a host"
                    + (scheme.isEmpty() ? "" : ", the scheme was " + scheme));
        }
        String method = address.property(METHOD, defaultMethod).strip().toUpperCase(Locale.ROOT);
        if (!allowedMethods.contains(method)) {
            return StreamResult.badRequest(METHOD + ": " + method + " is not supported here; use one of " + allowedMethods);
        }
        String nonChunked = address.property(NON_CHUNKED_TRANSFER, "false").strip().toLowerCase(Locale.ROOT);
        if (!nonChunked.equals("true") && !nonChunked.equals("false")) {
            return StreamResult.badRequest(NON_CHUNKED_TRANSFER + ": must be true or false");
        }
        StreamResult<Map<String, String>> headers = headers(address, base);
        if (headers.failed()) {
            return headers.asFailure();
        }
        return resolve(base, address).map(uri -> new HttpEndpoint(uri, method, headers.content(),
                address.property(CONTENT_TYPE).orElse(null), nonChunked.equals("true"), address.property(NAME).orElse(null)));
    }

    /** The URL for one part of a multi-part transfer: {@code <url path>/<part name>}, the query kept. */
    URI forPart(String partName) {
        StringBuilder path = new StringBuilder(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        for (String segment : partName.split("/")) {
            if (path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(Urls.encodeSegment(segment));
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + query);
    }

    /** The URL without user info, query or fragment: safe for logs and failure reasons. */
    String redacted() {
        return Urls.redact(uri);
    }

    @Override
    public String toString() {
        return method + " " + redacted();
    }

    private static StreamResult<URI> resolve(URI base, DataAddress address) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String extra = address.property(PATH).orElse(null);
        if (extra != null) {
            path = path.endsWith("/") || extra.startsWith("/") ? path + extra : path + "/" + extra;
            path = path.replaceAll("//+", "/");
        }
        String query = base.getRawQuery();
        String params = address.property(QUERY_PARAMS).map(q -> q.startsWith("?") ? q.substring(1) : q).orElse(null);
        if (params != null) {
            query = query == null || query.isEmpty() ? params : query + "&" + params;
        }
        String authority = base.getRawAuthority();
        if (base.getRawUserInfo() != null) {
            authority = authority.substring(authority.indexOf('@') + 1);
        }
        String candidate = base.getScheme() + "://" + authority + path;
        try {
            URI withPath = new URI(candidate);
            return StreamResult.success(query == null ? withPath : new URI(candidate + "?" + query));
        } catch (URISyntaxException e) {
            String property = candidate.length() > 0 && isValid(candidate) ? QUERY_PARAMS : PATH;
            return StreamResult.badRequest(property + ": not valid in a URL (" + e.getReason() + "); URL-encode it");
        }
    }

    private static boolean isValid(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static StreamResult<Map<String, String>> headers(DataAddress address, URI base) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : address.properties().entrySet()) {
            if (property.getKey().startsWith(HEADER_PREFIX)) {
                String name = property.getKey().substring(HEADER_PREFIX.length()).strip();
                StreamResult<Void> checked = checkHeader(property.getKey(), name, property.getValue());
                if (checked.failed()) {
                    return checked.asFailure();
                }
                headers.put(name, property.getValue());
            }
        }
        String authKey = address.property(AUTH_KEY).orElse(null);
        String authCode = address.property(AUTH_CODE).orElse(null);
        if (authKey != null && authCode == null) {
            return StreamResult.badRequest(AUTH_CODE + ": required when " + AUTH_KEY + " is set; set the credential or remove " + AUTH_KEY);
        }
        if (authKey == null && authCode != null) {
            return StreamResult.badRequest(AUTH_KEY + ": required when " + AUTH_CODE + " is set; name the header, e.g. Authorization");
        }
        if (authKey != null) {
            StreamResult<Void> checked = checkHeader(AUTH_KEY, authKey.strip(), authCode);
            if (checked.failed()) {
                return checked.asFailure();
            }
            headers.put(authKey.strip(), authCode);
        }
        if (base.getRawUserInfo() != null && headers.keySet().stream().noneMatch("authorization"::equalsIgnoreCase)) {
            String userInfo = Urls.decode(base.getRawUserInfo());
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return StreamResult.success(headers);
    }

    private static StreamResult<Void> checkHeader(String property, String name, String value) {
        if (!TOKEN.matcher(name).matches()) {
            return StreamResult.badRequest(property + ": not a valid header name; use letters, digits and -");
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return StreamResult.badRequest(property + ": " + name + " is set by the transfer itself"
                    + (name.equalsIgnoreCase("content-length") ? "; use nonChunkedTransfer=true to send a Content-Length" : "; remove it"));
        }
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            return StreamResult.badRequest(property + ": a header value must not contain line breaks");
        }
        return StreamResult.success();
    }
}
