package dev.ferry.transfer.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.secrets.Vault;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpEndpointTest {

    /** A vault with one secret; secret values must never show up in failures. */
    private static final Vault VAULT = name -> "api-key".equals(name) ? Optional.of("from-vault") : Optional.empty();

    private static StreamResult<HttpEndpoint> sink(String... keyValues) {
        return HttpEndpoint.parse(address(keyValues), "POST", HttpDataSinkFactory.METHODS, VAULT);
    }

    private static StreamResult<HttpEndpoint> source(String... keyValues) {
        return HttpEndpoint.parse(address(keyValues), "GET", HttpDataSourceFactory.METHODS, VAULT);
    }

    static DataAddress address(String... keyValues) {
        Map<String, String> properties = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new DataAddress("HttpData", properties);
    }

    @Test
    void missingBaseUrlIsRefusedNamingIt() {
        StreamResult<HttpEndpoint> result = source("path", "x");
        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
        assertThat(result.failureMessage()).startsWith("baseUrl: required");
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.com/file", "file:///etc/passwd", "example.com/no-scheme", "http:relative", "http://exa mple.com/"})
    void baseUrlThatIsNotAnHttpUrlIsRefusedNamingIt(String baseUrl) {
        StreamResult<HttpEndpoint> result = source("baseUrl", baseUrl);
        assertThat(result.failed()).isTrue();
        assertThat(result.failureMessage()).startsWith("baseUrl: ");
    }

    @ParameterizedTest
    @CsvSource({"DELETE", "PATCH", "PUT", "TRACE"})
    void sourceRefusesMethodsOtherThanGetAndPost(String method) {
        StreamResult<HttpEndpoint> result = source("baseUrl", "http://h/x", "method", method);
        assertThat(result.failureMessage()).startsWith("method: " + method + " is not supported");
    }

    @ParameterizedTest
    @CsvSource({"GET", "DELETE", "PATCH", "BREW"})
    void sinkRefusesMethodsOtherThanPostAndPut(String method) {
        assertThat(sink("baseUrl", "http://h/x", "method", method).failureMessage()).startsWith("method: ");
    }

    @Test
    void methodsDefaultPerRoleAndAreCaseInsensitive() {
        assertThat(source("baseUrl", "http://h/x").content().method()).isEqualTo("GET");
        assertThat(sink("baseUrl", "http://h/x").content().method()).isEqualTo("POST");
        assertThat(sink("baseUrl", "http://h/x", "method", "put").content().method()).isEqualTo("PUT");
        assertThat(source("baseUrl", "http://h/x", "method", "post").content().method()).isEqualTo("POST");
    }

    @ParameterizedTest
    @CsvSource({
            "http://h:8080,            ,          ,           http://h:8080",
            "http://h:8080/api,        v1/data,   ,           http://h:8080/api/v1/data",
            "http://h:8080/api/,       /v1/data,  ,           http://h:8080/api/v1/data",
            "http://h/api,             data,      a=1&b=2,    http://h/api/data?a=1&b=2",
            "http://h/api?sig=x,       data,      ?a=1,       http://h/api/data?sig=x&a=1",
            "https://h/a%20b,          c%2Fd,     ,           https://h/a%20b/c%2Fd"})
    void urlIsBaseUrlThenPathThenQuery(String baseUrl, String path, String query, String expected) {
        DataAddress address = address("baseUrl", baseUrl);
        if (path != null) {
            address = address.with("path", path);
        }
        if (query != null) {
            address = address.with("queryParams", query);
        }
        assertThat(HttpEndpoint.parse(address, "GET", HttpDataSourceFactory.METHODS, VAULT).content().uri()).isEqualTo(URI.create(expected));
    }

    @Test
    void pathWithCharactersNotAllowedInAUrlIsRefusedNamingPath() {
        assertThat(source("baseUrl", "http://h/", "path", "a b").failureMessage()).startsWith("path: ");
    }

    @Test
    void queryWithCharactersNotAllowedInAUrlIsRefusedNamingQueryParams() {
        assertThat(source("baseUrl", "http://h/", "queryParams", "a=b c").failureMessage()).startsWith("queryParams: ");
    }

    @Test
    void headersAndAuthBecomeRequestHeaders() {
        HttpEndpoint endpoint = sink("baseUrl", "http://h/", "header:X-Tenant", "blue", "authKey", "X-Api-Key", "authCode", "s3cr3t").content();
        assertThat(endpoint.headers()).containsEntry("X-Tenant", "blue").containsEntry("X-Api-Key", "s3cr3t");
    }

    @Test
    void secretNameReadsTheAuthCodeFromTheVault() {
        HttpEndpoint endpoint = sink("baseUrl", "http://h/", "authKey", "X-Api-Key", "secretName", "api-key").content();
        assertThat(endpoint.headers()).containsEntry("X-Api-Key", "from-vault");
        assertThat(sink("baseUrl", "http://h/", "authKey", "X-Api-Key", "secretName", "api-key", "authCode", "inline").content().headers())
                .containsEntry("X-Api-Key", "inline");
    }

    @Test
    void anUnknownSecretOrNoVaultIsRefusedNamingSecretName() {
        assertThat(sink("baseUrl", "http://h/", "authKey", "X-Api-Key", "secretName", "nope").failureMessage())
                .isEqualTo("secretName: no secret named 'nope' in the vault; add it, or set authCode");
        assertThat(HttpEndpoint.parse(address("baseUrl", "http://h/", "authKey", "K", "secretName", "api-key"), "POST",
                HttpDataSinkFactory.METHODS, null).failureMessage()).startsWith("secretName: ").contains("has no vault");
        assertThat(sink("baseUrl", "http://h/", "secretName", "api-key").failureMessage()).startsWith("authKey: required")
                .doesNotContain("from-vault");
    }

    @Test
    void userInfoBecomesBasicAuthAndLeavesTheUrl() {
        HttpEndpoint endpoint = source("baseUrl", "http://alice:pa%3Ass@h:81/x").content();
        assertThat(endpoint.uri()).isEqualTo(URI.create("http://h:81/x"));
        assertThat(endpoint.headers()).containsEntry("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("alice:pa:ss".getBytes()));
    }

    @Test
    void authKeyAndAuthCodeComeTogether() {
        assertThat(source("baseUrl", "http://h/", "authKey", "Authorization").failureMessage()).startsWith("authCode: required");
        assertThat(source("baseUrl", "http://h/", "authCode", "s3cr3t").failureMessage()).startsWith("authKey: required")
                .doesNotContain("s3cr3t");
    }

    @ParameterizedTest
    @CsvSource({"header:Content-Length, 10, nonChunkedTransfer=true", "header:Transfer-Encoding, chunked, remove it",
            "header:Bad Name, x, not a valid header name", "'header:X-Ok', 'a\nInjected: yes', line breaks"})
    void headersTheClientOwnsOrThatAreMalformedAreRefused(String property, String value, String hint) {
        assertThat(sink("baseUrl", "http://h/", property, value).failureMessage()).startsWith(property + ": ").contains(hint);
    }

    @Test
    void nonChunkedTransferMustBeABoolean() {
        assertThat(sink("baseUrl", "http://h/", "nonChunkedTransfer", "yes").failureMessage()).startsWith("nonChunkedTransfer: ");
        assertThat(sink("baseUrl", "http://h/", "nonChunkedTransfer", "TRUE").content().nonChunked()).isTrue();
    }

    @Test
    void partUrlsAppendEncodedSegmentsAndKeepTheQuery() {
        HttpEndpoint endpoint = sink("baseUrl", "http://h/in", "queryParams", "sig=1").content();
        assertThat(endpoint.forPart("dir/a b.txt")).isEqualTo(URI.create("http://h/in/dir/a%20b.txt?sig=1"));
        assertThat(sink("baseUrl", "http://h").content().forPart("x")).isEqualTo(URI.create("http://h/x"));
    }

    @Test
    void redactedFormAndToStringShowNoCredentialsNorQuery() {
        HttpEndpoint endpoint = source("baseUrl", "https://bob:hunter2@h:8443/files", "queryParams", "token=t0k3n",
                "authKey", "Authorization", "authCode", "Bearer abc").content();
        assertThat(endpoint.redacted()).isEqualTo("https://h:8443/files");
        assertThat(endpoint.toString()).isEqualTo("GET https://h:8443/files").doesNotContain("hunter2", "t0k3n", "abc");
    }
}
