package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns noise and a text vector into images [N, 3, S, S] in [-1, 1]. */
public interface Generator extends Network {

    /** @param noise [N, noiseSize] @param text [N, textSize] from the text encoder */
    INDArray generate(INDArray noise, INDArray text, boolean training);

    /** Backpropagates dLoss/dImages of the latest {@link #generate}, accumulating parameter gradients. */
    void backward(INDArray gradImages);

    int noiseSize();
}
