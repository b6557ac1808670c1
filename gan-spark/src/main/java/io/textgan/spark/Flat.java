package io.textgan.spark;

import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Parameters' values or gradients as one flat float array (each in C order, in list order), and back. */
final class Flat {
    private Flat() {
    }

    static List<Parameter> trainable(List<Parameter> all) {
        return all.stream().filter(Parameter::isTrainable).toList();
    }

    /** The buffers (batch-norm running statistics, spectral-norm vectors): state that is not trained. */
    static List<Parameter> buffers(List<Parameter> all) {
        return all.stream().filter(p -> !p.isTrainable()).toList();
    }

    static float[] values(List<Parameter> parameters) {
        return flatten(parameters, Parameter::value);
    }

    static float[] gradients(List<Parameter> trainable) {
        return flatten(trainable, Parameter::gradient);
    }

    static void assignValues(List<Parameter> parameters, float[] flat) {
        assign(parameters, Parameter::value, flat);
    }

    static void assignGradients(List<Parameter> trainable, float[] flat) {
        assign(trainable, Parameter::gradient, flat);
    }

    static long length(List<Parameter> parameters) {
        return parameters.stream().mapToLong(p -> p.value().length()).sum();
    }

    private static float[] flatten(List<Parameter> parameters, Function<Parameter, org.nd4j.linalg.api.ndarray.INDArray> array) {
        float[] out = new float[Math.toIntExact(length(parameters))];
        int offset = 0;
        for (Parameter p : parameters) {
            float[] part = Nd4j.toFlattened('c', array.apply(p).castTo(DataType.FLOAT)).toFloatVector();
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    private static void assign(List<Parameter> parameters, Function<Parameter, org.nd4j.linalg.api.ndarray.INDArray> array, float[] flat) {
        if (flat.length != length(parameters)) {
            throw new IllegalArgumentException(flat.length + " values for parameters of " + length(parameters));
        }
        int offset = 0;
        for (Parameter p : parameters) {
            var target = array.apply(p);
            int n = Math.toIntExact(target.length());
            target.assign(Nd4j.createFromArray(Arrays.copyOfRange(flat, offset, offset + n)).reshape('c', target.shape()).castTo(target.dataType()));
            offset += n;
        }
    }
}
