package io.textgan.core.checkpoint;

import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The one JSON form of configurations and run state (Jackson, as bundled with ND4J). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(org.nd4j.shade.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Writes {@code file} whole or not at all: through a temporary file in the same directory, renamed over it. */
    public static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (org.nd4j.shade.jackson.core.JacksonException e) {
            throw new IOException(file.getFileName() + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON on one line (for JSON Lines files and {@code gan bench} output). */
    public static String toLine(Object value) {
        return toString(value).replaceAll("\\s*\\n\\s*", " ");
    }

    public static <T> T fromString(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Any JSON document as a tree (for data files whose fields are read one by one). */
    public static JsonNode tree(byte[] json) throws IOException {
        try {
            return MAPPER.readTree(json);
        } catch (org.nd4j.shade.jackson.core.JacksonException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }

    /** A JSON document from outside (a file header) as a tree, refusing duplicate keys and anything after the document. */
    public static JsonNode strictTree(byte[] json) throws IOException {
        try {
            return STRICT.readTree(json);
        } catch (org.nd4j.shade.jackson.core.JacksonException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }
}
