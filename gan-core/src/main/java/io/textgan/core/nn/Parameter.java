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

    private Parameter(String name, INDArray value, INDArray gradient) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.gradient = gradient;
    }

    private Parameter(String name, INDArray value, boolean trainable) {
        this(name, value, trainable ? Nd4j.zeros(DataType.FLOAT, value.shape()) : null);
    }

    /**
     * A weight whose gradient accumulator is given: for a network of another framework, whose parameters and gradients
     * live in its own (flat) arrays, of which {@code value} and {@code gradient} are views of the same shape.
     */
    public static Parameter trainable(String name, INDArray value, INDArray gradient) {
        if (!java.util.Arrays.equals(value.shape(), gradient.shape())) {
            throw new IllegalArgumentException(name + ": gradient shape " + java.util.Arrays.toString(gradient.shape())
                    + " differs from the value's " + java.util.Arrays.toString(value.shape()));
        }
        return new Parameter(name, value, gradient);
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
