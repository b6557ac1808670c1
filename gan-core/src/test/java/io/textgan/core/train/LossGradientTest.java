package io.textgan.core.train;

import io.textgan.core.api.GanLoss;
import io.textgan.core.api.LossGradient;
import io.textgan.core.api.LossProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    static List<String> registeredLosses() {
        return List.copyOf(ModelRegistry.all(LossProvider.class).keySet());
    }

    @Test
    void theBuiltInLossesAreRegisteredWithDescriptions() {
        assertEquals(List.of("hinge", "least-squares", "minimax", "non-saturating"), registeredLosses());
        ModelRegistry.all(LossProvider.class).values().forEach(p -> assertFalse(p.description().isBlank(), p.name()));
        assertEquals("unknown loss 'wasserstein'; known: hinge, least-squares, minimax, non-saturating",
                assertThrows(IllegalArgumentException.class, () -> ModelRegistry.get(LossProvider.class, "wasserstein")).getMessage());
    }

    @ParameterizedTest
    @MethodSource("registeredLosses")
    void gradientsWithRespectToLogitsMatchCentralDifferences(String name) {
        GanLoss loss = ModelRegistry.get(LossProvider.class, name).create(1.0);
        // logits at least 0.1 away from the hinge's kinks at ±1
        INDArray logits = Init.normal(rng, 2, 16, 1);
        logits.addi(Transforms.abs(logits.sub(1), true).lt(0.1).castTo(DataType.FLOAT).muli(0.3));
        logits.addi(Transforms.abs(logits.add(1), true).lt(0.1).castTo(DataType.FLOAT).muli(0.3));
        var failures = LossGradientCheck.check(loss, logits, rng);
        assertTrue(failures.isEmpty(), name + ": " + failures);
    }

    @Test
    void closedFormValues() {
        INDArray logits = Nd4j.createFromArray(new float[][]{{0.5f}, {-2f}});
        assertEquals(-(Math.log1p(Math.exp(0.5)) + Math.log1p(Math.exp(-2))) / 2, new MinimaxLoss(1).generator(logits).loss(), 1e-5);
        assertEquals(new NonSaturatingLoss(0.9).discriminator(logits, true).loss(), new MinimaxLoss(0.9).discriminator(logits, true).loss());
        assertEquals(0.5 * (0.25 + 9) / 2, new LeastSquaresLoss(1).discriminator(logits, true).loss(), 1e-6);
        assertEquals(0.5 * (0.25 + 4) / 2, new LeastSquaresLoss(1).discriminator(logits, false).loss(), 1e-6);
        assertEquals(0.5 * (0.16 + 8.41) / 2, new LeastSquaresLoss(0.9).discriminator(logits, true).loss(), 1e-6);
        assertEquals((0.5 + 3) / 2, new HingeLoss().discriminator(logits, true).loss(), 1e-6);
        assertEquals((1.5 + 0) / 2, new HingeLoss().discriminator(logits, false).loss(), 1e-6);
        assertEquals(0.75, new HingeLoss().generator(logits).loss(), 1e-6);
    }

    @Test
    void oneSidedLabelSmoothingMovesOnlyTheRealTarget() {
        INDArray atNineTenths = Nd4j.createFromArray(new float[][]{{(float) Math.log(9)}}); // sigmoid = 0.9
        assertEquals(0, new NonSaturatingLoss(0.9).discriminator(atNineTenths, true).gradient().getDouble(0), 1e-6,
                "with real label 0.9, a real pair scored 0.9 is where the loss stops pushing");
        assertTrue(new NonSaturatingLoss(1).discriminator(atNineTenths, true).gradient().getDouble(0) < -0.09);
        INDArray logits = Nd4j.createFromArray(new float[][]{{0.5f}, {-2f}});
        assertEquals(new NonSaturatingLoss(1).discriminator(logits, false).gradient(),
                new NonSaturatingLoss(0.9).discriminator(logits, false).gradient(), "fake pairs keep target 0");
        assertEquals(new NonSaturatingLoss(1).generator(logits).gradient(), new NonSaturatingLoss(0.9).generator(logits).gradient(),
                "the generator's loss is unchanged");
    }

    @Test
    void hingeRefusesLabelSmoothing() {
        assertEquals("the hinge loss has no label to smooth: the real label must be 1, not 0.9",
                assertThrows(IllegalArgumentException.class, () -> ModelRegistry.get(LossProvider.class, "hinge").create(0.9)).getMessage());
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
