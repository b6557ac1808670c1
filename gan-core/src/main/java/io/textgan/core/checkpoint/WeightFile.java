package io.textgan.core.checkpoint;

import io.textgan.core.nn.Parameter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a network's weights live in a model or checkpoint directory: {@code <base>.safetensors} since checkpoint
 * format 2, {@code <base>.bin} ({@link ArrayFile}) in format 1, which is still read.
 */
public final class WeightFile {
    public static final String EXTENSION = ".safetensors";
    static final String LEGACY_EXTENSION = ".bin";

    private WeightFile() {
    }

    /** The file the parameters of {@code base} are written to. */
    public static Path of(Path dir, String base) {
        return dir.resolve(base + EXTENSION);
    }

    /** Writes the parameters (names as keys, in order) with the metadata to {@code <base>.safetensors}. */
    public static void write(Path dir, String base, Iterable<Parameter> parameters, Map<String, String> metadata)
            throws IOException {
        SafetensorsFile.write(of(dir, base), ArrayFile.of(parameters), metadata);
    }

    /** Whether {@code dir} has weights for {@code base}, in either format. */
    public static boolean exists(Path dir, String base) {
        return Files.isRegularFile(of(dir, base)) || Files.isRegularFile(dir.resolve(base + LEGACY_EXTENSION));
    }

    /**
     * Reads the parameters of {@code base} from {@code <base>.safetensors}, or from a format-1 {@code <base>.bin}
     * when the directory has no safetensors file for it.
     */
    public static void readInto(Path dir, String base, Iterable<Parameter> parameters) throws IOException {
        Path current = of(dir, base);
        Path legacy = dir.resolve(base + LEGACY_EXTENSION);
        if (Files.isRegularFile(current)) {
            SafetensorsFile.readInto(current, ArrayFile.of(parameters));
        } else if (Files.isRegularFile(legacy)) {
            ArrayFile.readInto(legacy, ArrayFile.of(parameters));
        } else {
            throw new IOException(dir + " has no " + current.getFileName() + " (nor a format-1 " + legacy.getFileName() + ")");
        }
    }
}
