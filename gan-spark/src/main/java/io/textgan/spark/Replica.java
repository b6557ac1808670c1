package io.textgan.spark;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.LossProvider;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.Batch;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.StepWorkspace;
import io.textgan.core.train.GanGradients;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingDivergedException;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A worker's copy of the networks and its view of the data, whose caption vectors it encodes once as a local run does
 * ({@link GanGradients#encodeCaptions}). Before each shard it takes the driver's weights, so its result is a function
 * of the weights, the shard and the step alone: a task run again (after a lost executor) gives the same gradients.
 */
final class Replica {
    private final TextToImageModel model;
    private final Discriminator discriminator;
    private final GanGradients gradients;
    private final CaptionedImageSource data;
    private final WorkerSetup setup;
    private final List<Parameter> generatorTrainable;
    private final List<Parameter> discriminatorTrainable;
    private final List<Parameter> buffersAfterGenerator;

    private Replica(WorkerSetup setup) {
        try {
            this.setup = setup;
            ModelConfig config = Json.fromString(setup.modelConfig(), ModelConfig.class);
            TrainingConfig training = Json.fromString(setup.trainingConfig(), TrainingConfig.class);
            Vocabulary vocabulary = new Vocabulary(setup.words(), Tokenizer.named(setup.tokenizer()));
            this.model = TextToImageModel.create(config, vocabulary, new Random(0));
            Flat.assignValues(model.textEncoder().parameters(), setup.textEncoder());
            Discriminator created = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, config.discriminator()).create(config, new Random(0));
            ImageEncoder imageEncoder = null;
            if (setup.imageEncoder() != null) {
                imageEncoder = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, training.imageEncoder()).create(config, new Random(0));
                Flat.assignValues(imageEncoder.parameters(), setup.imageEncoder());
            }
            this.gradients = new GanGradients(model, created, imageEncoder,
                    ModelRegistry.get(LossProvider.class, training.loss()).create(training.realLabel()), training);
            this.discriminator = gradients.discriminator(); // wrapped, as the driver's, with --pretrained-features
            this.data = WorkerData.training(setup);
            gradients.encodeCaptions(data);
            this.generatorTrainable = Flat.trainable(model.generator().parameters());
            this.discriminatorTrainable = Flat.trainable(discriminator.parameters());
            List<Parameter> buffers = new ArrayList<>(Flat.buffers(model.generator().parameters()));
            buffers.addAll(Flat.buffers(discriminator.parameters()));
            this.buffersAfterGenerator = List.copyOf(buffers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Replica create(WorkerSetup setup) {
        return new Replica(setup);
    }

    /** One shard's gradient of one phase of a step, weighted by the shard's share of the batch. */
    ShardResult compute(StepWeights weights, ShardSpec spec, Phase phase, int step) {
        try (Batch batch = spec.rows().materialize(data, setup.imageSize(), setup.augmentation());
             MemoryWorkspace ignored = StepWorkspace.open("spark-shard")) {
            Flat.assignValues(model.generator().parameters(), weights.generator());
            Flat.assignValues(discriminator.parameters(), weights.discriminator());
            GanGradients.Inputs inputs = gradients.inputs(batch, step, spec.shard());
            if (phase.discriminator()) {
                double loss = gradients.discriminator(inputs, step);
                return ShardResult.weighted(spec.weight(), loss, Flat.gradients(discriminatorTrainable),
                        Flat.values(Flat.buffers(discriminator.parameters())));
            }
            model.generator().zeroGradients();
            double loss = gradients.generator(inputs, step, phase.generatorUpdate());
            return ShardResult.weighted(spec.weight(), loss, Flat.gradients(generatorTrainable), Flat.values(buffersAfterGenerator));
        } catch (TrainingDivergedException e) {
            return ShardResult.diverged(e.getMessage());
        }
    }
}
