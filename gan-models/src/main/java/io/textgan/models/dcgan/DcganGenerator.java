package io.textgan.models.dcgan;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Deconv2d;
import io.textgan.core.nn.Dense;
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
 * z concatenated with the text vector projected by FC + LeakyReLU(0.2); FC to 4×4×(8·ngf); transposed 4×4 stride-2
 * convolutions with batch norm and ReLU, halving the channels and doubling the side up to S×S×3; tanh.
 */
public final class DcganGenerator implements Generator {
    static final double INIT_STD = 0.02;

    private final ModelConfig config;
    private final Sequential condition;
    private final Sequential body;

    public DcganGenerator(ModelConfig config, Random rng) {
        this.config = config;
        int c = config.conditionSize();
        this.condition = new Sequential(List.of(
                new Dense("g.text", config.textSize(), c, true, Init.normal(rng, INIT_STD, config.textSize(), c)),
                Activation.leakyRelu(0.2)));
        int upsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        int channels = 8 * config.ngf();
        int in = config.noiseSize() + c;
        List<Layer> layers = new ArrayList<>(List.of(
                new Dense("g.fc", in, 16 * channels, false, Init.normal(rng, INIT_STD, in, 16L * channels)),
                new Reshape(channels, 4, 4),
                new BatchNorm("g.fc_bn", channels),
                Activation.relu()));
        for (int i = 1; i <= upsamplings; i++) {
            boolean last = i == upsamplings;
            int out = last ? 3 : channels / 2;
            layers.add(new Deconv2d("g.up" + i, channels, out, 4, 2, 1, last, Init.normal(rng, INIT_STD, 4, 4, out, channels)));
            if (!last) {
                layers.add(new BatchNorm("g.up" + i + "_bn", out));
                layers.add(Activation.relu());
            }
            channels = out;
        }
        layers.add(Activation.tanh());
        this.body = new Sequential(layers);
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        INDArray projected = condition.forward(text, training);
        return body.forward(Nd4j.hstack(noise, projected), training);
    }

    @Override
    public void backward(INDArray gradImages) {
        INDArray gradInput = body.backward(gradImages);
        INDArray gradCondition = gradInput.get(NDArrayIndex.all(),
                NDArrayIndex.interval(config.noiseSize(), config.noiseSize() + config.conditionSize()));
        condition.backward(gradCondition.dup());
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
        return condition.multiplyAdds(new long[]{config.textSize()})
                + body.multiplyAdds(new long[]{config.noiseSize() + config.conditionSize()});
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>(LayerSummary.lines("text", condition, new long[]{config.textSize()}));
        lines.addAll(LayerSummary.lines("image", body, new long[]{config.noiseSize() + config.conditionSize()}));
        return lines;
    }
}
