package io.textgan.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FiLM: γ(t) ⊙ x + β(t) per example and channel, with gradients to x, its weights and the condition t. */
class FilmTest {
    private final Random rng = new Random(9);

    private void assertGradientsMatch(Film film, INDArray x, INDArray t) {
        film.condition(t);
        INDArray r = Init.normal(rng, 1, film.forward(x, true).shape());
        film.parameters().forEach(Parameter::zeroGradient);
        INDArray gradX = film.backward(r);
        List<GradientCheck.Target> targets = new ArrayList<>(List.of(
                new GradientCheck.Target("x", x, gradX),
                new GradientCheck.Target("condition", t, film.conditionGradient())));
        film.parameters().forEach(p -> targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient())));
        var failures = GradientCheck.check(() -> film.forward(x, true).mul(r).sumNumber().doubleValue(),
                targets, 12, 1e-2, 2e-2, 1e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void gradientsOnFeatureMapsAndOnFeatureVectors() {
        assertGradientsMatch(new Film("f", 4, 3, Init.normal(rng, 0.5, 4, 6)), Init.normal(rng, 1, 2, 3, 3, 3), Init.normal(rng, 1, 2, 4));
        assertGradientsMatch(new Film("f", 2, 5, Init.normal(rng, 0.5, 2, 10)), Init.normal(rng, 1, 3, 5), Init.normal(rng, 1, 3, 2));
    }

    @Test
    void scalesAndShiftsEachExamplesChannelsByItsCondition() {
        // γ − 1 = t·(1, 0), β = t·(0, 2) for a one-channel input: y = (1 + t) x + 2t
        Film film = new Film("f", 1, 1, Nd4j.createFromArray(new float[][]{{1, 2}}));
        film.condition(Nd4j.createFromArray(new float[][]{{0}, {1}}));
        INDArray x = Nd4j.createFromArray(new float[]{1, 2, 3, 4, 5, 6, 7, 8}).reshape(2, 1, 2, 2);
        INDArray y = film.forward(x, false);
        assertEquals(Nd4j.createFromArray(new float[]{1, 2, 3, 4, 12, 14, 16, 18}).reshape(2, 1, 2, 2), y);
    }

    @Test
    void startsAsTheIdentityForAZeroConditionAndNeedsOne() {
        Film film = new Film("f", 4, 3, Init.normal(rng, 0.02, 4, 6));
        INDArray x = Init.normal(rng, 1, 2, 3, 4, 4);
        assertThrows(IllegalStateException.class, () -> film.forward(x, true));
        film.condition(Nd4j.zeros(DataType.FLOAT, 2, 4));
        assertEquals(x, film.forward(x, true));
        film.condition(Init.normal(rng, 1, 2, 4));
        assertFalse(x.equalsWithEps(film.forward(x, true), 1e-4));
    }

    @Test
    void summaryCountsAndShape() {
        Film film = new Film("f", 8, 16, Init.normal(rng, 0.02, 8, 32));
        assertEquals(8 * 32 + 32, LayerSummary.trainableCount(film.parameters()));
        assertArrayEquals(new long[]{16, 4, 4}, film.outputShape(new long[]{16, 4, 4}));
        assertEquals(8L * 32 + 16 * 4 * 4, film.multiplyAdds(new long[]{16, 4, 4}));
        assertEquals("FiLM(8->2x16)", film.describe());
    }
}
