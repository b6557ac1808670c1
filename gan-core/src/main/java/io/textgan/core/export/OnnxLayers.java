package io.textgan.core.export;

import io.textgan.core.export.OnnxGraph.FloatAttribute;
import io.textgan.core.export.OnnxGraph.IntAttribute;
import io.textgan.core.export.OnnxGraph.IntsAttribute;
import io.textgan.core.export.OnnxGraph.StringAttribute;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Convolution;
import io.textgan.core.nn.Deconv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Embedding;
import io.textgan.core.nn.Film;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.Lstm;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Residual;
import io.textgan.core.nn.Sequential;
import io.textgan.core.nn.Upsample;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * ONNX nodes for this project's layers in inference mode: Dense → Gemm, Conv2d → Conv, Deconv2d → ConvTranspose,
 * BatchNorm → BatchNormalization with the running statistics, ReLU / LeakyReLU / tanh, Reshape, Upsample → Resize
 * (nearest), Residual → Add of its branches, Embedding → Gather, Lstm → LSTM; a Sequential is its layers in order; FiLM, which also reads the condition, through {@link #film}. Any other layer is refused by name.
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
        if (layer instanceof Residual r) {
            return g.node("Add", "residual", List.of(add(g, r.main(), input), add(g, r.shortcut(), input)));
        }
        if (layer instanceof Upsample u) {
            // asymmetric + floor: output pixel x reads input pixel floor(x / factor), as upsampling2d
            return g.node("Resize", "upsample", List.of(input, "", g.constant("scales",
                            Nd4j.createFromArray(1f, 1f, u.factor(), u.factor()))),
                    new StringAttribute("mode", "nearest"),
                    new StringAttribute("coordinate_transformation_mode", "asymmetric"),
                    new StringAttribute("nearest_mode", "floor"));
        }
        if (layer instanceof Embedding e) {
            return g.node("Gather", "embedding", List.of(g.constant("embedding_table", e.table().value()), input),
                    new IntAttribute("axis", 0));
        }
        if (layer instanceof Lstm l) {
            return lstm(g, l, input);
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

    /**
     * The ONNX LSTM op over time-major [T, N, in] (no sequence lengths: later steps never change earlier states), then
     * its Y [T, 1, N, H] squeezed to [T, N, H]. ONNX orders the gates input, output, forget, cell and stores each
     * weight transposed, [4H, in]; this project's blocks of columns are input, forget, cell, output.
     */
    static String lstm(OnnxGraph g, Lstm l, String input) {
        int[] ours = {0, 3, 1, 2};
        long h = l.hidden();
        INDArray w = onnxGates(l.inputWeight().value(), ours, h);
        INDArray r = onnxGates(l.recurrentWeight().value(), ours, h);
        INDArray bias = onnxGates(l.bias().value(), ours, h).reshape(1, 4 * h);
        INDArray b = Nd4j.hstack(bias, Nd4j.zeros(DataType.FLOAT, 1, 4 * h)).reshape(1, 8 * h);
        String y = g.node("LSTM", "lstm", List.of(input, g.constant("lstm_w", w.reshape(1, 4 * h, w.size(1))),
                g.constant("lstm_r", r.reshape(1, 4 * h, h)), g.constant("lstm_b", b)), new IntAttribute("hidden_size", h));
        return g.node("Squeeze", "lstm_states", List.of(y, g.constantInts("axes", 1)));
    }

    /** [K, 4H] with gate column blocks in our order → [4H, K] with the blocks in ONNX's order. */
    private static INDArray onnxGates(INDArray weight, int[] order, long h) {
        INDArray[] blocks = new INDArray[order.length];
        for (int k = 0; k < order.length; k++) {
            blocks[k] = weight.get(NDArrayIndex.all(), NDArrayIndex.interval(order[k] * h, (order[k] + 1) * h))
                    .transpose().dup('c');
        }
        return Nd4j.vstack(blocks);
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
