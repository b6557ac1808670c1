package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Transposed 2-D convolution on NCHW input through ND4J's native {@code deconv2d} / {@code deconv2d_bp};
 * weights [k, k, out, in]. Output side: (side − 1)·stride − 2·padding + kernel.
 */
public final class Deconv2d implements Layer {
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    public Deconv2d(String name, int in, int out, int kernel, int stride, int padding, boolean withBias, INDArray initialWeight) {
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = Parameter.trainable(name + ".weight", initialWeight.reshape(kernel, kernel, out, in));
        this.bias = withBias ? Parameter.trainable(name + ".bias", Nd4j.zeros(DataType.FLOAT, out)) : null;
    }

    private int[] args() {
        return new int[]{kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 0};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), out, outSide(x.size(2)), outSide(x.size(3)));
        INDArray[] inputs = bias == null ? new INDArray[]{x, weight.value()} : new INDArray[]{x, weight.value(), bias.value()};
        Ops.exec("deconv2d", inputs, new INDArray[]{y}, args());
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        INDArray gradWeight = Nd4j.create(DataType.FLOAT, weight.value().shape());
        INDArray[] outputs = bias == null
                ? new INDArray[]{gradInput, gradWeight}
                : new INDArray[]{gradInput, gradWeight, Nd4j.create(DataType.FLOAT, out)};
        INDArray[] in = bias == null
                ? new INDArray[]{input, weight.value(), gradOutput}
                : new INDArray[]{input, weight.value(), bias.value(), gradOutput};
        Ops.exec("deconv2d_bp", in, outputs, args());
        weight.accumulate(gradWeight);
        if (bias != null) {
            bias.accumulate(outputs[2]);
        }
        return gradInput;
    }

    private long outSide(long side) {
        return (side - 1) * stride - 2L * padding + kernel;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public long[] outputShape(long[] s) {
        return new long[]{out, outSide(s[1]), outSide(s[2])};
    }

    @Override
    public long multiplyAdds(long[] s) {
        return s[1] * s[2] * out * in * kernel * kernel;
    }

    @Override
    public String describe() {
        return "Deconv2d(" + in + "->" + out + ", k" + kernel + " s" + stride + " p" + padding + (bias == null ? ", no bias)" : ")");
    }
}
