package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.GanLoss;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.LossGradient;
import io.textgan.core.data.Batch;
import io.textgan.core.data.CaptionedImageSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The gradients of one GAN-CLS step (see {@link GanTrainer}) on a batch, or on one shard of a batch: the discriminator's,
 * left in its parameters' gradients, and then, once the caller has updated the discriminator, the generator's through it.
 * Nothing here updates a weight, so the same code serves a local step and a data-parallel worker. The loss terms are
 * means over the rows given, so equal shards' gradients average to the whole batch's; the terms that compare rows with
 * each other (the matching term's batch softmax, mode-seeking pairs, the contrastive terms) compare a shard's rows only.
 */
public final class GanGradients {
    /** Most captions whose vectors are kept (128 MB at 128 floats each; the built-in data has 25,581, CUB 117,880). */
    private static final int CAPTION_VECTORS = 1 << 18;

    private final TextToImageModel model;
    private final Discriminator discriminator;
    private final GanLoss loss;
    private final TrainingConfig config;
    private final ImageTextMatching matching;
    private final ModeSeeking modeSeeking;
    private final DiscriminatorContrast contrast;
    private final OneWordNegatives oneWordNegatives;
    private final ImageEncoder imageEncoder;
    private CaptionVectors captionVectors;

    /**
     * @param discriminator the discriminator; with pretrainedFeatures, wrapped in a {@link PretrainedFeatureDiscriminator}
     *                      (what {@link #discriminator()} returns)
     * @param imageEncoder  the frozen pre-trained image encoder of the {@link ImageTextMatching} term and the
     *                      {@link PretrainedFeatureDiscriminator}; required when the config's matchingWeight is positive
     *                      or pretrainedFeatures set, ignored otherwise
     */
    public GanGradients(TextToImageModel model, Discriminator discriminator, ImageEncoder imageEncoder, GanLoss loss,
                        TrainingConfig config) {
        if ((config.matchingWeight() > 0 || config.pretrainedFeatures()) && imageEncoder == null) {
            throw new IllegalArgumentException((config.pretrainedFeatures() ? "the pre-trained features' judge" : "the matching term (weight "
                    + config.matchingWeight() + ")") + " needs the pre-trained image encoder");
        }
        this.model = model;
        this.captionVectors = new CaptionVectors(model);
        this.imageEncoder = config.matchingWeight() > 0 || config.pretrainedFeatures() ? imageEncoder : null;
        this.discriminator = config.pretrainedFeatures()
                ? PretrainedFeatureDiscriminator.around(discriminator, imageEncoder, model.config(), config.pretrainedGrid(),
                        new Random(config.seed() * 3_571L + 17))
                : discriminator;
        this.loss = loss;
        this.config = config;
        this.matching = config.matchingWeight() > 0 ? new ImageTextMatching(imageEncoder, config.matchingWeight()) : null;
        this.modeSeeking = config.modeSeekingWeight() > 0 ? new ModeSeeking(config.modeSeekingWeight()) : null;
        if (config.contrastiveWeight() > 0 && this.discriminator.embeddings() == null) {
            throw new IllegalArgumentException("the contrastive term (weight " + config.contrastiveWeight() + ") needs a discriminator "
                    + "with image and text embeddings, such as gan-cls-projection");
        }
        this.contrast = config.contrastiveWeight() > 0 ? new DiscriminatorContrast(config.contrastiveWeight()) : null;
        this.oneWordNegatives = config.oneWordNegatives() > 0 ? new OneWordNegatives(config.oneWordNegatives(), Math.max(1, config.oneWordCandidates())) : null;
    }

    /**
     * Which rows of the step's whole batch a batch holds: the noise of row r is row r of the whole batch's noise, so
     * shards of a batch draw what the whole batch would.
     *
     * @param index  the shard's number (0 for a whole batch); it varies the one-word negatives' random draws
     * @param offset the shard's first row in the whole batch
     * @param total  rows of the whole batch
     */
    public record Shard(int index, int offset, int total) {
        public Shard {
            if (index < 0 || offset < 0 || total <= 0) {
                throw new IllegalArgumentException("bad shard: " + index + ", " + offset + ", " + total);
            }
        }

        /** The whole batch of n rows. */
        public static Shard whole(int n) {
            return new Shard(0, 0, n);
        }
    }

    /** What a step's gradients share: the batch, its text vectors and noise, and the images generated from them. */
    public final class Inputs {
        private final Batch batch;
        private final int step;
        private final Shard shard;
        private final INDArray text;
        private INDArray wrongText;
        private final INDArray fakeText;
        private final INDArray noise;
        private INDArray fake;

        private Inputs(Batch batch, int step, Shard shard) {
            int n = batch.size();
            if (shard.offset() + n > shard.total()) {
                throw new IllegalArgumentException("a shard of " + n + " rows at " + shard.offset() + " exceeds the batch of " + shard.total());
            }
            this.batch = batch;
            this.step = step;
            this.shard = shard;
            this.text = captionVectors.encode(batch.captions());
            this.fakeText = modeSeeking == null ? text : text.getRows(ModeSeeking.pairedRows(n));
            INDArray all = model.noise(shard.total(), new Random(config.seed() * 7_919L + step));
            this.noise = n == shard.total() ? all : all.get(NDArrayIndex.interval(shard.offset(), shard.offset() + n), NDArrayIndex.all()).dup();
        }

        /** The generated images of the step's first generator pass (computed once, on first use). */
        private INDArray fake() {
            if (fake == null) {
                fake = model.generator().generate(noise, fakeText, true);
            }
            return fake;
        }

        /**
         * The wrong captions' vectors (computed once, on first use: a generator's job of a data-parallel step needs them
         * only with GAN-INT). The hardest one-word changes are picked by the discriminator as it is at that moment.
         */
        private INDArray wrongText() {
            if (wrongText == null) {
                INDArray wrong = captionVectors.encode(batch.mismatchedCaptions());
                if (oneWordNegatives != null) {
                    wrong = oneWordNegatives.mix(batch.captions(), text, wrong, model,
                            new Random(config.seed() * 6_101L + step + 1_000_003L * shard.index()),
                            candidates -> discriminator.score(batch.images(), candidates, false));
                }
                wrongText = wrong;
            }
            return wrongText;
        }

        public int size() {
            return batch.size();
        }
    }

    /**
     * Encodes the data's captions now, once, for every later step (the text encoder is frozen here), in an order that
     * makes each vector depend on the set of captions alone; with more than {@value #CAPTION_VECTORS} distinct captions,
     * each step's are encoded as it comes. Replaces the captions of an earlier call.
     *
     * @return the number of captions whose vectors are kept (0 beyond the limit)
     */
    public int encodeCaptions(CaptionedImageSource data) {
        Set<String> captions = new HashSet<>();
        for (int i = 0; i < data.size() && captions.size() <= CAPTION_VECTORS; i++) {
            captions.addAll(data.captions(i));
        }
        captionVectors = captions.size() <= CAPTION_VECTORS ? new CaptionVectors(model, captions) : new CaptionVectors(model);
        return captionVectors.size();
    }

    /** The shared inputs of step {@code step} (0-based: steps completed before it) on {@code batch}. */
    public Inputs inputs(Batch batch, int step, Shard shard) {
        return new Inputs(batch, step, shard);
    }

    /**
     * The discriminator's gradient on (real, right), (real, wrong) and (generated, right), replacing its parameters'
     * gradients; returns its loss.
     *
     * @throws TrainingDivergedException if the loss is not finite
     */
    public double discriminator(Inputs in, int step) {
        INDArray fake = in.fake();
        INDArray wrongText = in.wrongText();
        discriminator.zeroGradients();
        long n = in.size();
        INDArray realLogits = discriminator.score(in.batch.images(), Nd4j.concat(0, in.text, wrongText), true);
        LossGradient real = loss.discriminator(realLogits.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()), true);
        LossGradient mismatched = loss.discriminator(realLogits.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all()), false);
        INDArray gradRealLogits = Nd4j.concat(0, real.gradient(), mismatched.gradient().muli(0.5));
        DiscriminatorContrast.Result contrasted = contrast == null ? null : contrast.real(discriminator.embeddings(), n);
        discriminator.backwardParameters(gradRealLogits, contrasted == null ? null : contrasted.gradient());
        double contrastLoss = contrasted == null ? 0 : contrasted.loss();
        LossGradient generated = loss.discriminator(discriminator.score(fake, in.fakeText, true), false);
        discriminator.backwardParameters(generated.gradient().muli(0.5), null);
        double discriminatorLoss = real.loss() + 0.5 * (mismatched.loss() + generated.loss()) + contrastLoss;
        requireFinite(discriminatorLoss, step, "discriminator");
        return discriminatorLoss;
    }

    /**
     * The generator's gradient of its {@code k}-th update in the step (0-based), through the discriminator as it is now,
     * added to its parameters' gradients (which its optimiser clears); returns its loss. The first update uses the
     * images the discriminator's gradient was computed on, later ones generate again.
     *
     * @throws TrainingDivergedException if a loss is not finite
     */
    public double generator(Inputs in, int step, int k) {
        Generator generator = model.generator();
        INDArray current = k == 0 ? in.fake() : generator.generate(in.noise, in.fakeText, true);
        LossGradient fooled = loss.generator(discriminator.score(current, in.fakeText, true));
        DiscriminatorContrast.Result contrasted = contrast == null ? null : contrast.generated(discriminator.embeddings(), pairGroups());
        double fooledLoss = fooled.loss() + generator.regularizationLoss() + (contrasted == null ? 0 : contrasted.loss());
        INDArray gradImages = discriminator.backwardInput(fooled.gradient(), contrasted == null ? null : contrasted.gradient());
        if (matching != null) {
            LossGradient matched = matching.apply(current, in.fakeText, pairGroups());
            fooledLoss += matched.loss();
            gradImages.addi(matched.gradient());
        }
        if (modeSeeking != null) {
            LossGradient varied = modeSeeking.apply(current, in.noise);
            fooledLoss += varied.loss();
            gradImages.addi(varied.gradient());
        }
        requireFinite(fooledLoss, step, "generator");
        generator.backward(gradImages);
        if (config.ganInt()) {
            INDArray between = in.text.add(in.wrongText()).muli(0.5);
            LossGradient interpolated = loss.generator(discriminator.score(generator.generate(in.noise, between, true), between, true));
            requireFinite(interpolated.loss() + generator.regularizationLoss(), step, "generator (interpolated text)");
            generator.backward(discriminator.backwardInput(interpolated.gradient(), null));
        }
        return fooledLoss;
    }

    /** The generated half's captions repeat once across its two halves with mode seeking: score the halves apart. */
    private int pairGroups() {
        return modeSeeking == null ? 1 : 2;
    }

    private static void requireFinite(double value, int step, String network) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(GanTrainer.PHASE + " step " + (step + 1) + ": the " + network + " loss is " + value);
        }
    }

    public TextToImageModel model() {
        return model;
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    /** The frozen pre-trained image encoder (of the matching term and the pre-trained features' judge), or null without either. */
    public ImageEncoder imageEncoder() {
        return imageEncoder;
    }
}
