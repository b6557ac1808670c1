package io.textgan.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Layer-by-layer lines with output shape and parameter count, as {@code gan summary} prints them. */
public final class LayerSummary {
    private LayerSummary() {
    }

    /** Lines for each layer of {@code layer} (expanding {@link Sequential}) given the input shape without batch. */
    public static List<String> lines(String prefix, Layer layer, long[] inputShape) {
        List<String> out = new ArrayList<>();
        append(out, prefix, layer, inputShape);
        return out;
    }

    private static long[] append(List<String> out, String prefix, Layer layer, long[] shape) {
        if (layer instanceof Sequential seq) {
            long[] s = shape;
            for (Layer l : seq.layers()) {
                s = append(out, prefix, l, s);
            }
            return s;
        }
        long[] next = layer.outputShape(shape);
        out.add(line(prefix, layer.describe(), Arrays.toString(next), trainableCount(layer.parameters())));
        return next;
    }

    /** One summary line: part of the network, layer, output shape, trainable parameters. */
    public static String line(String part, String layer, String outputShape, long parameters) {
        return String.format("%-12s %-34s %-18s %,12d", part, layer, outputShape, parameters);
    }

    /** Number of trainable scalars. */
    public static long trainableCount(List<Parameter> parameters) {
        return parameters.stream().filter(Parameter::isTrainable).mapToLong(p -> p.value().length()).sum();
    }
}
