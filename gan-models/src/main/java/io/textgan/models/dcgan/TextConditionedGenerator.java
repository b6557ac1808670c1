package io.textgan.models.dcgan;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.export.OnnxExportable;
import io.textgan.core.export.OnnxGraph;
import io.textgan.core.export.OnnxLayers;
import io.textgan.core.nn.Film;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * A generator that reads a {@link TextCondition} t from the text vector and maps z concatenated with t through a body
 * of layers to images; {@link Film} layers at the top level of the body modulate with t too, and their gradients with
 * respect to t join the concatenation's. The generators of this module differ only in their body.
 */
public abstract class TextConditionedGenerator implements Generator, OnnxExportable {
    private final ModelConfig config;
    private final TextCondition condition;
    private final Sequential body;
    private final List<Film> films;

    /** @param body maps [N, noiseSize + conditionSize] to images [N, 3, S, S] */
    protected TextConditionedGenerator(ModelConfig config, TextCondition condition, Sequential body) {
        this.config = config;
        this.condition = condition;
        this.body = body;
        this.films = body.layers().stream().filter(Film.class::isInstance).map(Film.class::cast).toList();
    }

    @Override
    public INDArray generate(INDArray noise, INDArray text, boolean training) {
        INDArray t = condition.forward(text, noise, training);
        films.forEach(f -> f.condition(t));
        return body.forward(Nd4j.hstack(noise, t), training);
    }

    /** The condition, concatenated after the noise, through the body's layers, the FiLM layers reading the condition. */
    @Override
    public String exportOnnx(OnnxGraph graph, String noise, String text) {
        String t = condition.exportOnnx(graph, text);
        String x = graph.node("Concat", "concat", List.of(noise, t), new OnnxGraph.IntAttribute("axis", 1));
        long[] shape = {config.noiseSize() + config.conditionSize()};
        for (var layer : body.layers()) {
            x = layer instanceof Film f ? OnnxLayers.film(graph, f, x, shape.length + 1, t) : OnnxLayers.add(graph, layer, x);
            shape = layer.outputShape(shape);
        }
        return x;
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
        return condition.multiplyAdds() + body.multiplyAdds(new long[]{config.noiseSize() + config.conditionSize()});
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>(condition.summary());
        lines.addAll(LayerSummary.lines("image", body, new long[]{config.noiseSize() + config.conditionSize()}));
        return lines;
    }
}
