package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.export.OnnxExport;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported ONNX generator, decoded and run by a small evaluator written here from the protobuf encoding and the
 * ONNX operator definitions alone (it shares no code with the exporter), gives the Java generator's images within 1e-4.
 * Where Debian's python3-onnx is installed, ONNX's own checker also validates the file and infers the image shape
 * (Debian 12's onnx 1.12 has no reference runtime, and Debian has no onnxruntime package).
 */
class OnnxExportTest {
    @TempDir
    Path tmp;

    private static ModelConfig config(String generator, boolean augmentation) {
        return new ModelConfig(generator, "gan-cls", "lstm", 32, 8, 6, 4, 4, 2, 8, 10, "mean", 24,
                Tokenizer.WORD.configName(), augmentation);
    }

    /** A model whose batch norms have non-trivial statistics and affine parameters, so inference differs from training. */
    private static TextToImageModel model(ModelConfig config) {
        TextToImageModel model = TextToImageModel.create(config, new Vocabulary(List.of("<pad>", "<unk>"),
                Tokenizer.WORD), new Random(11));
        Random rng = new Random(12);
        for (int i = 0; i < 3; i++) {
            model.generator().generate(Init.normal(rng, 1, 5, 8), Init.normal(rng, 1, 5, 10), true);
        }
        for (Parameter p : model.generator().parameters()) {
            if (p.name().endsWith(".gamma") || p.name().endsWith(".beta") || p.name().endsWith(".bias")) {
                p.value().addi(Init.normal(rng, 0.3, p.value().shape()));
            }
        }
        return model;
    }

    @Test
    void theExportedDcganGivesTheJavaGeneratorsImages() {
        assertSameImages(model(config("dcgan", false)));
    }

    @Test
    void conditioningAugmentationExportsItsMean() {
        assertSameImages(model(config("dcgan", true)));
    }

    @Test
    void filmModulatesWithTheConditionInTheGraphToo() {
        assertSameImages(model(config("film", false)));
    }

    @Test
    void aGeneratorWithALayerWithoutAnOnnxFormIsRefusedByName() {
        TextToImageModel residual = model(config("residual", false));
        String message = assertThrows(IllegalArgumentException.class, () -> OnnxExport.generator(residual, "test")).getMessage();
        assertTrue(message.startsWith("the generator 'residual' cannot be exported to ONNX: the layer "), message);
        assertTrue(message.endsWith(" has no ONNX export"), message);
    }

    @Test
    void onnxsOwnCheckerAcceptsTheFileAndInfersTheImageShape() throws Exception {
        String python = pythonWith("onnx");
        assumeTrue(python != null, "python3 with the onnx package (Debian: python3-onnx) is not installed; "
                + "skipping ONNX's own checker (the Java evaluator above still runs)");
        Path file = tmp.resolve("g.onnx");
        OnnxExport.writeGenerator(model(config("dcgan", true)), "test", file);
        String script = String.join("\n",
                "import sys, onnx",
                "m = onnx.load(sys.argv[1])",
                "onnx.checker.check_model(m, full_check=True)",
                "m = onnx.shape_inference.infer_shapes(m, strict_mode=True)",
                "out = m.graph.output[0]",
                "dims = [d.dim_param or d.dim_value for d in out.type.tensor_type.shape.dim]",
                "print(out.name, dims, m.opset_import[0].version, sorted({n.op_type for n in m.graph.node}))");
        Process p = new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("image ['N', 3, 32, 32] 13 ['BatchNormalization', 'Concat', 'ConvTranspose', 'Gemm', 'Identity', "
                + "'MatMul', 'Relu', 'Reshape', 'Slice', 'Tanh']", out.strip());
    }

    static String pythonWith(String module) {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }

    private static void assertSameImages(TextToImageModel model) {
        Random rng = new Random(7);
        INDArray noise = Init.normal(rng, 1, 3, 8);
        INDArray text = Init.normal(rng, 1, 3, 10);
        INDArray expected = model.generator().generate(noise, text, false);
        Evaluator onnx = new Evaluator(OnnxExport.generator(model, "test"));
        Map<String, Tensor> feeds = new HashMap<>();
        feeds.put("noise", Tensor.of(noise));
        feeds.put("text", Tensor.of(text));
        Tensor image = onnx.run(feeds).get("image");
        assertArrayEquals(expected.shape(), image.shape());
        double[] want = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(want[i] - image.v()[i]));
        }
        assertTrue(worst < 1e-4, "largest difference " + worst);
        assertTrue(Math.abs(want[0]) > 0 || Math.abs(want[1]) > 0, "not a blank image");
    }

    /** A dense row-major tensor of doubles. */
    record Tensor(long[] shape, double[] v) {
        static Tensor of(INDArray a) {
            return new Tensor(a.shape(), a.dup('c').castTo(DataType.DOUBLE).data().asDouble());
        }

        long dim(int i) {
            return shape[i];
        }
    }

    /** Protobuf fields of one message: number → the values in order (varints as Long, fixed32 as Integer, bytes as byte[]). */
    static Map<Integer, List<Object>> fields(byte[] message) {
        Map<Integer, List<Object>> fields = new HashMap<>();
        ByteBuffer b = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            long key = varint(b);
            int field = (int) (key >>> 3);
            Object value = switch ((int) (key & 7)) {
                case 0 -> varint(b);
                case 5 -> b.getInt();
                case 1 -> b.getLong();
                case 2 -> {
                    byte[] bytes = new byte[(int) varint(b)];
                    b.get(bytes);
                    yield bytes;
                }
                default -> throw new IllegalStateException("wire type " + (key & 7));
            };
            fields.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    static long varint(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b.get();
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }

    static List<Object> all(Map<Integer, List<Object>> m, int field) {
        return m.getOrDefault(field, List.of());
    }

    static String str(Map<Integer, List<Object>> m, int field) {
        return new String((byte[]) all(m, field).get(0), StandardCharsets.UTF_8);
    }

    /** A repeated int64 field, packed or not. */
    static long[] longs(Map<Integer, List<Object>> m, int field) {
        List<Long> out = new ArrayList<>();
        for (Object o : all(m, field)) {
            if (o instanceof Long l) {
                out.add(l);
            } else {
                ByteBuffer b = ByteBuffer.wrap((byte[]) o);
                while (b.hasRemaining()) {
                    out.add(varint(b));
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Runs an ONNX ModelProto's graph: ModelProto.graph = 7; GraphProto node = 1, initializer = 5, output = 12. */
    static final class Evaluator {
        private final List<Map<Integer, List<Object>>> nodes = new ArrayList<>();
        private final Map<String, Tensor> constants = new HashMap<>();
        private final List<String> outputs = new ArrayList<>();

        Evaluator(byte[] model) {
            Map<Integer, List<Object>> m = fields(model);
            assertEquals(13L, fields((byte[]) all(m, 8).get(0)).get(2).get(0), "opset 13");
            Map<Integer, List<Object>> graph = fields((byte[]) all(m, 7).get(0));
            for (Object n : all(graph, 1)) {
                nodes.add(fields((byte[]) n));
            }
            for (Object t : all(graph, 5)) {
                Map<Integer, List<Object>> tensor = fields((byte[]) t);
                long[] dims = longs(tensor, 1);
                long type = (Long) all(tensor, 2).get(0);
                double[] v;
                if (type == 1) {
                    ByteBuffer raw = ByteBuffer.wrap((byte[]) all(tensor, 9).get(0)).order(ByteOrder.LITTLE_ENDIAN);
                    v = new double[raw.remaining() / 4];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = raw.getFloat();
                    }
                } else {
                    assertEquals(7L, type, "int64");
                    v = java.util.Arrays.stream(longs(tensor, 7)).asDoubleStream().toArray();
                }
                constants.put(str(tensor, 8), new Tensor(dims, v));
            }
            for (Object o : all(graph, 12)) {
                outputs.add(str(fields((byte[]) o), 1));
            }
        }

        Map<String, Tensor> run(Map<String, Tensor> feeds) {
            Map<String, Tensor> values = new HashMap<>(constants);
            values.putAll(feeds);
            for (Map<Integer, List<Object>> node : nodes) {
                List<Tensor> in = new ArrayList<>();
                for (Object name : all(node, 1)) {
                    in.add(values.get(new String((byte[]) name, StandardCharsets.UTF_8)));
                }
                Map<String, Map<Integer, List<Object>>> attributes = new HashMap<>();
                for (Object a : all(node, 5)) {
                    Map<Integer, List<Object>> attribute = fields((byte[]) a);
                    attributes.put(str(attribute, 1), attribute);
                }
                values.put(str(node, 2), op(str(node, 4), in, attributes));
            }
            Map<String, Tensor> result = new HashMap<>();
            outputs.forEach(o -> result.put(o, values.get(o)));
            return result;
        }

        private static Tensor op(String type, List<Tensor> in, Map<String, Map<Integer, List<Object>>> attributes) {
            Tensor x = in.get(0);
            return switch (type) {
                case "Identity" -> x;
                case "Relu" -> map(x, a -> Math.max(a, 0));
                case "Tanh" -> map(x, Math::tanh);
                case "LeakyRelu" -> {
                    double alpha = Float.intBitsToFloat((Integer) attributes.get("alpha").get(2).get(0));
                    yield map(x, a -> a >= 0 ? a : alpha * a);
                }
                case "Gemm", "MatMul" -> gemm(x, in.get(1), in.size() > 2 ? in.get(2) : null);
                case "Mul" -> broadcast(x, in.get(1), (a, b) -> a * b);
                case "Add" -> broadcast(x, in.get(1), Double::sum);
                case "Concat" -> concat(x, in.get(1), (Long) attributes.get("axis").get(3).get(0));
                case "Slice" -> slice(x, (long) in.get(1).v()[0], (long) in.get(2).v()[0], (long) in.get(3).v()[0]);
                case "Reshape" -> reshape(x, in.get(1));
                case "BatchNormalization" -> batchNorm(in,
                        Float.intBitsToFloat((Integer) attributes.get("epsilon").get(2).get(0)));
                case "ConvTranspose" -> convTranspose(x, in.get(1), in.size() > 2 ? in.get(2) : null,
                        longs(attributes.get("strides"), 8)[0], longs(attributes.get("pads"), 8));
                default -> throw new IllegalStateException("the test evaluator has no " + type);
            };
        }

        /** Numpy-style broadcasting of two tensors of the same rank (a dimension of 1 repeats). */
        private static Tensor broadcast(Tensor a, Tensor b, java.util.function.DoubleBinaryOperator f) {
            int rank = a.shape().length;
            assertEquals(rank, b.shape().length);
            long[] shape = new long[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = Math.max(a.dim(d), b.dim(d));
                assertTrue(a.dim(d) == shape[d] || a.dim(d) == 1);
                assertTrue(b.dim(d) == shape[d] || b.dim(d) == 1);
            }
            int total = (int) java.util.Arrays.stream(shape).reduce(1, (p, q) -> p * q);
            double[] y = new double[total];
            int[] index = new int[rank];
            for (int k = 0; k < total; k++) {
                int rest = k;
                for (int d = rank - 1; d >= 0; d--) {
                    index[d] = (int) (rest % shape[d]);
                    rest /= (int) shape[d];
                }
                y[k] = f.applyAsDouble(a.v()[offset(a, index)], b.v()[offset(b, index)]);
            }
            return new Tensor(shape, y);
        }

        private static int offset(Tensor t, int[] index) {
            int at = 0;
            for (int d = 0; d < index.length; d++) {
                at = at * (int) t.dim(d) + (t.dim(d) == 1 ? 0 : index[d]);
            }
            return at;
        }

        private static Tensor map(Tensor x, java.util.function.DoubleUnaryOperator f) {
            return new Tensor(x.shape(), java.util.Arrays.stream(x.v()).map(f).toArray());
        }

        private static Tensor gemm(Tensor a, Tensor b, Tensor c) {
            int m = (int) a.dim(0);
            int k = (int) a.dim(1);
            int n = (int) b.dim(1);
            assertEquals(k, b.dim(0));
            double[] y = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = c == null ? 0 : c.v()[j];
                    for (int p = 0; p < k; p++) {
                        s += a.v()[i * k + p] * b.v()[p * n + j];
                    }
                    y[i * n + j] = s;
                }
            }
            return new Tensor(new long[]{m, n}, y);
        }

        private static Tensor concat(Tensor a, Tensor b, long axis) {
            assertEquals(1, axis);
            int rows = (int) a.dim(0);
            int ca = (int) a.dim(1);
            int cb = (int) b.dim(1);
            double[] y = new double[rows * (ca + cb)];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(a.v(), r * ca, y, r * (ca + cb), ca);
                System.arraycopy(b.v(), r * cb, y, r * (ca + cb) + ca, cb);
            }
            return new Tensor(new long[]{rows, ca + cb}, y);
        }

        private static Tensor slice(Tensor x, long start, long end, long axis) {
            assertEquals(1, axis);
            int rows = (int) x.dim(0);
            int cols = (int) x.dim(1);
            int w = (int) (end - start);
            double[] y = new double[rows * w];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x.v(), r * cols + (int) start, y, r * w, w);
            }
            return new Tensor(new long[]{rows, w}, y);
        }

        private static Tensor reshape(Tensor x, Tensor shape) {
            long[] s = java.util.Arrays.stream(shape.v()).mapToLong(d -> (long) d).toArray();
            long known = 1;
            int unknown = -1;
            for (int i = 0; i < s.length; i++) {
                if (s[i] == -1) {
                    unknown = i;
                } else {
                    known *= s[i];
                }
            }
            if (unknown >= 0) {
                s[unknown] = x.v().length / known;
            }
            return new Tensor(s, x.v());
        }

        private static Tensor batchNorm(List<Tensor> in, double epsilon) {
            Tensor x = in.get(0);
            int n = (int) x.dim(0);
            int c = (int) x.dim(1);
            int spatial = x.v().length / (n * c);
            double[] y = new double[x.v().length];
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    double scale = in.get(1).v()[ch] / Math.sqrt(in.get(4).v()[ch] + epsilon);
                    for (int s = 0; s < spatial; s++) {
                        int at = (i * c + ch) * spatial + s;
                        y[at] = (x.v()[at] - in.get(3).v()[ch]) * scale + in.get(2).v()[ch];
                    }
                }
            }
            return new Tensor(x.shape(), y);
        }

        /** y[n, o, i·s − p + a, j·s − p + b] += x[n, c, i, j] · W[c, o, a, b], W of shape [C, O, k, k]. */
        private static Tensor convTranspose(Tensor x, Tensor w, Tensor bias, long stride, long[] pads) {
            int n = (int) x.dim(0);
            int c = (int) x.dim(1);
            int h = (int) x.dim(2);
            int wd = (int) x.dim(3);
            int o = (int) w.dim(1);
            int k = (int) w.dim(2);
            int s = (int) stride;
            int p = (int) pads[0];
            int oh = s * (h - 1) + k - 2 * p;
            int ow = s * (wd - 1) + k - 2 * p;
            double[] y = new double[n * o * oh * ow];
            for (int b = 0; b < n; b++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < wd; j++) {
                            double v = x.v()[((b * c + ch) * h + i) * wd + j];
                            for (int oc = 0; oc < o; oc++) {
                                for (int a = 0; a < k; a++) {
                                    int yi = i * s - p + a;
                                    if (yi < 0 || yi >= oh) {
                                        continue;
                                    }
                                    for (int bb = 0; bb < k; bb++) {
                                        int yj = j * s - p + bb;
                                        if (yj < 0 || yj >= ow) {
                                            continue;
                                        }
                                        y[((b * o + oc) * oh + yi) * ow + yj] += v * w.v()[((ch * o + oc) * k + a) * k + bb];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if (bias != null) {
                for (int b = 0; b < n; b++) {
                    for (int oc = 0; oc < o; oc++) {
                        for (int q = 0; q < oh * ow; q++) {
                            y[(b * o + oc) * oh * ow + q] += bias.v()[oc];
                        }
                    }
                }
            }
            return new Tensor(new long[]{n, o, oh, ow}, y);
        }
    }
}
