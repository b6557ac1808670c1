package io.textgan.models;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.Network;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.models.residual.ResidualDiscriminator;
import io.textgan.models.residual.ResidualGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The residual networks' structure at the default widths (64×64, ngf = ndf = 32, z 100, condition 128, text 128). */
class ResidualNetworksTest {
    private static final ModelConfig DEFAULT_64 = new ModelConfig("residual", "residual", "lstm", 64, 100, 128, 32, 32, 2, 64, 128, "mean", 24);
    private final Random rng = new Random(2);

    private static List<String> names(Network network) {
        return network.parameters().stream().map(Parameter::name).toList();
    }

    /** The summary's parameter column (its last field) adds up to the network's trainable parameters. */
    private static long summaryColumnTotal(Network network) {
        return network.summary().stream()
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1).replace(",", ""))).sum();
    }

    @Test
    void generatorHalvesChannelsDownToNgfAndItsLastShortcutOnlyUpsamples() {
        ResidualGenerator g = new ResidualGenerator(DEFAULT_64, rng);
        List<String> names = names(g);
        assertEquals(names.size(), new HashSet<>(names).size(), "names unique: " + names);
        assertTrue(names.stream().allMatch(n -> n.startsWith("g.")), names::toString);
        assertTrue(names.containsAll(List.of("g.block1.shortcut.weight", "g.block3.shortcut.weight", "g.out.bias")), names::toString);
        assertFalse(names.contains("g.block4.shortcut.weight"), "32 -> 32 channels: the shortcut only upsamples");
        // text 16,512; fc 937,984; blocks 256->128 475,904, 128->64 119,168, 64->32 29,888, 32->32 18,560; out 931
        assertEquals(1_598_947, LayerSummary.trainableCount(g.parameters()));
        assertEquals(1_598_947, summaryColumnTotal(g));
    }

    @Test
    void discriminatorDoublesChannelsFromNdfAndHasTheProjectionTerm() {
        Discriminator d = ResidualDiscriminator.create(DEFAULT_64, rng);
        List<String> names = names(d);
        assertEquals(names.size(), new HashSet<>(names).size(), "names unique: " + names);
        assertTrue(names.stream().allMatch(n -> n.startsWith("d.")), names::toString);
        assertTrue(names.containsAll(List.of("d.block4.conv2.weight", "d.joint.weight", "d.logit.bias", "d.projection.weight")),
                names::toString);
        assertFalse(names.contains("d.block5.conv1.weight"));
        // blocks 3->32 10,240, 32->64 57,472, 64->128 229,632, 128->256 918,016; text 16,512, joint 98,560, logit 4,097,
        // projection 32,768
        assertEquals(1_367_297, LayerSummary.trainableCount(d.parameters()));
        assertEquals(1_367_297, summaryColumnTotal(d));
        assertTrue(d.summary().get(0).contains("Residual(d.block1)") && d.summary().get(1).contains("Conv2d(3->32, k3 s1 p1)"),
                String.join("\n", d.summary()));
    }

    /** Counted by hand, convolutions at their output resolution; shortcuts at the low one (they pool first / upsample last). */
    @Test
    void withConditioningAugmentationTheGeneratorSamplesItsConditionAndReportsTheKlTerm() {
        ModelConfig config = new ModelConfig("residual", "residual", "lstm", 8, 4, 3, 2, 2, 2, 4, 5, "mean", 6, "word", true);
        ResidualGenerator generator = new ResidualGenerator(config, rng);
        assertTrue(names(generator).contains("g.ca.weight"), names(generator).toString());
        org.nd4j.linalg.api.ndarray.INDArray text = io.textgan.core.nn.Init.normal(rng, 1, 2, 5);
        org.nd4j.linalg.api.ndarray.INDArray noise = io.textgan.core.nn.Init.normal(rng, 1, 2, 4);
        generator.generate(noise, text, true);
        assertTrue(generator.regularizationLoss() > 0, "KL " + generator.regularizationLoss());
        generator.generate(noise, text, false);
        assertEquals(0, generator.regularizationLoss());
    }

    @Test
    void multiplyAddsAreCountedThroughTheBlocksAndTheirShortcuts() {
        long block1 = 4096L * 9 * 3 * 32 + 4096L * 9 * 32 * 32 + 1024L * 3 * 32;
        long laterBlock = 9L * 64 * 128 * 16 * 16 + 9L * 128 * 128 * 16 * 16 + 64L * 128 * 8 * 8; // the same for blocks 2-4
        long head = 128 * 128 + 16 * 384 * 256 + 256 * 16 + 128 * 256 + 17 * 256;
        assertEquals(block1 + 3 * laterBlock + head, ResidualDiscriminator.create(DEFAULT_64, rng).multiplyAdds());
        long upBlock = 9L * 256 * 128 * 8 * 8 + 9L * 128 * 128 * 8 * 8 + 256L * 128 * 4 * 4; // the same for blocks 1-3
        long lastBlock = 2 * 9L * 32 * 32 * 64 * 64;
        long generator = 128 * 128 + 228 * 4096 + 3 * upBlock + lastBlock + 9L * 32 * 3 * 64 * 64;
        assertEquals(generator, new ResidualGenerator(DEFAULT_64, rng).multiplyAdds());
    }
}
