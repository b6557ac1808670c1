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

    /**
     * Strings saved beside the weights, in the metadata of the network's safetensors file: for a network of another
     * framework, that framework's description of it (a DL4J network's configuration JSON); empty by default.
     */
    default java.util.Map<String, String> metadata() {
        return java.util.Map.of();
    }

    default void zeroGradients() {
        parameters().forEach(Parameter::zeroGradient);
    }
}
