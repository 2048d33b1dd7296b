package dev.ferry.transfer.http;

/**
 * The {@code HttpData} address type and its properties, named as in the EDC Data Plane Framework.
 * The URL is {@code baseUrl}, then {@code /path}, then {@code ?queryParams}. A sink that receives a
 * source of several parts sends each to {@code baseUrl/path/<part name>} (one request per part); a
 * single part goes to {@code baseUrl/path} itself.
 */
public final class HttpDataAddress {

    /** The address type. */
    public static final String TYPE = "HttpData";
    /** Absolute {@code http} or {@code https} URL; required. User info in it becomes Basic authentication. */
    public static final String BASE_URL = "baseUrl";
    /** Appended to {@link #BASE_URL} with one {@code /} between; optional; already URL-encoded. */
    public static final String PATH = "path";
    /** A query string ({@code a=1&b=2}, URL-encoded) added to the URL; optional. */
    public static final String QUERY_PARAMS = "queryParams";
    /** Source: {@code GET} (default) or {@code POST} (empty body); sink: {@code POST} (default) or {@code PUT}. */
    public static final String METHOD = "method";
    /** Prefix of properties that become request headers: {@code header:X-Tenant} = {@code blue}. */
    public static final String HEADER_PREFIX = "header:";
    /** The name of a header that carries a credential, e.g. {@code Authorization}; needs {@link #AUTH_CODE} or {@link #SECRET_NAME}. */
    public static final String AUTH_KEY = "authKey";
    /** The credential sent in the {@link #AUTH_KEY} header; never logged nor put in an error. */
    public static final String AUTH_CODE = "authCode";
    /** Instead of {@link #AUTH_CODE}: the name of the secret holding it, resolved by the node's vault. */
    public static final String SECRET_NAME = "secretName";
    /** Sink: the Content-Type sent (default: the part's media type); source: overrides the part's media type. */
    public static final String CONTENT_TYPE = "contentType";
    /**
     * Sink: {@code true} sends a Content-Length (streamed, never buffered) when the part's size is known,
     * chunked otherwise; {@code false} (default) always sends chunked.
     */
    public static final String NON_CHUNKED_TRANSFER = "nonChunkedTransfer";
    /** Source: the part's name (default: the URL's last path segment, else {@code data}). */
    public static final String NAME = "name";

    private HttpDataAddress() {
    }
}
