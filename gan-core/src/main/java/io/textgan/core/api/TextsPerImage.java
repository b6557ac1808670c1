package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a {@link Discriminator} that scores each image with k texts needs: k from the two batches, the image (or
 * image-feature) batch repeated k times in blocks, and a gradient on those blocks summed back to one copy.
 */
public final class TextsPerImage {
    private TextsPerImage() {
    }

    /**
     * @param images [N, ...] @param text [k·N, T]
     * @return k
     * @throws IllegalArgumentException if text's rows are not a positive multiple of the images'
     */
    public static int count(INDArray images, INDArray text) {
        long n = images.size(0);
        if (n == 0 || text.size(0) == 0 || text.size(0) % n != 0) {
            throw new IllegalArgumentException("text rows must be a positive multiple of the images': " + text.size(0) + " for " + n);
        }
        return (int) (text.size(0) / n);
    }

    /** {@code x} [N, C, H, W] stacked k times: rows j·N + i are row i. */
    public static INDArray repeat(INDArray x, int k) {
        return k == 1 ? x : Nd4j.tile(x, k, 1, 1, 1);
    }

    /** The gradient on {@link #repeat}'s output [k·N, C, H, W] summed over the k blocks: [N, C, H, W]. */
    public static INDArray sumRepeats(INDArray grad, int k) {
        if (k == 1) {
            return grad;
        }
        long[] shape = grad.shape();
        return grad.reshape(k, shape[0] / k, shape[1], shape[2], shape[3]).sum(0);
    }
}
