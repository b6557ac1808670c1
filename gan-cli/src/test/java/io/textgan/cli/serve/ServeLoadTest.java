package io.textgan.cli.serve;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 8 concurrent clients send 200 requests (twice) to {@code gan serve --queue 4}: every request is answered, with 200
 * and exactly the images the same request draws alone, or with 503 and a JSON error; no connection is dropped and no
 * request fails; resident memory does not grow from one round of 200 to the next.
 */
class ServeLoadTest {
    private static final int CLIENTS = 8;
    private static final int REQUESTS = 200;
    private static final int QUEUE = 4;
    private static final List<String> PROMPTS = List.of("a large green square in the center on a white background",
            "a small red circle in the upper left", "a blue triangle on black", "on grey, a little orange diamond");
    /** How much resident memory may differ between the end of round one and the end of round two. */
    private static final long FLAT_BYTES = 96L << 20;

    static RunningServer server;
    static Api api;

    @BeforeAll
    static void serve() throws IOException {
        server = RunningServer.start("--run", TinyRun.get().toString(), "--queue", Integer.toString(QUEUE));
        api = new Api(server.uri());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    /** One of the requests the clients send, and the images it draws when sent alone. */
    record Case(String json, int n, List<String> images) {
    }

    @Test
    void everyRequestIsAnsweredCorrectlyOrRefusedWith503AndMemoryStaysFlat() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = 1 + i % 4;
            String json = "{\"prompt\": " + Api.quote(PROMPTS.get(i % PROMPTS.size())) + ", \"n\": " + n + ", \"seed\": " + (100 + i) + "}";
            HttpResponse<byte[]> alone = api.generate(json);
            assertEquals(200, alone.statusCode());
            List<String> images = new ArrayList<>();
            Api.json(alone).path("images").forEach(image -> images.add(image.asText()));
            cases.add(new Case(json, n, images));
        }
        for (int i = 0; i < 32; i++) { // warm up before the first reading
            assertEquals(200, api.generate(cases.get(i % cases.size()).json()).statusCode());
        }
        long rss0 = residentBytes();
        Round first = round(cases);
        long rss1 = residentBytes();
        Round second = round(cases);
        long rss2 = residentBytes();
        String report = String.format("load: %d clients x %d requests, queue %d; round 1: %s; round 2: %s; "
                        + "resident memory %d MiB before, %d MiB after round 1, %d MiB after round 2", CLIENTS, REQUESTS / CLIENTS,
                QUEUE, first, second, rss0 >> 20, rss1 >> 20, rss2 >> 20);
        System.out.println(report);
        for (Round round : List.of(first, second)) {
            assertEquals(List.of(), round.failures(), report);
            assertEquals(REQUESTS, round.ok() + round.busy(), report);
            assertTrue(round.ok() > 0, report);
        }
        assertTrue(Math.abs(rss2 - rss1) < FLAT_BYTES, "resident memory grew: " + report);
        JsonNode health = Api.json(api.get("api/health"));
        assertEquals("ok", health.path("status").asText());
        assertEquals(0, health.path("waiting").asInt());
        assertEquals(QUEUE, health.path("queue").asInt());
    }

    /** How a round of requests was answered: 200s, 503s, and anything else (status or exception), described. */
    record Round(int ok, int busy, List<String> failures, Map<Integer, Integer> statuses) {
        @Override
        public String toString() {
            return ok + " answered 200, " + busy + " answered 503, " + failures.size() + " failed";
        }
    }

    /** {@link #REQUESTS} requests from {@link #CLIENTS} clients, each with its own HTTP client, all at once. */
    private static Round round(List<Case> cases) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    Api own = new Api(server.uri());
                    for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                        Case sent = cases.get((client + i) % cases.size());
                        try {
                            HttpResponse<byte[]> r = own.generate(sent.json());
                            statuses.merge(r.statusCode(), 1, Integer::sum);
                            if (r.statusCode() == 200) {
                                List<String> images = new ArrayList<>();
                                Api.json(r).path("images").forEach(image -> images.add(image.asText()));
                                if (images.equals(sent.images())) {
                                    ok.incrementAndGet();
                                } else {
                                    failures.add("200 with other images than " + sent.json() + " draws alone");
                                }
                            } else if (r.statusCode() == 503 && Api.json(r).path("error").asText().startsWith("the server is busy")
                                    && r.headers().firstValue("Retry-After").isPresent()) {
                                busy.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + new String(r.body()));
                            }
                        } catch (IOException | RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        return new Round(ok.get(), busy.get(), List.copyOf(failures), Map.copyOf(statuses));
    }

    /** This JVM's resident set size (VmRSS), which includes ND4J's off-heap arrays. */
    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return Pointer.physicalBytes(); // JavaCPP's own reading of the same figure
    }
}
