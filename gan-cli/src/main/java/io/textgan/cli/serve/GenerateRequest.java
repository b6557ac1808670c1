package io.textgan.cli.serve;

import io.textgan.core.checkpoint.Json;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code POST /api/generate}: {@code {"prompt": "...", "n": 4, "seed": 7}}; {@code n} defaults to 1 and
 * {@code seed} is optional (the server picks one and says which). Image k is drawn from the noise of seed + k, as in
 * {@code gan generate}.
 *
 * @param seed null when the client gave none
 */
record GenerateRequest(String prompt, int n, Long seed) {
    private static final Set<String> FIELDS = Set.of("prompt", "n", "seed");
    static final String EXAMPLE = "{\"prompt\": \"a red circle\", \"n\": 4, \"seed\": 7}";

    GenerateRequest {
        if (prompt == null) {
            throw new IllegalArgumentException("no prompt given: send " + EXAMPLE);
        }
        if (n < 1 || n > ServeConfig.MAX_IMAGES) {
            throw new IllegalArgumentException("n must be between 1 and " + ServeConfig.MAX_IMAGES + ": " + n);
        }
    }

    /** Reads a request body; an IllegalArgumentException, with a message for the user, if it is not one. */
    static GenerateRequest parse(byte[] body) {
        JsonNode json;
        try {
            json = Json.tree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + oneLine(e.getMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the request must be a JSON object such as " + EXAMPLE);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\": use prompt, n and seed, as in " + EXAMPLE);
            }
        }
        JsonNode prompt = json.get("prompt");
        if (prompt != null && !prompt.isTextual()) {
            throw new IllegalArgumentException("prompt must be a string: " + prompt);
        }
        JsonNode n = json.get("n");
        if (n != null && !(n.isIntegralNumber() && n.canConvertToInt())) {
            throw new IllegalArgumentException("n must be a whole number between 1 and " + ServeConfig.MAX_IMAGES + ": " + n);
        }
        JsonNode seed = json.get("seed");
        if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw new IllegalArgumentException("seed must be a whole number: " + seed);
        }
        return new GenerateRequest(prompt == null ? null : prompt.asText(), n == null ? 1 : n.asInt(),
                seed == null || seed.isNull() ? null : seed.asLong());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
