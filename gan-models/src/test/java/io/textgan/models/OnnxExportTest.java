package io.textgan.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.export.OnnxExport;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The exported ONNX model (text encoder + generator), run by ONNX Runtime from token ids, lengths and noise, gives the
 * images of {@link TextToImageModel#generate} (what {@code gan generate} draws) within 1e-4.
 */
class OnnxExportTest {
    private static final List<String> WORDS = List.of("<pad>", "<unk>", "red", "green", "circle", "square", "big");
    private static final List<String> PROMPTS = List.of("a big red circle", "", "Green, square!", "red", "big big big green circle");

    @TempDir
    Path tmp;

    private static ModelConfig config(String generator, String textEncoder, String pooling, boolean augmentation) {
        return new ModelConfig(generator, "gan-cls", textEncoder, 16, 8, 6, 4, 4, WORDS.size(), 8, 10, pooling, 24,
                Tokenizer.WORD.configName(), augmentation);
    }

    private static ModelConfig config(String generator) {
        return config(generator, "lstm", "mean", false);
    }

    /** A model whose batch norms have non-trivial statistics and affine parameters, so inference differs from training. */
    private static TextToImageModel model(ModelConfig config) {
        TextToImageModel model = TextToImageModel.create(config, new Vocabulary(WORDS, Tokenizer.WORD), new Random(11));
        Random rng = new Random(12);
        for (Parameter p : model.generator().parameters()) {
            // weights far from the N(0, 0.02) start, so the text's effect on the image dwarfs 1e-4
            if (p.name().endsWith("weight")) {
                p.value().muli(p.name().startsWith("g.text") || p.name().startsWith("g.ca") ? 50 : 10);
            }
        }
        for (int i = 0; i < 3; i++) {
            model.generator().generate(Init.normal(rng, 1, 5, 8), Init.normal(rng, 1, 5, 10), true);
        }
        for (Parameter p : model.generator().parameters()) {
            if (p.name().endsWith(".gamma") || p.name().endsWith(".beta") || p.name().endsWith(".bias")) {
                p.value().addi(Init.normal(rng, 0.3, p.value().shape()));
            }
        }
        // gate biases apart, so a gate taken for another changes the states
        for (Parameter p : model.textEncoder().parameters()) {
            if (p.name().endsWith(".bias")) {
                p.value().addi(Init.normal(rng, 0.5, p.value().shape()));
            }
        }
        return model;
    }

    @Test
    void theExportedDcganDrawsTheJavaModelsImagesFromTokens() throws OrtException {
        assertSameImages(model(config("dcgan")));
    }

    @Test
    void conditioningAugmentationExportsItsMean() throws OrtException {
        assertSameImages(model(config("dcgan", "lstm", "mean", true)));
    }

    @Test
    void filmModulatesWithTheConditionInTheGraphToo() throws OrtException {
        assertSameImages(model(config("film")));
    }

    @Test
    void theResidualGeneratorExportsWithItsUpsamplingAndShortcuts() throws OrtException {
        assertSameImages(model(config("residual")));
    }

    @Test
    void lastStatePoolingReadsEachCaptionsLastRealToken() throws OrtException {
        assertSameImages(model(config("dcgan", "lstm", "last", false)));
    }

    @Test
    void textEncodersWithoutAnOnnxFormAreRefusedByName() {
        String gru = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.model(model(config("dcgan", "gru", "mean", false)), "test")).getMessage();
        assertEquals("the text encoder 'gru' cannot be exported to ONNX: the layer GRU(8->10) has no ONNX export "
                + "(lstm exports)", gru);
        String bilstm = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.model(model(config("dcgan", "bilstm", "mean", false)), "test")).getMessage();
        assertEquals("the text encoder 'bilstm' has no ONNX export", bilstm);
    }

    @Test
    void theVocabularyBesideTheModelSaysHowCaptionsBecomeTokens() throws Exception {
        Path file = tmp.resolve("model.onnx");
        OnnxExport.write(model(config("dcgan")), "test", file);
        assertTrue(Files.size(file) > 0);
        JsonNode v = Json.tree(Files.readAllBytes(tmp.resolve("vocabulary.json")));
        assertEquals("word", v.get("tokenizer").asText());
        assertTrue(v.get("lowercase").asBoolean());
        assertEquals(24, v.get("maxTokens").asInt());
        assertEquals(Vocabulary.PAD_ID, v.get("padId").asInt());
        assertEquals(Vocabulary.UNKNOWN_ID, v.get("unknownId").asInt());
        List<String> tokens = new ArrayList<>();
        v.get("tokens").forEach(t -> tokens.add(t.asText()));
        assertEquals(WORDS, tokens);
    }

    /**
     * ONNX's own checker ({@code full_check}) and strict shape inference, where Debian's python3-onnx is installed: the
     * file is valid ONNX beyond what ONNX Runtime happens to accept, and the image's shape follows from the graph.
     */
    @Test
    void onnxsOwnCheckerAcceptsTheFileAndInfersTheImageShape() throws Exception {
        String python = pythonWith("onnx");
        assumeTrue(python != null, "python3 with the onnx package (Debian: python3-onnx) is not installed; "
                + "skipping ONNX's own checker (ONNX Runtime above still runs)");
        Path file = tmp.resolve("model.onnx");
        OnnxExport.write(model(config("residual", "lstm", "mean", true)), "test", file);
        String script = String.join("\n",
                "import sys, onnx",
                "m = onnx.load(sys.argv[1])",
                "onnx.checker.check_model(m, full_check=True)",
                "m = onnx.shape_inference.infer_shapes(m, strict_mode=True)",
                "dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]",
                "print([(v.name, dims(v)) for v in list(m.graph.input) + list(m.graph.output)], m.opset_import[0].version)");
        Process p = new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("[('tokens', ['N', 'L']), ('lengths', ['N']), ('noise', ['N', 8]), ('image', ['N', 3, 16, 16])] 13",
                out.strip());
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

    /**
     * Java's images for {@link #PROMPTS} (an empty caption, punctuation, upper case, a repeated word and an unknown
     * one among them) against ONNX Runtime's for the same token ids and noise, the ids padded two steps past the
     * longest caption: padding after a caption's last token must not change its image.
     */
    private static void assertSameImages(TextToImageModel model) throws OrtException {
        int n = PROMPTS.size();
        INDArray noise = model.noise(n, new Random(7));
        INDArray expected = model.generate(PROMPTS, noise);

        TokenBatch batch = model.vocabulary().encode(PROMPTS, model.config().maxTokens());
        int steps = batch.steps() + 2;
        long[][] tokens = new long[n][steps];
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = batch.lengths()[i];
            for (int t = 0; t < batch.steps(); t++) {
                tokens[i][t] = batch.ids().getLong(t, i);
            }
        }
        assertEquals(List.of(0L, 1L, 1L), List.of(tokens[1][0], tokens[0][0], lengths[1] + 1), "ids of '' and 'a'");

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] actual;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(OnnxExport.model(model, "test"), options);
                 OnnxTensor tokenTensor = OnnxTensor.createTensor(env, tokens);
                 OnnxTensor lengthTensor = OnnxTensor.createTensor(env, lengths);
                 OnnxTensor noiseTensor = OnnxTensor.createTensor(env, noise.toFloatMatrix());
                 OrtSession.Result result = session.run(Map.of(OnnxExport.TOKENS, tokenTensor,
                         OnnxExport.LENGTHS, lengthTensor, OnnxExport.NOISE, noiseTensor))) {
                OnnxTensor image = (OnnxTensor) result.get(OnnxExport.IMAGE).orElseThrow();
                assertArrayEquals(expected.shape(), image.getInfo().getShape());
                var buffer = image.getFloatBuffer();
                actual = new float[buffer.remaining()];
                buffer.get(actual);
            }
        }
        float[] want = expected.dup('c').castTo(DataType.FLOAT).data().asFloat();
        assertEquals(want.length, actual.length);
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(want[i] - actual[i]));
        }
        assertTrue(worst <= 1e-4, "largest difference " + worst);
        INDArray blank = model.generate(java.util.Collections.nCopies(n, ""), noise);
        double textEffect = expected.sub(blank).amaxNumber().doubleValue();
        assertTrue(textEffect > 1e-2, "the captions must change the images far more than the tolerance: " + textEffect);
    }
}
