package io.textgan.models.text;

import io.textgan.core.data.TokenBatch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a sentence vector from a recurrent layer's states [T, N, H] over each caption's real tokens only: their mean
 * ("mean") or the state after the last one ("last"). A caption without tokens reads its first (padding) step.
 */
final class Pooling {
    private final INDArray weights;

    /** @param pooling "mean" or "last", as {@link io.textgan.core.api.ModelConfig#pooling()} */
    Pooling(TokenBatch tokens, String pooling) {
        weights = Nd4j.zeros(DataType.FLOAT, tokens.steps(), tokens.size(), 1);
        for (int n = 0; n < tokens.size(); n++) {
            int length = Math.max(1, tokens.lengths()[n]);
            if ("last".equals(pooling)) {
                weights.putScalar(length - 1, n, 0, 1f);
            } else {
                for (int t = 0; t < length; t++) {
                    weights.putScalar(t, n, 0, 1f / length);
                }
            }
        }
    }

    /** [N, H] from states [T, N, H]. */
    INDArray pool(INDArray states) {
        return states.mul(weights).sum(0);
    }

    /** dLoss/dStates [T, N, H] from dLoss/dVectors [N, H]. */
    INDArray backward(INDArray gradVectors) {
        return Nd4j.zeros(DataType.FLOAT, weights.size(0), gradVectors.size(0), gradVectors.size(1))
                .addi(gradVectors.reshape(1, gradVectors.size(0), gradVectors.size(1)))
                .muli(weights);
    }
}
