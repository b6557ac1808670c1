package io.textgan.cli.command;

import io.textgan.core.data.DataOptions;
import io.textgan.core.data.loaders.DataRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of {@code gan train} and {@code gan data inspect} that say where data is read from and how. */
public final class DataSourceOptions {

    @Option(names = "--shapes-count", description = "Number of rendered shapes items (--data shapes). Default: ${DEFAULT-VALUE}.")
    int shapesCount = 8192;

    @Option(names = "--background", description = "Colour under transparent pixels: white, black, gray or #RRGGBB. Default: ${DEFAULT-VALUE}.")
    String background = "white";

    @Option(names = "--cache-dir", description = "Where decoded images are kept between runs (files may be deleted at any time). "
            + "Default: $XDG_CACHE_HOME/textgan, or ~/.cache/textgan.")
    Path cacheDir;

    DataRequest request(String data, DataOptions options, int imageSize, long seed) {
        return new DataRequest(data, options, imageSize, requirePositive(shapesCount), seed, cacheDirectory());
    }

    Path cacheDirectory() {
        return cacheDir != null ? cacheDir : defaultCacheDirectory();
    }

    private static int requirePositive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("--shapes-count must be positive: " + count);
        }
        return count;
    }

    static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("textgan");
    }
}
