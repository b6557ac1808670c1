package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.GanLoss;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.LossProvider;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.checkpoint.CheckpointWriter;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.sample.SampleGridListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A whole training run into a run directory: vocabulary from the captions, networks from the registry, text
 * encoder pre-training, GAN-CLS training with a sample grid and a checkpoint every epoch.
 */
public final class TrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    private static final int RETRIEVAL_GROUP = 32;

    private final CaptionedImageSource data;
    private final CaptionedImageSource heldOut;
    private final ModelConfig modelConfig;
    private final TrainingConfig config;
    private final RunDirectory run;
    private final List<String> samplePrompts;
    private final List<TrainingListener> listeners;
    private final GanLoss loss;

    /**
     * @param data          training images and captions
     * @param heldOut       pairs never trained on, for the encoder's retrieval accuracy (may be null)
     * @param modelConfig   the model; its vocabularySize is replaced by the size of the vocabulary built here
     * @param samplePrompts one row of the per-epoch sample grid each
     * @param listeners     extra listeners (progress display); samples and checkpoints are always written
     * @throws IllegalArgumentException when a network or the loss is not registered (before anything is written)
     */
    public TrainingRun(CaptionedImageSource data, CaptionedImageSource heldOut, ModelConfig modelConfig,
                       TrainingConfig config, Path runDirectory, List<String> samplePrompts,
                       List<TrainingListener> listeners) {
        this.data = Objects.requireNonNull(data, "data");
        this.heldOut = heldOut;
        this.modelConfig = modelConfig;
        this.config = config;
        this.run = new RunDirectory(runDirectory);
        this.samplePrompts = List.copyOf(samplePrompts);
        this.listeners = List.copyOf(listeners);
        ModelRegistry.get(ModelProvider.GeneratorProvider.class, modelConfig.generator());
        ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, modelConfig.discriminator());
        ModelRegistry.get(ModelProvider.TextEncoderProvider.class, modelConfig.textEncoder());
        if (config.encoderSteps() > 0) {
            ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, config.imageEncoder());
        }
        this.loss = ModelRegistry.get(LossProvider.class, config.loss()).create(config.realLabel());
    }

    /** The outcome: the trained model and where its last checkpoint is. */
    public record Result(TextToImageModel model, int steps, Path checkpoint, double heldOutRetrieval) {
    }

    public Result run() throws IOException {
        Files.createDirectories(run.samples());
        Files.createDirectories(run.checkpoints());
        Vocabulary vocabulary = Vocabulary.build(data, 1);
        ModelConfig model = modelConfig.withVocabularySize(vocabulary.size());
        Json.write(run.config(), new RunConfig(model, config, data.name(), data.size()));
        Files.write(run.samplePrompts(), samplePrompts);
        LOG.info("run directory {}: {} training items, vocabulary of {} words, seed {}, loss {}", run.root(), data.size(),
                vocabulary.size(), config.seed(), config.loss());

        Random rng = new Random(config.seed());
        TextToImageModel textToImage = TextToImageModel.create(model, vocabulary, rng);
        Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, model.discriminator()).create(model, rng);
        double retrieval = Double.NaN;
        try (BatchSampler sampler = new BatchSampler(data, config.batchSize(), model.imageSize(), config.seed())) {
            if (config.encoderSteps() > 0) {
                ImageEncoder imageEncoder = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, config.imageEncoder()).create(model, rng);
                TextEncoderPretrainer pretrainer = new TextEncoderPretrainer(textToImage.textEncoder(), imageEncoder, vocabulary, model.maxTokens());
                pretrainer.train(sampler, config.encoderSteps(), config.encoderLearningRate(), 0.9, listeners);
                if (heldOut != null) {
                    retrieval = pretrainer.retrievalAccuracy(heldOut, model.imageSize(), RETRIEVAL_GROUP, config.seed());
                    LOG.info("text encoder: held-out image->caption top-1 among {}: {}%", RETRIEVAL_GROUP,
                            String.format("%.1f", 100 * retrieval));
                }
            }
            GanTrainer trainer = trainer(textToImage, discriminator, samplePrompts);
            return new Result(textToImage, trainer.fit(sampler), run.latestCheckpoint(), retrieval);
        }
    }

    /**
     * Continues the run in the run directory from its newest checkpoint that loads, with this run's training
     * configuration (which may train to more epochs than the first time). A checkpoint that is truncated or altered
     * is reported and skipped for the one before it.
     */
    public Result resume() throws IOException {
        List<String> prompts = Files.readAllLines(run.samplePrompts());
        for (Path checkpoint : run.checkpointsNewestFirst()) {
            GanTrainer trainer;
            try {
                TextToImageModel model = TextToImageModel.load(checkpoint);
                Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class,
                        model.config().discriminator()).create(model.config(), new Random(0));
                trainer = trainer(model, discriminator, prompts);
                CheckpointWriter.restore(checkpoint, trainer);
            } catch (IOException e) {
                LOG.warn("cannot resume from {}: {}", checkpoint.getFileName(), e.getMessage());
                continue;
            }
            LOG.info("resuming {} from {} (step {}), loss {}", run.root(), checkpoint.getFileName(), trainer.step(), config.loss());
            try (BatchSampler sampler = new BatchSampler(data, config.batchSize(), trainer.model().config().imageSize(), config.seed())) {
                return new Result(trainer.model(), trainer.fit(sampler), run.latestCheckpoint(), Double.NaN);
            }
        }
        throw new IOException("run " + run.root() + " has no checkpoint to resume from");
    }

    private GanTrainer trainer(TextToImageModel model, Discriminator discriminator, List<String> prompts) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(new SampleGridListener(run.samples(), prompts, config.samplesPerPrompt(), model, config.seed()));
        all.add(new CheckpointWriter(run, config.keepCheckpoints()));
        return new GanTrainer(model, discriminator, loss, config, all);
    }
}
