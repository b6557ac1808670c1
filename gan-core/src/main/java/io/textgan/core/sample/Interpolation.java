package io.textgan.core.sample;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Paths between two vectors, returned as the rows [steps, d] of an array, from {@code a} at row 0 to {@code b} at the
 * last row: a straight line, or the great-circle path (slerp) that White 2016 recommends for Gaussian noise
 * (<a href="https://arxiv.org/abs/1609.04468">Sampling Generative Networks, arXiv:1609.04468</a>), along which the
 * vectors keep the norm typical of the prior instead of shrinking toward the origin half-way.
 */
public final class Interpolation {
    private Interpolation() {
    }

    /** The position t of row i of {@code steps}: i / (steps − 1), from 0 to 1. */
    public static double fraction(int i, int steps) {
        requireSteps(steps);
        return i / (steps - 1.0);
    }

    /** (1 − t)·a + t·b for t = {@link #fraction}(i, steps); a and b are vectors of one length, [d] or [1, d]. */
    public static INDArray linear(INDArray a, INDArray b, int steps) {
        requireSteps(steps);
        double[] x = vector(a);
        double[] y = vector(b, x.length);
        double[][] rows = new double[steps][x.length];
        for (int i = 0; i < steps; i++) {
            double t = fraction(i, steps);
            for (int k = 0; k < x.length; k++) {
                rows[i][k] = (1 - t) * x[k] + t * y[k];
            }
        }
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    /**
     * sin((1 − t)·Ω) / sin Ω · a + sin(t·Ω) / sin Ω · b, Ω the angle between a and b; the straight line where the
     * angle is too small (or too close to π) for the division.
     */
    public static INDArray spherical(INDArray a, INDArray b, int steps) {
        requireSteps(steps);
        double[] x = vector(a);
        double[] y = vector(b, x.length);
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < x.length; k++) {
            dot += x[k] * y[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
        }
        double omega = Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(xx * yy))));
        double sin = Math.sin(omega);
        if (!(Math.abs(sin) > 1e-6)) {
            return linear(a, b, steps);
        }
        double[][] rows = new double[steps][x.length];
        for (int i = 0; i < steps; i++) {
            double t = fraction(i, steps);
            double wa = Math.sin((1 - t) * omega) / sin;
            double wb = Math.sin(t * omega) / sin;
            for (int k = 0; k < x.length; k++) {
                rows[i][k] = wa * x[k] + wb * y[k];
            }
        }
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    private static void requireSteps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 2 steps: " + steps);
        }
    }

    private static double[] vector(INDArray v) {
        if (v.length() != v.size(-1)) {
            throw new IllegalArgumentException("expected a vector, got shape " + Arrays.toString(v.shape()));
        }
        return v.reshape(v.length()).toDoubleVector();
    }

    private static double[] vector(INDArray v, int length) {
        double[] values = vector(v);
        if (values.length != length) {
            throw new IllegalArgumentException("vectors of different lengths: " + length + " and " + values.length);
        }
        return values;
    }
}
