package io.textgan.dl4j;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.TextsPerImage;
import io.textgan.core.nn.Parameter;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * A DL4J ComputationGraph as a {@link Discriminator}: two inputs, the images [N, 3, S, S] then the text vector
 * [N, textSize], and one output, the logits [N, 1] (no output layer: the loss is this project's). Its backward returns
 * dLoss/dImages from DL4J's external-error backward pass.
 */
public final class Dl4jDiscriminator implements Discriminator {
    private final Dl4jNetwork network;
    private int textsPerImage = 1;

    public Dl4jDiscriminator(ComputationGraphConfiguration configuration, int imageSize, int textSize) {
        if (configuration.getNetworkInputs().size() != 2 || configuration.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("a DL4J discriminator needs two inputs (image, text) and one output, not "
                    + configuration.getNetworkInputs() + " -> " + configuration.getNetworkOutputs());
        }
        this.network = new Dl4jNetwork(configuration, InputType.convolutional(imageSize, imageSize, 3),
                InputType.feedForward(textSize));
    }

    public org.deeplearning4j.nn.graph.ComputationGraph graph() {
        return network.graph();
    }

    @Override
    public INDArray score(INDArray images, INDArray text, boolean training) {
        // k texts per image: the images repeated k times (batch norm sees the same statistics as for one copy)
        textsPerImage = TextsPerImage.count(images, text);
        return network.forward(training, TextsPerImage.repeat(images, textsPerImage), text);
    }

    @Override
    public INDArray backward(INDArray gradLogits) {
        INDArray gradImages = network.backward(gradLogits)[0];
        if (gradImages == null) {
            throw new IllegalStateException("DL4J computed no gradient for the images input");
        }
        return TextsPerImage.sumRepeats(gradImages, textsPerImage);
    }

    @Override
    public List<Parameter> parameters() {
        return network.parameters();
    }

    @Override
    public List<String> summary() {
        return network.summary("judge");
    }

    @Override
    public long multiplyAdds() {
        return network.multiplyAdds();
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of(Dl4jGenerator.CONFIGURATION_KEY, network.configurationJson());
    }
}
