package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** What {@link Conv2d} and {@link Deconv2d} share: square kernels on NCHW input through a native op and its {@code _bp}. */
public abstract sealed class Convolution implements Layer permits Conv2d, Deconv2d {
    final int in;
    final int out;
    final int kernel;
    final int stride;
    final int padding;
    private final String op;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    Convolution(String op, String name, int in, int out, int kernel, int stride, int padding, boolean withBias,
                INDArray weight) {
        this.op = op;
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = Parameter.trainable(name + ".weight", weight);
        this.bias = withBias ? Parameter.trainable(name + ".bias", Nd4j.zeros(DataType.FLOAT, out)) : null;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    /** The weight: [k, k, in, out] for {@link Conv2d}, [k, k, out, in] for {@link Deconv2d}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias [out], or null without one. */
    public Parameter bias() {
        return bias;
    }

    /** Output side for an input side. */
    abstract long outSide(long side);

    private int[] args() {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, dataFormat (0 = NCHW), weightFormat (0: kernel dimensions first)
        return new int[]{kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 0};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), out, outSide(x.size(2)), outSide(x.size(3)));
        INDArray[] inputs = bias == null ? new INDArray[]{x, weight.value()} : new INDArray[]{x, weight.value(), bias.value()};
        Ops.exec(op, inputs, new INDArray[]{y}, args());
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        INDArray gradWeight = Nd4j.create(DataType.FLOAT, weight.value().shape());
        INDArray[] outputs = bias == null
                ? new INDArray[]{gradInput, gradWeight}
                : new INDArray[]{gradInput, gradWeight, Nd4j.create(DataType.FLOAT, out)};
        INDArray[] inputs = bias == null
                ? new INDArray[]{input, weight.value(), gradOutput}
                : new INDArray[]{input, weight.value(), bias.value(), gradOutput};
        Ops.exec(op + "_bp", inputs, outputs, args());
        weight.accumulate(gradWeight);
        if (bias != null) {
            bias.accumulate(outputs[2]);
        }
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public long[] outputShape(long[] s) {
        return new long[]{out, outSide(s[1]), outSide(s[2])};
    }

    String describe(String kind) {
        return kind + "(" + in + "->" + out + ", k" + kernel + " s" + stride + " p" + padding + (bias == null ? ", no bias)" : ")");
    }
}
