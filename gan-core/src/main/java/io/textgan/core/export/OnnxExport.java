package io.textgan.core.export;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's generator as an ONNX model (opset {@value OnnxGraph#OPSET}): inputs {@code noise} [N, noiseSize] and
 * {@code text} [N, textSize], the text encoder's sentence vectors as {@link TextToImageModel#encode} gives them
 * (length √textSize); output {@code image} [N, 3, S, S] in [-1, 1], as an inference {@code generate} computes it.
 * The text encoder stays in Java: tokenising the caption is string work that ONNX does not express.
 */
public final class OnnxExport {
    public static final String NOISE = "noise";
    public static final String TEXT = "text";
    public static final String IMAGE = "image";

    private OnnxExport() {
    }

    /** The encoded ModelProto of the model's generator. */
    public static byte[] generator(TextToImageModel model, String producerVersion) {
        ModelConfig config = model.config();
        if (!(model.generator() instanceof OnnxExportable exportable)) {
            throw new IllegalArgumentException("the generator '" + config.generator() + "' has no ONNX export");
        }
        OnnxGraph graph = new OnnxGraph();
        String noise = graph.input(NOISE, config.noiseSize());
        String text = graph.input(TEXT, config.textSize());
        String image;
        try {
            image = exportable.exportOnnx(graph, noise, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the generator '" + config.generator() + "' cannot be exported to ONNX: "
                    + e.getMessage(), e);
        }
        graph.alias(image, IMAGE);
        graph.output(IMAGE, 3, config.imageSize(), config.imageSize());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("textgan.model", Json.toLine(config));
        metadata.put("textgan.inputs", "noise: standard normal [N, " + config.noiseSize() + "]; text: sentence vectors [N, "
                + config.textSize() + "] scaled to length sqrt(" + config.textSize() + ")");
        return graph.toModel("textgan_generator", "textgan", producerVersion, metadata);
    }

    /**
     * Writes the model's generator to {@code out} (through a temporary file beside it).
     *
     * @throws IOException naming {@code out} when it cannot be written
     */
    public static void writeGenerator(TextToImageModel model, String producerVersion, Path out) throws IOException {
        byte[] bytes = generator(model, producerVersion);
        Path absolute = out.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + out + ": no directory " + parent);
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + out + ": it is a directory");
        }
        Path tmp = parent.resolve("." + absolute.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AccessDeniedException | NoSuchFileException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + out + ": permission denied or no such directory", e);
        }
    }
}
