package io.textgan.models;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.Generator;
import io.textgan.core.api.LossGradient;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.nn.AdamOptimizer;
import io.textgan.core.nn.Init;
import io.textgan.core.train.NonSaturatingLoss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign conventions of the updates: each network's loss falls when it alone is trained on a fixed batch. */
class ExternalErrorUpdateTest {
    private final Random rng = new Random(5);
    private final NonSaturatingLoss loss = new NonSaturatingLoss();
    private final INDArray z = Init.normal(rng, 1, 8, 4);
    private final INDArray text = Init.normal(rng, 1, 8, 5);

    private Generator generator(String name) {
        return ModelRegistry.get(ModelProvider.GeneratorProvider.class, name).create(NetworkGradientTest.TINY, rng);
    }

    private Discriminator discriminator(String name) {
        return ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, name).create(NetworkGradientTest.TINY, rng);
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({"dcgan, gan-cls", "residual, residual"})
    void generatorLossFallsThroughTheDiscriminatorsInputGradient(String generatorName, String discriminatorName) {
        Generator g = generator(generatorName);
        // a fixed discriminator whose logit responds to its input (DCGAN's 0.02 initialisation barely does)
        Discriminator d = NetworkGradientTest.withLargeWeights(discriminator(discriminatorName), rng);
        AdamOptimizer optimizer = new AdamOptimizer(g.parameters(), 0.01, 0.5, 0.999);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < 30; i++) {
            LossGradient l = loss.generator(d.score(g.generate(z, text, true), text, true));
            g.backward(d.backward(l.gradient()));
            d.zeroGradients();
            optimizer.step();
            first = i == 0 ? l.loss() : first;
            last = l.loss();
        }
        assertTrue(last < 0.5 * first, "generator loss " + first + " -> " + last);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gan-cls", "residual"})
    void discriminatorLossFallsOnAFixedBatch(String name) {
        Discriminator d = discriminator(name);
        INDArray real = Init.normal(rng, 0.5, 8, 3, 8, 8);
        INDArray fake = Init.normal(rng, 0.5, 8, 3, 8, 8);
        AdamOptimizer optimizer = new AdamOptimizer(d.parameters(), 0.01, 0.5, 0.999);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < 30; i++) {
            LossGradient r = loss.discriminator(d.score(real, text, true), true);
            d.backward(r.gradient());
            LossGradient f = loss.discriminator(d.score(fake, text, true), false);
            d.backward(f.gradient());
            optimizer.step();
            first = i == 0 ? r.loss() + f.loss() : first;
            last = r.loss() + f.loss();
        }
        assertTrue(last < 0.5 * first, "discriminator loss " + first + " -> " + last);
    }
}
