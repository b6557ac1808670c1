package io.textgan.cli.serve;

import java.util.Map;

/**
 * A request the server refuses: the HTTP status and the one-line message sent back as {@code {"error": "..."}},
 * in the same words as the command line's {@code gan: ...} messages.
 */
final class HttpError extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    HttpError(int status, String message) {
        this(status, message, Map.of());
    }

    HttpError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    /** Extra response headers, such as {@code Allow} for 405 or {@code Retry-After} for 503. */
    Map<String, String> headers() {
        return headers;
    }
}
