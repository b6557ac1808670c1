package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns noise and a text vector into images [N, 3, S, S] in [-1, 1]. */
public interface Generator extends Network {

    /** @param noise [N, noiseSize] @param text [N, textSize] from the text encoder */
    INDArray generate(INDArray noise, INDArray text, boolean training);

    /** Backpropagates dLoss/dImages of the latest {@link #generate}, accumulating parameter gradients. */
    void backward(INDArray gradImages);

    /**
     * The regularisation term that the latest {@link #generate} added to the generator's loss, and whose gradient the
     * following {@link #backward} adds (StackGAN's KL term with conditioning augmentation, for instance); 0 for a
     * generator without one, and after an inference generate. The trainer reports it as part of the generator's loss.
     */
    default double regularizationLoss() {
        return 0;
    }

    int noiseSize();
}
