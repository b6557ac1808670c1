package io.textgan.core.data.loaders;

import io.textgan.core.data.CaptionedImageSource;

import java.util.List;

/**
 * Data opened for training or inspection.
 *
 * @param name          a short name for run directories: {@code shapes}, or the data's file or folder name without
 *                      its extension
 * @param all           every usable item, in a fixed order
 * @param training      the items to train on
 * @param heldOut       the held-out items (never trained on), or null where the data has none
 * @param samplePrompts the sample grid's default prompts
 * @param report        what was read, and what was skipped
 */
public record Dataset(String name, CaptionedImageSource all, CaptionedImageSource training,
                      CaptionedImageSource heldOut, List<String> samplePrompts, DataReport report) {

    public Dataset {
        samplePrompts = List.copyOf(samplePrompts);
    }
}
