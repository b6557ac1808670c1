package io.textgan.models.dcgan;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Deconv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Film;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The GAN-CLS generator of Reed et al. 2016 (<a href="https://arxiv.org/abs/1605.05396">arXiv:1605.05396</a>):
 * z concatenated with the text condition t, the text vector projected by FC + LeakyReLU(0.2) (or, with
 * {@link ModelConfig#conditioningAugmentation()}, sampled by StackGAN's conditioning augmentation: see
 * {@link TextCondition}); FC to 4×4×(8·ngf); transposed 4×4 stride-2 convolutions with batch norm and ReLU, halving
 * the channels and doubling the side up to S×S×3; tanh.
 * <p>
 * With {@code film} (the {@code film} generator), t also modulates the features after every batch norm, the 4×4
 * block's and each up-sampling block's, by γ(t) ⊙ x + β(t) per channel ({@link Film}), as DF-GAN's affine blocks
 * (Tao et al. 2022, <a href="https://arxiv.org/abs/2008.05865">arXiv:2008.05865</a>): the text then reaches every
 * resolution, not only the input.
 */
public final class DcganGenerator extends TextConditionedGenerator {
    static final double INIT_STD = 0.02;

    public DcganGenerator(ModelConfig config, Random rng) {
        this(config, rng, false);
    }

    /** @param film modulate the features after each batch norm by the text condition (FiLM) */
    public DcganGenerator(ModelConfig config, Random rng, boolean film) {
        super(config, new TextCondition(config, rng), body(config, rng, film));
    }

    private static Sequential body(ModelConfig config, Random rng, boolean film) {
        int upsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        int channels = 8 * config.ngf();
        int in = config.noiseSize() + config.conditionSize();
        List<Layer> layers = new ArrayList<>(List.of(
                new Dense("g.fc", in, 16 * channels, false, Init.normal(rng, INIT_STD, in, 16L * channels)),
                new Reshape(channels, 4, 4)));
        addBatchNorm(layers, "g.fc", channels, config, film, rng);
        for (int i = 1; i <= upsamplings; i++) {
            boolean last = i == upsamplings;
            int out = last ? 3 : channels / 2;
            layers.add(new Deconv2d("g.up" + i, channels, out, 4, 2, 1, last, Init.normal(rng, INIT_STD, 4, 4, out, channels)));
            if (!last) {
                addBatchNorm(layers, "g.up" + i, out, config, film, rng);
            }
            channels = out;
        }
        layers.add(Activation.tanh());
        return new Sequential(layers);
    }

    /** Batch norm, FiLM if asked, ReLU. */
    private static void addBatchNorm(List<Layer> layers, String block, int channels, ModelConfig config, boolean film,
                                     Random rng) {
        layers.add(new BatchNorm(block + "_bn", channels));
        if (film) {
            int c = config.conditionSize();
            layers.add(new Film(block + "_film", c, channels, Init.normal(rng, INIT_STD, c, 2L * channels)));
        }
        layers.add(Activation.relu());
    }
}
