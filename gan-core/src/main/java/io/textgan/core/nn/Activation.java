package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise activations: ReLU, LeakyReLU(α), tanh, each with its exact derivative. */
public final class Activation implements Layer {
    /** Which function. */
    public enum Kind { RELU, LEAKY_RELU, TANH }

    private final Kind kind;
    private final double alpha;
    private INDArray input;
    private INDArray output;

    private Activation(Kind kind, double alpha) {
        this.kind = kind;
        this.alpha = alpha;
    }

    public static Activation relu() {
        return new Activation(Kind.RELU, 0);
    }

    public static Activation leakyRelu(double alpha) {
        return new Activation(Kind.LEAKY_RELU, alpha);
    }

    public static Activation tanh() {
        return new Activation(Kind.TANH, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** The negative slope of LeakyReLU (0 for the others). */
    public double alpha() {
        return alpha;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        output = switch (kind) {
            case RELU -> Transforms.relu(x, true);
            case LEAKY_RELU -> Transforms.leakyRelu(x, alpha, true);
            case TANH -> Transforms.tanh(x, true);
        };
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return switch (kind) {
            case TANH -> gradOutput.mul(output.mul(output).rsubi(1));
            case RELU, LEAKY_RELU -> {
                // slope = alpha + (1 - alpha) * [x > 0]
                INDArray slope = input.gt(0).castTo(DataType.FLOAT).muli(1 - alpha).addi(alpha);
                yield gradOutput.mul(slope);
            }
        };
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String describe() {
        return switch (kind) {
            case RELU -> "ReLU";
            case LEAKY_RELU -> "LeakyReLU(" + alpha + ")";
            case TANH -> "Tanh";
        };
    }
}
