package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Calls ND4J's native (libnd4j) custom ops by name; these pick oneDNN kernels where the native build has them. */
final class Ops {
    private Ops() {
    }

    static void exec(String op, INDArray[] inputs, INDArray[] outputs, int[] intArgs, double... floatArgs) {
        DynamicCustomOp call = DynamicCustomOp.builder(op)
                .addInputs(inputs)
                .addOutputs(outputs)
                .addIntegerArguments(intArgs)
                .addFloatingPointArguments(floatArgs.length == 0 ? new Double[0] : box(floatArgs))
                .build();
        Nd4j.exec(call);
    }

    private static Double[] box(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
