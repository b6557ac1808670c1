package io.textgan.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A ComputationGraph that also returns dLoss/dInputs of a backward pass from external errors. DL4J's public
 * {@code backpropGradient(epsilons)} computes them (each input vertex receives its epsilon) but clears the vertices
 * before they can be read, so this subclass runs the same protected {@code calcBackpropGradients} without clearing,
 * reads the input vertices' epsilons, then clears.
 */
final class ExternalErrorGraph extends ComputationGraph {

    ExternalErrorGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /**
     * Backpropagates external errors at the outputs (in {@code setOutputs} order) of the latest training forward pass;
     * sets the flattened gradients and returns dLoss/dInput per network input (null where DL4J computes none).
     */
    INDArray[] backpropExternal(INDArray... epsilons) {
        if (epsilons.length != getNumOutputArrays()) {
            throw new IllegalArgumentException(epsilons.length + " output errors for " + getNumOutputArrays() + " outputs");
        }
        try {
            calcBackpropGradients(false, false, epsilons);
            List<String> inputs = getConfiguration().getNetworkInputs();
            INDArray[] inputGradients = new INDArray[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                INDArray e = getVertex(inputs.get(i)).getEpsilon();
                inputGradients[i] = e == null ? null : e.dup();
            }
            return inputGradients;
        } finally {
            for (GraphVertex v : getVertices()) {
                v.clear();
            }
        }
    }
}
