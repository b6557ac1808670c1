package io.textgan.core.train;

import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.Batch;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.AdamOptimizer;
import io.textgan.core.nn.StepWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Teaches the text encoder what captions mean before the GAN uses it: an image encoder and the text encoder are
 * trained together with a {@link ContrastiveLoss} so that an image's vector is closest to its own caption's.
 */
public final class TextEncoderPretrainer {
    /** The name of this training phase in gradient logs and divergence messages. */
    public static final String PHASE = "pretrain";
    private static final double SIMILARITY_SCALE = 10;

    private final TextEncoder textEncoder;
    private final ImageEncoder imageEncoder;
    private final Vocabulary vocabulary;
    private final int maxTokens;
    private final ContrastiveLoss loss = new ContrastiveLoss(SIMILARITY_SCALE);

    public TextEncoderPretrainer(TextEncoder textEncoder, ImageEncoder imageEncoder, Vocabulary vocabulary, int maxTokens) {
        this.textEncoder = textEncoder;
        this.imageEncoder = imageEncoder;
        this.vocabulary = vocabulary;
        this.maxTokens = maxTokens;
    }

    /**
     * Runs {@code steps} steps over {@code sampler}'s epochs, reporting each step to the listeners.
     *
     * @throws TrainingDivergedException if the loss or a gradient stops being finite (that update is not applied)
     */
    public void train(BatchSampler sampler, int steps, double learningRate, double beta1, List<TrainingListener> listeners,
                      GradientHealth gradientHealth) {
        AdamOptimizer textOptimizer = new AdamOptimizer(textEncoder.parameters(), learningRate, beta1, 0.999);
        AdamOptimizer imageOptimizer = new AdamOptimizer(imageEncoder.parameters(), learningRate, beta1, 0.999);
        int step = 0;
        for (int epoch = 1; step < steps; epoch++) {
            for (Batch batch : sampler.epoch(-epoch, 0)) {
                ContrastiveLoss.Result r;
                try (batch; MemoryWorkspace ignored = StepWorkspace.open("encoder-step")) {
                    r = loss.compute(imageEncoder.encode(batch.images(), true),
                            textEncoder.encode(vocabulary.encode(batch.captions(), maxTokens), true));
                    if (!Double.isFinite(r.loss())) {
                        throw new TrainingDivergedException(PHASE + " step " + (step + 1) + ": the matching loss is " + r.loss());
                    }
                    imageEncoder.backward(r.imageGradient());
                    textEncoder.backward(r.textGradient());
                    gradientHealth.update(PHASE, step + 1, "image-encoder", imageEncoder.parameters(), imageOptimizer);
                    gradientHealth.update(PHASE, step + 1, "text-encoder", textEncoder.parameters(), textOptimizer);
                }
                step++;
                for (TrainingListener l : listeners) {
                    l.onEncoderStep(step, steps, r.loss(), r.accuracy());
                }
                if (step >= steps) {
                    break;
                }
            }
        }
    }

    /**
     * Image → caption top-1 accuracy among groups of {@code groupSize} held-out pairs: how often an image's most
     * similar caption is its own.
     */
    public double retrievalAccuracy(CaptionedImageSource heldOut, int imageSize, int groupSize, long seed) {
        try (BatchSampler sampler = new BatchSampler(heldOut, Math.min(groupSize, heldOut.size()), imageSize, seed)) {
            double sum = 0;
            int groups = 0;
            for (Batch batch : sampler.epoch(0, 0)) {
                try (batch) {
                    INDArray images = imageEncoder.encode(batch.images(), false);
                    INDArray text = textEncoder.encode(vocabulary.encode(batch.captions(), maxTokens), false);
                    sum += loss.compute(images, text).accuracy();
                    groups++;
                }
            }
            return sum / groups;
        }
    }
}
