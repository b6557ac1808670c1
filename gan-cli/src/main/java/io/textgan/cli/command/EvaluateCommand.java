package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.metrics.ShapesEvaluation;
import io.textgan.core.train.RunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gan evaluate}: per-attribute accuracy on the held-out shapes prompts, measured by a pixel checker. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate images for the held-out shapes prompts and measure background, colour, shape, size and position.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Option(names = "--images-per-prompt", description = "Images generated per held-out prompt and phrasing. Default: ${DEFAULT-VALUE}.")
    int imagesPerPrompt = 8;

    @Option(names = "--open-samples", description = "Images generated per partial held-out prompt, for the spread of what it "
            + "leaves open (0: skip). Default: ${DEFAULT-VALUE}.")
    int openSamples = 32;

    @Option(names = "--seed", description = "Seed of phrasings and noise. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Override
    public Integer call() throws IOException {
        RunDirectory dir = new RunDirectory(runCheckpoint.run);
        Path checkpoint = runCheckpoint.resolve();
        RunConfig config = Json.read(dir.config(), RunConfig.class);
        if (!"shapes".equals(config.data())) {
            throw new IllegalArgumentException("gan evaluate measures runs trained on shapes; " + runCheckpoint.run + " was trained on " + config.data());
        }
        if (imagesPerPrompt <= 0) {
            throw new IllegalArgumentException("--images-per-prompt must be positive: " + imagesPerPrompt);
        }
        if (openSamples < 0) {
            throw new IllegalArgumentException("--open-samples must not be negative: " + openSamples);
        }
        ShapesEvaluation.Report report = ShapesEvaluation.evaluate(TextToImageModel.load(checkpoint), imagesPerPrompt, openSamples, seed);
        PrintWriter out = spec.commandLine().getOut();
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
        Json.write(dir.root().resolve("evaluation.json"), report);
        out.println("written: " + dir.root().resolve("evaluation.json"));
        return 0;
    }
}
