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

    @Option(names = "--images-per-prompt", description = "Images generated per held-out prompt. Default: ${DEFAULT-VALUE}.")
    int imagesPerPrompt = 8;

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
        ShapesEvaluation.Report report = ShapesEvaluation.evaluate(TextToImageModel.load(checkpoint), imagesPerPrompt, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("checkpoint %s: %d held-out prompts x %d images%n", checkpoint.getFileName(), report.prompts(), imagesPerPrompt);
        for (Map.Entry<String, Double> e : report.accuracy().entrySet()) {
            out.printf("  %-11s %5.1f%%%n", e.getKey(), 100 * e.getValue());
        }
        out.printf("  %-11s %5.1f%%%n", "all five", 100 * report.allCorrect());
        Json.write(dir.root().resolve("evaluation.json"), report);
        out.println("written: " + dir.root().resolve("evaluation.json"));
        return 0;
    }
}
