package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Images whose noise comes from one seed each, so any single image can be drawn again alone: what {@code generate}
 * and {@code serve} share, so that the same prompt and seed give the same image from either.
 */
public final class SeededImages {
    private static final int BATCH = 64;

    private SeededImages() {
    }

    /** Images [N, 3, S, S] in [-1, 1]: image i for {@code prompts.get(i)} from the noise of {@code new Random(seeds.get(i))}. */
    public static INDArray generate(TextToImageModel model, List<String> prompts, List<Long> seeds) {
        if (prompts.size() != seeds.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + seeds.size() + " seeds");
        }
        List<INDArray> parts = new ArrayList<>();
        for (int start = 0; start < prompts.size(); start += BATCH) {
            int end = Math.min(prompts.size(), start + BATCH);
            INDArray noise = Nd4j.vstack(seeds.subList(start, end).stream()
                    .map(s -> model.noise(1, new Random(s))).toArray(INDArray[]::new));
            parts.add(model.generate(prompts.subList(start, end), noise));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }
}
