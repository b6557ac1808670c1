package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Weight initialisation from an explicit {@link Random}, so that a seed fixes every weight on every backend. */
public final class Init {
    private Init() {
    }

    /** Gaussian N(0, std²), as DCGAN initialises its weights (std 0.02). */
    public static INDArray normal(Random rng, double std, long... shape) {
        float[] data = new float[Math.toIntExact(length(shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (rng.nextGaussian() * std);
        }
        return Nd4j.create(data, shape, DataType.FLOAT);
    }

    /**
     * Gaussian N(0, 2 / fanIn) (He et al. 2015, <a href="https://arxiv.org/abs/1502.01852">arXiv:1502.01852</a>): keeps
     * the activations' scale through ReLU layers without normalisation between them.
     */
    public static INDArray he(Random rng, long fanIn, long... shape) {
        return normal(rng, Math.sqrt(2.0 / fanIn), shape);
    }

    /** Uniform ±sqrt(6 / (fanIn + fanOut)) (Glorot). */
    public static INDArray glorot(Random rng, long fanIn, long fanOut, long... shape) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] data = new float[Math.toIntExact(length(shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        }
        return Nd4j.create(data, shape, DataType.FLOAT);
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
