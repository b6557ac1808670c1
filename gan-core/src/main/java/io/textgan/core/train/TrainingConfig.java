package io.textgan.core.train;

/**
 * How to train: written to {@code RUN/config.json} with the model configuration.
 *
 * @param epochs             passes over the data
 * @param maxSteps           stop after this many GAN steps (0: no limit, run all epochs)
 * @param batchSize          images per step
 * @param seed               fixes weights, data order, noise and samples
 * @param learningRateG      Adam learning rate of the generator
 * @param learningRateD      Adam learning rate of the discriminator
 * @param beta1              Adam β1 (0.5 for GANs, as DCGAN)
 * @param beta2              Adam β2
 * @param encoderSteps       image–text matching pre-training steps of the text encoder (0: none)
 * @param encoderLearningRate Adam learning rate of that pre-training
 * @param imageEncoder       registered image encoder used only for that pre-training
 * @param samplesPerPrompt   columns of the per-epoch sample grid
 * @param keepCheckpoints    how many epoch checkpoints to keep (older ones are deleted)
 * @param generatorSteps     generator updates per discriminator update (the later ones redraw the same noise)
 * @param realLabel          the discriminator's target for real pairs: 1, or less for one-sided label smoothing
 * @param checkpointEvery    also write a checkpoint every this many steps inside epochs (0: only at epoch ends)
 * @param clipGradNorm       largest global gradient L2 norm of each network before its update (0: no clipping)
 * @param divergenceRetries  how often a diverged run (NaN or infinite loss or gradient) is restored to its last good
 *                           state and retried at half the learning rates before it stops (0: stop at once)
 * @param loss               registered {@link io.textgan.core.api.LossProvider} name; a configuration written before
 *                           losses could be chosen has none and reads as {@value LossProviders#DEFAULT}
 * @param ganInt             GAN-INT (Reed et al. 2016): the generator also learns to fool the discriminator on the
 *                           midpoints of pairs of sentence vectors, β = ½, which fills the text space between captions
 */
public record TrainingConfig(int epochs, int maxSteps, int batchSize, long seed, double learningRateG,
                             double learningRateD, double beta1, double beta2, int encoderSteps,
                             double encoderLearningRate, String imageEncoder, int samplesPerPrompt,
                             int keepCheckpoints, int generatorSteps, double realLabel,
                             int checkpointEvery, double clipGradNorm, int divergenceRetries, String loss,
                             boolean ganInt) {

    public TrainingConfig {
        positive("epochs", epochs);
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must not be negative: " + maxSteps);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be at least 2: " + batchSize);
        }
        rate("learningRateG", learningRateG);
        rate("learningRateD", learningRateD);
        rate("encoderLearningRate", encoderLearningRate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1): " + beta1 + ", " + beta2);
        }
        if (encoderSteps < 0) {
            throw new IllegalArgumentException("encoderSteps must not be negative: " + encoderSteps);
        }
        positive("samplesPerPrompt", samplesPerPrompt);
        positive("keepCheckpoints", keepCheckpoints);
        positive("generatorSteps", generatorSteps);
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must not be negative: " + checkpointEvery);
        }
        if (!(clipGradNorm >= 0 && clipGradNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("clipGradNorm must be 0 (off) or positive: " + clipGradNorm);
        }
        if (divergenceRetries < 0) {
            throw new IllegalArgumentException("divergenceRetries must not be negative: " + divergenceRetries);
        }
        if (!(realLabel > 0.5 && realLabel <= 1)) {
            throw new IllegalArgumentException("realLabel must be in (0.5, 1]: " + realLabel);
        }
        if (loss == null) {
            loss = LossProviders.DEFAULT;
        }
        if (loss.isBlank()) {
            throw new IllegalArgumentException("loss must be named");
        }
    }

    /**
     * The defaults of {@code gan train}, sized so that it trains on the built-in shapes in about 20 minutes on two CPU
     * cores: 9 epochs of batches of 64, Adam with β1 0.5 at 2e-4 for the generator and 4e-4 for the discriminator
     * (two time-scale updates, Heusel et al. 2017, which drew better than equal rates here), 300 encoder
     * pre-training steps, no gradient clipping, two retries after a divergence, the non-saturating loss, no GAN-INT.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(9, 0, 64, 42, 2e-4, 4e-4, 0.5, 0.999, 300, 1e-3, "conv", 8, 3, 1, 1.0, 0, 0, 2,
                LossProviders.DEFAULT, false);
    }

    public TrainingConfig withBatchSize(int size) {
        return new TrainingConfig(epochs, maxSteps, size, seed, learningRateG, learningRateD, beta1, beta2, encoderSteps,
                encoderLearningRate, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps, realLabel, checkpointEvery,
                clipGradNorm, divergenceRetries, loss, ganInt);
    }

    /** The same run, trained to a different number of epochs and no step limit (to extend a run on resume). */
    public TrainingConfig withEpochs(int count) {
        return new TrainingConfig(count, 0, batchSize, seed, learningRateG, learningRateD, beta1, beta2,
                encoderSteps, encoderLearningRate, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps,
                realLabel, checkpointEvery, clipGradNorm, divergenceRetries, loss, ganInt);
    }

    /** Stops after {@code steps} GAN steps, however many epochs that takes. */
    public TrainingConfig withMaxSteps(int steps) {
        return new TrainingConfig(Integer.MAX_VALUE, steps, batchSize, seed, learningRateG, learningRateD, beta1, beta2,
                encoderSteps, encoderLearningRate, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps,
                realLabel, checkpointEvery, clipGradNorm, divergenceRetries, loss, ganInt);
    }

    /** The same run at other learning rates (after a divergence). */
    public TrainingConfig withLearningRates(double generator, double discriminator, double encoder) {
        return new TrainingConfig(epochs, maxSteps, batchSize, seed, generator, discriminator, beta1, beta2,
                encoderSteps, encoder, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps,
                realLabel, checkpointEvery, clipGradNorm, divergenceRetries, loss, ganInt);
    }

    /** The same training with GAN-INT on or off. */
    public TrainingConfig withGanInt(boolean on) {
        return new TrainingConfig(epochs, maxSteps, batchSize, seed, learningRateG, learningRateD, beta1, beta2,
                encoderSteps, encoderLearningRate, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps,
                realLabel, checkpointEvery, clipGradNorm, divergenceRetries, loss, on);
    }

    /** The same training with another registered loss. */
    public TrainingConfig withLoss(String name) {
        return new TrainingConfig(epochs, maxSteps, batchSize, seed, learningRateG, learningRateD, beta1, beta2,
                encoderSteps, encoderLearningRate, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps,
                realLabel, checkpointEvery, clipGradNorm, divergenceRetries, name, ganInt);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void rate(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
