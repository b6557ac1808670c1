package io.textgan.models.dcgan;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.export.OnnxGraph;
import io.textgan.core.export.OnnxLayers;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.ConditioningAugmentation;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

/**
 * The condition [N, conditionSize] a generator reads from the text vector: FC + LeakyReLU(0.2) as in Reed et al. 2016,
 * or, with {@link ModelConfig#conditioningAugmentation()}, StackGAN's {@link ConditioningAugmentation} in its place,
 * sampled with an ε drawn from the noise rows in training ({@link ConditioningAugmentation#epsilonFrom}) and its
 * mean in inference.
 */
public final class TextCondition {
    private final int textSize;
    private final Sequential projection;
    private final ConditioningAugmentation augmentation;

    public TextCondition(ModelConfig config, Random rng) {
        this.textSize = config.textSize();
        int c = config.conditionSize();
        double std = DcganGenerator.INIT_STD;
        if (config.conditioningAugmentation()) {
            this.projection = null;
            this.augmentation = new ConditioningAugmentation("g.ca", textSize, c, Init.normal(rng, std, textSize, 2L * c));
        } else {
            this.projection = new Sequential(List.of(
                    new Dense("g.text", textSize, c, true, Init.normal(rng, std, textSize, c)),
                    Activation.leakyRelu(0.2)));
            this.augmentation = null;
        }
    }

    /** @param noise the generator's noise [N, noiseSize], from which conditioning augmentation draws its ε */
    public INDArray forward(INDArray text, INDArray noise, boolean training) {
        if (augmentation == null) {
            return projection.forward(text, training);
        }
        return augmentation.forward(text, training ? ConditioningAugmentation.epsilonFrom(noise, augmentation.conditionSize()) : null);
    }

    /** Backpropagates dLoss/dCondition (and the KL term's gradient with conditioning augmentation). */
    public void backward(INDArray gradCondition) {
        if (augmentation == null) {
            projection.backward(gradCondition);
        } else {
            augmentation.backward(gradCondition);
        }
    }

    /** ONNX nodes for the inference condition: the projection, or the augmentation's mean μ (its first columns). */
    public String exportOnnx(OnnxGraph graph, String text) {
        if (augmentation == null) {
            return OnnxLayers.add(graph, projection, text);
        }
        return OnnxLayers.slice(graph, OnnxLayers.dense(graph, augmentation.moments(), text), 0, augmentation.conditionSize());
    }

    /** The KL term of the latest forward (0 without conditioning augmentation or in inference). */
    public double regularizationLoss() {
        return augmentation == null ? 0 : augmentation.klDivergence();
    }

    public List<Parameter> parameters() {
        return augmentation == null ? projection.parameters() : augmentation.parameters();
    }

    public long multiplyAdds() {
        return augmentation == null ? projection.multiplyAdds(new long[]{textSize}) : augmentation.multiplyAdds();
    }

    public List<String> summary() {
        if (augmentation == null) {
            return LayerSummary.lines("text", projection, new long[]{textSize});
        }
        return List.of(LayerSummary.line("text", augmentation.describe(), "[" + augmentation.conditionSize() + "]",
                LayerSummary.trainableCount(augmentation.parameters())));
    }
}
