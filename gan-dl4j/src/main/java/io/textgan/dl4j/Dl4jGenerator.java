package io.textgan.dl4j;

import io.textgan.core.api.Generator;
import io.textgan.core.nn.Parameter;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * A DL4J ComputationGraph as a {@link Generator}: two inputs, noise [N, noiseSize] then the text vector [N, textSize],
 * and one output, the images [N, 3, S, S] in [-1, 1] (end it with tanh). It must have no output layer: its error comes
 * from the discriminator. See {@link Dl4jNetwork} for how training reaches it.
 */
public final class Dl4jGenerator implements Generator {
    /** The metadata key under which checkpoints keep the DL4J configuration JSON. */
    public static final String CONFIGURATION_KEY = "dl4j.configuration";

    private final Dl4jNetwork network;
    private final int noiseSize;

    public Dl4jGenerator(ComputationGraphConfiguration configuration, int noiseSize, int textSize) {
        if (configuration.getNetworkInputs().size() != 2 || configuration.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("a DL4J generator needs two inputs (noise, text) and one output, not "
                    + configuration.getNetworkInputs() + " -> " + configuration.getNetworkOutputs());
        }
        this.network = new Dl4jNetwork(configuration, InputType.feedForward(noiseSize), InputType.feedForward(textSize));
        this.noiseSize = noiseSize;
    }

    /** The DL4J graph (its parameters are this generator's). */
    public org.deeplearning4j.nn.graph.ComputationGraph graph() {
        return network.graph();
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        return network.forward(training, noise, text);
    }

    @Override
    public void backward(INDArray gradImages) {
        network.backward(gradImages);
    }

    @Override
    public int noiseSize() {
        return noiseSize;
    }

    @Override
    public List<Parameter> parameters() {
        return network.parameters();
    }

    @Override
    public List<String> summary() {
        return network.summary("image");
    }

    @Override
    public long multiplyAdds() {
        return network.multiplyAdds();
    }

    /** DL4J's JSON of the configuration, saved in the checkpoint's {@code generator.safetensors}. */
    @Override
    public Map<String, String> metadata() {
        return Map.of(CONFIGURATION_KEY, network.configurationJson());
    }

}
