package io.textgan.spark;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/** A generator without batch norm (one dense layer and tanh), so that shards of a batch compute what the batch does. */
final class LinearTestGenerator implements Generator {
    static final String NAME = "linear-test";
    private final Sequential layers;
    private final int noiseSize;
    private final int side;

    LinearTestGenerator(ModelConfig config, Random rng) {
        this.noiseSize = config.noiseSize();
        this.side = config.imageSize();
        int in = config.noiseSize() + config.textSize();
        int out = 3 * side * side;
        this.layers = new Sequential(List.of(new Dense("g.fc", in, out, true, Init.normal(rng, 0.05, in, out)), Activation.tanh()));
    }

    /** Its provider, for {@link io.textgan.core.api.ModelRegistry#register}. */
    static ModelProvider.GeneratorProvider provider() {
        return new ModelProvider.GeneratorProvider() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public String description() {
                return "test: dense + tanh, no batch norm";
            }

            @Override
            public Generator create(ModelConfig config, Random rng) {
                return new LinearTestGenerator(config, rng);
            }
        };
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        return layers.forward(Nd4j.concat(1, noise, text), training).reshape(noise.size(0), 3, side, side);
    }

    @Override
    public void backward(INDArray gradImages) {
        layers.backward(gradImages.reshape(gradImages.size(0), 3L * side * side));
    }

    @Override
    public int noiseSize() {
        return noiseSize;
    }

    @Override
    public List<Parameter> parameters() {
        return layers.parameters();
    }

    @Override
    public List<String> summary() {
        return List.of(NAME);
    }

    @Override
    public long multiplyAdds() {
        return 0;
    }
}
