package io.textgan.core.data.loaders;

import java.util.List;

/**
 * What opening data found: written to {@code RUN/data.json}, and shown by {@code gan data inspect}.
 *
 * @param layout         how the data was read, e.g. {@code emoji package (twitter)}
 * @param location       {@code shapes}, or the data's absolute path
 * @param images         usable images
 * @param captions       their captions, all together
 * @param classes        distinct classes (CUB, Oxford-102) or categories (emoji); 0 where the layout has none
 * @param trainingImages images in the training split
 * @param heldOutImages  images in the held-out split
 * @param skipped        files, manifest lines or package entries not used, and why
 * @param cacheFile      the decoded-image cache file, or null (shapes are drawn, not decoded)
 * @param decodedNow     images decoded while opening: 0 when all came from the cache
 */
public record DataReport(String layout, String location, int images, int captions, int classes, int trainingImages,
                         int heldOutImages, List<SkippedFile> skipped, String cacheFile, int decodedNow) {

    public DataReport {
        skipped = List.copyOf(skipped);
    }
}
