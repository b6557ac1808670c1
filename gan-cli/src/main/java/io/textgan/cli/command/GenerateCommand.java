package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.sample.SampleGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gan generate}: images from sentences with a trained run. Image k of prompt i uses the noise of seed
 * {@code seed + i·n + k}, recorded in {@code manifest.jsonl}, so any single image can be reproduced.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate images from text prompts with a trained run's checkpoint (the latest by default).")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Option(names = "--prompt", description = "A sentence describing the image (repeatable).")
    List<String> prompts = new ArrayList<>();

    @Option(names = "--prompts", description = "UTF-8 file with one prompt per line.")
    Path promptFile;

    @Option(names = "-n", description = "Images per prompt. Default: ${DEFAULT-VALUE}.")
    int count = 8;

    @Option(names = "--out", required = true, description = "Output directory (created).")
    Path out;

    @Option(names = "--seed", description = "Seed of the first image's noise. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--grid", description = "Write one grid PNG (a row per prompt) instead of one PNG per image.")
    boolean grid;

    @Override
    public Integer call() throws IOException {
        List<String> all = new ArrayList<>(prompts);
        if (promptFile != null) {
            all.addAll(Prompts.read(promptFile));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no prompt given: use --prompt \"...\" or --prompts FILE");
        }
        if (count <= 0 || count > 1024) {
            throw new IllegalArgumentException("-n must be between 1 and 1024: " + count);
        }
        TextToImageModel model = TextToImageModel.load(runCheckpoint.resolve());
        for (String p : all) {
            PromptCheck.check(p, model, spec.commandLine().getErr());
        }
        Files.createDirectories(out);
        List<String> perImage = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int k = 0; k < count; k++) {
                perImage.add(all.get(i));
                seeds.add(seed + (long) i * count + k);
            }
        }
        INDArray images = SeededImages.generate(model, perImage, seeds);
        try (BufferedWriter manifest = Files.newBufferedWriter(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8)) {
            if (grid) {
                SampleGrid.write(SampleGrid.render(images, count), out.resolve("grid.png"));
            }
            for (int j = 0; j < perImage.size(); j++) {
                Map<String, Object> line = new LinkedHashMap<>();
                if (grid) {
                    line.put("file", "grid.png");
                    line.put("row", j / count);
                    line.put("column", j % count);
                } else {
                    String file = String.format("image-%04d.png", j + 1);
                    SampleGrid.write(ImageArrays.toImage(images, j), out.resolve(file));
                    line.put("file", file);
                }
                line.put("prompt", perImage.get(j));
                line.put("seed", seeds.get(j));
                manifest.write(Json.toLine(line));
                manifest.newLine();
            }
        }
        spec.commandLine().getOut().printf("wrote %d image%s for %d prompt%s to %s%n", perImage.size(),
                perImage.size() == 1 ? "" : "s", all.size(), all.size() == 1 ? "" : "s", out);
        return 0;
    }
}
