package io.textgan.cli.command;

import io.textgan.cli.ProgressBar;
import io.textgan.cli.RunLog;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.shapes.ShapeAttributes;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.data.shapes.ShapesSplit;
import io.textgan.core.train.RunConfig;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gan train}: trains a text-conditioned GAN and writes samples and a checkpoint every epoch. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a text-to-image GAN (GAN-CLS). With no options: the built-in shapes data, about 20 minutes on 2 CPU cores.")
public final class TrainCommand implements Callable<Integer> {
    static final int HELD_OUT_ITEMS = 512;
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();
    private static final ModelConfig MODEL_DEFAULTS = ModelConfig.defaults(32);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "Dataset: 'shapes' (built in). Default: ${DEFAULT-VALUE}.")
    String data = "shapes";

    @Option(names = "--shapes-count", description = "Number of rendered shapes items. Default: ${DEFAULT-VALUE}.")
    int shapesCount = 8192;

    @Option(names = "--epochs", description = "Passes over the data. Default: ${DEFAULT-VALUE}.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--steps", description = "Stop after this many GAN steps (overrides --epochs).")
    Integer steps;

    @Option(names = "--batch-size", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--image-size", description = "Image side in pixels, a power of two. Default: ${DEFAULT-VALUE}.")
    int imageSize = 32;

    @Option(names = "--ngf", description = "Generator width. Default: ${DEFAULT-VALUE}.")
    int ngf = 32;

    @Option(names = "--ndf", description = "Discriminator width. Default: ${DEFAULT-VALUE}.")
    int ndf = 32;

    @Option(names = "--noise-size", description = "Length of the noise vector z. Default: ${DEFAULT-VALUE}.")
    int noiseSize = 100;

    @Option(names = "--text-size", description = "Sentence vector size (LSTM hidden size). Default: ${DEFAULT-VALUE}.")
    int textSize = 128;

    @Option(names = "--text-encoder", description = "Text encoder: lstm or gru. Default: ${DEFAULT-VALUE}.")
    String textEncoder = MODEL_DEFAULTS.textEncoder();

    @Option(names = "--generator", description = "Registered generator (see 'gan models'). Default: ${DEFAULT-VALUE}.")
    String generator = MODEL_DEFAULTS.generator();

    @Option(names = "--discriminator", description = "Registered discriminator (see 'gan models'). Default: ${DEFAULT-VALUE}.")
    String discriminator = MODEL_DEFAULTS.discriminator();

    @Option(names = "--loss", description = "Registered loss: non-saturating, minimax, least-squares, hinge or a plug-in (see 'gan models'). Default: ${DEFAULT-VALUE}.")
    String loss = DEFAULTS.loss();

    @Option(names = "--encoder-steps", description = "Image-text matching pre-training steps of the text encoder. Default: ${DEFAULT-VALUE}.")
    int encoderSteps = DEFAULTS.encoderSteps();

    @Option(names = "--seed", description = "Fixes weights, data order, noise and samples. Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--run", description = "Run directory (created). Default: runs/<data>-<date-time>.")
    Path run;

    @Option(names = "--lr-g", description = "Generator learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrG = DEFAULTS.learningRateG();

    @Option(names = "--lr-d", description = "Discriminator learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrD = DEFAULTS.learningRateD();

    @Option(names = "--generator-steps", description = "Generator updates per discriminator update. Default: ${DEFAULT-VALUE}.")
    int generatorSteps = DEFAULTS.generatorSteps();

    @Option(names = "--real-label", description = "Discriminator target for real pairs (below 1: one-sided label smoothing). Default: ${DEFAULT-VALUE}.")
    double realLabel = DEFAULTS.realLabel();

    @Option(names = "--sample-prompts", description = "File with the sample grid's prompts, one per line. Default: 8 held-out prompts.")
    Path samplePrompts;

    @Option(names = "--checkpoint-every", description = "Also checkpoint every this many steps inside epochs (0: only at epoch ends). Default: ${DEFAULT-VALUE}.")
    int checkpointEvery = DEFAULTS.checkpointEvery();

    @Option(names = "--resume", description = "Continue the run in this directory from its newest good checkpoint, with its saved settings (--epochs may extend it).")
    Path resume;

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            return resume();
        }
        if (!"shapes".equals(data)) {
            throw new IllegalArgumentException("unknown dataset '" + data + "': this version trains on the built-in 'shapes' only");
        }
        ModelConfig model = new ModelConfig(generator, discriminator, textEncoder, imageSize,
                noiseSize, MODEL_DEFAULTS.conditionSize(), ngf, ndf, MODEL_DEFAULTS.vocabularySize(),
                MODEL_DEFAULTS.embeddingSize(), textSize, MODEL_DEFAULTS.pooling(), MODEL_DEFAULTS.maxTokens());
        int batchesPerEpoch = Math.max(1, requirePositive("--shapes-count", shapesCount) / requirePositive("--batch-size", batchSize));
        int stepLimit = steps == null ? 0 : requirePositive("--steps", steps);
        int epochCount = steps == null ? requirePositive("--epochs", epochs) : (stepLimit + batchesPerEpoch - 1) / batchesPerEpoch;
        TrainingConfig training = new TrainingConfig(epochCount, stepLimit, batchSize, seed, lrG, lrD, DEFAULTS.beta1(),
                DEFAULTS.beta2(), encoderSteps, DEFAULTS.encoderLearningRate(), DEFAULTS.imageEncoder(),
                DEFAULTS.samplesPerPrompt(), DEFAULTS.keepCheckpoints(), generatorSteps, realLabel,
                requireNotNegative("--checkpoint-every", checkpointEvery), loss);
        List<String> prompts = samplePrompts == null ? defaultPrompts() : Prompts.read(samplePrompts);
        CaptionedImageSource source = ShapesSource.training(shapesCount, imageSize, seed);
        CaptionedImageSource heldOut = ShapesSource.heldOut(HELD_OUT_ITEMS, imageSize, seed + 1);
        Path dir = run != null ? run : Path.of("runs", data + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        TrainingRun trainingRun = new TrainingRun(source, heldOut, model, training, dir, prompts,
                List.of(new ProgressBar(spec.commandLine().getErr(), training.epochs())));
        RunDirectories.prepareNew(dir);
        RunLog.writeTo(dir.resolve("train.log"));
        TrainingRun.Result result = trainingRun.run();
        spec.commandLine().getOut().printf("trained %d steps; samples in %s, model in %s%n", result.steps(),
                dir.resolve("samples"), result.checkpoint());
        return 0;
    }

    private int resume() throws IOException {
        RunDirectory dir = new RunDirectory(resume);
        if (!Files.isRegularFile(dir.config())) {
            throw new IOException("no run to resume at " + resume + " (no " + RunDirectory.CONFIG + ")");
        }
        RunConfig saved = Json.read(dir.config(), RunConfig.class);
        if (!"shapes".equals(saved.data())) {
            throw new IllegalArgumentException("cannot resume a run on '" + saved.data() + "': this version reads only 'shapes'");
        }
        TrainingConfig training = saved.training();
        if (steps != null) {
            training = training.withMaxSteps(requirePositive("--steps", steps));
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            training = training.withEpochs(requirePositive("--epochs", epochs));
        }
        RunLog.writeTo(dir.log());
        TrainingRun.Result result = new TrainingRun(
                ShapesSource.training(saved.dataSize(), saved.model().imageSize(), training.seed()), null,
                saved.model(), training, resume, List.of(), List.of(new ProgressBar(spec.commandLine().getErr(), training.epochs())))
                .resume();
        spec.commandLine().getOut().printf("trained to step %d; model in %s%n", result.steps(), result.checkpoint());
        return 0;
    }

    /** One canonical caption for each of 8 held-out combinations spread over backgrounds, colours and shapes. */
    static List<String> defaultPrompts() {
        List<ShapeAttributes> heldOut = ShapesSplit.heldOut();
        int stride = heldOut.size() / 8;
        return java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> heldOut.get(i * stride + i % 4).canonicalCaption()).toList();
    }

    private static int requireNotNegative(String option, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative: " + value);
        }
        return value;
    }

    private static int requirePositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive: " + value);
        }
        return value;
    }
}
