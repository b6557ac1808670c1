package io.textgan.core.data;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Random changes to a training image each time it is used: a random square of the model size cut from a larger image,
 * and a left–right mirror with probability ½. {@link #NONE} leaves images alone and draws nothing from the random
 * source, so data without augmentation is sampled exactly as before.
 *
 * @param randomCrop cut a random side×side square (images not larger than that are left whole)
 * @param flip       mirror left–right half of the time
 */
public record ImageAugmentation(boolean randomCrop, boolean flip) {
    public static final ImageAugmentation NONE = new ImageAugmentation(false, false);

    /** The image as one training example sees it. */
    public BufferedImage apply(BufferedImage image, int side, Random rng) {
        BufferedImage out = image;
        boolean larger = image.getWidth() >= side && image.getHeight() >= side
                && (image.getWidth() > side || image.getHeight() > side);
        if (randomCrop && larger) {
            out = image.getSubimage(rng.nextInt(image.getWidth() - side + 1), rng.nextInt(image.getHeight() - side + 1), side, side);
        }
        if (flip && rng.nextBoolean()) {
            out = mirrored(out);
        }
        return out;
    }

    private static BufferedImage mirrored(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int left = y * w, right = left + w - 1; left < right; left++, right--) {
                int t = rgb[left];
                rgb[left] = rgb[right];
                rgb[right] = t;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }
}
