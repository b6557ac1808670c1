package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Reverses each sequence of a padded, time-major batch [T, N, F] over its own length: step t of sequence n of the
 * result is step {@code length(n) − 1 − t} of the input for t &lt; length(n); the padding after stays where it is. This
 * is what the backward direction of a bidirectional recurrent layer reads, so that it starts at a caption's last real
 * token, not at padding. The reversal is its own inverse: applied to the gradient of the reversed batch it gives the
 * gradient of the original.
 */
public final class SequenceReversal {
    private final int steps;
    private final int batch;
    private final int[] sourceRows;

    /** @param lengths each sequence's number of real steps, from 0 to {@code steps} */
    public SequenceReversal(int steps, int[] lengths) {
        this.steps = steps;
        this.batch = lengths.length;
        this.sourceRows = new int[steps * batch];
        for (int n = 0; n < batch; n++) {
            int length = lengths[n];
            if (length < 0 || length > steps) {
                throw new IllegalArgumentException("sequence length must be within [0, " + steps + "]: " + length);
            }
            for (int t = 0; t < steps; t++) {
                int source = t < length ? length - 1 - t : t;
                sourceRows[t * batch + n] = source * batch + n;
            }
        }
    }

    /** The batch [T, N, F] with each sequence reversed over its length. */
    public INDArray apply(INDArray x) {
        if (x.rank() != 3 || x.size(0) != steps || x.size(1) != batch) {
            throw new IllegalArgumentException("expected [" + steps + ", " + batch + ", F], got " + Arrays.toString(x.shape()));
        }
        long features = x.size(2);
        INDArray rows = x.dup('c').reshape((long) steps * batch, features);
        return Nd4j.pullRows(rows, 1, sourceRows).reshape(steps, batch, features);
    }
}
