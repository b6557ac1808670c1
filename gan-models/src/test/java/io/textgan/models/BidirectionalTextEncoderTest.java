package io.textgan.models;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.GradientCheck;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.models.text.BidirectionalTextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code bilstm} text encoder: gradients, padding, what each direction reads, summary. */
class BidirectionalTextEncoderTest {
    private static final Vocabulary VOCABULARY = Vocabulary.build(List.of("a red circle", "a big blue square on white"), 1);
    private final Random rng = new Random(5);

    private static ModelConfig config(String pooling, int textSize) {
        return new ModelConfig("dcgan", "gan-cls", "bilstm", 8, 4, 3, 2, 2, VOCABULARY.size(), 4, textSize, pooling, 6);
    }

    private static INDArray half(INDArray vectors, int row, int which) {
        long h = vectors.size(1) / 2;
        return vectors.get(NDArrayIndex.point(row), NDArrayIndex.interval(which * h, (which + 1) * h));
    }

    @ParameterizedTest(name = "{0} pooling")
    @ValueSource(strings = {"mean", "last"})
    void gradientsWithCaptionsOfDifferentLengthsInOneBatch(String pooling) {
        TextEncoder encoder = new BidirectionalTextEncoder(config(pooling, 6), rng);
        TokenBatch tokens = VOCABULARY.encode(List.of("a red circle", "a big blue square on white", "red", ""), 6);
        assertArrayEquals(new int[]{3, 6, 1, 0}, tokens.lengths());
        INDArray vectors = encoder.encode(tokens, true);
        assertArrayEquals(new long[]{4, 6}, vectors.shape());
        INDArray r = Init.normal(rng, 1, 4, 6);
        encoder.zeroGradients();
        encoder.backward(r);
        List<GradientCheck.Target> targets = new ArrayList<>();
        for (Parameter p : encoder.parameters()) {
            targets.add(new GradientCheck.Target(p.name(), p.value(), p.gradient()));
        }
        var failures = GradientCheck.check(() -> encoder.encode(tokens, true).mul(r).sumNumber().doubleValue(),
                targets, 8, 1e-2, 5e-2, 2e-3, rng);
        assertTrue(failures.isEmpty(), pooling + ": " + failures);
        for (Parameter p : encoder.parameters()) {
            assertTrue(p.gradient().norm2Number().doubleValue() > 0, p.name() + " gets a gradient");
        }
    }

    @ParameterizedTest(name = "{0} pooling")
    @ValueSource(strings = {"mean", "last"})
    void paddingDoesNotChangeASentenceVector(String pooling) {
        TextEncoder encoder = new BidirectionalTextEncoder(config(pooling, 6), rng);
        INDArray alone = encoder.encode(VOCABULARY.encode(List.of("red circle"), 6), false);
        INDArray padded = encoder.encode(VOCABULARY.encode(List.of("a big blue square on white", "red circle"), 6), false);
        assertTrue(alone.getRow(0).equalsWithEps(padded.getRow(1), 1e-5), alone + " vs " + padded.getRow(1));
    }

    /**
     * With both directions' weights made equal, the backward LSTM reads "c b a" exactly as the forward one reads
     * "a b c", so the two captions' vectors are each other's halves swapped, whatever the pooling and the padding.
     */
    @ParameterizedTest(name = "{0} pooling")
    @ValueSource(strings = {"mean", "last"})
    void theBackwardDirectionReadsEachCaptionRightToLeftFromItsLastToken(String pooling) {
        TextEncoder encoder = new BidirectionalTextEncoder(config(pooling, 6), rng);
        Map<String, Parameter> byName = encoder.parameters().stream()
                .collect(Collectors.toMap(Parameter::name, Function.identity()));
        for (String weight : List.of("input_weight", "recurrent_weight", "bias")) {
            byName.get("text.lstm.backward." + weight).value().assign(byName.get("text.lstm.forward." + weight).value());
        }
        INDArray v = encoder.encode(VOCABULARY.encode(List.of("a big blue square", "square blue big a", "a big blue square on white"), 6), false);
        assertTrue(half(v, 0, 0).equalsWithEps(half(v, 1, 1), 1e-5), "forward of abc = backward of cba: " + v);
        assertTrue(half(v, 0, 1).equalsWithEps(half(v, 1, 0), 1e-5), "backward of abc = forward of cba: " + v);
        assertFalse(half(v, 0, 0).equalsWithEps(half(v, 0, 1), 1e-3), "the two directions read differently: " + v);
    }

    @ParameterizedTest(name = "{0} pooling")
    @ValueSource(strings = {"mean", "last"})
    void wordOrderChangesTheVectorEvenWithMeanPooling(String pooling) {
        TextEncoder encoder = new BidirectionalTextEncoder(config(pooling, 6), rng);
        INDArray v = encoder.encode(VOCABULARY.encode(List.of("a red circle", "circle red a"), 6), false);
        assertFalse(v.getRow(0).equalsWithEps(v.getRow(1), 1e-3), v.toString());
    }

    @Test
    void parameterCountsMatchKerasBidirectionalLstm() {
        ModelConfig keras = new ModelConfig("dcgan", "gan-cls", "bilstm", 8, 4, 3, 2, 2, 1000, 16, 64, "mean", 10);
        TextEncoder encoder = new BidirectionalTextEncoder(keras, rng);
        assertEquals(16_000 + 12_544, LayerSummary.trainableCount(encoder.parameters()),
                "Keras: Embedding(1000, 16) 16,000; Bidirectional(LSTM(32)) 12,544");
        List<String> lines = encoder.summary();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("Embedding(1000, 16)") && lines.get(0).contains("16,000"), lines.get(0));
        assertTrue(lines.get(1).contains("forward LSTM(16->32)") && lines.get(1).contains("[10, 32]") && lines.get(1).contains("6,272"), lines.get(1));
        assertTrue(lines.get(2).contains("backward LSTM(16->32)") && lines.get(2).contains("6,272"), lines.get(2));
        assertTrue(lines.get(3).contains("mean pooling") && lines.get(3).contains("[64]"), lines.get(3));
        assertEquals(2L * 10 * 4 * 32 * (16 + 32), encoder.multiplyAdds());
    }

    @Test
    void anOddTextSizeIsRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BidirectionalTextEncoder(config("mean", 7), rng));
        assertEquals("the bilstm text encoder needs an even text size (half for each direction): 7", e.getMessage());
    }
}
