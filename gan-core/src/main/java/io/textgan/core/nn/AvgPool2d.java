package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Average pooling of NCHW input over non-overlapping factor × factor blocks through ND4J's native {@code avgpool2d} /
 * {@code avgpool2d_bp}: the downsampling of residual discriminators (Miyato et al. 2018,
 * <a href="https://arxiv.org/abs/1802.05957">arXiv:1802.05957</a>). Sides must be multiples of the factor.
 */
public final class AvgPool2d implements Layer {
    private final int factor;
    private INDArray input;

    public AvgPool2d(int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("pooling factor must be at least 2: " + factor);
        }
        this.factor = factor;
    }

    private int[] args() {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, divisor (0: padding excluded; there is none), dataFormat (0 = NCHW)
        return new int[]{factor, factor, factor, factor, 0, 0, 1, 1, 0, 0, 0};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.size(2) % factor != 0 || x.size(3) % factor != 0) {
            throw new IllegalArgumentException("sides " + x.size(2) + "x" + x.size(3) + " are not multiples of " + factor);
        }
        input = x;
        INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), x.size(1), x.size(2) / factor, x.size(3) / factor);
        Ops.exec("avgpool2d", new INDArray[]{x}, new INDArray[]{y}, args());
        return y;
    }

    /** Each input pixel receives its block's output gradient divided by factor². */
    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        Ops.exec("avgpool2d_bp", new INDArray[]{input, gradOutput}, new INDArray[]{gradInput}, args());
        return gradInput;
    }

    @Override
    public long[] outputShape(long[] s) {
        return new long[]{s[0], s[1] / factor, s[2] / factor};
    }

    @Override
    public String describe() {
        return "AvgPool2d(/" + factor + ")";
    }
}
