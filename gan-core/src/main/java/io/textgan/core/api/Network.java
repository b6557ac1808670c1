package io.textgan.core.api;

import io.textgan.core.nn.Parameter;

import java.util.List;

/** Something with named parameters that can be trained, saved and restored. */
public interface Network {

    /** Trainable weights and saved buffers, names unique within this network, in a stable order. */
    List<Parameter> parameters();

    /** A layer-by-layer description for {@code gan summary}: one line per layer with its output shape and parameter count. */
    List<String> summary();

    /** Multiply-adds of one forward pass for one example, counted layer by layer (for {@code gan bench}). */
    long multiplyAdds();

    default void zeroGradients() {
        parameters().forEach(Parameter::zeroGradient);
    }
}
