package io.textgan.dl4j;

import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A DL4J {@link org.deeplearning4j.nn.graph.ComputationGraph} seen as this project's network: forward through DL4J,
 * backward through DL4J's external-error path, and its parameters as {@link Parameter}s that are views of DL4J's flat
 * parameter and gradient arrays, so this project's optimiser, gradient health, checkpoints and moving average work on
 * them unchanged. DL4J's own updater configuration is not used. Parameters are named {@code <layer>_<key>} as in
 * DL4J's {@code paramTable()}.
 * <p>
 * Gradients accumulate across backward passes until {@link #zeroGradients()}, as this project's layers do (DL4J
 * overwrites its gradient array on each backward; the adapter adds the earlier sum back). Batch norm's running statistics,
 * which DL4J updates with its {@link NoOp} updater — the running mean and variance, whose "gradient" is the step that moves
 * them toward the batch statistics — are buffers here, and that step is applied right after each backward pass, as
 * DL4J's own training applies it.
 */
final class Dl4jNetwork {
    private final ExternalErrorGraph graph;
    private final InputType[] inputTypes;
    private final List<Parameter> parameters = new ArrayList<>();
    /** Running statistics: value and DL4J's step for it. */
    private final List<INDArray[]> statistics = new ArrayList<>();
    private final INDArray flatGradients;

    /**
     * @param configuration the graph; its workspace modes are set to NONE, since arrays outlive one DL4J call here
     * @param inputTypes    the inputs' types, for the summary and the multiply-add count
     */
    Dl4jNetwork(ComputationGraphConfiguration configuration, InputType... inputTypes) {
        configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        this.inputTypes = inputTypes.clone();
        this.graph = new ExternalErrorGraph(configuration);
        graph.init();
        graph.initGradientsView();
        this.flatGradients = graph.getGradientsViewArray();
        for (Layer layer : graph.getLayers()) {
            if (layer.numParams() == 0) {
                continue;
            }
            var conf = layer.conf();
            Map<String, INDArray> values = layer.paramTable();
            Map<String, INDArray> gradients = conf.getLayer().initializer()
                    .getGradientsFromFlattened(conf, layer.getGradientsViewArray());
            String layerName = conf.getLayer().getLayerName();
            for (Map.Entry<String, INDArray> e : values.entrySet()) {
                String name = layerName + "_" + e.getKey();
                INDArray gradient = gradients.get(e.getKey());
                if (isRunningStatistic(conf.getLayer(), e.getKey())) {
                    parameters.add(Parameter.buffer(name, e.getValue()));
                    statistics.add(new INDArray[]{e.getValue(), gradient});
                } else {
                    parameters.add(Parameter.trainable(name, e.getValue(), gradient));
                }
            }
        }
    }

    /** Batch norm's running mean and variance (or log10 std): DL4J moves them by a step it computes in backward. */
    private static boolean isRunningStatistic(org.deeplearning4j.nn.conf.layers.Layer layer, String key) {
        return layer instanceof BatchNormalization && layer.getUpdaterByParam(key) instanceof NoOp;
    }

    ExternalErrorGraph graph() {
        return graph;
    }

    List<Parameter> parameters() {
        return parameters;
    }

    /** The network's output of the inputs; in training, keeps what {@link #backward} needs. */
    INDArray forward(boolean training, INDArray... inputs) {
        // DL4J refuses to run inside a caller's workspace (the trainer's step workspace): its arrays live outside
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            Map<String, INDArray> activations = graph.feedForward(inputs, training, !training);
            String output = graph.getConfiguration().getNetworkOutputs().get(0);
            return activations.get(output);
        }
    }

    /** Adds dLoss/dParameters of the latest training forward to the gradients; returns dLoss/dInputs. */
    INDArray[] backward(INDArray gradOutput) {
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray earlier = flatGradients.dup();
            INDArray[] inputGradients = graph.backpropExternal(gradOutput);
            flatGradients.addi(earlier);
            for (INDArray[] s : statistics) {
                s[0].subi(s[1]);
                s[1].assign(0);
            }
            return inputGradients;
        }
    }

    /** DL4J's JSON of the configuration. */
    String configurationJson() {
        return graph.getConfiguration().toJson();
    }

    /** One line per layer: its name and DL4J class, output type and parameter count. */
    List<String> summary(String part) {
        Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(inputTypes);
        List<String> lines = new ArrayList<>();
        for (String vertex : graph.getConfiguration().getTopologicalOrderStr()) {
            if (graph.getConfiguration().getNetworkInputs().contains(vertex)) {
                continue;
            }
            Layer layer = graph.getLayer(vertex);
            String kind = layer == null ? graph.getVertex(vertex).getClass().getSimpleName()
                    : layer.conf().getLayer().getClass().getSimpleName();
            long count = layer == null ? 0 : layer.numParams();
            lines.add(LayerSummary.line(part, "dl4j " + vertex + ": " + kind, shape(types.get(vertex)), count));
        }
        return lines;
    }

    private static String shape(InputType type) {
        return type == null ? "?" : Arrays.toString(Arrays.copyOfRange(type.getShape(true), 1, type.getShape(true).length));
    }

    /** Multiply-adds of dense, convolution and transposed-convolution layers for one example. */
    long multiplyAdds() {
        Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(inputTypes);
        long total = 0;
        for (Layer layer : graph.getLayers()) {
            var conf = layer.conf().getLayer();
            if (!(conf instanceof FeedForwardLayer f)) {
                continue;
            }
            long[] out = types.get(conf.getLayerName()).getShape(false);
            if (conf instanceof Deconvolution2D d) {
                long[] k = Arrays.stream(d.getKernelSize()).asLongStream().toArray();
                long[] s = Arrays.stream(d.getStride()).asLongStream().toArray();
                total += (out[1] / s[0]) * (out[2] / s[1]) * f.getNIn() * f.getNOut() * k[0] * k[1];
            } else if (conf instanceof ConvolutionLayer c) {
                total += out[1] * out[2] * f.getNIn() * f.getNOut() * (long) c.getKernelSize()[0] * c.getKernelSize()[1];
            } else if (conf instanceof DenseLayer) {
                total += f.getNIn() * f.getNOut();
            }
        }
        return total;
    }
}
