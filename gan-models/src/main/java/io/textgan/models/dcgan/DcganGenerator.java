package io.textgan.models.dcgan;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Deconv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Film;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
public final class DcganGenerator implements Generator {
    static final double INIT_STD = 0.02;

    private final ModelConfig config;
    private final TextCondition condition;
    private final Sequential body;
    private final List<Film> films = new ArrayList<>();

    public DcganGenerator(ModelConfig config, Random rng) {
        this(config, rng, false);
    }

    /** @param film modulate the features after each batch norm by the text condition (FiLM) */
    public DcganGenerator(ModelConfig config, Random rng, boolean film) {
        this.config = config;
        this.condition = new TextCondition(config, rng);
        int c = config.conditionSize();
        int upsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        int channels = 8 * config.ngf();
        int in = config.noiseSize() + c;
        List<Layer> layers = new ArrayList<>(List.of(
                new Dense("g.fc", in, 16 * channels, false, Init.normal(rng, INIT_STD, in, 16L * channels)),
                new Reshape(channels, 4, 4)));
        addBatchNorm(layers, "g.fc", channels, film, rng);
        for (int i = 1; i <= upsamplings; i++) {
            boolean last = i == upsamplings;
            int out = last ? 3 : channels / 2;
            layers.add(new Deconv2d("g.up" + i, channels, out, 4, 2, 1, last, Init.normal(rng, INIT_STD, 4, 4, out, channels)));
            if (!last) {
                addBatchNorm(layers, "g.up" + i, out, film, rng);
            }
            channels = out;
        }
        layers.add(Activation.tanh());
        this.body = new Sequential(layers);
    }

    /** Batch norm, FiLM if asked, ReLU. */
    private void addBatchNorm(List<Layer> layers, String block, int channels, boolean film, Random rng) {
        layers.add(new BatchNorm(block + "_bn", channels));
        if (film) {
            int c = config.conditionSize();
            Film modulation = new Film(block + "_film", c, channels, Init.normal(rng, INIT_STD, c, 2L * channels));
            films.add(modulation);
            layers.add(modulation);
        }
        layers.add(Activation.relu());
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        INDArray t = condition.forward(text, noise, training);
        films.forEach(f -> f.condition(t));
        return body.forward(Nd4j.hstack(noise, t), training);
    }

    @Override
    public void backward(INDArray gradImages) {
        INDArray gradInput = body.backward(gradImages);
        INDArray gradCondition = gradInput.get(NDArrayIndex.all(),
                NDArrayIndex.interval(config.noiseSize(), config.noiseSize() + config.conditionSize())).dup();
        for (Film f : films) {
            gradCondition.addi(f.conditionGradient());
        }
        condition.backward(gradCondition);
    }

    /** StackGAN's KL term of the latest generate with conditioning augmentation in training; 0 otherwise. */
    @Override
    public double regularizationLoss() {
        return condition.regularizationLoss();
    }

    @Override
    public int noiseSize() {
        return config.noiseSize();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(condition.parameters());
        all.addAll(body.parameters());
        return all;
    }

    @Override
    public long multiplyAdds() {
        return condition.multiplyAdds()
                + body.multiplyAdds(new long[]{config.noiseSize() + config.conditionSize()});
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>(condition.summary());
        lines.addAll(LayerSummary.lines("image", body, new long[]{config.noiseSize() + config.conditionSize()}));
        return lines;
    }
}
