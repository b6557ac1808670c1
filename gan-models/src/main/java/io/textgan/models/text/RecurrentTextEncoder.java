package io.textgan.models.text;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.export.OnnxExportableTextEncoder;
import io.textgan.core.export.OnnxGraph;
import io.textgan.core.export.OnnxLayers;
import io.textgan.core.nn.Embedding;
import io.textgan.core.nn.Gru;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Lstm;
import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Word embedding + a recurrent layer (LSTM or GRU); the sentence vector is the mean of the hidden states over the
 * caption's words, or the hidden state after its last word. Padding never reaches the vector.
 */
public final class RecurrentTextEncoder implements TextEncoder, OnnxExportableTextEncoder {
    /** The recurrent layer. */
    public enum Cell { LSTM, GRU }

    private final ModelConfig config;
    private final Embedding embedding;
    private final Layer recurrent;
    private Pooling pooling;

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
        pooling = new Pooling(tokens, config.pooling());
        return pooling.pool(states);
    }

    /** Tokens made time-major, the embedding's Gather, the recurrent layer (an LSTM exports; a GRU is refused), pooling. */
    @Override
    public String exportOnnx(OnnxGraph graph, String tokens, String lengths) {
        if (!(recurrent instanceof Lstm)) {
            throw new IllegalArgumentException("the layer " + recurrent.describe() + " has no ONNX export (lstm exports)");
        }
        String timeMajor = graph.node("Transpose", "tokens_time_major", java.util.List.of(tokens),
                new OnnxGraph.IntsAttribute("perm", new long[]{1, 0}));
        String states = OnnxLayers.add(graph, recurrent, OnnxLayers.add(graph, embedding, timeMajor));
        return Pooling.exportOnnx(graph, states, timeMajor, lengths, config.pooling());
    }

    @Override
    public void backward(INDArray gradVectors) {
        embedding.backward(recurrent.backward(pooling.backward(gradVectors)));
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
