package io.textgan.core.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StackGAN's conditioning augmentation: sampling, its KL term and both their gradients, and the mean in inference. */
class ConditioningAugmentationTest {
    private final Random rng = new Random(5);

    private ConditioningAugmentation augmentation(int textSize, int conditionSize) {
        return new ConditioningAugmentation("ca", textSize, conditionSize, Init.normal(rng, 0.4, textSize, 2L * conditionSize));
    }

    @Test
    void gradientsOfTheSampledConditionAndItsKlTermMatchCentralDifferences() {
        ConditioningAugmentation ca = augmentation(5, 3);
        INDArray text = Init.normal(rng, 1, 4, 5);
        INDArray epsilon = Init.normal(rng, 1, 4, 3);
        INDArray r = Init.normal(rng, 1, 4, 3);
        ca.forward(text, epsilon);
        assertTrue(ca.klDivergence() > 0);
        ca.parameters().forEach(Parameter::zeroGradient);
        INDArray gradText = ca.backward(r);
        List<GradientCheck.Target> targets = new ArrayList<>(List.of(new GradientCheck.Target("text", text, gradText)));
        ca.parameters().forEach(p -> targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient())));
        var failures = GradientCheck.check(
                () -> ca.forward(text, epsilon).mul(r).sumNumber().doubleValue() + ca.klDivergence(),
                targets, 12, 1e-2, 2e-2, 1e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void theKlTermAloneHasTheGradientOfItsValue() {
        ConditioningAugmentation ca = augmentation(4, 3);
        INDArray text = Init.normal(rng, 1, 3, 4);
        INDArray epsilon = Init.normal(rng, 1, 3, 3);
        ca.forward(text, epsilon);
        ca.parameters().forEach(Parameter::zeroGradient);
        ca.backward(Init.normal(rng, 0, 3, 3));
        List<GradientCheck.Target> targets = new ArrayList<>();
        ca.parameters().forEach(p -> targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient())));
        assertTrue(ca.parameters().get(0).gradient().norm2Number().doubleValue() > 1e-3, "the KL term has a gradient");
        var failures = GradientCheck.check(() -> {
            ca.forward(text, epsilon);
            return ca.klDivergence();
        }, targets, 12, 1e-2, 2e-2, 1e-3, rng);
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void theKlTermIsTheClosedFormAveragedOverTheBatch() {
        ConditioningAugmentation ca = augmentation(2, 2);
        Parameter weight = ca.parameters().get(0);
        Parameter bias = ca.parameters().get(1);
        weight.value().assign(0);
        // μ = (1, -2), log σ² = (ln 4, 0) for every example
        bias.value().assign(Nd4j.createFromArray(new float[][]{{1, -2, (float) Math.log(4), 0}}));
        INDArray text = Init.normal(rng, 1, 3, 2);
        ca.forward(text, Init.normal(rng, 1, 3, 2));
        double expected = 0.5 * ((1 + 4 - 1 - Math.log(4)) + (4 + 1 - 1 - 0));
        assertEquals(expected, ca.klDivergence(), 1e-5);
    }

    @Test
    void inferenceGivesTheMeanWithoutAKlTermAndTrainingSamplesAroundIt() {
        ConditioningAugmentation ca = augmentation(5, 3);
        INDArray text = Init.normal(rng, 1, 2, 5);
        INDArray mean = ca.forward(text, null);
        assertEquals(0.0, ca.klDivergence());
        assertEquals(mean, ca.forward(text, null), "inference is deterministic");
        INDArray bothMoments = text.mmul(ca.parameters().get(0).value()).addiRowVector(ca.parameters().get(1).value());
        assertTrue(mean.equalsWithEps(bothMoments.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)), 1e-5));
        INDArray sampled = ca.forward(text, Init.normal(rng, 1, 2, 3));
        INDArray other = ca.forward(text, Init.normal(rng, 1, 2, 3));
        assertFalse(sampled.equalsWithEps(mean, 1e-3));
        assertFalse(sampled.equalsWithEps(other, 1e-3));
        assertTrue(ca.klDivergence() > 0);
    }

    @Test
    void epsilonIsStandardNormalAndAFunctionOfEachNoiseRowAlone() {
        INDArray noise = Init.normal(rng, 1, 400, 6);
        INDArray epsilon = ConditioningAugmentation.epsilonFrom(noise, 50);
        assertEquals(List.of(400L, 50L), List.of(epsilon.size(0), epsilon.size(1)));
        assertEquals(0, epsilon.meanNumber().doubleValue(), 0.02);
        assertEquals(1, epsilon.stdNumber().doubleValue(), 0.02);
        INDArray firstRow = noise.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup();
        assertEquals(epsilon.getRow(0, true), ConditioningAugmentation.epsilonFrom(firstRow, 50));
        assertFalse(epsilon.getRow(0).equalsWithEps(epsilon.getRow(1), 1e-3));
        INDArray nudged = firstRow.dup();
        nudged.putScalar(0, 3, Math.nextUp(nudged.getFloat(0, 3)));
        assertFalse(ConditioningAugmentation.epsilonFrom(nudged, 50).equalsWithEps(epsilon.getRow(0, true), 1e-3),
                "a different noise row gives an unrelated epsilon");
    }
}
