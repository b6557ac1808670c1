package io.textgan.models.text;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.nn.Embedding;
import io.textgan.core.nn.Gru;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Lstm;
import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Word embedding + a recurrent layer (LSTM or GRU); the sentence vector is the mean of the hidden states over the
 * caption's words, or the hidden state after its last word. Padding never reaches the vector.
 */
public final class RecurrentTextEncoder implements TextEncoder {
    /** The recurrent layer. */
    public enum Cell { LSTM, GRU }

    private final ModelConfig config;
    private final Embedding embedding;
    private final Layer recurrent;
    private INDArray poolingWeights;

    public RecurrentTextEncoder(ModelConfig config, Cell cell, Random rng) {
        this.config = config;
        int e = config.embeddingSize();
        int h = config.textSize();
        this.embedding = new Embedding("text.embedding", config.vocabularySize(), e,
                Init.normal(rng, 0.1, config.vocabularySize(), e));
        int gates = cell == Cell.LSTM ? 4 : 3;
        INDArray inputWeight = Init.glorot(rng, e, (long) gates * h, e, (long) gates * h);
        INDArray recurrentWeight = Init.glorot(rng, h, (long) gates * h, h, (long) gates * h);
        this.recurrent = cell == Cell.LSTM
                ? new Lstm("text.lstm", e, h, inputWeight, recurrentWeight)
                : new Gru("text.gru", e, h, inputWeight, recurrentWeight);
    }

    @Override
    public INDArray encode(TokenBatch tokens, boolean training) {
        INDArray states = recurrent.forward(embedding.forward(tokens.ids(), training), training);
        poolingWeights = poolingWeights(tokens);
        return states.mul(poolingWeights).sum(0);
    }

    /** [T, N, 1]: which steps make up each sentence vector and with what weight. */
    private INDArray poolingWeights(TokenBatch tokens) {
        INDArray w = Nd4j.zeros(DataType.FLOAT, tokens.steps(), tokens.size(), 1);
        for (int n = 0; n < tokens.size(); n++) {
            int length = Math.max(1, tokens.lengths()[n]);
            if ("last".equals(config.pooling())) {
                w.putScalar(length - 1, n, 0, 1f);
            } else {
                for (int t = 0; t < length; t++) {
                    w.putScalar(t, n, 0, 1f / length);
                }
            }
        }
        return w;
    }

    @Override
    public void backward(INDArray gradVectors) {
        long steps = poolingWeights.size(0);
        INDArray gradStates = Nd4j.zeros(DataType.FLOAT, steps, gradVectors.size(0), gradVectors.size(1))
                .addi(gradVectors.reshape(1, gradVectors.size(0), gradVectors.size(1)))
                .muli(poolingWeights);
        embedding.backward(recurrent.backward(gradStates));
    }

    @Override
    public int outputSize() {
        return config.textSize();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(embedding.parameters());
        all.addAll(recurrent.parameters());
        return all;
    }

    /** Counted for a caption of {@code maxTokens} words, an upper bound. */
    @Override
    public long multiplyAdds() {
        return recurrent.multiplyAdds(new long[]{config.maxTokens(), config.embeddingSize()});
    }

    @Override
    public List<String> summary() {
        long t = config.maxTokens();
        List<String> lines = new ArrayList<>(LayerSummary.lines("text", embedding, new long[]{t}));
        lines.addAll(LayerSummary.lines("text", recurrent, new long[]{t, config.embeddingSize()}));
        lines.add(LayerSummary.line("text", config.pooling() + " pooling", "[" + config.textSize() + "]", 0));
        return lines;
    }
}
