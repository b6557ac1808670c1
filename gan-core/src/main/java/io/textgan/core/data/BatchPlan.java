package io.textgan.core.data;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Which rows make one batch, without their images: for each row the item, which of its captions, the item and caption
 * of its wrong caption, and the seed of its augmentation draws. A worker that holds the same data turns any range of
 * rows into a {@link Batch} ({@link #materialize}), decoding only its own images.
 */
public record BatchPlan(int[] items, int[] captions, int[] mismatchedItems, int[] mismatchedCaptions,
                        long[] augmentationSeeds) implements Serializable {

    public BatchPlan {
        int n = items.length;
        if (captions.length != n || mismatchedItems.length != n || mismatchedCaptions.length != n || augmentationSeeds.length != n) {
            throw new IllegalArgumentException("a batch plan's rows differ in number");
        }
    }

    public int size() {
        return items.length;
    }

    /** Rows [from, to) of this plan. */
    public BatchPlan rows(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a plan of " + size());
        }
        return new BatchPlan(Arrays.copyOfRange(items, from, to), Arrays.copyOfRange(captions, from, to),
                Arrays.copyOfRange(mismatchedItems, from, to), Arrays.copyOfRange(mismatchedCaptions, from, to),
                Arrays.copyOfRange(augmentationSeeds, from, to));
    }

    /** The batch of these rows from {@code source}, whose images are changed by {@code augmentation}. */
    public Batch materialize(CaptionedImageSource source, int imageSize, ImageAugmentation augmentation) {
        List<BufferedImage> images = new ArrayList<>(size());
        List<String> right = new ArrayList<>(size());
        List<String> wrong = new ArrayList<>(size());
        for (int k = 0; k < size(); k++) {
            images.add(augmentation.apply(source.image(items[k]), imageSize, new Random(augmentationSeeds[k])));
            right.add(source.captions(items[k]).get(captions[k]));
            wrong.add(source.captions(mismatchedItems[k]).get(mismatchedCaptions[k]));
        }
        return new Batch(ImageArrays.toArray(images, imageSize), right, wrong);
    }
}
