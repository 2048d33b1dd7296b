package dev.ferry.transfer.http.internal;

import static dev.ferry.transfer.http.HttpDataAddress.BASE_URL;
import static dev.ferry.transfer.http.HttpDataAddress.CONTENT_TYPE;
import static dev.ferry.transfer.http.HttpDataAddress.METHOD;
import static dev.ferry.transfer.http.HttpDataAddress.NAME;
import static dev.ferry.transfer.http.HttpDataAddress.NON_CHUNKED_TRANSFER;
import static dev.ferry.transfer.http.HttpDataAddress.PATH;
import static dev.ferry.transfer.http.HttpDataAddress.QUERY_PARAMS;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.secrets.Vault;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    HttpEndpoint {
        headers = Map.copyOf(headers);
    }

    /**
     * Checks and resolves {@code address}; a failure names the property and the fix, and never repeats
     * a value that could be a secret.
     */
    static StreamResult<HttpEndpoint> parse(DataAddress address, String defaultMethod, Set<String> allowedMethods, Vault vault) {
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
        StreamResult<Map<String, String>> headers = RequestHeaders.of(address, base, vault);
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
            authority = authority.substring(authority.lastIndexOf('@') + 1);
        }
        String withPath = base.getScheme() + "://" + authority + path;
        try {
            new URI(withPath);
        } catch (URISyntaxException e) {
            return StreamResult.badRequest(PATH + ": not valid in a URL (" + e.getReason() + "); URL-encode it");
        }
        try {
            return StreamResult.success(new URI(query == null ? withPath : withPath + "?" + query));
        } catch (URISyntaxException e) {
            return StreamResult.badRequest(QUERY_PARAMS + ": not valid in a URL (" + e.getReason() + "); URL-encode it");
        }
    }
}
