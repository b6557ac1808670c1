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
    private final String transposedOp;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    /**
     * @param op           the native op of the forward pass ({@code op + "_bp"} its backward)
     * @param transposedOp the native op whose forward pass is {@code op}'s input gradient, with the same weight array
     *                     and arguments (deconv2d for conv2d and back)
     */
    Convolution(String op, String transposedOp, String name, int in, int out, int kernel, int stride, int padding, boolean withBias,
                INDArray weight) {
        this.op = op;
        this.transposedOp = transposedOp;
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

    /** Output side of the transposed op for an input side (the input side again when the forward divides evenly). */
    abstract long transposedSide(long side);

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
        return backward(gradOutput, true);
    }

    /**
     * The input gradient alone, as the transposed op's forward pass (half the work of {@code op_bp}, which also computes
     * the weight gradient), where that op gives back the input's size; else {@code op_bp}'s, its weight gradient unused.
     */
    @Override
    public INDArray backwardInput(INDArray gradOutput) {
        if (transposedSide(gradOutput.size(2)) != input.size(2) || transposedSide(gradOutput.size(3)) != input.size(3)) {
            return backward(gradOutput, false);
        }
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        Ops.exec(transposedOp, new INDArray[]{gradOutput, weight.value()}, new INDArray[]{gradInput}, args());
        return gradInput;
    }

    private INDArray backward(INDArray gradOutput, boolean accumulate) {
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        INDArray gradWeight = Nd4j.create(DataType.FLOAT, weight.value().shape());
        INDArray[] outputs = bias == null
                ? new INDArray[]{gradInput, gradWeight}
                : new INDArray[]{gradInput, gradWeight, Nd4j.create(DataType.FLOAT, out)};
        INDArray[] inputs = bias == null
                ? new INDArray[]{input, weight.value(), gradOutput}
                : new INDArray[]{input, weight.value(), bias.value(), gradOutput};
        Ops.exec(op + "_bp", inputs, outputs, args());
        if (accumulate) {
            weight.accumulate(gradWeight);
            if (bias != null) {
                bias.accumulate(outputs[2]);
            }
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
