package io.textgan.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * One training batch for GAN-CLS: real images [N, 3, S, S] in [-1, 1], a caption of each image, and a caption of a
 * different image for the (real image, wrong text) pairs. Close it after its step: that frees the images' off-heap
 * memory at once, where waiting for the garbage collector lets a batch a step pile up (batches cross threads, so
 * their small Java objects reach the old generation, which is collected rarely).
 */
public record Batch(INDArray images, List<String> captions, List<String> mismatchedCaptions) implements AutoCloseable {

    @Override
    public void close() {
        images.close();
    }

    public int size() {
        return captions.size();
    }
}
