package io.textgan.cli;

import io.textgan.cli.GanCliEndToEndTest.Result;
import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider.GeneratorProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan export} refuses, in one line naming it, a network the ONNX exporter cannot express. */
class ExportRefusalTest {
    @TempDir
    static Path tmp;

    /** A plug-in generator: the dcgan generator's computation behind a class the exporter does not know. */
    static final class PlugIn implements GeneratorProvider {
        @Override
        public String name() {
            return "plug-in-test";
        }

        @Override
        public String description() {
            return "a plug-in generator without an ONNX export";
        }

        @Override
        public Generator create(ModelConfig config, Random rng) {
            Generator inner = ModelRegistry.get(GeneratorProvider.class, "dcgan").create(config, rng);
            return new Generator() {
                @Override
                public INDArray generate(INDArray noise, INDArray text, boolean training) {
                    return inner.generate(noise, text, training);
                }

                @Override
                public void backward(INDArray gradImages) {
                    inner.backward(gradImages);
                }

                @Override
                public int noiseSize() {
                    return inner.noiseSize();
                }

                @Override
                public List<Parameter> parameters() {
                    return inner.parameters();
                }

                @Override
                public List<String> summary() {
                    return inner.summary();
                }

                @Override
                public long multiplyAdds() {
                    return inner.multiplyAdds();
                }
            };
        }
    }

    @BeforeAll
    static void register() {
        ModelRegistry.register(GeneratorProvider.class, new PlugIn());
    }

    /** A run directory holding one checkpoint, epoch-0001, of a model of these networks. */
    private static Path run(String generator, String textEncoder) throws IOException {
        List<String> words = List.of("<pad>", "<unk>", "red");
        ModelConfig config = new ModelConfig(generator, "gan-cls", textEncoder, 16, 8, 6, 4, 4, words.size(), 8, 10,
                "mean", 24, Tokenizer.WORD.configName(), false);
        TextToImageModel model = TextToImageModel.create(config, new Vocabulary(words, Tokenizer.WORD), new Random(1));
        Path run = tmp.resolve(generator + "-" + textEncoder);
        Path checkpoint = Files.createDirectories(run.resolve("checkpoints/epoch-0001"));
        model.save(checkpoint);
        return run;
    }

    private static Result export(Path run, Path out) {
        return gan("export", "--run", run.toString(), "--checkpoint", "epoch-0001", "--format", "onnx", "--out", out.toString());
    }

    @Test
    void aPlugInGeneratorIsRefusedByName() throws IOException {
        Path out = tmp.resolve("plug-in.onnx");
        Result r = export(run("plug-in-test", "lstm"), out);
        assertEquals(2, r.code(), r.err());
        assertEquals("gan: the generator 'plug-in-test' has no ONNX export\n", r.err().replace("\r", ""));
        assertFalse(Files.exists(out));
    }

    @Test
    void anExportIntoACheckpointIsRefusedRatherThanReplaceItsVocabulary() throws IOException {
        Path run = run("dcgan", "lstm");
        Path checkpoint = run.resolve("checkpoints/epoch-0001");
        String vocabulary = Files.readString(checkpoint.resolve("vocabulary.json"));
        Path out = checkpoint.resolve("model.onnx");
        Result r = export(run, out);
        assertEquals(2, r.code(), r.err());
        assertEquals("gan: cannot write " + out + ": its directory holds a checkpoint, whose vocabulary.json would be "
                + "replaced; write elsewhere\n", r.err().replace("\r", ""));
        assertEquals(vocabulary, Files.readString(checkpoint.resolve("vocabulary.json")));
        Path elsewhere = tmp.resolve("model.onnx");
        assertEquals(0, export(run, elsewhere).code());
        assertTrue(Files.size(elsewhere) > 0 && Files.exists(tmp.resolve("vocabulary.json")));
    }

    @Test
    void aTextEncoderWithoutAnOnnxFormIsRefusedByName() throws IOException {
        Result r = export(run("dcgan", "bilstm"), tmp.resolve("bilstm.onnx"));
        assertEquals(2, r.code(), r.err());
        assertEquals("gan: the text encoder 'bilstm' has no ONNX export\n", r.err().replace("\r", ""));
    }
}
