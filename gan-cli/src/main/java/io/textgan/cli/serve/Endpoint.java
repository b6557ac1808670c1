package io.textgan.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * One path and one method of the server. Whatever a request does, the client gets an answer: a refused request a 4xx
 * with {@code {"error": "..."}}, a failure a 500 whose details go to the log only; no exception reaches the HTTP
 * server's threads, so no request can stop the server.
 */
abstract class Endpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    String path() {
        return path;
    }

    /** Answers a request whose path and method have been checked. */
    abstract void serve(HttpExchange exchange) throws IOException;

    @Override
    public final void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    throw new HttpError(404, "no such page: " + exchange.getRequestURI().getPath());
                }
                if (!exchange.getRequestMethod().equals(method)) {
                    throw new HttpError(405, "method " + exchange.getRequestMethod() + " is not allowed on " + path
                            + ": use " + method, Map.of("Allow", method));
                }
                serve(exchange);
            } catch (HttpError e) {
                answer(exchange, e);
            } catch (IllegalArgumentException e) {
                answer(exchange, new HttpError(400, e.getMessage()));
            } catch (IOException e) {
                // the client went away, or sent a broken request: nothing to answer to
                LOG.debug("{} {}: {}", exchange.getRequestMethod(), path, e.toString());
            } catch (RuntimeException e) {
                LOG.error("internal error on {} {}", exchange.getRequestMethod(), path, e);
                answer(exchange, new HttpError(500, "internal error: " + e + " (details in the server's log)"));
            }
        }
    }

    private static void answer(HttpExchange exchange, HttpError error) {
        if (exchange.getResponseCode() != -1) {
            return; // headers already sent: closing the exchange is all that is left
        }
        try {
            Responses.error(exchange, error);
        } catch (IOException e) {
            LOG.debug("could not send {}: {}", error.status(), e.toString());
        }
    }
}
