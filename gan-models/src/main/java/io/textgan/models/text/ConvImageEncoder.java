package io.textgan.models.text;

import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.ModelConfig;
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
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small CNN that maps an image to a vector in the text encoder's space; trained with the text encoder by
 * image–caption matching (the sentence loss of AttnGAN's DAMSM); afterwards frozen, it scores the generator's images
 * for the matching term of the GAN's loss.
 */
public final class ConvImageEncoder implements ImageEncoder {
    private static final int WIDTH = 32;

    private final ModelConfig config;
    private final Sequential net;
    private final Sequential grid;

    public ConvImageEncoder(ModelConfig config, Random rng) {
        this.config = config;
        int downsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        List<Layer> layers = new ArrayList<>();
        int in = 3;
        for (int i = 1; i <= downsamplings; i++) {
            int out = WIDTH << Math.min(i - 1, 3);
            layers.add(new Conv2d("img.down" + i, in, out, 4, 2, 1, i == 1, Init.glorot(rng, 16L * in, 16L * out, 4, 4, in, out)));
            if (i > 1) {
                layers.add(new BatchNorm("img.down" + i + "_bn", out));
            }
            layers.add(Activation.leakyRelu(0.2));
            in = out;
        }
        layers.add(new Reshape(16L * in));
        layers.add(new Dense("img.fc", 16 * in, config.textSize(), true, Init.glorot(rng, 16L * in, config.textSize(), 16L * in, config.textSize())));
        this.net = new Sequential(layers);
        this.grid = new Sequential(layers.subList(0, layers.size() - 1));
    }

    /** The layers before the last (fully connected) one: the last 4×4 grid of features, flattened. */
    @Override
    public ImageEncoder features() {
        return new ImageEncoder() {
            @Override
            public INDArray encode(INDArray images, boolean training) {
                return grid.forward(images, training);
            }

            @Override
            public INDArray backward(INDArray gradVectors) {
                return grid.backward(gradVectors);
            }

            @Override
            public INDArray backwardInput(INDArray gradVectors) {
                return grid.backwardInput(gradVectors);
            }

            @Override
            public List<Parameter> parameters() {
                return grid.parameters();
            }

            @Override
            public long multiplyAdds() {
                return grid.multiplyAdds(new long[]{3, config.imageSize(), config.imageSize()});
            }

            @Override
            public List<String> summary() {
                int s = config.imageSize();
                return LayerSummary.lines("image", grid, new long[]{3, s, s});
            }
        };
    }

    @Override
    public INDArray encode(INDArray images, boolean training) {
        return net.forward(images, training);
    }

    @Override
    public INDArray backward(INDArray gradVectors) {
        return net.backward(gradVectors);
    }

    @Override
    public INDArray backwardInput(INDArray gradVectors) {
        return net.backwardInput(gradVectors);
    }

    @Override
    public List<Parameter> parameters() {
        return net.parameters();
    }

    @Override
    public long multiplyAdds() {
        return net.multiplyAdds(new long[]{3, config.imageSize(), config.imageSize()});
    }

    @Override
    public List<String> summary() {
        int s = config.imageSize();
        return LayerSummary.lines("image", net, new long[]{3, s, s});
    }
}
