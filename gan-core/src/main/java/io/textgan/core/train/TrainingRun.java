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
import io.textgan.core.checkpoint.Provenance;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.DataOptions;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.sample.SampleGridListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A whole training run into a run directory: vocabulary from the captions, networks from the registry, text
 * encoder pre-training, GAN-CLS training with a sample grid and a checkpoint every epoch (and one before the first
 * GAN step, so that a run interrupted in its first epoch resumes without pre-training again). A divergence is
 * retried from the last good state at half the learning rates, {@link TrainingConfig#divergenceRetries()} times.
 */
public final class TrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    private static final int RETRIEVAL_GROUP = 32;
    private static final int GRADIENT_LOG_EVERY = 50;
    private static final int OFF_HEAP_COLLECTION_EVERY = 20;

    private final CaptionedImageSource data;
    private final CaptionedImageSource heldOut;
    private final ModelConfig modelConfig;
    private final TrainingConfig config;
    private final DataOptions dataOptions;
    private final RunDirectory run;
    private final List<String> samplePrompts;
    private final List<TrainingListener> listeners;
    private final Provenance provenance;
    private final GanLoss loss;
    private final StepSource.Factory steps;

    /** A run on data read with {@link DataOptions#defaults()} (the built-in shapes, for instance). */
    public TrainingRun(CaptionedImageSource data, CaptionedImageSource heldOut, ModelConfig modelConfig,
                       TrainingConfig config, Path runDirectory, List<String> samplePrompts,
                       List<TrainingListener> listeners) {
        this(data, heldOut, modelConfig, config, DataOptions.defaults(), runDirectory, samplePrompts, listeners);
    }

    /**
     * @param data          training images and captions
     * @param heldOut       pairs never trained on, for the encoder's retrieval accuracy (may be null; not used with
     *                      fewer than two)
     * @param modelConfig   the model; its vocabularySize is replaced by the size of the vocabulary built here
     * @param dataOptions   how the data was read: its augmentation and vocabulary cut-off apply here, and it is
     *                      recorded so that a resumed run reads the data the same way
     * @param samplePrompts one row of the per-epoch sample grid each
     * @param listeners     extra listeners (progress display, {@link io.textgan.core.checkpoint.BestCheckpointKeeper}),
     *                      called after the run's own sample and checkpoint writers
     * @throws IllegalArgumentException when a network or the loss is not registered, or the text encoder refuses the
     *                                  model config (before anything is written)
     */
    public TrainingRun(CaptionedImageSource data, CaptionedImageSource heldOut, ModelConfig modelConfig,
                       TrainingConfig config, DataOptions dataOptions, Path runDirectory, List<String> samplePrompts,
                       List<TrainingListener> listeners) {
        this(data, heldOut, modelConfig, config, dataOptions, runDirectory, samplePrompts, listeners, StepSource.Factory.LOCAL);
    }

    /**
     * A run whose GAN steps are computed where {@code steps} puts them (data-parallel workers, for instance); the text
     * encoder's pre-training, checkpoints, samples and listeners stay in this JVM.
     */
    public TrainingRun(CaptionedImageSource data, CaptionedImageSource heldOut, ModelConfig modelConfig,
                       TrainingConfig config, DataOptions dataOptions, Path runDirectory, List<String> samplePrompts,
                       List<TrainingListener> listeners, StepSource.Factory steps) {
        this.steps = Objects.requireNonNull(steps, "steps");
        this.data = Objects.requireNonNull(data, "data");
        this.heldOut = heldOut;
        this.modelConfig = modelConfig;
        this.config = config;
        this.dataOptions = Objects.requireNonNull(dataOptions, "dataOptions");
        this.run = new RunDirectory(runDirectory);
        this.samplePrompts = List.copyOf(samplePrompts);
        this.listeners = Stream.concat(Stream.of(new OffHeapCollector(OFF_HEAP_COLLECTION_EVERY)), listeners.stream()).toList();
        this.provenance = Provenance.startingNow(data.name(), data.size(), config.seed());
        ModelRegistry.get(ModelProvider.GeneratorProvider.class, modelConfig.generator());
        ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, modelConfig.discriminator());
        ModelRegistry.get(ModelProvider.TextEncoderProvider.class, modelConfig.textEncoder()).create(modelConfig, new Random(0));
        if (config.encoderSteps() > 0) {
            ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, config.imageEncoder());
        }
        this.loss = ModelRegistry.get(LossProvider.class, config.loss()).create(config.realLabel());
    }

    /**
     * The outcome: the model its checkpoints generate with (with an average of the generator's weights, the averaged
     * generator), its GAN steps, and where its last checkpoint is.
     */
    public record Result(TextToImageModel model, int steps, Path checkpoint, double heldOutRetrieval) {
    }

    public Result run() throws IOException {
        Files.createDirectories(run.samples());
        Files.createDirectories(run.checkpoints());
        Vocabulary vocabulary = Vocabulary.build(data, dataOptions.minWordCount(), Tokenizer.named(modelConfig.tokens()));
        ModelConfig model = modelConfig.withVocabularySize(vocabulary.size());
        Files.write(run.samplePrompts(), samplePrompts);
        writeRunConfig(model, config);
        LOG.info("run directory {}: {} training items, vocabulary of {} {}, seed {}, loss {}", run.root(), data.size(),
                vocabulary.size(), vocabulary.tokenizer().plural(), config.seed(), config.loss());

        Random rng = new Random(config.seed());
        TextToImageModel textToImage = TextToImageModel.create(model, vocabulary, rng);
        Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, model.discriminator()).create(model, rng);
        run.requireRoomForTwo(checkpointBytes(textToImage, discriminator));
        GradientHealth health = gradientHealth(config);
        double retrieval = Double.NaN;
        try (BatchSampler sampler = sampler(model.imageSize())) {
            TrainingConfig current = config;
            ImageEncoder imageEncoder = null;
            if (config.encoderSteps() > 0) {
                imageEncoder = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, config.imageEncoder()).create(model, rng);
                TextEncoderPretrainer pretrainer = new TextEncoderPretrainer(textToImage.textEncoder(), imageEncoder, vocabulary, model.maxTokens());
                current = pretrain(pretrainer, sampler, textToImage, imageEncoder, health);
                if (heldOut != null && heldOut.size() >= 2) {
                    retrieval = pretrainer.retrievalAccuracy(heldOut, model.imageSize(), RETRIEVAL_GROUP, config.seed());
                    LOG.info("text encoder: held-out image->caption top-1 among {}: {}%", RETRIEVAL_GROUP,
                            String.format("%.1f", 100 * retrieval));
                }
            }
            GanTrainer trainer = trainer(textToImage, discriminator, imageEncoder, samplePrompts, current, health);
            new CheckpointWriter(run, current.keepCheckpoints(), provenance).write(trainer);
            GanTrainer trained = fit(trainer, sampler, health);
            return new Result(trained.generationModel(), trained.step(), run.latestCheckpoint(), retrieval);
        }
    }

    /**
     * Continues the run in the run directory from its newest checkpoint that loads, with this run's training
     * configuration (which may train to more epochs than the first time). A checkpoint that is truncated or altered
     * is reported and skipped for the one before it. A run stopped before its first checkpoint starts again.
     */
    public Result resume() throws IOException {
        if (run.checkpointsNewestFirst().isEmpty()) {
            LOG.info("{} has no checkpoint yet: starting it again", run.root());
            return run();
        }
        GradientHealth health = gradientHealth(config);
        GanTrainer trainer = restoreNewest(config, health);
        LOG.info("resuming {} at step {}, loss {}", run.root(), trainer.step(), config.loss());
        try (BatchSampler sampler = sampler(trainer.model().config().imageSize())) {
            GanTrainer trained = fit(trainer, sampler, health);
            return new Result(trained.generationModel(), trained.step(), run.latestCheckpoint(), Double.NaN);
        }
    }

    /**
     * Pre-trains the text encoder; after a divergence, restores both encoders' initial weights and starts again at half
     * the learning rate, up to {@link TrainingConfig#divergenceRetries()} times. Returns the configuration trained with.
     */
    private TrainingConfig pretrain(TextEncoderPretrainer pretrainer, BatchSampler sampler, TextToImageModel model,
                                    ImageEncoder imageEncoder, GradientHealth health) throws IOException {
        List<Parameter> encoders = new ArrayList<>(model.textEncoder().parameters());
        encoders.addAll(imageEncoder.parameters());
        List<INDArray> initial = encoders.stream().map(p -> p.value().dup()).toList();
        TrainingConfig current = config;
        for (int retry = 1; ; retry++) {
            try {
                pretrainer.train(sampler, current.encoderSteps(), current.encoderLearningRate(), 0.9, listeners, health);
                return current;
            } catch (TrainingDivergedException e) {
                if (retry > current.divergenceRetries()) {
                    throw stopped(e, "no checkpoint was written yet");
                }
                for (int i = 0; i < encoders.size(); i++) {
                    encoders.get(i).value().assign(initial.get(i));
                }
                current = current.withLearningRates(current.learningRateG(), current.learningRateD(), current.encoderLearningRate() / 2);
                LOG.warn("{}; restarting the text encoder's pre-training at learning rate {} (retry {} of {})",
                        e.getMessage(), current.encoderLearningRate(), retry, current.divergenceRetries());
                writeRunConfig(model.config(), current);
            }
        }
    }

    /**
     * Trains to the end; after a divergence, restores the newest good checkpoint and continues at half the learning
     * rates, up to {@link TrainingConfig#divergenceRetries()} times. Returns the trainer that finished (after a
     * retry, the restored one).
     */
    private GanTrainer fit(GanTrainer trainer, BatchSampler sampler, GradientHealth health) throws IOException {
        GanTrainer current = trainer;
        for (int retry = 1; ; retry++) {
            try (StepSource source = steps.open(sampler, current)) {
                current.fit(source);
                return current;
            } catch (TrainingDivergedException e) {
                TrainingConfig c = current.config();
                if (retry > c.divergenceRetries()) {
                    throw stopped(e, "the last good checkpoint is " + run.latestCheckpoint().getFileName());
                }
                TrainingConfig lower = c.withLearningRates(c.learningRateG() / 2, c.learningRateD() / 2, c.encoderLearningRate());
                writeRunConfig(current.model().config(), lower);
                current = restoreNewest(lower, health);
                LOG.warn("{}; restored step {} and continuing at learning rates G {} D {} (retry {} of {})", e.getMessage(),
                        current.step(), lower.learningRateG(), lower.learningRateD(), retry, lower.divergenceRetries());
            }
        }
    }

    private static TrainingDivergedException stopped(TrainingDivergedException e, String state) {
        return new TrainingDivergedException("training diverged (" + e.getMessage() + ") and was stopped; " + state
                + "; try lower learning rates (--lr-g, --lr-d) or --clip-grad-norm");
    }

    /** A trainer in the state of the newest checkpoint that loads; truncated or altered ones are reported and skipped. */
    private GanTrainer restoreNewest(TrainingConfig training, GradientHealth health) throws IOException {
        List<String> prompts = Files.readAllLines(run.samplePrompts());
        for (Path checkpoint : run.checkpointsNewestFirst()) {
            try {
                TextToImageModel model = TextToImageModel.load(checkpoint);
                Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class,
                        model.config().discriminator()).create(model.config(), new Random(0));
                ImageEncoder imageEncoder = training.matchingWeight() > 0 || training.pretrainedFeatures()
                        ? ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, training.imageEncoder()).create(model.config(), new Random(0))
                        : null;
                GanTrainer trainer = trainer(model, discriminator, imageEncoder, prompts, training, health);
                CheckpointWriter.restore(checkpoint, trainer);
                LOG.info("restored {} (step {})", checkpoint.getFileName(), trainer.step());
                return trainer;
            } catch (IOException e) {
                LOG.warn("cannot restore {}: {}", checkpoint.getFileName(), e.getMessage());
            }
        }
        throw new IOException("run " + run.root() + " has no checkpoint to resume from");
    }

    private void writeRunConfig(ModelConfig model, TrainingConfig training) throws IOException {
        Json.write(run.config(), new RunConfig(model, training, data.name(), data.size(), dataOptions));
    }

    private GradientHealth gradientHealth(TrainingConfig training) {
        return new GradientHealth(training.clipGradNorm(), GRADIENT_LOG_EVERY, run.gradients());
    }

    /** Bytes of one checkpoint, about: every array once, and twice more (Adam's moments) for each trained one. */
    private static long checkpointBytes(TextToImageModel model, Discriminator discriminator) {
        List<Parameter> all = new ArrayList<>(model.textEncoder().parameters());
        all.addAll(model.generator().parameters());
        all.addAll(discriminator.parameters());
        return all.stream().mapToLong(p -> p.value().length() * Float.BYTES * (p.isTrainable() ? 3 : 1)).sum();
    }

    private GanTrainer trainer(TextToImageModel model, Discriminator discriminator, ImageEncoder imageEncoder,
                               List<String> prompts, TrainingConfig training, GradientHealth health) throws IOException {
        List<TrainingListener> all = new ArrayList<>();
        all.add(new SampleGridListener(run.samples(), prompts, training.samplesPerPrompt(), model, training.seed(), run.sampleNoise()));
        all.add(new CheckpointWriter(run, training.keepCheckpoints(), provenance));
        all.add(new LossLog(run.losses()));
        all.addAll(listeners);
        return new GanTrainer(model, discriminator, imageEncoder, loss, training, all, health);
    }

    private BatchSampler sampler(int imageSize) {
        return new BatchSampler(data, config.batchSize(), imageSize, config.seed(), dataOptions.augmentation());
    }
}
