package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.Batch;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.GradientHealth;
import io.textgan.core.train.NonSaturatingLoss;
import io.textgan.core.train.TrainingConfig;
import io.textgan.models.dcgan.GanClsDiscriminator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training options that change one network's update: GAN-INT changes the generator's update and nothing else (the
 * discriminator never learns from interpolated text); the two learning rates each set their own network's step.
 */
class TrainerOptionsTest {
    private static final ModelConfig MODEL = new ModelConfig("dcgan", "gan-cls", "lstm", 8, 4, 3, 2, 2, 2, 4, 5, "mean", 6);
    private static final List<String> CAPTIONS = List.of("a red circle", "a blue square", "a green diamond", "a pink triangle");
    private static final List<String> OTHERS = List.of("a blue square", "a green diamond", "a pink triangle", "a red circle");

    private static GanTrainer trainer(boolean ganInt) {
        return trainer(TrainingConfig.builder().matchingWeight(0).pretrainedFeatures(false).ganInt(ganInt).build());
    }

    private static GanTrainer trainer(TrainingConfig config) {
        Random rng = new Random(3);
        Vocabulary vocabulary = Vocabulary.build(CAPTIONS, 1);
        TextToImageModel model = TextToImageModel.create(MODEL.withVocabularySize(vocabulary.size()), vocabulary, rng);
        Discriminator d = new GanClsDiscriminator(model.config(), rng, true);
        return new GanTrainer(model, d, new NonSaturatingLoss(), config, List.of(), GradientHealth.guardOnly());
    }

    private static List<Parameter> generator(GanTrainer t) {
        return t.model().generator().parameters();
    }

    private static Batch batch() {
        return new Batch(Init.normal(new Random(1), 0.5, 4, 3, 8, 8), CAPTIONS, OTHERS);
    }

    /** Adam's first step moves every weight with a gradient by almost exactly the learning rate. */
    @Test
    void eachNetworkStepsByItsOwnLearningRate() {
        GanTrainer trainer = trainer(TrainingConfig.builder().matchingWeight(0).pretrainedFeatures(false).learningRateG(1e-3).learningRateD(1e-5).build());
        List<INDArray> generatorBefore = values(generator(trainer));
        List<INDArray> discriminatorBefore = values(trainer.discriminator().parameters());
        trainer.step(batch());
        assertEquals(1e-3, largestChange(generatorBefore, generator(trainer)), 1e-5);
        assertEquals(1e-5, largestChange(discriminatorBefore, trainer.discriminator().parameters()), 1e-7);
    }

    private static List<INDArray> values(List<Parameter> parameters) {
        return parameters.stream().filter(Parameter::isTrainable).map(p -> p.value().dup()).toList();
    }

    private static double largestChange(List<INDArray> before, List<Parameter> after) {
        List<Parameter> trainable = after.stream().filter(Parameter::isTrainable).toList();
        double largest = 0;
        for (int i = 0; i < before.size(); i++) {
            largest = Math.max(largest, trainable.get(i).value().sub(before.get(i)).amaxNumber().doubleValue());
        }
        return largest;
    }

    @Test
    void ganIntChangesOnlyTheGeneratorsUpdate() {
        Batch batch = batch();
        GanTrainer plain = trainer(false);
        GanTrainer interpolating = trainer(true);
        double[] plainLosses = plain.step(batch);
        double[] interpolatingLosses = interpolating.step(batch);
        assertEquals(plainLosses[0], interpolatingLosses[0], 0.0, "the discriminator's loss");
        for (int i = 0; i < plain.discriminator().parameters().size(); i++) {
            Parameter p = plain.discriminator().parameters().get(i);
            if (p.isTrainable()) {
                assertEquals(p.value(), interpolating.discriminator().parameters().get(i).value(), p.name());
            }
        }
        boolean anyDiffers = false;
        for (int i = 0; i < generator(plain).size(); i++) {
            anyDiffers |= !generator(plain).get(i).value().equals(generator(interpolating).get(i).value());
        }
        assertTrue(anyDiffers, "GAN-INT must change the generator's update");
    }
}
