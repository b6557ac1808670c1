package io.textgan.models;

import io.textgan.core.api.LossGradient;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.train.ImageTextMatching;
import io.textgan.core.train.ModeSeeking;
import io.textgan.models.text.ConvImageEncoder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's extra loss terms: values, and gradients with respect to the images against central differences. */
class GeneratorTermsTest {
    private final Random rng = new Random(23);

    @Test
    void matchingGradientWithRespectToImages() {
        ConvImageEncoder encoder = NetworkGradientTest.withLargeWeights(new ConvImageEncoder(NetworkGradientTest.TINY, rng), rng);
        ImageTextMatching matching = new ImageTextMatching(encoder, 0.7);
        INDArray images = Init.normal(rng, 0.5, 6, 3, 8, 8);
        INDArray text = Init.normal(rng, 1, 6, 5);
        for (int groups : new int[]{1, 2}) {
            LossGradient r = matching.apply(images, text, groups);
            assertArrayEquals(images.shape(), r.gradient().shape());
            var report = GradientCheck.checkSkippingKinks(() -> matching.apply(images, text, groups).loss(),
                    List.of(new GradientCheck.Target("images", images, r.gradient())), 40, 1e-2, 5e-2, 1e-4, rng);
            assertTrue(report.mismatches().isEmpty(), report.mismatches()::toString);
            assertTrue(report.compared() >= 30, "compared " + report.compared());
        }
        assertTrue(encoder.parameters().stream().allMatch(p -> !p.isTrainable() || p.gradient().sumNumber().doubleValue() == 0),
                "the frozen encoder keeps no gradient");
    }

    @Test
    void matchingIsLowerForImagesThatShowTheirOwnCaptions() {
        ConvImageEncoder encoder = new ConvImageEncoder(NetworkGradientTest.TINY, rng);
        ImageTextMatching matching = new ImageTextMatching(encoder, 1);
        INDArray images = Init.normal(rng, 1, 8, 3, 8, 8);
        INDArray ownText = encoder.encode(images, false).dup();
        INDArray otherText = ownText.getRows(1, 2, 3, 4, 5, 6, 7, 0);
        assertTrue(matching.apply(images, ownText, 1).loss() < matching.apply(images, otherText, 1).loss());
    }

    @Test
    void modeSeekingPairsHalvesAndPunishesIdenticalImages() {
        assertArrayEquals(new int[]{0, 1, 0, 1, 4}, ModeSeeking.pairedRows(5));
        assertArrayEquals(new int[]{0, 1, 2, 0, 1, 2}, ModeSeeking.pairedRows(6));
        ModeSeeking seeking = new ModeSeeking(2);
        INDArray noise = Init.normal(rng, 1, 4, 3);
        INDArray varied = Init.normal(rng, 1, 4, 3, 2, 2);
        INDArray same = varied.dup();
        same.get(NDArrayIndex.interval(2, 4)).assign(same.get(NDArrayIndex.interval(0, 2)));
        double imageDistance = varied.get(NDArrayIndex.interval(0, 2)).sub(varied.get(NDArrayIndex.interval(2, 4)))
                .norm1Number().doubleValue() / 24;
        double noiseDistance = noise.getRows(0, 1).sub(noise.getRows(2, 3)).norm1Number().doubleValue() / 6;
        assertEquals(2 / (imageDistance / noiseDistance + 1e-5), seeking.apply(varied, noise).loss(), 1e-3);
        assertTrue(seeking.apply(same, noise).loss() > 1e4, "one image per caption costs most");
    }

    @Test
    void modeSeekingGradientWithRespectToImages() {
        ModeSeeking seeking = new ModeSeeking(0.5);
        INDArray noise = Init.normal(rng, 1, 6, 4);
        INDArray images = Init.normal(rng, 1, 6, 3, 4, 4);
        LossGradient r = seeking.apply(images, noise);
        var failures = GradientCheck.check(() -> seeking.apply(images, noise).loss(),
                List.of(new GradientCheck.Target("images", images, r.gradient())), 30, 1e-3, 2e-2, 1e-5, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
