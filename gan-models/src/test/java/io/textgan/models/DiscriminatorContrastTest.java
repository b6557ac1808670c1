package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.DiscriminatorContrast;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.GradientHealth;
import io.textgan.core.train.NonSaturatingLoss;
import io.textgan.core.train.TrainingConfig;
import io.textgan.models.dcgan.GanClsDiscriminator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XMC-GAN's contrastive terms through the projection discriminator: gradients against central differences. */
class DiscriminatorContrastTest {
    private final Random rng = new Random(29);
    private final DiscriminatorContrast contrast = new DiscriminatorContrast(0.7);

    private Discriminator discriminator() {
        return NetworkGradientTest.withLargeWeights(new GanClsDiscriminator(NetworkGradientTest.TINY, rng, true), rng);
    }

    @Test
    void discriminatorsTermGradientWithRespectToItsParameters() {
        Discriminator d = discriminator();
        INDArray images = Init.normal(rng, 0.5, 6, 3, 8, 8);
        INDArray texts = Init.normal(rng, 1, 12, 5);
        d.score(images, texts, true);
        DiscriminatorContrast.Result r = contrast.real(d.embeddings(), 6);
        d.zeroGradients();
        d.backward(Nd4j.zeros(12, 1), r.gradient());
        List<GradientCheck.Target> targets = new ArrayList<>();
        for (Parameter p : d.parameters()) {
            if (p.isTrainable()) {
                targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient()));
            }
        }
        var report = GradientCheck.checkSkippingKinks(() -> {
            d.score(images, texts, true);
            return contrast.real(d.embeddings(), 6).loss();
        }, targets, 8, 3e-3, 5e-2, 1e-4, rng);
        assertTrue(report.mismatches().isEmpty(), report.mismatches()::toString);
        assertTrue(report.compared() >= 40, "compared " + report.compared());
    }

    @Test
    void generatorsTermGradientWithRespectToTheImages() {
        Discriminator d = discriminator();
        INDArray images = Init.normal(rng, 0.5, 6, 3, 8, 8);
        INDArray text = Init.normal(rng, 1, 6, 5);
        for (int groups : new int[]{1, 2}) {
            d.score(images, text, true);
            DiscriminatorContrast.Result r = contrast.generated(d.embeddings(), groups);
            assertNull(r.gradient().text(), "the generator's term leaves the text alone");
            INDArray gradImages = d.backward(Nd4j.zeros(6, 1), r.gradient());
            var report = GradientCheck.checkSkippingKinks(() -> {
                d.score(images, text, true);
                return contrast.generated(d.embeddings(), groups).loss();
            }, List.of(new GradientCheck.Target("images", images, gradImages)), 40, 1e-2, 5e-2, 1e-4, rng);
            assertTrue(report.mismatches().isEmpty(), report.mismatches()::toString);
            assertTrue(report.compared() >= 30, "compared " + report.compared());
        }
    }

    @Test
    void needsAProjectionDiscriminator() {
        assertNull(new GanClsDiscriminator(NetworkGradientTest.TINY, rng, false).embeddings());
        assertNotNull(new GanClsDiscriminator(NetworkGradientTest.TINY, rng, true).embeddings());
        ModelConfig config = NetworkGradientTest.TINY;
        Vocabulary vocabulary = Vocabulary.build(List.of("a red circle"), 1);
        TextToImageModel model = TextToImageModel.create(config.withVocabularySize(vocabulary.size()), vocabulary, rng);
        TrainingConfig training = TrainingConfig.builder().matchingWeight(0).pretrainedFeatures(false).contrastiveWeight(1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(model,
                new GanClsDiscriminator(model.config(), rng, false), new NonSaturatingLoss(), training, List.of(),
                GradientHealth.guardOnly()));
        assertTrue(e.getMessage().contains("gan-cls-projection"), e.getMessage());
    }
}
