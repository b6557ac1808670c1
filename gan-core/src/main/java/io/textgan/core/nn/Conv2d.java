package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** 2-D convolution on NCHW input through ND4J's native {@code conv2d} / {@code conv2d_bp}; weights [k, k, in, out]. */
public final class Conv2d extends Convolution {

    public Conv2d(String name, int in, int out, int kernel, int stride, int padding, boolean withBias, INDArray initialWeight) {
        super("conv2d", "deconv2d", name, in, out, kernel, stride, padding, withBias, initialWeight.reshape(kernel, kernel, in, out));
    }

    @Override
    long outSide(long side) {
        return (side + 2L * padding - kernel) / stride + 1;
    }

    @Override
    long transposedSide(long side) {
        return (side - 1) * stride - 2L * padding + kernel;
    }

    @Override
    public long multiplyAdds(long[] s) {
        return outSide(s[1]) * outSide(s[2]) * out * in * kernel * kernel;
    }

    @Override
    public String describe() {
        return describe("Conv2d");
    }
}
