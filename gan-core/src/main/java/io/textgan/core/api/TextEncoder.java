package io.textgan.core.api;

import io.textgan.core.data.TokenBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads tokenised captions into sentence vectors [N, outputSize]. */
public interface TextEncoder extends Network {

    INDArray encode(TokenBatch tokens, boolean training);

    /** Backpropagates dLoss/dVectors of the latest {@link #encode}, accumulating parameter gradients. */
    void backward(INDArray gradVectors);

    int outputSize();
}
