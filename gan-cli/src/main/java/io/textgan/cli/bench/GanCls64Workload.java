package io.textgan.cli.bench;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
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
 * The project's own text-conditioned model at 64×64 (the default widths) with its whole GAN-CLS step: text encoder
 * forward for right and wrong captions, the discriminator on three pairs, the generator through the discriminator.
 */
final class GanCls64Workload implements Workload {
    private final int batch;
    private final GanTrainer trainer;
    private final TextToImageModel model;
    private final Discriminator discriminator;
    private final BatchSampler sampler;
    private Iterator<Batch> batches;
    private int epoch;

    GanCls64Workload(int batch, ModelConfig base) {
        this.batch = batch;
        ShapesSource data = ShapesSource.training(Math.max(1024, 4 * batch), 64, 1);
        Vocabulary vocabulary = Vocabulary.build(data, 1);
        ModelConfig config = base.withVocabularySize(vocabulary.size());
        Random rng = new Random(1);
        model = TextToImageModel.create(config, vocabulary, rng);
        discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, config.discriminator()).create(config, rng);
        TrainingConfig defaults = TrainingConfig.builder().batchSize(batch).build();
        trainer = new GanTrainer(model, discriminator, new NonSaturatingLoss(defaults.realLabel()), defaults, List.of(),
                GradientHealth.guardOnly());
        sampler = new BatchSampler(data, batch, 64, 1);
    }

    @Override
    public String name() {
        return "gancls64";
    }

    @Override
    public int imagesPerStep() {
        return batch;
    }

    /** Text encoder on right and wrong captions; G forward and backward; D forward four times and backward four times. */
    @Override
    public long multiplyAddsPerStep() {
        long g = model.generator().multiplyAdds();
        long d = discriminator.multiplyAdds();
        long e = model.textEncoder().multiplyAdds();
        return (long) batch * (2 * e + g + 2 * g + 4 * d + 8 * d);
    }

    @Override
    public void step(PhaseTimer timer) {
        Batch next = timer.time("data", () -> {
            if (batches == null || !batches.hasNext()) {
                batches = sampler.epoch(++epoch, 0).iterator();
            }
            return batches.next();
        });
        timer.time("gan_step", () -> trainer.step(next));
        next.close();
    }
}
