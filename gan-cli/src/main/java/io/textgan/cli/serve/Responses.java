package io.textgan.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import io.textgan.core.checkpoint.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading request bodies (within a limit) and writing JSON, error and binary responses. */
final class Responses {
    /** The exchange attribute whose value {@link RequestLog} appends to the request's log line. */
    static final String LOG_DETAIL = "io.textgan.serve.detail";

    private Responses() {
    }

    /** The whole request body; a 413 {@link HttpError} if it is longer than {@code limit} bytes. */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        String tooLarge = "the request body is larger than the limit of " + limit + " bytes";
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) {
                    throw new HttpError(413, tooLarge);
                }
            } catch (NumberFormatException e) {
                throw new HttpError(400, "Content-Length is not a number: " + length);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new HttpError(413, tooLarge);
            }
            return body;
        }
    }

    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        bytes(exchange, status, "application/json; charset=utf-8", Json.toString(value).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error": "..."}} with the error's status and headers. */
    static void error(HttpExchange exchange, HttpError error) throws IOException {
        error.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.setAttribute(LOG_DETAIL, error.getMessage());
        json(exchange, error.status(), Map.of("error", error.getMessage()));
    }

    static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
