package io.textgan.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Token ids of a batch of captions, time-major [T, N] and padded with {@link Vocabulary#PAD_ID}, with each
 * caption's length (0 for a caption without words).
 */
public record TokenBatch(INDArray ids, int[] lengths) {

    public TokenBatch {
        if (ids.rank() != 2 || ids.size(1) != lengths.length) {
            throw new IllegalArgumentException("ids must be [T, N] with N = lengths: " + java.util.Arrays.toString(ids.shape()));
        }
    }

    public int size() {
        return lengths.length;
    }

    public int steps() {
        return (int) ids.size(0);
    }
}
