package io.textgan.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * One training batch for GAN-CLS: real images [N, 3, S, S] in [-1, 1], a caption of each image, and a caption of a
 * different image for the (real image, wrong text) pairs.
 */
public record Batch(INDArray images, List<String> captions, List<String> mismatchedCaptions) {

    public int size() {
        return captions.size();
    }
}
