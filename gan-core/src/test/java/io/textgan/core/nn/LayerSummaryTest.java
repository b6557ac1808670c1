package io.textgan.core.nn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerSummaryTest {
    private final Random rng = new Random(1);

    @Test
    void parameterCountsMatchKeras() {
        Embedding embedding = new Embedding("e", 1000, 16, Init.normal(rng, 0.1, 1000, 16));
        Lstm lstm = new Lstm("l", 16, 32, Init.normal(rng, 0.1, 16, 128), Init.normal(rng, 0.1, 32, 128));
        assertEquals(16_000, LayerSummary.trainableCount(embedding.parameters()));
        assertEquals(6_272, LayerSummary.trainableCount(lstm.parameters()));
        Gru gru = new Gru("g", 16, 32, Init.normal(rng, 0.1, 16, 96), Init.normal(rng, 0.1, 32, 96));
        assertEquals(4_800, LayerSummary.trainableCount(gru.parameters()), "Keras GRU(32, reset_after=True) on 16 inputs");
        List<String> lines = LayerSummary.lines("text", new Sequential(List.of(embedding)), new long[]{10});
        assertTrue(lines.get(0).contains("Embedding(1000, 16)") && lines.get(0).contains("[10, 16]")
                && lines.get(0).contains("16,000"), lines.get(0));
    }

    @Test
    void aResidualBlockIsListedWithItsBranchesAndItsParametersCountedOnce() {
        Conv2d conv = new Conv2d("m", 4, 8, 3, 1, 1, true, Init.normal(rng, 0.1, 3, 3, 4, 8));
        Conv2d projection = new Conv2d("s", 4, 8, 1, 1, 0, false, Init.normal(rng, 0.1, 1, 1, 4, 8));
        Residual block = new Residual("d.block1", new Sequential(List.of(conv, new AvgPool2d(2))),
                new Sequential(List.of(new AvgPool2d(2), projection)));
        List<String> lines = LayerSummary.lines("image", new Sequential(List.of(block, Activation.relu())), new long[]{4, 8, 8});
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals(LayerSummary.line("image", "Residual(d.block1)", "[8, 4, 4]", 0), lines.get(0));
        assertEquals(LayerSummary.line("image", "  Conv2d(4->8, k3 s1 p1)", "[8, 8, 8]", 296), lines.get(1));
        assertEquals(LayerSummary.line("image", "  shortcut AvgPool2d(/2)", "[4, 4, 4]", 0), lines.get(3));
        assertEquals(LayerSummary.line("image", "  shortcut Conv2d(4->8, k1 s1 p0, no bias)", "[8, 4, 4]", 32), lines.get(4));
        assertEquals(LayerSummary.line("image", "ReLU", "[8, 4, 4]", 0), lines.get(5));
        Residual identity = new Residual("g.block2", new Sequential(List.of(Activation.relu())), new Sequential(List.of()));
        assertTrue(LayerSummary.lines("image", identity, new long[]{2, 4, 4}).get(2).contains("shortcut identity"));
    }

    @Test
    void multiplyAddsOfAConvolution() {
        Conv2d conv = new Conv2d("c", 3, 8, 4, 2, 1, false, Init.normal(rng, 0.1, 4, 4, 3, 8));
        assertEquals(16L * 16 * 8 * 3 * 16, conv.multiplyAdds(new long[]{3, 32, 32}));
    }
}
