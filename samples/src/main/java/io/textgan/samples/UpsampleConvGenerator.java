package io.textgan.samples;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Sequential;
import io.textgan.core.nn.Upsample;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generator plugged in from outside the framework, as a user would write one: z and the text vector, concatenated,
 * go through FC to 4×4×(8·ngf) with batch norm and ReLU; then, until the image has its full side, nearest-neighbour
 * 2× upsampling and a 3×3 convolution (batch norm, ReLU, halving the channels), the last one to 3 channels; tanh.
 * Upsampling followed by a convolution, instead of a transposed convolution, avoids checkerboard artefacts
 * (Odena et al. 2016, <a href="https://distill.pub/2016/deconv-checkerboard/">distill.pub/2016/deconv-checkerboard</a>).
 * Registered as {@value #NAME} by its nested {@link Provider}, listed in
 * {@code META-INF/services/io.textgan.core.api.ModelProvider$GeneratorProvider}.
 */
public final class UpsampleConvGenerator implements Generator {
    /** The name to give {@code gan train --generator}. */
    public static final String NAME = "upsample-conv";
    private static final double INIT_STD = 0.02;

    private final ModelConfig config;
    private final Sequential network;

    public UpsampleConvGenerator(ModelConfig config, Random rng) {
        if (config.conditioningAugmentation()) {
            throw new IllegalArgumentException(NAME + " has no conditioning augmentation");
        }
        this.config = config;
        int channels = 8 * config.ngf();
        int in = config.noiseSize() + config.textSize();
        List<Layer> layers = new ArrayList<>(List.of(
                new Dense("g.fc", in, 16 * channels, false, Init.normal(rng, INIT_STD, in, 16L * channels)),
                new Reshape(channels, 4, 4),
                new BatchNorm("g.fc_bn", channels),
                Activation.relu()));
        for (int side = 8; side <= config.imageSize(); side *= 2) {
            boolean last = side == config.imageSize();
            int out = last ? 3 : Math.max(1, channels / 2);
            layers.add(new Upsample(2));
            layers.add(new Conv2d("g.conv" + side, channels, out, 3, 1, 1, last, Init.normal(rng, INIT_STD, 3, 3, channels, out)));
            if (!last) {
                layers.add(new BatchNorm("g.conv" + side + "_bn", out));
                layers.add(Activation.relu());
            }
            channels = out;
        }
        layers.add(Activation.tanh());
        this.network = new Sequential(layers);
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        return network.forward(Nd4j.hstack(noise, text), training);
    }

    /** The gradient with respect to the text vector is dropped: the text encoder is frozen while the GAN trains. */
    @Override
    public void backward(INDArray gradImages) {
        network.backward(gradImages);
    }

    @Override
    public int noiseSize() {
        return config.noiseSize();
    }

    @Override
    public List<Parameter> parameters() {
        return network.parameters();
    }

    @Override
    public List<String> summary() {
        return LayerSummary.lines("image", network, new long[]{config.noiseSize() + config.textSize()});
    }

    @Override
    public long multiplyAdds() {
        return network.multiplyAdds(new long[]{config.noiseSize() + config.textSize()});
    }

    /** Makes the generator known to {@link java.util.ServiceLoader} as {@value #NAME}. */
    public static final class Provider implements ModelProvider.GeneratorProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "sample plug-in: noise ++ text, FC to 4x4, nearest-neighbour upsampling + 3x3 convolutions with batch norm";
        }

        @Override
        public Generator create(ModelConfig config, Random rng) {
            return new UpsampleConvGenerator(config, rng);
        }
    }
}
