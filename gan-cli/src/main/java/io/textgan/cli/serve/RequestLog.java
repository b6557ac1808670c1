package io.textgan.cli.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** One log line per request: client, method, path, status, milliseconds, and what the endpoint adds (images, error). */
final class RequestLog extends Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(exchange);
        } finally {
            Object detail = exchange.getAttribute(Responses.LOG_DETAIL);
            LOG.info("{} {} {} {} {} ms{}", exchange.getRemoteAddress().getAddress().getHostAddress(),
                    oneLine(exchange.getRequestMethod()), oneLine(exchange.getRequestURI().getPath()),
                    exchange.getResponseCode(), (System.nanoTime() - start) / 1_000_000,
                    detail == null ? "" : " (" + oneLine(detail.toString()) + ")");
        }
    }

    /** What the client sent, on one line: a request cannot write lines of its own into the log. */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    @Override
    public String description() {
        return "one log line per request";
    }
}
