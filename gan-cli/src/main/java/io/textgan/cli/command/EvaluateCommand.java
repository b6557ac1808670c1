package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.loaders.DataSources;
import io.textgan.core.data.loaders.Dataset;
import io.textgan.core.metrics.DataEvaluation;
import io.textgan.core.metrics.EvaluationEncoders;
import io.textgan.core.metrics.EvaluationFile;
import io.textgan.core.metrics.RunEvaluation;
import io.textgan.core.metrics.ShapesEvaluation;
import io.textgan.core.train.RunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gan evaluate}: quality figures of a run on its own data in local features (FD_local, KID_local, R-precision,
 * diversity), and on shapes runs also the per-attribute accuracy on the held-out prompts, measured by a pixel checker.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a run on its data: FD_local and KID_local (generated vs held-out images, beside real vs real), "
                + "R-precision (beside real images) and diversity, in the features of evaluation encoders trained here on the "
                + "training images (local features, not Inception). On shapes runs also background, colour, shape, size and "
                + "position accuracy on the held-out prompts."})
public final class EvaluateCommand implements Callable<Integer> {
    static final String EVALUATION_FILE = "evaluation.json";

    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Option(names = "--images", description = "Real images to compare with (held-out ones; a fixed sample of training ones where "
            + "the data has none), as many generated; capped by what the data has. More: slower, more precise. Default: ${DEFAULT-VALUE}.")
    int images = DataEvaluation.DEFAULT_IMAGES;

    @Option(names = "--images-per-prompt", description = "Shapes runs: images generated per held-out prompt and phrasing for the attribute table. Default: ${DEFAULT-VALUE}.")
    int imagesPerPrompt = 8;

    @Option(names = "--open-samples", description = "Shapes runs: images generated per partial held-out prompt, for the spread of what it "
            + "leaves open (0: skip). Default: ${DEFAULT-VALUE}.")
    int openSamples = 32;

    @Option(names = "--seed", description = "Seed of the images and captions chosen, the noise and the phrasings. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--eval-encoder-steps", description = "Training steps (batch 64) of the evaluation encoders, the first time "
            + "for this data and image size; later evaluations read them from the cache. Default: ${DEFAULT-VALUE}.")
    int encoderSteps = EvaluationEncoders.DEFAULT_STEPS;

    @Option(names = "--cache-dir", description = "Where decoded images and the evaluation encoders are kept between runs. "
            + "Default: $XDG_CACHE_HOME/textgan, or ~/.cache/textgan.")
    Path cacheDir;

    @Override
    public Integer call() throws IOException {
        RunDirectory dir = new RunDirectory(runCheckpoint.run);
        Path checkpoint = runCheckpoint.resolve();
        RunConfig config = Json.read(dir.config(), RunConfig.class);
        boolean shapes = DataSources.SHAPES.equals(config.data());
        if (!shapes && !Files.exists(Path.of(config.data()))) {
            throw new IllegalArgumentException("the data of " + runCheckpoint.run + " is gone: " + config.data() + " no longer exists");
        }
        if (imagesPerPrompt <= 0) {
            throw new IllegalArgumentException("--images-per-prompt must be positive: " + imagesPerPrompt);
        }
        if (openSamples < 0) {
            throw new IllegalArgumentException("--open-samples must not be negative: " + openSamples);
        }
        if (images < 4) {
            throw new IllegalArgumentException("--images must be at least 4: " + images);
        }
        if (encoderSteps <= 0) {
            throw new IllegalArgumentException("--eval-encoder-steps must be positive: " + encoderSteps);
        }
        TextToImageModel model = TextToImageModel.load(checkpoint);
        PrintWriter out = spec.commandLine().getOut();
        ShapesEvaluation.Report report = null;
        if (shapes) {
            report = ShapesEvaluation.evaluate(model, imagesPerPrompt, openSamples, seed);
            printShapes(out, checkpoint, report);
        }
        Path cache = cacheDir != null ? cacheDir : DataSourceOptions.defaultCacheDirectory();
        Dataset dataset = DataSources.open(new DataRequest(config.data(), config.dataOptions(), model.config().imageSize(),
                config.dataSize(), config.training().seed(), cache));
        DataEvaluation.Report local = new RunEvaluation(dataset, config.dataOptions(), cache, encoderSteps,
                new DataEvaluation.Options(images, seed)).evaluate(model);
        out.printf("checkpoint %s on %s, local features (the evaluation's own encoders, not Inception: "
                + "compare runs on the same data and image size only):%n", checkpoint.getFileName(), dataset.name());
        local.lines().forEach(line -> out.println("  " + line));
        Path file = dir.root().resolve(EVALUATION_FILE);
        EvaluationFile.read(file).withLatest(checkpoint.getFileName().toString(), report, local).write(file);
        out.println("written: " + file);
        return 0;
    }

    private void printShapes(PrintWriter out, Path checkpoint, ShapesEvaluation.Report report) {
        out.printf("checkpoint %s: %d held-out combinations x %d phrasings x %d images%n", checkpoint.getFileName(),
                report.prompts(), report.allCorrectByPhrasing().size(), imagesPerPrompt);
        for (Map.Entry<String, Double> e : report.accuracy().entrySet()) {
            out.printf("  %-11s %5.1f%%%n", e.getKey(), 100 * e.getValue());
        }
        out.printf("  %-11s %5.1f%%%n", "all five", 100 * report.allCorrect());
        out.println("all five by phrasing (reordered: word orders never trained on):");
        report.allCorrectByPhrasing().forEach((name, value) -> out.printf("  %-11s %5.1f%%%n", name, 100 * value));
        if (report.open() != null) {
            ShapesEvaluation.OpenAttributes open = report.open();
            out.printf("partial prompts (%d, one per held-out combination, %d images each):%n", open.prompts(), open.imagesPerPrompt());
            open.entropy().forEach((name, value) -> out.printf("  %-11s spread %.2f (normalised entropy, 1 = even)%n", name, value));
            out.printf("  %-11s spread %.2f%n", "mean", open.meanEntropy());
            open.namedAccuracy().forEach((name, value) -> out.printf("  %-11s %5.1f%% as named%n", name, 100 * value));
        }
    }
}
