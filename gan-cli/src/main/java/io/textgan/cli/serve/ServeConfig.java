package io.textgan.cli.serve;

/**
 * Where and how much the server serves.
 *
 * @param host         the address to bind (127.0.0.1 by default: reachable from this machine only)
 * @param port         the TCP port; 0 picks a free one
 * @param queue        generation requests that may wait while one is drawn; more are answered 503
 * @param maxBodyBytes the largest request body read; larger ones are answered 413
 */
public record ServeConfig(String host, int port, int queue, int maxBodyBytes) {
    /** The most images one request may ask for. */
    public static final int MAX_IMAGES = 16;
    public static final int DEFAULT_QUEUE = 16;
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    public ServeConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
        if (queue < 1 || queue > 1024) {
            throw new IllegalArgumentException("--queue must be between 1 and 1024: " + queue);
        }
        if (maxBodyBytes < 256) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 256: " + maxBodyBytes);
        }
    }

    /** Defaults but for the address. */
    public static ServeConfig on(String host, int port) {
        return new ServeConfig(host, port, DEFAULT_QUEUE, DEFAULT_MAX_BODY_BYTES);
    }
}
