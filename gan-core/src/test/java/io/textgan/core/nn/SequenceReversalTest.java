package io.textgan.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceReversalTest {

    /** [T, N, 2] whose entry (t, n, f) is 100 t + 10 n + f, so that every step says where it came from. */
    private static INDArray labelled(int steps, int batch) {
        INDArray x = Nd4j.create(DataType.FLOAT, steps, batch, 2);
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < batch; n++) {
                for (int f = 0; f < 2; f++) {
                    x.putScalar(new long[]{t, n, f}, 100 * t + 10 * n + f);
                }
            }
        }
        return x;
    }

    @Test
    void reversesEachSequenceOverItsOwnLengthAndLeavesPaddingInPlace() {
        int[] lengths = {4, 2, 0, 1};
        SequenceReversal reversal = new SequenceReversal(4, lengths);
        INDArray x = labelled(4, 4);
        INDArray r = reversal.apply(x);
        for (int n = 0; n < 4; n++) {
            for (int t = 0; t < 4; t++) {
                int source = t < lengths[n] ? lengths[n] - 1 - t : t;
                for (int f = 0; f < 2; f++) {
                    assertEquals(100 * source + 10 * n + f, r.getFloat(t, n, f), 0, "step " + t + " of sequence " + n);
                }
            }
        }
        assertEquals(x, reversal.apply(r), "its own inverse");
    }

    @Test
    void refusesAMismatchedBatchOrLength() {
        assertThrows(IllegalArgumentException.class, () -> new SequenceReversal(3, new int[]{4}));
        assertThrows(IllegalArgumentException.class, () -> new SequenceReversal(3, new int[]{1, 2}).apply(labelled(3, 3)));
    }
}
