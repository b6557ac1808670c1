package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Transposed 2-D convolution on NCHW input through ND4J's native {@code deconv2d} / {@code deconv2d_bp};
 * weights [k, k, out, in]. Output side: (side − 1)·stride − 2·padding + kernel.
 */
public final class Deconv2d extends Convolution {

    public Deconv2d(String name, int in, int out, int kernel, int stride, int padding, boolean withBias, INDArray initialWeight) {
        super("deconv2d", "conv2d", name, in, out, kernel, stride, padding, withBias, initialWeight.reshape(kernel, kernel, out, in));
    }

    @Override
    long outSide(long side) {
        return (side - 1) * stride - 2L * padding + kernel;
    }

    @Override
    long transposedSide(long side) {
        return (side + 2L * padding - kernel) / stride + 1;
    }

    @Override
    public long multiplyAdds(long[] s) {
        return s[1] * s[2] * out * in * kernel * kernel;
    }

    @Override
    public String describe() {
        return describe("Deconv2d");
    }
}
