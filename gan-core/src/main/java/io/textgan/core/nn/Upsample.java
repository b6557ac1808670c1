package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour upsampling of NCHW input by an integer factor through ND4J's native {@code upsampling2d} /
 * {@code upsampling2d_bp}: each pixel becomes a factor × factor block. Followed by a convolution, it is the
 * upsampling that avoids the checkerboard artefacts of transposed convolutions (Odena et al. 2016,
 * <a href="https://distill.pub/2016/deconv-checkerboard/">Deconvolution and Checkerboard Artifacts</a>).
 */
public final class Upsample implements Layer {
    private static final int NCHW = 1;

    private final int factor;
    private INDArray input;

    public Upsample(int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("upsampling factor must be at least 2: " + factor);
        }
        this.factor = factor;
    }

    public int factor() {
        return factor;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), x.size(1), x.size(2) * factor, x.size(3) * factor);
        Ops.exec("upsampling2d", new INDArray[]{x}, new INDArray[]{y}, new int[]{factor, factor, NCHW});
        return y;
    }

    /** Each input pixel's gradient is the sum of the gradients of its factor × factor block. */
    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        Ops.exec("upsampling2d_bp", new INDArray[]{input, gradOutput}, new INDArray[]{gradInput}, new int[]{NCHW});
        return gradInput;
    }

    @Override
    public long[] outputShape(long[] s) {
        return new long[]{s[0], s[1] * factor, s[2] * factor};
    }

    @Override
    public String describe() {
        return "Upsample(x" + factor + ", nearest)";
    }
}
