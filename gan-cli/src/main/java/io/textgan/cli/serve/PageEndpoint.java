package io.textgan.cli.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /}: the page (one self-contained HTML file, {@code index.html} beside this class) that asks
 * {@code /api/model} what it serves and {@code /api/generate} for images. Every other unclaimed path is a 404.
 */
final class PageEndpoint extends Endpoint {
    private final byte[] page;

    PageEndpoint() {
        super("GET", "/");
        try (InputStream in = PageEndpoint.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("index.html is missing from the gan-cli jar");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'");
        Responses.bytes(exchange, 200, "text/html; charset=utf-8", page);
    }
}
