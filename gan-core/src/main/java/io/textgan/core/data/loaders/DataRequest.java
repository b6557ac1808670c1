package io.textgan.core.data.loaders;

import io.textgan.core.data.DataOptions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link DataSources#open} reads, and how.
 *
 * @param data           {@code shapes}, a folder, a {@code .jsonl} or {@code .csv} manifest, or an emoji-datasource
 *                       {@code .tgz}
 * @param options        how images and captions are read
 * @param imageSize      the model's image side
 * @param shapesCount    number of items of the built-in shapes (not used for other data)
 * @param seed           fixes the shapes' rendering and the default sample prompts
 * @param cacheDirectory where decoded images are kept between runs
 */
public record DataRequest(String data, DataOptions options, int imageSize, int shapesCount, long seed, Path cacheDirectory) {

    public DataRequest {
        if (data == null || data.isBlank()) {
            throw new IllegalArgumentException("no data named: give 'shapes', a folder, a .jsonl or .csv manifest, or an emoji .tgz");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be positive: " + imageSize);
        }
    }
}
