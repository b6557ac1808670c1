package io.textgan.core.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Maps images [N, 3, S, S] to vectors [N, outputSize] in the text encoder's space, for image–text matching. */
public interface ImageEncoder extends Network {

    INDArray encode(INDArray images, boolean training);

    /**
     * Backpropagates dLoss/dVectors of the latest {@link #encode}, accumulating parameter gradients; returns
     * dLoss/dImages (what a generator trained through a frozen encoder learns from).
     */
    INDArray backward(INDArray gradVectors);

    /**
     * The encoder up to its last grid of features, flattened: what its vector is computed from, with more in it than
     * the vector keeps. It shares this encoder's layers and weights (a forward of either is the state the next backward
     * of either uses). By default the encoder itself, for an encoder without such a grid.
     */
    default ImageEncoder features() {
        return this;
    }

    /** dLoss/dImages of the latest {@link #encode} through the encoder frozen: no parameter gradient changes. */
    default INDArray backwardInput(INDArray gradVectors) {
        INDArray gradImages = backward(gradVectors);
        zeroGradients();
        return gradImages;
    }
}
