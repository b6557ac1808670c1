package io.textgan.cli.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /api/generate}: {@code {"prompt", "n", "seed"}} in, {@code {"prompt", "n", "seed", "seeds", "size",
 * "images": [base64 PNG, ...]}} out; with {@code Accept: image/png} and {@code n = 1}, the PNG itself (its seed in
 * {@code X-Seed}). Without a seed the server picks one, and says which, so any answer can be asked for again.
 */
final class GenerateEndpoint extends Endpoint {
    private final DrawingQueue drawings;
    private final int maxBodyBytes;

    GenerateEndpoint(DrawingQueue drawings, int maxBodyBytes) {
        super("POST", "/api/generate");
        this.drawings = drawings;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        GenerateRequest request = GenerateRequest.parse(Responses.body(exchange, maxBodyBytes));
        boolean png = wantsPng(exchange);
        if (png && request.n() != 1) {
            throw new HttpError(406, "image/png holds one image: ask for n = 1, or accept application/json");
        }
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 31);
        Drawing drawing = await(drawings.submit(request.prompt(), request.n(), seed));
        exchange.setAttribute(Responses.LOG_DETAIL, request.n() + (request.n() == 1 ? " image" : " images") + ", seed " + seed);
        if (png) {
            exchange.getResponseHeaders().set("X-Seed", Long.toString(seed));
            Responses.bytes(exchange, 200, "image/png", drawing.pngs().get(0));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("prompt", drawing.prompt());
        answer.put("n", drawing.pngs().size());
        answer.put("seed", seed);
        answer.put("seeds", drawing.seeds());
        answer.put("size", drawing.size());
        drawing.warning().ifPresent(w -> answer.put("warning", w));
        answer.put("images", drawing.pngs().stream().map(Base64.getEncoder()::encodeToString).toList());
        Responses.json(exchange, 200, answer);
    }

    /** Whether the client asks for the PNG itself: {@code image/png} among its accepted types. */
    private static boolean wantsPng(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("image/png");
    }

    private static Drawing await(Future<Drawing> drawing) {
        try {
            return drawing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is stopping");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
