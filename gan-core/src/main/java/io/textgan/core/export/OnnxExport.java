package io.textgan.core.export;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.export.OnnxGraph.IntAttribute;
import io.textgan.core.export.OnnxGraph.IntsAttribute;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's text encoder and generator as one ONNX model (opset {@value OnnxGraph#OPSET}): inputs {@code tokens}
 * [N, L] (int64 token ids, padded with {@link Vocabulary#PAD_ID}), {@code lengths} [N] (int64, each caption's number
 * of tokens, at most L) and {@code noise} [N, noiseSize]; output {@code image} [N, 3, S, S] in [-1, 1], as an inference
 * {@code generate} computes it. Tokenising (string work ONNX does not express) is described by the
 * {@value #VOCABULARY_FILE} written beside the model ({@link #vocabulary}).
 */
public final class OnnxExport {
    public static final String TOKENS = "tokens";
    public static final String LENGTHS = "lengths";
    public static final String NOISE = "noise";
    public static final String IMAGE = "image";
    /** The file beside the model that says how captions become {@link #TOKENS} and {@link #LENGTHS}. */
    public static final String VOCABULARY_FILE = "vocabulary.json";

    private OnnxExport() {
    }

    /** The encoded ModelProto of the model's text encoder, vector scaling and generator. */
    public static byte[] model(TextToImageModel model, String producerVersion) {
        ModelConfig config = model.config();
        if (!(model.textEncoder() instanceof OnnxExportableTextEncoder encoder)) {
            throw new IllegalArgumentException("the text encoder '" + config.textEncoder() + "' has no ONNX export");
        }
        if (!(model.generator() instanceof OnnxExportable generator)) {
            throw new IllegalArgumentException("the generator '" + config.generator() + "' has no ONNX export");
        }
        OnnxGraph graph = new OnnxGraph();
        String tokens = graph.inputInt64(TOKENS, "L");
        String lengths = graph.inputInt64(LENGTHS);
        String noise = graph.input(NOISE, config.noiseSize());
        String vectors;
        try {
            vectors = encoder.exportOnnx(graph, tokens, lengths);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the text encoder '" + config.textEncoder() + "' cannot be exported to ONNX: "
                    + e.getMessage(), e);
        }
        String text = scaled(graph, vectors, config.textSize());
        String image;
        try {
            image = generator.exportOnnx(graph, noise, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the generator '" + config.generator() + "' cannot be exported to ONNX: "
                    + e.getMessage(), e);
        }
        graph.alias(image, IMAGE);
        graph.output(IMAGE, 3, config.imageSize(), config.imageSize());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("textgan.model", Json.toLine(config));
        metadata.put("textgan.inputs", "tokens: int64 [N, L] token ids from " + VOCABULARY_FILE + ", padded with "
                + Vocabulary.PAD_ID + "; lengths: int64 [N] tokens per caption; noise: standard normal [N, "
                + config.noiseSize() + "]");
        return graph.toModel("textgan", "textgan", producerVersion, metadata);
    }

    /** {@link TextToImageModel#encode}'s scaling: each vector divided by (its length + 1e-8), times √size. */
    private static String scaled(OnnxGraph g, String vectors, int size) {
        String norm = g.node("ReduceL2", "text_norm", List.of(vectors), new IntsAttribute("axes", new long[]{1}),
                new IntAttribute("keepdims", 1));
        String safe = g.node("Add", "text_norm_eps", List.of(norm, g.constant("eps", Nd4j.scalar(1e-8f))));
        String unit = g.node("Div", "text_unit", List.of(vectors, safe));
        return g.node("Mul", "text", List.of(unit, g.constant("sqrt_size", Nd4j.scalar((float) Math.sqrt(size)))));
    }

    /**
     * What {@value #VOCABULARY_FILE} holds: the token list (a token's id is its index), the tokenizer and its rules,
     * the cut to {@code maxTokens}, and the padding and unknown ids.
     */
    public static Map<String, Object> vocabulary(TextToImageModel model) {
        Vocabulary vocabulary = model.vocabulary();
        Tokenizer tokenizer = vocabulary.tokenizer();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tokenizer", tokenizer.configName());
        v.put("lowercase", true);
        v.put("rule", tokenizer == Tokenizer.WORD
                ? "lower-case (Unicode, locale-independent); every run of characters that are not letters or digits "
                + "(Java regex [^\\p{L}\\p{N}]+) is a separator; the tokens are the runs of letters and digits"
                : "lower-case (Unicode, locale-independent); every run of whitespace or control characters becomes one "
                + "space, leading and trailing ones dropped; the tokens are the Unicode code points that remain");
        v.put("maxTokens", model.config().maxTokens());
        v.put("padId", Vocabulary.PAD_ID);
        v.put("unknownId", Vocabulary.UNKNOWN_ID);
        v.put("tokens", vocabulary.words());
        return v;
    }

    /**
     * Writes the model to {@code out} (through a temporary file beside it) and {@value #VOCABULARY_FILE} beside it.
     *
     * @throws IOException naming {@code out} when it cannot be written
     */
    public static void write(TextToImageModel model, String producerVersion, Path out) throws IOException {
        byte[] bytes = model(model, producerVersion);
        Path absolute = out.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + out + ": no directory " + parent);
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + out + ": it is a directory");
        }
        if (Files.exists(parent.resolve(TextToImageModel.CONFIG_FILE)) && Files.exists(parent.resolve(VOCABULARY_FILE))) {
            // a checkpoint's own vocabulary.json (its word list) must not be replaced by the export's
            throw new IOException("cannot write " + out + ": its directory holds a checkpoint, whose " + VOCABULARY_FILE
                    + " would be replaced; write elsewhere");
        }
        if (absolute.getFileName().toString().equals(VOCABULARY_FILE)) {
            throw new IOException("cannot write " + out + ": " + VOCABULARY_FILE + " is the name of the vocabulary written beside it");
        }
        Path tmp = parent.resolve("." + absolute.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Json.write(parent.resolve(VOCABULARY_FILE), vocabulary(model));
        } catch (AccessDeniedException | NoSuchFileException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + out + ": permission denied or no such directory", e);
        }
    }
}
