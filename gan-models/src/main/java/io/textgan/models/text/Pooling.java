package io.textgan.models.text;

import io.textgan.core.data.TokenBatch;
import io.textgan.core.export.OnnxGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Reads a sentence vector from a recurrent layer's states [T, N, H] over each caption's real tokens only: their mean
 * ("mean") or the state after the last one ("last"). A caption without tokens reads its first (padding) step.
 */
final class Pooling {
    private final INDArray weights;

    /** @param pooling "mean" or "last", as {@link io.textgan.core.api.ModelConfig#pooling()} */
    Pooling(TokenBatch tokens, String pooling) {
        weights = Nd4j.zeros(DataType.FLOAT, tokens.steps(), tokens.size(), 1);
        for (int n = 0; n < tokens.size(); n++) {
            int length = Math.max(1, tokens.lengths()[n]);
            if ("last".equals(pooling)) {
                weights.putScalar(length - 1, n, 0, 1f);
            } else {
                for (int t = 0; t < length; t++) {
                    weights.putScalar(t, n, 0, 1f / length);
                }
            }
        }
    }

    /**
     * The same pooling as ONNX nodes: from {@code states} [T, N, H], the time-major token ids [T, N] (for T) and
     * {@code lengths} [N] (int64), the weights of the constructor (step t of caption n weighs 1/max(1, length) for
     * t &lt; max(1, length) with "mean", 1 at t = max(1, length) - 1 with "last"), then the weighted sum over time.
     */
    static String exportOnnx(OnnxGraph g, String states, String timeMajorIds, String lengths, String pooling) {
        String steps = g.node("Gather", "steps", List.of(g.node("Shape", "ids_shape", List.of(timeMajorIds)),
                g.scalarInt("zero", 0)), new OnnxGraph.IntAttribute("axis", 0));
        String t = g.node("Range", "t", List.of(g.scalarInt("zero", 0), steps, g.scalarInt("one", 1)));
        String column = g.node("Unsqueeze", "t_column", List.of(t, g.constantInts("axes", 1)));
        String length = g.node("Max", "length", List.of(lengths, g.constantInts("one", 1)));
        String row = g.node("Unsqueeze", "length_row", List.of(length, g.constantInts("axes", 0)));
        String weights;
        if ("last".equals(pooling)) {
            String last = g.node("Sub", "last", List.of(row, g.constantInts("one", 1)));
            weights = g.node("Cast", "last_weight", List.of(g.node("Equal", "is_last", List.of(column, last))),
                    new OnnxGraph.IntAttribute("to", 1));
        } else {
            String inside = g.node("Cast", "inside", List.of(g.node("Less", "is_inside", List.of(column, row))),
                    new OnnxGraph.IntAttribute("to", 1));
            weights = g.node("Div", "mean_weight", List.of(inside, g.node("Cast", "length_float", List.of(row),
                    new OnnxGraph.IntAttribute("to", 1))));
        }
        String weights3 = g.node("Unsqueeze", "pool_weights", List.of(weights, g.constantInts("axes", 2)));
        return g.node("ReduceSum", "pooled", List.of(g.node("Mul", "weighted", List.of(states, weights3)),
                g.constantInts("axes", 0)), new OnnxGraph.IntAttribute("keepdims", 0));
    }

    /** [N, H] from states [T, N, H]. */
    INDArray pool(INDArray states) {
        return states.mul(weights).sum(0);
    }

    /** dLoss/dStates [T, N, H] from dLoss/dVectors [N, H]. */
    INDArray backward(INDArray gradVectors) {
        return Nd4j.zeros(DataType.FLOAT, weights.size(0), gradVectors.size(0), gradVectors.size(1))
                .addi(gradVectors.reshape(1, gradVectors.size(0), gradVectors.size(1)))
                .muli(weights);
    }
}
