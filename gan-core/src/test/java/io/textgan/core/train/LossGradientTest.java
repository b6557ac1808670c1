package io.textgan.core.train;

import io.textgan.core.api.LossGradient;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The losses' gradients agree with central differences; values match their closed forms. */
class LossGradientTest {
    private final Random rng = new Random(17);

    @Test
    void sigmoidCrossEntropyValueAndGradient() {
        INDArray logits = Nd4j.createFromArray(new float[][]{{0f}, {2f}, {-40f}});
        LossGradient fake = new NonSaturatingLoss().discriminator(logits, false);
        double expected = (Math.log(2) + Math.log1p(Math.exp(2)) + Math.log1p(Math.exp(-40))) / 3;
        assertEquals(expected, fake.loss(), 1e-5);
        LossGradient real = new NonSaturatingLoss().generator(logits);
        assertTrue(Double.isFinite(real.loss()) && real.loss() > 13, "stable for large negative logits");
        var failures = GradientCheck.check(() -> new NonSaturatingLoss().generator(logits).loss(),
                List.of(new GradientCheck.Target("logits", logits, real.gradient())), 3, 1e-2, 1e-2, 1e-4, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void contrastiveLossGradientsAndAccuracy() {
        INDArray images = Init.normal(rng, 1, 5, 4);
        INDArray text = Init.normal(rng, 1, 5, 4);
        ContrastiveLoss loss = new ContrastiveLoss(5);
        ContrastiveLoss.Result r = loss.compute(images, text);
        var failures = GradientCheck.check(() -> loss.compute(images, text).loss(),
                List.of(new GradientCheck.Target("images", images, r.imageGradient()),
                        new GradientCheck.Target("text", text, r.textGradient())), 20, 1e-2, 2e-2, 1e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
        ContrastiveLoss.Result perfect = loss.compute(Nd4j.eye(4).castTo(DataType.FLOAT), Nd4j.eye(4).castTo(DataType.FLOAT));
        assertEquals(1.0, perfect.accuracy());
    }
}
