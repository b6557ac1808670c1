package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A differentiable layer. {@link #forward} keeps what {@link #backward} needs; backward takes
 * dLoss/dOutput of the latest forward, adds the parameter gradients to each {@link Parameter} and
 * returns dLoss/dInput (the "external error" that flows into the previous network).
 */
public interface Layer {

    INDArray forward(INDArray input, boolean training);

    INDArray backward(INDArray gradOutput);

    /**
     * dLoss/dInput of the latest forward, as {@link #backward} returns it, without adding to any parameter gradient: for
     * a network that gradients flow through but that is not being updated (a frozen encoder, the discriminator during
     * the generator's update), whose parameter gradients would be thrown away. The default suits layers without
     * trainable parameters; a layer with them that does not override it refuses.
     */
    default INDArray backwardInput(INDArray gradOutput) {
        if (parameters().stream().anyMatch(Parameter::isTrainable)) {
            throw new UnsupportedOperationException(describe() + " has trainable parameters but no backwardInput");
        }
        return backward(gradOutput);
    }

    /** Trainable weights and saved buffers, with names unique within the network. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Output shape (without the batch dimension) for an input shape (without the batch dimension). */
    long[] outputShape(long[] inputShape);

    /** Multiply-adds of one forward pass for one example of the given input shape (without the batch dimension). */
    default long multiplyAdds(long[] inputShape) {
        return 0;
    }

    /** One line for summaries, e.g. {@code Conv2d(64->128, k4 s2 p1)}. */
    String describe();
}
