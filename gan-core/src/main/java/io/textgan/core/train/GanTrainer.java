package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.GanLoss;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.data.Batch;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.nn.AdamOptimizer;
import io.textgan.core.nn.StepWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

import java.io.IOException;
import java.util.List;

/**
 * GAN-CLS training (Reed et al. 2016, <a href="https://arxiv.org/abs/1605.05396">arXiv:1605.05396</a>). Each step
 * updates the discriminator on (real, right text) → real, (real, wrong text) → fake and (generated, right text) →
 * fake, the last two weighted ½ (the real images with both texts in one call, so their features are computed once); then the generator (once or more, {@link TrainingConfig#generatorSteps()}) through the
 * discriminator's gradient with respect to its input, and with {@link TrainingConfig#ganInt()} also on the midpoints
 * of each caption's vector and another's (GAN-INT), which the discriminator scores but never learns from.
 * With {@link TrainingConfig#emaDecay()}, a {@link GeneratorAverage} follows the generator after every step and is
 * the {@link #generationModel()}. The generator's loss includes its {@link Generator#regularizationLoss()} (whose
 * gradient its backward adds), and the configured extra terms: {@link ImageTextMatching} through the pre-trained image
 * encoder, {@link ModeSeeking}, for which the generated half of the batch draws each of half the captions twice, and
 * the generator's half of {@link DiscriminatorContrast}, whose other half joins the discriminator's loss on the real
 * images. With {@link OneWordNegatives}, some wrong captions are right ones with one word changed.
 * The text encoder is frozen here (see {@link TextEncoderPretrainer}). A step whose loss or gradients are not finite
 * throws {@link TrainingDivergedException} before the update that would spread them.
 */
public final class GanTrainer {
    /** The name of this training phase in gradient logs and divergence messages. */
    public static final String PHASE = "gan";
    private final TextToImageModel model;
    private final Discriminator discriminator;
    private final TrainingConfig config;
    private final List<TrainingListener> listeners;
    private final GradientHealth gradientHealth;
    private final AdamOptimizer generatorOptimizer;
    private final AdamOptimizer discriminatorOptimizer;
    private final GeneratorAverage average;
    private final GanGradients gradients;
    private int step;
    private int completedEpochs;
    private int batchesInEpoch;

    /** A trainer without the image–caption matching term (which needs a pre-trained image encoder). */
    public GanTrainer(TextToImageModel model, Discriminator discriminator, GanLoss loss, TrainingConfig config,
                      List<TrainingListener> listeners, GradientHealth gradientHealth) {
        this(model, discriminator, null, loss, config, listeners, gradientHealth);
    }

    /**
     * @param imageEncoder   the pre-trained image encoder for the {@link ImageTextMatching} term and the
     *                       {@link PretrainedFeatureDiscriminator}, frozen; required when the config's matchingWeight is
     *                       positive or pretrainedFeatures set, ignored otherwise
     * @param discriminator  the discriminator; with pretrainedFeatures, wrapped in a {@link PretrainedFeatureDiscriminator}
     *                       (what {@link #discriminator()} returns)
     * @param gradientHealth inspects each network's gradients before its update (the divergence guard)
     */
    public GanTrainer(TextToImageModel model, Discriminator discriminator, ImageEncoder imageEncoder, GanLoss loss,
                      TrainingConfig config, List<TrainingListener> listeners, GradientHealth gradientHealth) {
        this.gradients = new GanGradients(model, discriminator, imageEncoder, loss, config);
        this.model = model;
        this.discriminator = gradients.discriminator();
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.gradientHealth = gradientHealth;
        this.generatorOptimizer = new AdamOptimizer(model.generator().parameters(), config.learningRateG(), config.beta1(), config.beta2());
        this.discriminatorOptimizer = new AdamOptimizer(this.discriminator.parameters(), config.learningRateD(), config.beta1(), config.beta2());
        this.average = config.emaDecay() > 0 ? new GeneratorAverage(model, config.emaDecay()) : null;
    }

    /**
     * Trains for the configured epochs (or until maxSteps), continuing from the counters of {@link #resumeAt} if it was
     * called, and returns the number of GAN steps taken in the whole run.
     */
    public int fit(BatchSampler sampler) throws IOException {
        try (StepSource steps = StepSource.Factory.LOCAL.open(sampler, this)) {
            return fit(steps);
        }
    }

    /** {@link #fit(BatchSampler)} with the steps' gradients computed where {@code steps} computes them. */
    public int fit(StepSource steps) throws IOException {
        int batches = steps.batchesPerEpoch();
        for (int epoch = completedEpochs + 1; epoch <= config.epochs() && !reachedMaxSteps(); epoch++) {
            for (TrainingListener l : listeners) {
                l.onEpochStart(epoch, batches);
            }
            for (StepGradients batch : steps.epoch(epoch, batchesInEpoch)) {
                long start = System.nanoTime();
                double[] losses;
                try (batch; MemoryWorkspace ignored = StepWorkspace.open("gan-step")) {
                    losses = step(batch);
                }
                batchesInEpoch++;
                var report = new TrainingListener.StepReport(epoch, step, batchesInEpoch, batches, losses[0], losses[1],
                        batch.size(), (System.nanoTime() - start) / 1e9);
                for (TrainingListener l : listeners) {
                    l.onStep(this, report);
                }
                if (reachedMaxSteps()) {
                    break;
                }
            }
            if (batchesInEpoch == batches) {
                completedEpochs = epoch;
                batchesInEpoch = 0;
            }
            for (TrainingListener l : listeners) {
                l.onEpochEnd(this, epoch);
            }
        }
        return step;
    }

    /** Continues a run from saved counters (the optimisers' state is restored separately). */
    public void resumeAt(int steps, int epochsCompleted, int batchesDoneInNextEpoch) {
        this.step = steps;
        if (average != null) {
            average.resumeAt(steps);
        }
        this.completedEpochs = epochsCompleted;
        this.batchesInEpoch = batchesDoneInNextEpoch;
    }

    /** Epochs finished completely. */
    public int completedEpochs() {
        return completedEpochs;
    }

    /** Batches done in the epoch after {@link #completedEpochs()}. */
    public int batchesInEpoch() {
        return batchesInEpoch;
    }

    private boolean reachedMaxSteps() {
        return config.maxSteps() > 0 && step >= config.maxSteps();
    }

    /** One GAN-CLS step on a batch, outside the epoch loop (benchmarks); returns {discriminator loss, generator loss}. */
    public double[] step(Batch batch) {
        return step(new LocalSteps.Step(gradients, batch));
    }

    /** One GAN-CLS step with gradients from {@code batch}: the discriminator's update, then the generator's. */
    public double[] step(StepGradients batch) {
        double discriminatorLoss = batch.discriminator(step);
        gradientHealth.update(PHASE, step + 1, "discriminator", discriminator.parameters(), discriminatorOptimizer);
        double generatorLoss = 0;
        for (int k = 0; k < config.generatorSteps(); k++) {
            generatorLoss = batch.generator(step, k);
            gradientHealth.update(PHASE, step + 1, "generator", model.generator().parameters(), generatorOptimizer);
        }
        if (average != null) {
            average.update();
        }
        step++;
        return new double[]{discriminatorLoss, generatorLoss};
    }

    /** The step's gradient computation, in this JVM, over this trainer's networks. */
    public GanGradients gradients() {
        return gradients;
    }

    public TextToImageModel model() {
        return model;
    }

    /** What samples and checkpoints generate with: the model with the averaged generator, or the trained model. */
    public TextToImageModel generationModel() {
        return average != null ? average.model() : model;
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    /** The frozen pre-trained image encoder (of the matching term and the pre-trained features' judge), or null without either. */
    public ImageEncoder imageEncoder() {
        return gradients.imageEncoder();
    }

    public AdamOptimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    public AdamOptimizer discriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    public TrainingConfig config() {
        return config;
    }

    /** GAN steps completed. */
    public int step() {
        return step;
    }
}
