package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Fully connected layer: {@code y = x·W + b} on [N, in] inputs. */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    public Dense(String name, int in, int out, boolean withBias, INDArray initialWeight) {
        this.in = in;
        this.out = out;
        this.weight = Parameter.trainable(name + ".weight", initialWeight.reshape(in, out));
        this.bias = withBias ? Parameter.trainable(name + ".bias", Nd4j.zeros(DataType.FLOAT, 1, out)) : null;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray y = x.mmul(weight.value());
        return bias == null ? y : y.addiRowVector(bias.value());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        weight.accumulate(input.transpose().mmul(gradOutput));
        if (bias != null) {
            bias.accumulate(gradOutput.sum(true, 0));
        }
        return backwardInput(gradOutput);
    }

    @Override
    public INDArray backwardInput(INDArray gradOutput) {
        return gradOutput.mmul(weight.value().transpose());
    }

    /** The weight [in, out]. */
    public Parameter weight() {
        return weight;
    }

    /** The bias [1, out], or null without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return new long[]{out};
    }

    @Override
    public long multiplyAdds(long[] inputShape) {
        return (long) in * out;
    }

    @Override
    public String describe() {
        return "Dense(" + in + "->" + out + (bias == null ? ", no bias)" : ")");
    }
}
