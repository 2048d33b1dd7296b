package dev.ferry.signaling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests below the base path to the protocol {@link Api}s and writes their answers as
 * JSON. Bad input ({@link ApiException}) becomes a 4xx with a JSON body naming the problem; a bug
 * becomes a 500 with a JSON body and a log line, never an HTML page or a stack trace to the caller.
 */
public final class JsonApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(JsonApiHandler.class);

    /** Signaling messages are small; a larger body is refused before it is read into memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final String basePath;
    private final List<Api> apis;

    /** @param basePath "" or a path starting with "/" and not ending with one */
    public JsonApiHandler(String basePath, List<Api> apis) {
        this.basePath = basePath;
        this.apis = List.copyOf(apis);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answer answer;
        try {
            answer = route(request);
        } catch (ApiException e) {
            answer = errorAnswer(e);
        } catch (RuntimeException e) {
            LOG.error("signaling: {} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
            answer = Answer.json(500, Json.error(500, "INTERNAL_ERROR",
                    "the node failed to handle this request; its log has the details"));
        }
        write(response, answer, callback);
        return true;
    }

    private Answer route(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            throw ApiException.notFound("no API at " + path + "; the signaling APIs live under '" + basePath + "/'");
        }
        List<String> segments = segments(path.substring(basePath.length()));
        ApiRequest apiRequest = new ApiRequest(request.getMethod(), segments, readBody(request));
        for (Api api : apis) {
            Optional<Answer> answer = api.handle(apiRequest);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw ApiException.notFound("no route for " + request.getMethod() + " " + path);
    }

    private static List<String> segments(String relative) {
        List<String> segments = new ArrayList<>();
        for (String raw : relative.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URIUtil.decodePath(raw));
            }
        }
        return segments;
    }

    private static String readBody(Request request) {
        long length = request.getLength();
        if (length > MAX_BODY_BYTES) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "the body has " + length
                    + " bytes; signaling messages may have at most " + MAX_BODY_BYTES);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "PAYLOAD_TOO_LARGE",
                        "signaling messages may have at most " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    static Answer errorAnswer(ApiException e) {
        Answer answer = Answer.json(e.status(), Json.error(e.status(), e.error(), e.getMessage()));
        return e.status() == 429 || e.status() == 503
                ? answer.withHeader("Retry-After", Integer.toString(FailureStatus.RETRY_AFTER_SECONDS))
                : answer;
    }

    private static void write(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.json() == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return;
        }
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
