package io.textgan.cli.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.function.Supplier;

/** A {@code GET} path that answers a JSON document: {@code /api/health} and {@code /api/model}. */
final class JsonEndpoint extends Endpoint {
    private final Supplier<Object> document;

    JsonEndpoint(String path, Supplier<Object> document) {
        super("GET", path);
        this.document = document;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        Responses.json(exchange, 200, document.get());
    }
}
