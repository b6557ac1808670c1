package io.textgan.core.data;

import java.util.Locale;
import java.util.Map;

/**
 * How image files become training images and captions become tokens; recorded in the run directory so that a resumed
 * run reads its data the same way.
 *
 * @param crop         {@code center}: the centre square of each image, resized to the model size; {@code random}: the
 *                     centre square resized to 76/64 of the model size (as StackGAN does), a random square of the model
 *                     size cut from it each time it is used
 * @param flip         mirror images left–right half of the time (off by default: not for data whose captions say left
 *                     or right)
 * @param background   the colour transparent pixels are composited onto: white, black, gray or #RRGGBB
 * @param minWordCount words seen fewer times in the training captions map to the unknown-word token
 */
public record DataOptions(String crop, boolean flip, String background, int minWordCount) {
    private static final Map<String, Integer> COLOURS = Map.of("white", 0xFFFFFF, "black", 0x000000,
            "gray", 0x808080, "grey", 0x808080);

    public DataOptions {
        if (!"center".equals(crop) && !"random".equals(crop)) {
            throw new IllegalArgumentException("crop must be center or random: " + crop);
        }
        rgb(background);
        if (minWordCount < 1) {
            throw new IllegalArgumentException("minWordCount must be at least 1: " + minWordCount);
        }
    }

    /** Centre crop, no flip, white background, every word kept. */
    public static DataOptions defaults() {
        return new DataOptions("center", false, "white", 1);
    }

    /** The per-use changes of training images these options ask for. */
    public ImageAugmentation augmentation() {
        return new ImageAugmentation("random".equals(crop), flip);
    }

    /** The background as 0xRRGGBB. */
    public int backgroundRgb() {
        return rgb(background);
    }

    /** The side at which images are decoded and stored for a model of this side: larger where crops are random. */
    public int storedSide(int modelSide) {
        return "random".equals(crop) ? (modelSide * 76 + 63) / 64 : modelSide;
    }

    private static int rgb(String colour) {
        if (colour == null) {
            throw new IllegalArgumentException("background must be white, black, gray or #RRGGBB: null");
        }
        Integer named = COLOURS.get(colour.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (colour.matches("#[0-9a-fA-F]{6}")) {
            return Integer.parseInt(colour.substring(1), 16);
        }
        throw new IllegalArgumentException("background must be white, black, gray or #RRGGBB: " + colour);
    }
}
