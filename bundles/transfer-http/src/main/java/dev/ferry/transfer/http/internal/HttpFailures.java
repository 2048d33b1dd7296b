package dev.ferry.transfer.http.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.Failure.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Failure reasons a person can act on: the status, the method and the redacted URL; never credentials. */
final class HttpFailures {

    private HttpFailures() {
    }

    /** The reason for a non-2xx answer. */
    static Failure status(int status, String statusText, String method, URI uri) {
        Reason reason = switch (status) {
            case HttpURLConnection.HTTP_NOT_FOUND, HttpURLConnection.HTTP_GONE -> Reason.NOT_FOUND;
            case HttpURLConnection.HTTP_UNAUTHORIZED, HttpURLConnection.HTTP_FORBIDDEN -> Reason.NOT_AUTHORIZED;
            default -> Reason.GENERAL_ERROR;
        };
        String text = statusText == null || statusText.isBlank() ? "" : " " + statusText.strip();
        return new Failure(reason, "HTTP " + status + text + " from " + method + " " + Urls.redact(uri));
    }

    /** The reason for an I/O error while talking to {@code uri}. */
    static Failure io(IOException e, String method, URI uri) {
        if (e instanceof HttpStatusException status) {
            return status.failure();
        }
        if (e instanceof HttpRetryException retry) {
            // A streamed body cannot be resent, so a 401 or a redirect ends the upload with this exception.
            return status(retry.responseCode(), null, method, uri);
        }
        String target = method + " " + Urls.redact(uri);
        String what;
        if (e instanceof ConnectException) {
            what = "connection refused by " + uri.getHost() + portOf(uri) + " (is the server running and the port right?)";
        } else if (e instanceof UnknownHostException) {
            what = "unknown host " + uri.getHost() + " (check the URL's host name and DNS)";
        } else if (e instanceof NoRouteToHostException) {
            what = "no route to " + uri.getHost();
        } else if (e instanceof SSLException) {
            what = "TLS failed (" + e.getMessage() + "); does this JVM trust the server's certificate"
                    + " (javax.net.ssl.trustStore) and does it name the host?";
        } else if (e instanceof SocketTimeoutException) {
            what = "timed out (" + e.getMessage() + "); the server did not answer in time, see ferry.transfer.http timeouts";
        } else {
            what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new Failure(Reason.GENERAL_ERROR, target + " failed: " + what);
    }

    static Failure cancelled(String method, URI uri) {
        return new Failure(Reason.CANCELLED, method + " " + Urls.redact(uri) + " cancelled");
    }

    private static String portOf(URI uri) {
        return uri.getPort() < 0 ? "" : ":" + uri.getPort();
    }
}
