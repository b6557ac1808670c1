package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.sample.Interpolation;
import io.textgan.core.sample.InterpolationStrip;
import io.textgan.core.sample.SampleGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gan interpolate}: one row of images along a path ({@link InterpolationStrip}), and a legend of its columns.
 * By default the text vector walks linearly from one prompt's to another's with the same noise in every column; with
 * {@code --noise-walk} the noise walks from the noise of {@code --seed} to that of {@code --seed + 1} with the same
 * prompt in every column.
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw a strip of images that walks the text vector between two prompts (fixed noise), "
                + "or the noise between two seeds (--noise-walk, fixed prompt).")
public final class InterpolateCommand implements Callable<Integer> {
    static final String STRIP = "interpolation.png";
    static final String LEGEND = "interpolation.txt";
    private static final int MAX_STEPS = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Option(names = "--from", description = "Prompt of the first column (text walk).")
    String from;

    @Option(names = "--to", description = "Prompt of the last column (text walk).")
    String to;

    @Option(names = "--noise-walk", description = "Walk the noise from seed --seed to seed --seed + 1 with the fixed --prompt instead.")
    boolean noiseWalk;

    @Option(names = "--prompt", description = "The prompt of every column (with --noise-walk).")
    String prompt;

    @Option(names = "--linear", description = "With --noise-walk: a straight line instead of the great circle (slerp).")
    boolean linear;

    @Option(names = "--steps", description = "Images in the strip, the two ends included (2 to " + MAX_STEPS + "). Default: ${DEFAULT-VALUE}.")
    int steps = 8;

    @Option(names = "--seed", description = "Seed of the noise (of the first column's noise with --noise-walk). Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--out", required = true, description = "Output directory (created): " + STRIP + " and " + LEGEND + ".")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("--steps must be between 2 and " + MAX_STEPS + ": " + steps);
        }
        if (noiseWalk ? prompt == null || from != null || to != null : from == null || to == null || prompt != null) {
            throw new IllegalArgumentException("give --from \"...\" --to \"...\" (text walk), or --noise-walk --prompt \"...\"");
        }
        if (linear && !noiseWalk) {
            throw new IllegalArgumentException("--linear goes with --noise-walk: the text walk is always a straight line");
        }
        TextToImageModel model = TextToImageModel.load(runCheckpoint.resolve());
        for (String p : noiseWalk ? List.of(prompt) : List.of(from, to)) {
            PromptCheck.check(p, model, spec.commandLine().getErr());
        }
        INDArray images;
        List<String> legend = new ArrayList<>();
        if (noiseWalk) {
            images = InterpolationStrip.noiseWalk(model, prompt, steps, seed, !linear);
            legend.add(String.format("noise walk (%s) from the noise of seed %d to that of seed %d; prompt \"%s\" in every column",
                    linear ? "straight line" : "great circle", seed, seed + 1, PromptCheck.shorten(prompt)));
            for (int i = 0; i < steps; i++) {
                legend.add(String.format(Locale.ROOT, "column %d: t = %.3f", i + 1, Interpolation.fraction(i, steps)));
            }
        } else {
            images = InterpolationStrip.textWalk(model, from, to, steps, seed);
            legend.add(String.format("text walk from A = \"%s\" to B = \"%s\"; noise of seed %d in every column",
                    PromptCheck.shorten(from), PromptCheck.shorten(to), seed));
            for (int i = 0; i < steps; i++) {
                double t = Interpolation.fraction(i, steps);
                legend.add(String.format(Locale.ROOT, "column %d: %.3f A + %.3f B", i + 1, 1 - t, t));
            }
        }
        Files.createDirectories(out);
        SampleGrid.write(SampleGrid.render(images, steps), out.resolve(STRIP));
        Files.write(out.resolve(LEGEND), legend);
        spec.commandLine().getOut().printf("wrote a strip of %d images to %s (columns described in %s)%n", steps,
                out.resolve(STRIP), out.resolve(LEGEND));
        return 0;
    }
}
