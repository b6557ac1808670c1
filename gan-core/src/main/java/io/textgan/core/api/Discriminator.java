package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Judges (image, text) pairs: one logit per pair, high for real and matching. */
public interface Discriminator extends Network {

    /** @param images [N, 3, S, S] @param text [N, textSize] @return logits [N, 1] */
    INDArray score(INDArray images, INDArray text, boolean training);

    /**
     * Backpropagates dLoss/dLogits of the latest {@link #score}, accumulating parameter gradients, and returns
     * dLoss/dImages: the external error that trains the generator.
     */
    INDArray backward(INDArray gradLogits);
}
