package io.textgan.cli.serve;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.textgan.core.TextToImageModel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded model behind HTTP: {@code GET /} (the page), {@code POST /api/generate}, {@code GET /api/health},
 * {@code GET /api/model}.
 *
 * <p>Built on the JDK's own HTTP server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}) rather than a
 * framework: four endpoints, JSON in and out, and one page need routing, a thread pool and a request filter, which it
 * has; a framework would add megabytes of dependencies (and their own logging and configuration) to a command whose
 * work is one model call, and the JDK's server ships with every Java 17 runtime, so {@code gan serve} needs nothing
 * that {@code gan generate} does not.
 *
 * <p>Concurrency: HTTP exchanges run on a fixed pool of {@code queue + 4} threads; drawings run one at a time on the
 * {@link DrawingQueue}'s thread, with at most {@code queue} waiting; a request beyond that is answered 503 at once.
 */
public final class ModelServer implements AutoCloseable {
    private static final int EXTRA_THREADS = 4;
    private static final int STOP_SECONDS = 1;

    private final HttpServer http;
    private final ExecutorService exchanges;
    private final DrawingQueue drawings;
    private boolean stopped;

    private ModelServer(HttpServer http, ExecutorService exchanges, DrawingQueue drawings) {
        this.http = http;
        this.exchanges = exchanges;
        this.drawings = drawings;
    }

    /** Binds {@code config}'s address and starts serving {@code model}; an IOException if the address cannot be bound. */
    public static ModelServer start(TextToImageModel model, ModelInfo info, ServeConfig config) throws IOException {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--host names no address of this machine: " + config.host());
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        DrawingQueue drawings = new DrawingQueue(model, config.queue());
        AtomicInteger threads = new AtomicInteger();
        int poolSize = config.queue() + EXTRA_THREADS;
        ExecutorService exchanges = new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "serve-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(exchanges);
        RequestLog log = new RequestLog();
        for (Endpoint endpoint : List.of(new PageEndpoint(), new GenerateEndpoint(drawings, config.maxBodyBytes()),
                new JsonEndpoint("/api/model", () -> info), new JsonEndpoint("/api/health", () -> health(drawings)))) {
            HttpContext context = http.createContext(endpoint.path(), endpoint);
            context.getFilters().add(log);
        }
        http.start();
        return new ModelServer(http, exchanges, drawings);
    }

    private static Map<String, Object> health(DrawingQueue drawings) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("waiting", drawings.waiting());
        health.put("queue", drawings.capacity());
        return health;
    }

    /** The bound address (with the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /**
     * Stops accepting connections, lets requests in progress finish (up to a second), draws what is queued and stops
     * the threads. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        http.stop(STOP_SECONDS);
        try {
            drawings.stop(STOP_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchanges.shutdownNow();
    }
}
