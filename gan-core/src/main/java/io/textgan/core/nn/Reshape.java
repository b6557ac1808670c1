package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Reshapes each example to a fixed shape (for example [C·H·W] ↔ [C, H, W]). */
public final class Reshape implements Layer {
    private final long[] shape;
    private long[] inputShape;

    public Reshape(long... shape) {
        this.shape = shape.clone();
    }

    /** The shape of each example after reshaping. */
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        inputShape = x.shape();
        long[] full = new long[shape.length + 1];
        full[0] = x.size(0);
        System.arraycopy(shape, 0, full, 1, shape.length);
        return x.dup('c').reshape(full);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return gradOutput.dup('c').reshape(inputShape);
    }

    @Override
    public long[] outputShape(long[] in) {
        return shape.clone();
    }

    @Override
    public String describe() {
        return "Reshape" + Arrays.toString(shape);
    }
}
