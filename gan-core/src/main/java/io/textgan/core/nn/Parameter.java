package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;

/**
 * A named array of a network: a trainable weight with its gradient accumulator, or a buffer that is
 * saved with the model but not trained (batch-norm running statistics).
 */
public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;

    private Parameter(String name, INDArray value, boolean trainable) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.gradient = trainable ? Nd4j.zeros(DataType.FLOAT, value.shape()) : null;
    }

    /** A weight the optimiser updates. */
    public static Parameter trainable(String name, INDArray value) {
        return new Parameter(name, value, true);
    }

    /** State saved with the model that the optimiser never touches. */
    public static Parameter buffer(String name, INDArray value) {
        return new Parameter(name, value, false);
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public boolean isTrainable() {
        return gradient != null;
    }

    /** The accumulated dLoss/dValue; backward passes add to it, {@link #zeroGradient()} clears it. */
    public INDArray gradient() {
        if (gradient == null) {
            throw new IllegalStateException("buffer " + name + " has no gradient");
        }
        return gradient;
    }

    public void accumulate(INDArray delta) {
        gradient().addi(delta);
    }

    public void zeroGradient() {
        if (gradient != null) {
            gradient.assign(0);
        }
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
