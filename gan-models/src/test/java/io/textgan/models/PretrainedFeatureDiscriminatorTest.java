package io.textgan.models;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.PretrainedFeatureDiscriminator;
import io.textgan.models.dcgan.GanClsDiscriminator;
import io.textgan.models.text.ConvImageEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judge through the frozen pre-trained image encoder: gradients against central differences, the encoder untouched. */
class PretrainedFeatureDiscriminatorTest {
    private final Random rng = new Random(31);
    private final ImageEncoder encoder = NetworkGradientTest.withLargeWeights(new ConvImageEncoder(NetworkGradientTest.TINY, rng), rng);

    private Discriminator discriminator() {
        return discriminator(false);
    }

    /** @param grid the judge on the encoder's feature grid instead of its vector */
    private Discriminator discriminator(boolean grid) {
        Discriminator pixels = NetworkGradientTest.withLargeWeights(new GanClsDiscriminator(NetworkGradientTest.TINY, rng, true), rng);
        return NetworkGradientTest.withLargeWeights(PretrainedFeatureDiscriminator.around(pixels, encoder, NetworkGradientTest.TINY, grid, rng), rng);
    }

    @ParameterizedTest(name = "{0} texts per image, grid {1}")
    @CsvSource({"1, false", "2, false", "1, true", "2, true"})
    void gradientsWithRespectToParametersAndImages(int textsPerImage, boolean grid) {
        Discriminator d = discriminator(grid);
        INDArray images = Init.normal(rng, 0.5, 3, 3, 8, 8);
        INDArray text = Init.normal(rng, 1, 3L * textsPerImage, 5);
        INDArray r = Init.normal(rng, 1, 3L * textsPerImage, 1);
        d.score(images, text, true);
        NetworkGradientTest.assertPartialBackwardsAgree(d, r, null);
        d.zeroGradients();
        INDArray gradImages = d.backward(r);
        List<GradientCheck.Target> targets = new ArrayList<>();
        for (Parameter p : d.parameters()) {
            if (p.isTrainable()) {
                targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient()));
            }
        }
        targets.add(new GradientCheck.Target("images", images, gradImages));
        var report = GradientCheck.checkSkippingKinks(() -> d.score(images, text, true).mul(r).sumNumber().doubleValue(),
                targets, 6, 3e-3, 5e-2, 2e-3, rng);
        assertTrue(report.mismatches().isEmpty(), report.mismatches()::toString);
        assertTrue(report.compared() >= 40, "compared " + report.compared());
    }

    @Test
    void theGridIsTheEncodersLayersBeforeItsVector() {
        INDArray images = Init.normal(rng, 0.5, 2, 3, 8, 8);
        INDArray grid = encoder.features().encode(images, false);
        assertEquals(List.of(2L, 32L * 4 * 4), List.of(grid.size(0), grid.size(1)), "TINY's 8x8 images: one convolution down to a 4x4 grid of 32 features");
        Parameter fcWeight = encoder.parameters().stream().filter(p -> p.name().equals("img.fc.weight")).findFirst().orElseThrow();
        INDArray vector = grid.mmul(fcWeight.value()).addiRowVector(encoder.parameters().get(encoder.parameters().size() - 1).value());
        assertTrue(vector.equalsWithEps(encoder.encode(images, false), 1e-4));
    }

    @Test
    void theEncoderIsNeitherTrainedNorSavedWithTheDiscriminator() {
        Discriminator d = discriminator();
        List<String> names = d.parameters().stream().map(Parameter::name).toList();
        for (Parameter p : encoder.parameters()) {
            assertFalse(names.contains(p.name()), p.name() + " is the frozen encoder's");
        }
        assertTrue(names.containsAll(List.of("f.hidden.weight", "f.out.weight", "f.text.weight")), names.toString());
        d.score(Init.normal(rng, 0.5, 3, 3, 8, 8), Init.normal(rng, 1, 3, 5), true);
        d.backward(Nd4j.ones(3, 1));
        d.backwardInput(Nd4j.ones(3, 1), null);
        d.backwardParameters(Nd4j.ones(3, 1), null);
        for (Parameter p : encoder.parameters()) {
            if (p.isTrainable()) {
                assertEquals(0, p.gradient().norm2Number().doubleValue(), p.name() + " has no gradient left to apply");
            }
        }
    }
}
