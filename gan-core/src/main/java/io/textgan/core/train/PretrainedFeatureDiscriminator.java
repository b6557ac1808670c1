package io.textgan.core.train;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextsPerImage;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A discriminator that also judges each image through the frozen pre-trained image encoder, as Projected GANs (Sauer et
 * al. 2021, <a href="https://arxiv.org/abs/2111.01007">arXiv:2111.01007</a>) judge through a frozen pre-trained network:
 * the encoder already tells shapes, colours and places apart (it was trained to match images with their captions), so
 * a small trained head on its vector sees from the first step what a discriminator trained from pixels learns last.
 * The logit is the wrapped discriminator's plus the head's projection-discriminator logit (Miyato and Koyama 2018) on
 * the encoder's vector e(x) and the text t: {@code w·h + <V t, h>} with {@code h = LeakyReLU(W e(x) + b)}. The encoder
 * is never updated; the generator learns through it (its input gradient).
 */
public final class PretrainedFeatureDiscriminator implements Discriminator {
    private final Discriminator pixels;
    private final ImageEncoder encoder;
    private final int encoderSize;
    private final Dense hidden;
    private final Activation activation = Activation.leakyRelu(0.2);
    private final Dense out;
    private final Dense textProjection;
    private INDArray features;
    private INDArray projectedText;
    private int textsPerImage = 1;

    /**
     * @param pixels      the discriminator on the images themselves (its parameters come first in {@link #parameters()})
     * @param encoder     the pre-trained image encoder, frozen
     * @param encoderSize length of the encoder's vectors
     * @param textSize    length of the text vectors
     */
    public PretrainedFeatureDiscriminator(Discriminator pixels, ImageEncoder encoder, int encoderSize, int textSize, Random rng) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.encoderSize = encoderSize;
        int width = 2 * textSize;
        this.hidden = new Dense("f.hidden", encoderSize, width, true, Init.glorot(rng, encoderSize, width, encoderSize, width));
        this.out = new Dense("f.out", width, 1, true, Init.glorot(rng, width, 1, width, 1));
        this.textProjection = new Dense("f.text", textSize, width, false, Init.glorot(rng, textSize, width, textSize, width));
    }

    /**
     * The judge as training sets it up: on the encoder's vector, or with {@code grid} on its last grid of features
     * ({@link ImageEncoder#features()}).
     */
    public static PretrainedFeatureDiscriminator around(Discriminator pixels, ImageEncoder encoder, ModelConfig config, boolean grid,
                                                        Random rng) {
        ImageEncoder judged = grid ? encoder.features() : encoder;
        int side = config.imageSize();
        long size = judged.encode(Nd4j.zeros(DataType.FLOAT, 1, 3, side, side), false).size(1); // read off a blank image
        return new PretrainedFeatureDiscriminator(pixels, judged, Math.toIntExact(size), config.textSize(), rng);
    }

    @Override
    public INDArray score(INDArray images, INDArray text, boolean training) {
        textsPerImage = TextsPerImage.count(images, text);
        INDArray logits = pixels.score(images, text, training);
        INDArray vectors = encoder.encode(images, false);
        features = activation.forward(hidden.forward(textsPerImage == 1 ? vectors : Nd4j.tile(vectors, textsPerImage, 1), training), training);
        projectedText = textProjection.forward(text, training);
        return logits.addi(out.forward(features, training)).addi(features.mul(projectedText).sum(true, 1));
    }

    @Override
    public INDArray backward(INDArray gradLogits) {
        return judgeBackward(gradLogits, true, true).addi(pixels.backward(gradLogits));
    }

    @Override
    public INDArray backward(INDArray gradLogits, Embeddings gradEmbeddings) {
        return judgeBackward(gradLogits, true, true).addi(pixels.backward(gradLogits, gradEmbeddings));
    }

    @Override
    public INDArray backwardInput(INDArray gradLogits, Embeddings gradEmbeddings) {
        return judgeBackward(gradLogits, false, true).addi(pixels.backwardInput(gradLogits, gradEmbeddings));
    }

    /** Without dLoss/dImages the frozen encoder is not backpropagated at all. */
    @Override
    public void backwardParameters(INDArray gradLogits, Embeddings gradEmbeddings) {
        judgeBackward(gradLogits, true, false);
        pixels.backwardParameters(gradLogits, gradEmbeddings);
    }

    /** The pixel discriminator's embeddings: the judge adds none. */
    @Override
    public Embeddings embeddings() {
        return pixels.embeddings();
    }

    /**
     * The judge's part of a backward pass: its head's parameter gradients if {@code parameters}, and if {@code images}
     * dLoss/dImages through the frozen encoder (else null).
     */
    private INDArray judgeBackward(INDArray gradLogits, boolean parameters, boolean images) {
        if (parameters) {
            textProjection.backward(features.mulColumnVector(gradLogits));
        }
        INDArray gradFeatures = (parameters ? out.backward(gradLogits) : out.backwardInput(gradLogits))
                .addi(projectedText.mulColumnVector(gradLogits));
        INDArray gradHidden = activation.backward(gradFeatures);
        if (!images) {
            hidden.backward(gradHidden);
            return null;
        }
        INDArray gradVectors = parameters ? hidden.backward(gradHidden) : hidden.backwardInput(gradHidden);
        if (textsPerImage > 1) {
            gradVectors = gradVectors.reshape(textsPerImage, gradVectors.rows() / textsPerImage, gradVectors.columns()).sum(0);
        }
        return encoder.backwardInput(gradVectors);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(pixels.parameters());
        all.addAll(hidden.parameters());
        all.addAll(out.parameters());
        all.addAll(textProjection.parameters());
        return all;
    }

    /** The pixel discriminator's (a DL4J network's configuration, for one). */
    @Override
    public Map<String, String> metadata() {
        return pixels.metadata();
    }

    @Override
    public long multiplyAdds() {
        long text = textProjection.multiplyAdds(new long[]{textProjection.weight().value().rows()});
        return pixels.multiplyAdds() + encoder.multiplyAdds() + judge().multiplyAdds(new long[]{encoderSize}) + text;
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>(pixels.summary());
        lines.add(LayerSummary.line("frozen", "pre-trained image encoder, frozen", "[" + encoderSize + "]", 0));
        lines.addAll(LayerSummary.lines("judge", judge(), new long[]{encoderSize}));
        lines.addAll(LayerSummary.lines("judge text", textProjection, new long[]{textProjection.weight().value().rows()}));
        return lines;
    }

    private Sequential judge() {
        return new Sequential(List.of(hidden, activation, out));
    }
}
