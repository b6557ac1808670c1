package io.textgan.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Layer-by-layer lines with output shape and parameter count, as {@code gan summary} prints them. */
public final class LayerSummary {
    private LayerSummary() {
    }

    /**
     * Lines for each layer of {@code layer} given the input shape without batch. A {@link Sequential} is expanded; a
     * {@link Residual} gives a line of its own (the shape of the sum, no parameters) followed by its branches' layers,
     * indented, those of the shortcut marked as such, so that the parameter column still adds up to the total.
     */
    public static List<String> lines(String prefix, Layer layer, long[] inputShape) {
        List<String> out = new ArrayList<>();
        append(out, prefix, "", layer, inputShape);
        return out;
    }

    private static long[] append(List<String> out, String prefix, String indent, Layer layer, long[] shape) {
        if (layer instanceof Sequential seq) {
            long[] s = shape;
            for (Layer l : seq.layers()) {
                s = append(out, prefix, indent, l, s);
            }
            return s;
        }
        long[] next = layer.outputShape(shape);
        if (layer instanceof Residual block) {
            out.add(line(prefix, indent + block.describe(), Arrays.toString(next), 0));
            append(out, prefix, indent + "  ", block.main(), shape);
            if (block.shortcut().layers().isEmpty()) {
                out.add(line(prefix, indent + "  shortcut identity", Arrays.toString(shape), 0));
            }
            append(out, prefix, indent + "  shortcut ", block.shortcut(), shape);
            return next;
        }
        out.add(line(prefix, indent + layer.describe(), Arrays.toString(next), trainableCount(layer.parameters())));
        return next;
    }

    /** One summary line: part of the network, layer, output shape, trainable parameters. */
    public static String line(String part, String layer, String outputShape, long parameters) {
        return String.format("%-12s %-46s %-18s %,12d", part, layer, outputShape, parameters);
    }

    /** The column titles above the lines of {@link #line}. */
    public static String header() {
        return String.format("%-12s %-46s %-18s %12s", "part", "layer", "output shape", "parameters");
    }

    /** The last line of a network's summary, aligned with the parameter column. */
    public static String total(long parameters) {
        return String.format("%-78s %,12d", "total", parameters);
    }

    /** Number of trainable scalars. */
    public static long trainableCount(List<Parameter> parameters) {
        return parameters.stream().filter(Parameter::isTrainable).mapToLong(p -> p.value().length()).sum();
    }
}
