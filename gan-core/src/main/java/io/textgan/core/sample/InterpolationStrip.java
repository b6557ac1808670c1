package io.textgan.core.sample;

import io.textgan.core.TextToImageModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Images [steps, 3, S, S] along a path through a model's inputs, one changing while the other stays fixed. The noise
 * of a seed s is {@code model.noise(1, new Random(s))}, the noise {@code gan generate --seed s} gives its first image,
 * so the first and last images are ones that generate draws.
 */
public final class InterpolationStrip {
    private InterpolationStrip() {
    }

    /** The text vector walks in a straight line from {@code from}'s to {@code to}'s; the noise of {@code seed} stays. */
    public static INDArray textWalk(TextToImageModel model, String from, String to, int steps, long seed) {
        INDArray text = model.encode(List.of(from, to));
        INDArray walk = Interpolation.linear(text.getRow(0), text.getRow(1), steps);
        return model.generator().generate(repeat(model.noise(1, new Random(seed)), steps), walk, false);
    }

    /**
     * The noise walks from that of {@code seed} to that of {@code seed + 1}, on the great circle between them
     * ({@code spherical}) or in a straight line; the prompt stays.
     */
    public static INDArray noiseWalk(TextToImageModel model, String prompt, int steps, long seed, boolean spherical) {
        INDArray start = model.noise(1, new Random(seed));
        INDArray end = model.noise(1, new Random(seed + 1));
        INDArray walk = spherical ? Interpolation.spherical(start, end, steps) : Interpolation.linear(start, end, steps);
        return model.generator().generate(walk, repeat(model.encode(List.of(prompt)), steps), false);
    }

    private static INDArray repeat(INDArray row, int times) {
        return Nd4j.vstack(Collections.nCopies(times, row).toArray(INDArray[]::new));
    }
}
