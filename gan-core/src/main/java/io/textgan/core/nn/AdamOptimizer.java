package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) over a network's trainable parameters, through ND4J's own {@link Adam} updater.
 * Its state (first and second moments per parameter, and the step count) is plain arrays, saved and restored exactly.
 */
public final class AdamOptimizer {
    private final List<Parameter> parameters;
    private final List<GradientUpdater<?>> updaters = new ArrayList<>();
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private int iteration;

    public AdamOptimizer(List<Parameter> all, double learningRate, double beta1, double beta2) {
        this.parameters = all.stream().filter(Parameter::isTrainable).toList();
        Adam config = new Adam(learningRate, beta1, beta2, 1e-8);
        for (Parameter p : parameters) {
            INDArray view = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(p.value().length()));
            updaters.add(config.instantiate(view, true));
            state.put(p.name(), view);
        }
    }

    /** Applies one update from the accumulated gradients (descending the loss), then clears them. */
    public void step() {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            INDArray update = p.gradient().reshape(1, p.value().length());
            updaters.get(i).applyUpdater(update, iteration, 0);
            p.value().subi(update.reshape(p.value().shape()));
            p.zeroGradient();
        }
        iteration++;
    }

    public int iteration() {
        return iteration;
    }

    /** Moments per parameter name, as views: writing into them restores the optimiser. */
    public Map<String, INDArray> state() {
        return state;
    }

    public void restore(Map<String, INDArray> saved, int savedIteration) {
        for (Map.Entry<String, INDArray> e : state.entrySet()) {
            INDArray value = saved.get(e.getKey());
            if (value == null || value.length() != e.getValue().length()) {
                throw new IllegalArgumentException("optimiser state does not match parameter " + e.getKey());
            }
            e.getValue().assign(value.reshape(e.getValue().shape()));
        }
        this.iteration = savedIteration;
    }
}
