package io.textgan.models.text;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.nn.Embedding;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Lstm;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.SequenceReversal;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Token embedding + a bidirectional LSTM (Schuster and Paliwal 1997, as Keras' {@code Bidirectional(LSTM(h))}): one
 * LSTM reads each caption left to right, the other right to left from its last real token (padding is never read),
 * each with textSize / 2 units; the sentence vector is [forward | backward]. Each half is pooled over the caption's
 * tokens in its own direction's order: the mean of its states ("mean"), or its state at the end of its reading
 * ("last": after the last token for the forward LSTM, after the first token for the backward one).
 */
public final class BidirectionalTextEncoder implements TextEncoder {
    private final ModelConfig config;
    private final int half;
    private final Embedding embedding;
    private final Lstm forward;
    private final Lstm backward;
    private SequenceReversal reversal;
    private Pooling pooling;

    /** @throws IllegalArgumentException when the config's text size is odd */
    public BidirectionalTextEncoder(ModelConfig config, Random rng) {
        if (config.textSize() % 2 != 0) {
            throw new IllegalArgumentException("the bilstm text encoder needs an even text size (half for each direction): "
                    + config.textSize());
        }
        this.config = config;
        this.half = config.textSize() / 2;
        int e = config.embeddingSize();
        this.embedding = new Embedding("text.embedding", config.vocabularySize(), e,
                Init.normal(rng, 0.1, config.vocabularySize(), e));
        this.forward = lstm("text.lstm.forward", e, rng);
        this.backward = lstm("text.lstm.backward", e, rng);
    }

    private Lstm lstm(String name, int in, Random rng) {
        long gates = 4L * half;
        return new Lstm(name, in, half, Init.glorot(rng, in, gates, in, gates), Init.glorot(rng, half, gates, half, gates));
    }

    @Override
    public INDArray encode(TokenBatch tokens, boolean training) {
        INDArray embedded = embedding.forward(tokens.ids(), training);
        reversal = new SequenceReversal(tokens.steps(), tokens.lengths());
        pooling = new Pooling(tokens, config.pooling());
        INDArray left = pooling.pool(forward.forward(embedded, training));
        INDArray right = pooling.pool(backward.forward(reversal.apply(embedded), training));
        return Nd4j.concat(1, left, right);
    }

    @Override
    public void backward(INDArray gradVectors) {
        INDArray gradLeft = gradVectors.get(NDArrayIndex.all(), NDArrayIndex.interval(0, half)).dup();
        INDArray gradRight = gradVectors.get(NDArrayIndex.all(), NDArrayIndex.interval(half, 2L * half)).dup();
        INDArray gradEmbedded = forward.backward(pooling.backward(gradLeft))
                .addi(reversal.apply(backward.backward(pooling.backward(gradRight))));
        embedding.backward(gradEmbedded);
    }

    @Override
    public int outputSize() {
        return config.textSize();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(embedding.parameters());
        all.addAll(forward.parameters());
        all.addAll(backward.parameters());
        return all;
    }

    /** Counted for a caption of {@code maxTokens} tokens, an upper bound. */
    @Override
    public long multiplyAdds() {
        return 2 * forward.multiplyAdds(new long[]{config.maxTokens(), config.embeddingSize()});
    }

    @Override
    public List<String> summary() {
        long t = config.maxTokens();
        long[] embedded = {t, config.embeddingSize()};
        List<String> lines = new ArrayList<>(LayerSummary.lines("text", embedding, new long[]{t}));
        for (Lstm direction : List.of(forward, backward)) {
            lines.add(LayerSummary.line("text", (direction == forward ? "forward " : "backward ") + direction.describe(),
                    Arrays.toString(direction.outputShape(embedded)), LayerSummary.trainableCount(direction.parameters())));
        }
        lines.add(LayerSummary.line("text", config.pooling() + " pooling, both directions", "[" + config.textSize() + "]", 0));
        return lines;
    }
}
