package io.textgan.cli.serve;

import java.util.List;
import java.util.Optional;

/**
 * What one request drew: the prompt, the seed of each image (the first is the request's seed) and the images as PNG
 * files of {@code size}×{@code size} pixels.
 *
 * @param warning a note for the user, such as a prompt cut to the model's length
 */
record Drawing(String prompt, List<Long> seeds, List<byte[]> pngs, int size, Optional<String> warning) {
    Drawing {
        seeds = List.copyOf(seeds);
        pngs = List.copyOf(pngs);
        if (seeds.size() != pngs.size() || pngs.isEmpty()) {
            throw new IllegalArgumentException(seeds.size() + " seeds for " + pngs.size() + " images");
        }
    }
}
