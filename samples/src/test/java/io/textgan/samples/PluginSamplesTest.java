package io.textgan.samples;

import io.textgan.cli.GanMain;
import io.textgan.core.TextToImageModel;
import io.textgan.core.api.GanLoss;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.LossGradientCheck;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plug-ins of this module, a generator and a loss, are found by name by the real {@code gan} command line and by
 * the Java API, train, and their backward passes agree with numerical gradients.
 */
class PluginSamplesTest {
    private static final ModelConfig TINY = new ModelConfig("dcgan", "gan-cls", "lstm", 16, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
    private static final TrainingConfig TINY_TRAINING = TrainingConfig.builder().epochs(1).maxSteps(2).batchSize(8)
            .seed(1).learningRateD(2e-4).encoderSteps(0).pretrainedFeatures(false).matchingWeight(0).samplesPerPrompt(2).keepCheckpoints(1).divergenceRetries(0).build();
    private static final String[] TINY_CLI = {"--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8",
            "--text-size", "16", "--shapes-count", "32", "--batch-size", "16", "--steps", "2", "--encoder-steps", "0"};

    @TempDir
    Path tmp;

    private final Random rng = new Random(3);

    record Result(int code, String out, String err) {
    }

    private static Result gan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GanMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Result train(Path run, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--run", run.toString()));
        args.addAll(List.of(TINY_CLI));
        args.addAll(List.of(options));
        return gan(args.toArray(String[]::new));
    }

    /** Trains a tiny run with a plug-in and checks that the run's configuration names it and its losses are finite. */
    private static void trainWithPlugIn(Path run, String option, String name, String configField) throws IOException {
        Result trained = train(run, option, name);
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"" + configField + "\" : \"" + name + "\""));
        String log = Files.readString(run.resolve("train.log"));
        Matcher m = Pattern.compile("epoch \\d+ done .* D ([-\\d.NaInfity]+) G ([-\\d.NaInfity]+)").matcher(log);
        assertTrue(m.find(), log);
        assertTrue(Double.isFinite(Double.parseDouble(m.group(1))) && Double.isFinite(Double.parseDouble(m.group(2))), m.group());
    }

    @Test
    void ganModelsListsThePlugIns() {
        Result models = gan("models");
        assertEquals(0, models.code(), models.err());
        assertTrue(models.out().matches("(?s)generators:\\n.*  upsample-conv +sample plug-in.*losses:.*  soft-hinge +sample plug-in.*"), models.out());
    }

    @Test
    void theGeneratorTrainsThroughTheCommandLineAndItsRunGeneratesAndResumes() throws IOException {
        Path run = tmp.resolve("upsample-conv");
        trainWithPlugIn(run, "--generator", UpsampleConvGenerator.NAME, "generator");

        Path out = tmp.resolve("generated");
        Result generated = gan("generate", "--run", run.toString(), "--prompt", "a big red circle in the center on a white background",
                "-n", "2", "--out", out.toString());
        assertEquals(0, generated.code(), generated.err());
        assertEquals(16, ImageIO.read(out.resolve("image-0002.png").toFile()).getWidth());
        Result summary = gan("summary", "--run", run.toString());
        assertTrue(summary.out().contains("generator (upsample-conv)") && summary.out().contains("Upsample(x2, nearest)"), summary.out());
        Result resumed = gan("train", "--resume", run.toString(), "--epochs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals("epoch-0002", Files.readString(run.resolve("checkpoints/latest")).strip());
    }

    @Test
    void theGeneratorTrainsThroughTheJavaApi() throws Exception {
        Path run = tmp.resolve("java-api");
        TrainingRun.Result result = TrainShapes.train(run, TINY.withGenerator(UpsampleConvGenerator.NAME), TINY_TRAINING, 32);
        assertEquals(2, result.steps());
        TextToImageModel loaded = TextToImageModel.load(result.checkpoint());
        assertInstanceOf(UpsampleConvGenerator.class, loaded.generator());
        List<String> prompts = List.of("a small blue square in the top left on a black background");
        INDArray noise = loaded.noise(1, new Random(1));
        assertEquals(result.model().generate(prompts, noise), loaded.generate(prompts, noise));
        Path png = tmp.resolve("square.png");
        GenerateFromRun.main(new String[]{run.toString(), prompts.get(0), png.toString()});
        assertEquals(16, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void theLossTrainsThroughTheCommandLineAndTheJavaApi() throws Exception {
        Path run = tmp.resolve("soft-hinge");
        trainWithPlugIn(run, "--loss", SoftHingeLoss.NAME, "loss");
        assertTrue(Files.readString(run.resolve("train.log")).contains("loss soft-hinge"));
        Result smoothed = train(tmp.resolve("smoothed"), "--loss", SoftHingeLoss.NAME, "--real-label", "0.9");
        assertEquals(2, smoothed.code());
        assertEquals("gan: the soft hinge loss has no label to smooth: the real label must be 1, not 0.9", smoothed.err().strip());

        assertEquals(2, TrainShapes.train(tmp.resolve("soft-hinge-java"), TINY, TINY_TRAINING.toBuilder().loss(SoftHingeLoss.NAME).build(), 32).steps());
    }

    @Test
    void theGeneratorsGradientsMatchCentralDifferences() {
        ModelConfig config = new ModelConfig(UpsampleConvGenerator.NAME, "gan-cls", "lstm", 8, 4, 3, 2, 2, 12, 4, 5, "mean", 6);
        UpsampleConvGenerator generator = new UpsampleConvGenerator(config, rng);
        // O(1) weights: with N(0, 0.02) a finite-difference step would be dominated by batch norm's tiny variance
        generator.parameters().stream().filter(p -> p.name().endsWith("weight"))
                .forEach(p -> p.value().assign(Init.normal(rng, 0.5, p.value().shape())));
        INDArray z = Init.normal(rng, 1, 3, 4);
        INDArray text = Init.normal(rng, 1, 3, 5);
        INDArray images = generator.generate(z, text, true);
        assertArrayEquals(new long[]{3, 3, 8, 8}, images.shape());
        INDArray r = Init.normal(rng, 1, images.shape());
        generator.zeroGradients();
        generator.backward(r);
        List<GradientCheck.Target> targets = generator.parameters().stream().filter(Parameter::isTrainable)
                .map(p -> new GradientCheck.Target(p.name(), p.value(), p.gradient())).toList();
        var failures = GradientCheck.check(() -> generator.generate(z, text, true).mul(r).sumNumber().doubleValue(),
                targets, 6, 3e-3, 5e-2, 2e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void theLossGradientsMatchCentralDifferences() {
        GanLoss loss = new SoftHingeLoss();
        INDArray logits = Init.normal(rng, 3, 16, 1);
        var failures = LossGradientCheck.check(loss, logits, rng);
        assertTrue(failures.isEmpty(), failures::toString);
        assertEquals(Math.log1p(Math.exp(1)), loss.generator(logits.mul(0)).loss(), 1e-6);
    }
}
