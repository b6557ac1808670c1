package io.textgan.cli.serve;

import io.textgan.cli.GanCliEndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan serve}'s JSON API on a tiny run: what it answers, that the same request draws the same images, and every refusal. */
class ServeApiTest {
    static final String PROMPT = "a large green square in the center on a white background";
    static Path run;
    static RunningServer server;
    static Api api;

    @BeforeAll
    static void serve() throws IOException {
        run = TinyRun.get();
        server = RunningServer.start("--run", run.toString(), "--checkpoint", "best");
        api = new Api(server.uri());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
            assertTrue(server.out().contains("gan serve: stopped"), server.out());
        }
    }

    @Test
    void healthAndModelDescribeWhatIsServed() throws Exception {
        HttpResponse<byte[]> health = api.get("api/health");
        assertEquals(200, health.statusCode());
        assertEquals("ok", Api.json(health).path("status").asText());
        HttpResponse<byte[]> model = api.get("api/model");
        assertEquals(200, model.statusCode());
        assertTrue(model.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode m = Api.json(model);
        assertEquals("serve-tiny", m.path("run").asText());
        assertEquals("best", m.path("checkpoint").asText());
        assertEquals(2, m.path("step").asInt());
        assertEquals(TinyRun.IMAGE_SIZE, m.path("model").path("imageSize").asInt());
        assertEquals("dcgan", m.path("model").path("generator").asText());
        assertTrue(m.path("vocabularySize").asInt() > 10, m.toString());
        assertEquals(m.path("vocabularySize").asInt(), m.path("model").path("vocabularySize").asInt());
        assertEquals("shapes", m.path("data").asText());
        assertEquals(16, m.path("maxImages").asInt());
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        HttpResponse<byte[]> page = api.get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(new String(page.body()).contains("<button id=\"generate\""));
    }

    @Test
    void theSameRequestDrawsTheSameImagesAsGanGenerate(@TempDir Path tmp) throws Exception {
        String request = "{\"prompt\": " + Api.quote(PROMPT) + ", \"n\": 4, \"seed\": 7}";
        HttpResponse<byte[]> first = api.generate(request);
        assertEquals(200, first.statusCode(), new String(first.body()));
        JsonNode a = Api.json(first);
        assertEquals(PROMPT, a.path("prompt").asText());
        assertEquals(4, a.path("n").asInt());
        assertEquals(7, a.path("seed").asLong());
        assertEquals("[7,8,9,10]", a.path("seeds").toString());
        assertEquals(4, a.path("images").size());
        for (JsonNode image : a.path("images")) {
            BufferedImage png = Api.png(Api.base64(image));
            assertEquals(TinyRun.IMAGE_SIZE, png.getWidth());
            assertEquals(TinyRun.IMAGE_SIZE, png.getHeight());
        }
        assertEquals(a.path("images"), Api.json(api.generate(request)).path("images"), "same request, same images");

        GanCliEndToEndTest.Result cli = GanCliEndToEndTest.gan("generate", "--run", run.toString(), "--checkpoint", "best", "--prompt", PROMPT,
                "-n", "4", "--seed", "7", "--out", tmp.toString());
        assertEquals(0, cli.code(), cli.err());
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(String.format("image-%04d.png", k + 1))),
                    Api.base64(a.path("images").get(k)), "image " + k + " as gan generate draws it");
        }
        JsonNode other = Api.json(api.generate("{\"prompt\": " + Api.quote(PROMPT) + ", \"n\": 4, \"seed\": 8}"));
        assertEquals(a.path("images").get(1), other.path("images").get(0), "image k is drawn from seed + k");
        assertNotEquals(a.path("images").get(0), other.path("images").get(0));
    }

    @Test
    void withoutASeedTheServerPicksOneAndSaysWhich() throws Exception {
        JsonNode a = Api.json(api.generate("{\"prompt\": \"a red circle\"}"));
        assertEquals(1, a.path("n").asInt(), "n defaults to 1");
        long seed = a.path("seed").asLong();
        JsonNode again = Api.json(api.generate("{\"prompt\": \"a red circle\", \"seed\": " + seed + "}"));
        assertEquals(a.path("images"), again.path("images"));
    }

    @Test
    void oneImageComesAsAPngWhenThatIsWhatTheClientAccepts() throws Exception {
        HttpResponse<byte[]> r = api.generate("{\"prompt\": \"a blue triangle\", \"n\": 1, \"seed\": 3}", "Accept", "image/png");
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("3", r.headers().firstValue("X-Seed").orElseThrow());
        assertEquals(TinyRun.IMAGE_SIZE, Api.png(r.body()).getWidth());
        JsonNode asJson = Api.json(api.generate("{\"prompt\": \"a blue triangle\", \"n\": 1, \"seed\": 3}"));
        assertArrayEquals(Api.base64(asJson.path("images").get(0)), r.body());
        assertError(406, "image/png holds one image: ask for n = 1, or accept application/json",
                api.generate("{\"prompt\": \"a blue triangle\", \"n\": 2}", "Accept", "image/png"));
    }

    @Test
    void badPromptsAreRefusedInTheCommandLinesWords(@TempDir Path tmp) throws Exception {
        GanCliEndToEndTest.Result cli = GanCliEndToEndTest.gan("generate", "--run", run.toString(), "--prompt", "zzz qqq", "--out", tmp.toString());
        assertEquals(2, cli.code());
        String unknown = cli.err().strip().replaceFirst("^gan: ", "");
        assertTrue(unknown.startsWith("none of the words of \"zzz qqq\" is in the model's vocabulary of"), unknown);
        assertError(400, unknown, api.generate("{\"prompt\": \"zzz qqq\", \"n\": 2}"));
        GanCliEndToEndTest.Result empty = GanCliEndToEndTest.gan("generate", "--run", run.toString(), "--prompt", "  ", "--out", tmp.toString());
        assertEquals("gan: empty prompt: give a sentence with at least one word", empty.err().strip());
        assertError(400, "empty prompt: give a sentence with at least one word", api.generate("{\"prompt\": \"  \"}"));
        assertError(400, "empty prompt: give a sentence with at least one word", api.generate("{\"prompt\": \"\"}"));
        assertError(400, "no prompt given: send " + GenerateRequest.EXAMPLE, api.generate("{\"n\": 2}"));
        assertError(400, "prompt must be a string: 5", api.generate("{\"prompt\": 5}"));
    }

    @Test
    void badNumbersAndBadJsonAreRefused() throws Exception {
        assertError(400, "n must be between 1 and 16: 0", api.generate("{\"prompt\": \"a red circle\", \"n\": 0}"));
        assertError(400, "n must be between 1 and 16: 17", api.generate("{\"prompt\": \"a red circle\", \"n\": 17}"));
        assertError(400, "n must be a whole number between 1 and 16: \"four\"",
                api.generate("{\"prompt\": \"a red circle\", \"n\": \"four\"}"));
        assertError(400, "n must be a whole number between 1 and 16: 2.5",
                api.generate("{\"prompt\": \"a red circle\", \"n\": 2.5}"));
        assertError(400, "seed must be a whole number: \"x\"", api.generate("{\"prompt\": \"a red circle\", \"seed\": \"x\"}"));
        HttpResponse<byte[]> malformed = api.generate("{\"prompt\": \"a red circle\"");
        assertEquals(400, malformed.statusCode());
        assertTrue(Api.json(malformed).path("error").asText().startsWith("malformed JSON: "), Api.json(malformed).toString());
        assertError(400, "the request must be a JSON object such as " + GenerateRequest.EXAMPLE, api.generate("[1, 2]"));
        assertError(400, "the request must be a JSON object such as " + GenerateRequest.EXAMPLE, api.generate(""));
        assertError(400, "unknown field \"count\": use prompt, n and seed, as in " + GenerateRequest.EXAMPLE,
                api.generate("{\"prompt\": \"a red circle\", \"count\": 2}"));
    }

    @Test
    void wrongMethodsUnknownPathsAndOversizedBodiesAreRefusedAndTheServerCarriesOn() throws Exception {
        HttpResponse<byte[]> get = api.get("api/generate");
        assertError(405, "method GET is not allowed on /api/generate: use POST", get);
        assertEquals(List.of("POST"), get.headers().allValues("Allow"));
        assertError(405, "method POST is not allowed on /api/health: use GET", api.send("POST", "api/health", "{}"));
        assertError(405, "method DELETE is not allowed on /: use GET", api.send("DELETE", "", null));
        assertError(404, "no such page: /nothing-here", api.get("nothing-here"));
        assertError(404, "no such page: /api/generate/more", api.send("POST", "api/generate/more", "{}"));
        String huge = "{\"prompt\": \"" + "red ".repeat(5000) + "\"}";
        assertError(413, "the request body is larger than the limit of 16384 bytes", api.generate(huge));
        HttpResponse<byte[]> still = api.generate("{\"prompt\": \"a red circle\", \"seed\": 1}");
        assertEquals(200, still.statusCode(), "the server still draws after every refusal");
        assertFalse(Api.json(still).path("images").isEmpty());
    }

    @Test
    void aPromptLongerThanTheModelReadsIsDrawnWithAWarning() throws Exception {
        JsonNode a = Api.json(api.generate("{\"prompt\": " + Api.quote("red ".repeat(40)) + "}"));
        assertTrue(a.path("warning").asText().matches("prompt \".*\" has 40 words; only the first \\d+ are read"), a.toString());
    }

    @Test
    void commandLineErrorsAreOneLineAndExitCode2() throws Exception {
        GanCliEndToEndTest.Result queue = GanCliEndToEndTest.gan("serve", "--run", run.toString(), "--queue", "0");
        assertEquals(2, queue.code());
        assertEquals("gan: --queue must be between 1 and 1024: 0", queue.err().strip());
        GanCliEndToEndTest.Result missing = GanCliEndToEndTest.gan("serve", "--run", run.resolveSibling("no-such-run").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().strip().matches("gan: no run directory at .*no-such-run"), missing.err());
        int port = server.uri().getPort();
        GanCliEndToEndTest.Result taken = GanCliEndToEndTest.gan("serve", "--run", run.toString(), "--port", Integer.toString(port));
        assertEquals(2, taken.code());
        assertTrue(taken.err().strip().startsWith("gan: cannot listen on 127.0.0.1:" + port + ": "), taken.err());
        assertEquals(1, taken.err().strip().lines().count(), taken.err());
    }

    static void assertError(int status, String message, HttpResponse<byte[]> response) {
        String body = new String(response.body());
        assertEquals(status, response.statusCode(), body);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), body);
        JsonNode json = Api.json(response);
        assertEquals(1, json.size(), body);
        assertEquals(message, json.path("error").asText(), body);
    }
}
