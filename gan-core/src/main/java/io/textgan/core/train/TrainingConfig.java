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
 * @param emaDecay           decay of an exponential moving average of the generator's weights, which then draws the
 *                           samples and is what a checkpoint generates with (0: no average); see {@link GeneratorAverage}
 * @param matchingWeight     weight of the generator's image–caption matching term through the pre-trained image
 *                           encoder (0: none; needs encoder pre-training); see {@link ImageTextMatching}
 * @param modeSeekingWeight  weight of the generator's mode-seeking term (0: none); see {@link ModeSeeking}
 * @param contrastiveWeight  weight of the contrastive terms through the discriminator's embeddings, the
 *                           discriminator's and the generator's (0: none; needs a projection discriminator); see
 *                           {@link DiscriminatorContrast}
 * @param oneWordNegatives   share of the discriminator's wrong captions replaced by a right caption with one word
 *                           changed (0: none); see {@link OneWordNegatives}
 * @param oneWordCandidates  one-word changes drawn for each such wrong caption, of which the discriminator is given the
 *                           one it scores highest (0 or 1: the one drawn; a configuration written before this option
 *                           reads 0)
 * @param pretrainedFeatures the discriminator also judges each image through the frozen pre-trained image encoder
 *                           (needs encoder pre-training); see {@link PretrainedFeatureDiscriminator}
 * @param pretrainedGrid     the judge of pretrainedFeatures reads the encoder's last feature grid instead of its vector
 *                           (without the judge, nothing; a configuration written before this option reads false)
 */
public record TrainingConfig(int epochs, int maxSteps, int batchSize, long seed, double learningRateG,
                             double learningRateD, double beta1, double beta2, int encoderSteps,
                             double encoderLearningRate, String imageEncoder, int samplesPerPrompt,
                             int keepCheckpoints, int generatorSteps, double realLabel,
                             int checkpointEvery, double clipGradNorm, int divergenceRetries, String loss,
                             boolean ganInt, double emaDecay, double matchingWeight, double modeSeekingWeight,
                             double contrastiveWeight, double oneWordNegatives, int oneWordCandidates,
                             boolean pretrainedFeatures, boolean pretrainedGrid) {

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
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("emaDecay must be in [0, 1) (0: off): " + emaDecay);
        }
        notNegative("matchingWeight", matchingWeight);
        notNegative("modeSeekingWeight", modeSeekingWeight);
        notNegative("contrastiveWeight", contrastiveWeight);
        if (!(oneWordNegatives >= 0 && oneWordNegatives <= 1)) {
            throw new IllegalArgumentException("oneWordNegatives must be in [0, 1]: " + oneWordNegatives);
        }
        if (oneWordCandidates < 0) {
            throw new IllegalArgumentException("oneWordCandidates must not be negative: " + oneWordCandidates);
        }
        if (oneWordCandidates > 1 && oneWordNegatives == 0) {
            throw new IllegalArgumentException("oneWordCandidates needs one-word wrong captions (oneWordNegatives > 0)");
        }
        if (matchingWeight > 0 && encoderSteps == 0) {
            throw new IllegalArgumentException("matchingWeight needs the encoders' pre-training (encoderSteps > 0)");
        }
        if (pretrainedFeatures && encoderSteps == 0) {
            throw new IllegalArgumentException("pretrainedFeatures needs the encoders' pre-training (encoderSteps > 0)");
        }
    }

    /**
     * The defaults of {@code gan train}, sized so that it trains on the built-in shapes in about 20 minutes on two CPU
     * cores: 13 epochs of batches of 64 (9 until the fourth quality session, whose faster step fits 13 in the same
     * time; shape keeps improving with steps), Adam with β1 0.5 at 1e-3 for the generator and 4e-4 for the discriminator
     * (the generator's rate was 2e-4 until the third quality session: 1e-3 learned every attribute faster), 600 encoder
     * pre-training steps (after 300 the image encoder told the shape of a held-out image 82% of the time, after 600
     * 98%, and the matching term and the discriminator's judge through it rely on it), no gradient clipping, two
     * retries after a divergence, the non-saturating loss, no GAN-INT, the image–caption matching term at weight 2,
     * mode seeking at weight 1, the discriminator's judge through the frozen pre-trained image encoder reading its
     * last feature grid, and samples and checkpoints drawn with an average of the generator's weights (decay 0.999)
     * (docs/QUALITY.md).
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(13, 0, 64, 42, 1e-3, 4e-4, 0.5, 0.999, 600, 1e-3, "conv", 8, 3, 1, 1.0, 0, 0, 2,
                LossProviders.DEFAULT, false, 0.999, 2, 1, 0, 0, 1, true, true);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same run, trained to a different number of epochs and no step limit (to extend a run on resume). */
    public TrainingConfig withEpochs(int count) {
        return toBuilder().epochs(count).maxSteps(0).build();
    }

    /** Stops after {@code steps} GAN steps, however many epochs that takes. */
    public TrainingConfig withMaxSteps(int steps) {
        return toBuilder().epochs(Integer.MAX_VALUE).maxSteps(steps).build();
    }

    /** The same run at other learning rates (after a divergence). */
    public TrainingConfig withLearningRates(double generator, double discriminator, double encoder) {
        return toBuilder().learningRateG(generator).learningRateD(discriminator).encoderLearningRate(encoder).build();
    }

    /** Sets the fields of a {@link TrainingConfig} by name; {@link #build()} checks them all. */
    public static final class Builder {
        private int epochs;
        private int maxSteps;
        private int batchSize;
        private long seed;
        private double learningRateG;
        private double learningRateD;
        private double beta1;
        private double beta2;
        private int encoderSteps;
        private double encoderLearningRate;
        private String imageEncoder;
        private int samplesPerPrompt;
        private int keepCheckpoints;
        private int generatorSteps;
        private double realLabel;
        private int checkpointEvery;
        private double clipGradNorm;
        private int divergenceRetries;
        private String loss;
        private boolean ganInt;
        private double emaDecay;
        private double matchingWeight;
        private double modeSeekingWeight;
        private double contrastiveWeight;
        private double oneWordNegatives;
        private int oneWordCandidates;
        private boolean pretrainedFeatures;
        private boolean pretrainedGrid;

        private Builder(TrainingConfig c) {
            epochs = c.epochs;
            maxSteps = c.maxSteps;
            batchSize = c.batchSize;
            seed = c.seed;
            learningRateG = c.learningRateG;
            learningRateD = c.learningRateD;
            beta1 = c.beta1;
            beta2 = c.beta2;
            encoderSteps = c.encoderSteps;
            encoderLearningRate = c.encoderLearningRate;
            imageEncoder = c.imageEncoder;
            samplesPerPrompt = c.samplesPerPrompt;
            keepCheckpoints = c.keepCheckpoints;
            generatorSteps = c.generatorSteps;
            realLabel = c.realLabel;
            checkpointEvery = c.checkpointEvery;
            clipGradNorm = c.clipGradNorm;
            divergenceRetries = c.divergenceRetries;
            loss = c.loss;
            ganInt = c.ganInt;
            emaDecay = c.emaDecay;
            matchingWeight = c.matchingWeight;
            modeSeekingWeight = c.modeSeekingWeight;
            contrastiveWeight = c.contrastiveWeight;
            oneWordNegatives = c.oneWordNegatives;
            oneWordCandidates = c.oneWordCandidates;
            pretrainedFeatures = c.pretrainedFeatures;
            pretrainedGrid = c.pretrainedGrid;
        }

        public Builder epochs(int v) { epochs = v; return this; }

        public Builder maxSteps(int v) { maxSteps = v; return this; }

        public Builder batchSize(int v) { batchSize = v; return this; }

        public Builder seed(long v) { seed = v; return this; }

        public Builder learningRateG(double v) { learningRateG = v; return this; }

        public Builder learningRateD(double v) { learningRateD = v; return this; }

        public Builder beta1(double v) { beta1 = v; return this; }

        public Builder beta2(double v) { beta2 = v; return this; }

        public Builder encoderSteps(int v) { encoderSteps = v; return this; }

        public Builder encoderLearningRate(double v) { encoderLearningRate = v; return this; }

        public Builder imageEncoder(String v) { imageEncoder = v; return this; }

        public Builder samplesPerPrompt(int v) { samplesPerPrompt = v; return this; }

        public Builder keepCheckpoints(int v) { keepCheckpoints = v; return this; }

        public Builder generatorSteps(int v) { generatorSteps = v; return this; }

        public Builder realLabel(double v) { realLabel = v; return this; }

        public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }

        public Builder clipGradNorm(double v) { clipGradNorm = v; return this; }

        public Builder divergenceRetries(int v) { divergenceRetries = v; return this; }

        public Builder loss(String v) { loss = v; return this; }

        public Builder ganInt(boolean v) { ganInt = v; return this; }

        public Builder emaDecay(double v) { emaDecay = v; return this; }

        public Builder matchingWeight(double v) { matchingWeight = v; return this; }

        public Builder modeSeekingWeight(double v) { modeSeekingWeight = v; return this; }

        public Builder contrastiveWeight(double v) { contrastiveWeight = v; return this; }

        public Builder oneWordNegatives(double v) { oneWordNegatives = v; return this; }

        public Builder oneWordCandidates(int v) { oneWordCandidates = v; return this; }

        public Builder pretrainedFeatures(boolean v) { pretrainedFeatures = v; return this; }

        public Builder pretrainedGrid(boolean v) { pretrainedGrid = v; return this; }

        /** @throws IllegalArgumentException naming the first field out of range */
        public TrainingConfig build() {
            return new TrainingConfig(epochs, maxSteps, batchSize, seed, learningRateG, learningRateD, beta1, beta2,
                    encoderSteps, encoderLearningRate, imageEncoder, samplesPerPrompt, keepCheckpoints, generatorSteps,
                    realLabel, checkpointEvery, clipGradNorm, divergenceRetries, loss, ganInt, emaDecay, matchingWeight,
                    modeSeekingWeight, contrastiveWeight, oneWordNegatives, oneWordCandidates, pretrainedFeatures,
                    pretrainedGrid);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void notNegative(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be 0 (off) or positive: " + value);
        }
    }

    private static void rate(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
