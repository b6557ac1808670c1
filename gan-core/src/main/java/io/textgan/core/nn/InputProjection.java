package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The input half of a recurrent layer's gates, {@code x·W + b}, computed for all time steps in one matrix product:
 * [T, N, in] → [T, N, gates]. Shared by {@link Lstm} and {@link Gru}.
 */
final class InputProjection {
    private final int in;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    InputProjection(Parameter weight, Parameter bias) {
        this.in = (int) weight.value().size(0);
        this.weight = weight;
        this.bias = bias;
    }

    INDArray forward(INDArray x) {
        input = x;
        long time = x.size(0);
        long batch = x.size(1);
        return x.reshape(time * batch, in).mmul(weight.value()).addiRowVector(bias.value())
                .reshape(time, batch, weight.value().size(1));
    }

    /** Accumulates the weight and bias gradients from dLoss/dProjection [T, N, gates]; returns dLoss/dInput. */
    INDArray backward(INDArray gradProjection) {
        long time = input.size(0);
        long batch = input.size(1);
        INDArray flat = gradProjection.reshape(time * batch, weight.value().size(1));
        weight.accumulate(input.reshape(time * batch, in).transpose().mmul(flat));
        bias.accumulate(flat.sum(true, 0));
        return flat.mmul(weight.value().transpose()).reshape(time, batch, in);
    }
}
