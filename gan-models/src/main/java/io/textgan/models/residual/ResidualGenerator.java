package io.textgan.models.residual;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Residual;
import io.textgan.core.nn.Sequential;
import io.textgan.core.nn.Upsample;
import io.textgan.models.dcgan.TextCondition;
import io.textgan.models.dcgan.TextConditionedGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A residual generator in the manner of SNGAN / BigGAN (Miyato et al. 2018,
 * <a href="https://arxiv.org/abs/1802.05957">arXiv:1802.05957</a>; Brock et al. 2018,
 * <a href="https://arxiv.org/abs/1809.11096">arXiv:1809.11096</a>), conditioned on text as the DCGAN generator is:
 * z concatenated with the {@link TextCondition} (FC + LeakyReLU(0.2), or conditioning augmentation); FC to 4×4×(8·ngf); one up-block per doubling
 * of the side, main branch BN → ReLU → nearest upsampling ×2 → 3×3 conv → BN → ReLU → 3×3 conv, shortcut upsampling
 * ×2 (and a 1×1 conv where the channels change), channels halving down to ngf; BN → ReLU → 3×3 conv to RGB → tanh.
 * <p>
 * The shortcut applies its 1×1 convolution before upsampling: both are linear and act on separate axes, so the order
 * does not change the result, and the convolution runs on a quarter of the pixels. Weights N(0, 0.02) as DCGAN's.
 */
public final class ResidualGenerator extends TextConditionedGenerator {
    private static final double INIT_STD = 0.02;

    public ResidualGenerator(ModelConfig config, Random rng) {
        super(config, new TextCondition(config, rng), body(config, rng));
    }

    private static Sequential body(ModelConfig config, Random rng) {
        int channels = 8 * config.ngf();
        int in = config.noiseSize() + config.conditionSize();
        List<Layer> layers = new ArrayList<>(List.of(
                new Dense("g.fc", in, 16 * channels, true, Init.normal(rng, INIT_STD, in, 16L * channels)),
                new Reshape(channels, 4, 4)));
        int blocks = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        for (int i = 1; i <= blocks; i++) {
            int out = Math.max(config.ngf(), channels / 2);
            layers.add(upBlock("g.block" + i, channels, out, rng));
            channels = out;
        }
        layers.add(new BatchNorm("g.out_bn", channels));
        layers.add(Activation.relu());
        layers.add(new Conv2d("g.out", channels, 3, 3, 1, 1, true, Init.normal(rng, INIT_STD, 3, 3, channels, 3)));
        layers.add(Activation.tanh());
        return new Sequential(layers);
    }

    /**
     * Doubles the side. No biases: whatever a block adds per channel reaches the final batch norm only through linear
     * shortcuts (or is removed by the next block's batch norm), as a per-channel constant that batch norm removes.
     */
    private static Residual upBlock(String name, int in, int out, Random rng) {
        Sequential main = new Sequential(List.of(
                new BatchNorm(name + ".bn1", in),
                Activation.relu(),
                new Upsample(2),
                new Conv2d(name + ".conv1", in, out, 3, 1, 1, false, Init.normal(rng, INIT_STD, 3, 3, in, out)),
                new BatchNorm(name + ".bn2", out),
                Activation.relu(),
                new Conv2d(name + ".conv2", out, out, 3, 1, 1, false, Init.normal(rng, INIT_STD, 3, 3, out, out))));
        Sequential shortcut = in == out
                ? new Sequential(List.of(new Upsample(2)))
                : new Sequential(List.of(
                        new Conv2d(name + ".shortcut", in, out, 1, 1, 0, false, Init.normal(rng, INIT_STD, 1, 1, in, out)),
                        new Upsample(2)));
        return new Residual(name, main, shortcut);
    }
}
