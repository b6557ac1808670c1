package io.textgan.cli.bench;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.data.Batch;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.GradientHealth;
import io.textgan.core.train.NonSaturatingLoss;
import io.textgan.core.train.TrainingConfig;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The project's own default text-conditioned model at a given image size (at 32×32 exactly the step of the default
 * {@code gan train}: model, batch, shapes data pipeline, training defaults, divergence guard, and a garbage collection
 * every 20 steps as training asks for) with its whole GAN-CLS step: the text vectors of right and wrong captions (the
 * data's encoded once before the first step, as training does), the discriminator on three pairs, the generator through the discriminator and
 * the default extra terms (image–caption matching through an image encoder, mode seeking), the discriminator's
 * default judge through that encoder included.
 */
final class GanClsWorkload implements Workload {
    private static final int COLLECTION_EVERY = 20;

    private final int batch;
    private final int imageSize;
    private final GanTrainer trainer;
    private final TextToImageModel model;
    private final TimedGenerator timedGenerator;
    private final ImageEncoder imageEncoder;
    private final BatchSampler sampler;
    private Iterator<Batch> batches;
    private int epoch;
    private int steps;

    /** @param generator a registered generator in place of the default's, or null */
    GanClsWorkload(int batch, int imageSize, String generator) {
        this.batch = batch;
        this.imageSize = imageSize;
        ModelConfig base = generator == null ? ModelConfig.defaults(imageSize) : ModelConfig.defaults(imageSize).withGenerator(generator);
        ShapesSource data = ShapesSource.training(Math.max(1024, 4 * batch), imageSize, 1);
        Vocabulary vocabulary = Vocabulary.build(data, 1);
        ModelConfig config = base.withVocabularySize(vocabulary.size());
        Random rng = new Random(1);
        TextToImageModel created = TextToImageModel.create(config, vocabulary, rng);
        timedGenerator = new TimedGenerator(created.generator());
        model = new TextToImageModel(config, vocabulary, created.textEncoder(), timedGenerator);
        Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, config.discriminator()).create(config, rng);
        TrainingConfig defaults = TrainingConfig.builder().batchSize(batch).build();
        imageEncoder = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, defaults.imageEncoder()).create(config, rng);
        trainer = new GanTrainer(model, discriminator, imageEncoder, new NonSaturatingLoss(defaults.realLabel()), defaults,
                List.of(), GradientHealth.guardOnly());
        sampler = new BatchSampler(data, batch, imageSize, 1);
        trainer.gradients().encodeCaptions(data); // as training does before its first step
    }

    @Override
    public String name() {
        return "gancls" + imageSize;
    }

    @Override
    public int imagesPerStep() {
        return batch;
    }

    /**
     * The work the step does, a backward pass with both gradients counted as twice its forward and one with the input
     * gradient alone as once: G forward and backward (the captions' text vectors are encoded once before); the pixel discriminator and the judge's head forward
     * four times (the real images' features once, with two captions, counted twice), backward with parameter gradients
     * three times and with the image gradient alone once; the frozen image encoder forward on the real and generated
     * images of the discriminator's update, and forward and backward (image gradient alone) for the judge and for the
     * matching term in the generator's.
     */
    @Override
    public long multiplyAddsPerStep() {
        long g = model.generator().multiplyAdds();
        long i = imageEncoder.multiplyAdds();
        long d = trainer.discriminator().multiplyAdds() - i; // the default judge's count includes the encoder's forward
        return (long) batch * (3 * g + 4 * d + 2 * 3 * d + d + 2 * i + 2 * (i + i));
    }

    @Override
    public void step(PhaseTimer timer) {
        timedGenerator.timeWith(timer);
        Batch next = timer.time("data", () -> {
            if (batches == null || !batches.hasNext()) {
                batches = sampler.epoch(++epoch, 0).iterator();
            }
            return batches.next();
        });
        timer.time("gan_step", () -> trainer.step(next));
        next.close();
        if (++steps % COLLECTION_EVERY == 0) {
            timer.time("collection", System::gc);
        }
    }
}
