package io.textgan.samples;

import io.textgan.cli.GanMain;
import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.checkpoint.SafetensorsFile;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;
import io.textgan.dl4j.Dl4jGenerator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DCGAN generator written with DL4J's builders ({@link Dl4jDcganGenerator}): it computes what the built-in
 * {@code dcgan} computes with the same weights, trains through the Java API and the command line, and its checkpoints
 * keep its DL4J configuration and resume exactly.
 */
class Dl4jSampleTest {
    private static final ModelConfig TINY = new ModelConfig(Dl4jDcganGenerator.NAME, "gan-cls", "lstm", 16, 8, 8, 4, 4,
            2, 8, 16, "mean", 24);
    private static final TrainingConfig TRAINING = TrainingConfig.builder().epochs(2).batchSize(8).seed(5)
            .learningRateD(2e-4).encoderSteps(2).matchingWeight(0).samplesPerPrompt(2).keepCheckpoints(2)
            .divergenceRetries(0).build();
    private static final List<String> PROMPTS = List.of("a big red circle in the center on a white background");

    @TempDir
    Path tmp;

    private static String gan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GanMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void givesTheBuiltInDcgansImagesWithItsWeights() {
        ModelConfig config = new ModelConfig("dcgan", "gan-cls", "lstm", 32, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
        Generator dcgan = ModelRegistry.get(ModelProvider.GeneratorProvider.class, "dcgan").create(config, new Random(1));
        Random rng = new Random(2);
        for (int i = 0; i < 3; i++) {
            dcgan.generate(Init.normal(rng, 1, 6, 8), Init.normal(rng, 1, 6, 16), true);
        }
        for (Parameter p : dcgan.parameters()) {
            if (p.name().endsWith(".gamma") || p.name().endsWith(".beta") || p.name().endsWith(".bias")) {
                p.value().addi(Init.normal(rng, 0.3, p.value().shape()));
            }
        }
        Dl4jGenerator dl4j = Dl4jDcganGenerator.create(config, new Random(9));
        copyWeights(dcgan, dl4j);
        INDArray noise = Init.normal(rng, 1, 4, 8);
        INDArray text = Init.normal(rng, 1, 4, 16);
        INDArray expected = dcgan.generate(noise, text, false);
        INDArray actual = dl4j.generate(noise, text, false);
        assertEquals(List.of(4L, 3L, 32L, 32L), List.of(actual.shape()[0], actual.shape()[1], actual.shape()[2], actual.shape()[3]));
        double worst = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(worst < 1e-4, "largest difference " + worst);
        assertTrue(expected.amaxNumber().doubleValue() > 1e-2, "not a blank image");
        assertEquals(dcgan.multiplyAdds(), dl4j.multiplyAdds(), "same multiply-adds");
    }

    /** dcgan's parameters into the DL4J graph: same shapes, but DL4J keeps transposed-convolution weights [in, out, k, k]. */
    private static void copyWeights(Generator dcgan, Dl4jGenerator dl4j) {
        Map<String, INDArray> target = new LinkedHashMap<>();
        dl4j.parameters().forEach(p -> target.put(p.name(), p.value()));
        for (Parameter p : dcgan.parameters()) {
            String name = p.name().replace('.', '_').replace("_weight", "_W").replace("_bias", "_b")
                    .replace("_running_mean", "_mean").replace("_running_var", "_var");
            INDArray into = target.remove(name);
            assertTrue(into != null, "no DL4J parameter for " + p.name() + " (" + name + ")");
            INDArray value = p.value().rank() == 4 ? p.value().permute(3, 2, 0, 1) : p.value();
            into.assign(value.reshape(into.shape()));
        }
        assertTrue(target.isEmpty(), "DL4J parameters left without a value: " + target.keySet());
    }

    @Test
    void trainsThroughTheJavaApiKeepsItsDl4jConfigurationAndResumesExactly() throws Exception {
        TrainingRun.Result whole = run(tmp.resolve("whole"), TRAINING, false);
        TextToImageModel loaded = TextToImageModel.load(whole.checkpoint());
        assertInstanceOf(Dl4jGenerator.class, loaded.generator());
        INDArray noise = loaded.noise(1, new Random(1));
        assertEquals(whole.model().generate(PROMPTS, noise), loaded.generate(PROMPTS, noise));

        // the checkpoint holds DL4J's JSON of the graph; a graph built from it, with the saved weights, draws the same
        Dl4jGenerator trained = (Dl4jGenerator) loaded.generator();
        Map<String, INDArray> weights = new LinkedHashMap<>();
        String json = metadata(whole.checkpoint().resolve("generator.safetensors"), trained).get(Dl4jGenerator.CONFIGURATION_KEY);
        assertEquals(((Dl4jGenerator) whole.model().generator()).graph().getConfiguration().toJson(), json,
                "the trained graph's configuration (a loaded one differs only in its unused initialisation seed)");
        Dl4jGenerator rebuilt = new Dl4jGenerator(ComputationGraphConfiguration.fromJson(json), TINY.noiseSize(), TINY.textSize());
        assertEquals(json, rebuilt.graph().getConfiguration().toJson(), "the JSON round-trips");
        rebuilt.parameters().forEach(p -> weights.put(p.name(), p.value()));
        SafetensorsFile.readInto(whole.checkpoint().resolve("generator.safetensors"), weights);
        INDArray text = loaded.encode(PROMPTS);
        assertEquals(trained.generate(noise, text, false), rebuilt.generate(noise, text, false));

        run(tmp.resolve("split"), TRAINING.withEpochs(1), false);
        TrainingRun.Result resumed = run(tmp.resolve("split"), TRAINING, true);
        List<Parameter> a = whole.model().generator().parameters();
        List<Parameter> b = resumed.model().generator().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).value().equalsWithEps(b.get(i).value(), 1e-6), a.get(i).name());
        }
        assertTrue(Files.exists(tmp.resolve("split/checkpoints/epoch-0002/generator.safetensors")));
    }

    private static Map<String, String> metadata(Path file, Generator like) throws Exception {
        Map<String, INDArray> scratch = new LinkedHashMap<>();
        like.parameters().forEach(p -> scratch.put(p.name(), Nd4j.zeros(DataType.FLOAT, p.value().shape())));
        return SafetensorsFile.readInto(file, scratch);
    }

    private static TrainingRun.Result run(Path dir, TrainingConfig training, boolean resume) throws Exception {
        TrainingRun run = new TrainingRun(ShapesSource.training(24, 16, 5), null, TINY, training, dir, PROMPTS, List.of());
        return resume ? run.resume() : run.run();
    }

    @Test
    void trainsThroughTheCommandLineWithAMovingAverageAndInterpolationsAndShowsItsLayersInTheSummary() throws Exception {
        Path run = tmp.resolve("cli");
        List<String> args = new ArrayList<>(List.of("train", "--run", run.toString(), "--generator", Dl4jDcganGenerator.NAME,
                "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8", "--text-size", "16",
                "--shapes-count", "32", "--batch-size", "16", "--steps", "2", "--encoder-steps", "0",
                "--ema", "0.9", "--gan-int"));
        gan(args.toArray(String[]::new));
        assertTrue(Files.exists(run.resolve("checkpoints/epoch-0001/generator-trained.safetensors")), "the moving average works");
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"generator\" : \"" + Dl4jDcganGenerator.NAME + "\""));
        String summary = gan("summary", "--run", run.toString());
        assertTrue(summary.contains("generator (" + Dl4jDcganGenerator.NAME + ")"), summary);
        assertTrue(summary.contains("dl4j g_up2: Deconvolution2D") && summary.contains("[3, 16, 16]"), summary);
        assertTrue(gan("models").contains(Dl4jDcganGenerator.NAME), "listed by gan models");
    }
}
