package io.textgan.core.export;

import io.textgan.core.export.OnnxGraph.FloatAttribute;
import io.textgan.core.export.OnnxGraph.IntAttribute;
import io.textgan.core.export.OnnxGraph.IntsAttribute;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Convolution;
import io.textgan.core.nn.Deconv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Film;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Sequential;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * ONNX nodes for this project's layers in inference mode: Dense → Gemm, Conv2d → Conv, Deconv2d → ConvTranspose,
 * BatchNorm → BatchNormalization with the running statistics, ReLU / LeakyReLU / tanh, Reshape; a Sequential is its
 * layers in order; FiLM, which also reads the condition, through {@link #film}. Any other layer is refused by name.
 */
public final class OnnxLayers {
    private OnnxLayers() {
    }

    /** Adds the layer's nodes reading {@code input}; returns the name of the layer's output. */
    public static String add(OnnxGraph g, Layer layer, String input) {
        if (layer instanceof Sequential s) {
            String x = input;
            for (Layer l : s.layers()) {
                x = add(g, l, x);
            }
            return x;
        }
        if (layer instanceof Dense d) {
            return dense(g, d, input);
        }
        if (layer instanceof Deconv2d c) {
            // ours [k, k, out, in], ONNX ConvTranspose [in, out, k, k]
            return convolution(g, "ConvTranspose", c, c.weight().value().permute(3, 2, 0, 1), input);
        }
        if (layer instanceof Conv2d c) {
            // ours [k, k, in, out], ONNX Conv [out, in, k, k]
            return convolution(g, "Conv", c, c.weight().value().permute(3, 2, 0, 1), input);
        }
        if (layer instanceof BatchNorm b) {
            return g.node("BatchNormalization", "bn", List.of(input, g.constant("bn_scale", b.gamma().value()),
                            g.constant("bn_bias", b.beta().value()), g.constant("bn_mean", b.runningMean().value()),
                            g.constant("bn_var", b.runningVariance().value())),
                    new FloatAttribute("epsilon", (float) BatchNorm.EPSILON));
        }
        if (layer instanceof Activation a) {
            return switch (a.kind()) {
                case RELU -> g.node("Relu", "relu", List.of(input));
                case TANH -> g.node("Tanh", "tanh", List.of(input));
                case LEAKY_RELU -> g.node("LeakyRelu", "leaky_relu", List.of(input), new FloatAttribute("alpha", (float) a.alpha()));
            };
        }
        if (layer instanceof Reshape r) {
            long[] shape = r.shape();
            long[] full = new long[shape.length + 1];
            full[0] = -1;
            System.arraycopy(shape, 0, full, 1, shape.length);
            return g.node("Reshape", "reshape", List.of(input, g.constantInts("shape", full)));
        }
        throw new IllegalArgumentException("the layer " + layer.describe() + " has no ONNX export");
    }

    /**
     * FiLM: {@code γ ⊙ x + β} with [γ, β] = t·W + b + [1, 0] (the 1 of γ folded into the bias), each reshaped to
     * broadcast over the spatial axes of a rank-4 input.
     */
    public static String film(OnnxGraph g, Film f, String input, int inputRank, String condition) {
        int c = f.channels();
        INDArray bias = f.affine().bias().value().reshape(2L * c).dup();
        bias.get(NDArrayIndex.interval(0, c)).addi(1);
        String both = g.node("Gemm", "film_gemm", List.of(condition, g.constant("film_w", f.affine().weight().value()),
                g.constant("film_b", bias)));
        long[] shape = inputRank == 4 ? new long[]{-1, c, 1, 1} : new long[]{-1, c};
        String gamma = g.node("Reshape", "film_gamma", List.of(slice(g, both, 0, c), g.constantInts("shape", shape)));
        String beta = g.node("Reshape", "film_beta", List.of(slice(g, both, c, 2L * c), g.constantInts("shape", shape)));
        return g.node("Add", "film", List.of(g.node("Mul", "film_scale", List.of(input, gamma)), beta));
    }

    /** Columns [from, to) of a [N, K] value. */
    public static String slice(OnnxGraph g, String input, long from, long to) {
        return g.node("Slice", "slice", List.of(input, g.constantInts("starts", from), g.constantInts("ends", to),
                g.constantInts("axes", 1)));
    }

    /** {@code x·W + b} as a Gemm (a MatMul without bias). */
    public static String dense(OnnxGraph g, Dense d, String input) {
        String w = g.constant("dense_w", d.weight().value());
        if (d.bias() == null) {
            return g.node("MatMul", "matmul", List.of(input, w));
        }
        String b = g.constant("dense_b", d.bias().value().reshape(d.bias().value().length()));
        return g.node("Gemm", "gemm", List.of(input, w, b));
    }

    private static String convolution(OnnxGraph g, String op, Convolution c, org.nd4j.linalg.api.ndarray.INDArray weight,
                                      String input) {
        List<String> inputs = new ArrayList<>(List.of(input, g.constant(op.toLowerCase() + "_w", weight)));
        if (c.bias() != null) {
            inputs.add(g.constant(op.toLowerCase() + "_b", c.bias().value()));
        }
        long k = c.kernel();
        long s = c.stride();
        long p = c.padding();
        return g.node(op, op.toLowerCase(), inputs, new IntsAttribute("kernel_shape", new long[]{k, k}),
                new IntsAttribute("strides", new long[]{s, s}), new IntsAttribute("pads", new long[]{p, p, p, p}),
                new IntsAttribute("dilations", new long[]{1, 1}), new IntAttribute("group", 1));
    }
}
