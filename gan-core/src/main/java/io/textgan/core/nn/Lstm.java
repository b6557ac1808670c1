package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Long short-term memory over a time-major sequence: input [T, N, in], output the hidden states [T, N, hidden].
 * Gates in the order input, forget, cell, output; the forget bias starts at 1. Backward is full backpropagation
 * through time.
 */
public final class Lstm implements Layer {
    private final int in;
    private final int hidden;
    private final Parameter inputWeight;
    private final Parameter recurrentWeight;
    private final Parameter bias;
    private final InputProjection projection;
    private final List<Step> steps = new ArrayList<>();

    private record Step(INDArray hPrev, INDArray cPrev, INDArray i, INDArray f, INDArray g, INDArray o, INDArray tanhC) {
    }

    public Lstm(String name, int in, int hidden, INDArray initialInputWeight, INDArray initialRecurrentWeight) {
        this.in = in;
        this.hidden = hidden;
        this.inputWeight = Parameter.trainable(name + ".input_weight", initialInputWeight.reshape(in, 4L * hidden));
        this.recurrentWeight = Parameter.trainable(name + ".recurrent_weight", initialRecurrentWeight.reshape(hidden, 4L * hidden));
        INDArray b = Nd4j.zeros(DataType.FLOAT, 1, 4L * hidden);
        b.get(NDArrayIndex.all(), NDArrayIndex.interval(hidden, 2L * hidden)).assign(1);
        this.bias = Parameter.trainable(name + ".bias", b);
        this.projection = new InputProjection(inputWeight, bias);
    }

    public int hidden() {
        return hidden;
    }

    /** [in, 4·hidden], gate blocks of columns in the order input, forget, cell, output. */
    public Parameter inputWeight() {
        return inputWeight;
    }

    /** [hidden, 4·hidden], gate blocks as {@link #inputWeight()}. */
    public Parameter recurrentWeight() {
        return recurrentWeight;
    }

    /** [1, 4·hidden], gate blocks as {@link #inputWeight()}. */
    public Parameter bias() {
        return bias;
    }

    private INDArray gate(INDArray z, int index) {
        return z.get(NDArrayIndex.all(), NDArrayIndex.interval((long) index * hidden, (long) (index + 1) * hidden));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long time = x.size(0);
        long batch = x.size(1);
        INDArray projected = projection.forward(x);
        INDArray h = Nd4j.zeros(DataType.FLOAT, batch, hidden);
        INDArray c = Nd4j.zeros(DataType.FLOAT, batch, hidden);
        INDArray outputs = Nd4j.create(DataType.FLOAT, time, batch, hidden);
        steps.clear();
        for (int t = 0; t < time; t++) {
            INDArray z = projected.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all())
                    .add(h.mmul(recurrentWeight.value()));
            INDArray i = Transforms.sigmoid(gate(z, 0), true);
            INDArray f = Transforms.sigmoid(gate(z, 1), true);
            INDArray g = Transforms.tanh(gate(z, 2), true);
            INDArray o = Transforms.sigmoid(gate(z, 3), true);
            INDArray cNext = f.mul(c).addi(i.mul(g));
            INDArray tanhC = Transforms.tanh(cNext, true);
            INDArray hNext = o.mul(tanhC);
            steps.add(new Step(h, c, i, f, g, o, tanhC));
            outputs.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all()).assign(hNext);
            h = hNext;
            c = cNext;
        }
        return outputs;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        long time = gradOutput.size(0);
        long batch = gradOutput.size(1);
        INDArray gradProjected = Nd4j.create(DataType.FLOAT, time, batch, 4L * hidden);
        INDArray gradRecurrent = Nd4j.zeros(DataType.FLOAT, hidden, 4L * hidden);
        INDArray dhNext = Nd4j.zeros(DataType.FLOAT, batch, hidden);
        INDArray dcNext = Nd4j.zeros(DataType.FLOAT, batch, hidden);
        for (int t = (int) time - 1; t >= 0; t--) {
            Step s = steps.get(t);
            INDArray dh = gradOutput.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all()).add(dhNext);
            INDArray dOut = dh.mul(s.tanhC);
            INDArray dc = dh.mul(s.o).muli(s.tanhC.mul(s.tanhC).rsubi(1)).addi(dcNext);
            INDArray dz = gradProjected.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
            gate(dz, 0).assign(dc.mul(s.g).muli(s.i.mul(s.i.rsub(1))));
            gate(dz, 1).assign(dc.mul(s.cPrev).muli(s.f.mul(s.f.rsub(1))));
            gate(dz, 2).assign(dc.mul(s.i).muli(s.g.mul(s.g).rsubi(1)));
            gate(dz, 3).assign(dOut.muli(s.o.mul(s.o.rsub(1))));
            INDArray dzStep = dz.dup();
            gradRecurrent.addi(s.hPrev.transpose().mmul(dzStep));
            dhNext = dzStep.mmul(recurrentWeight.value().transpose());
            dcNext = dc.mul(s.f);
        }
        recurrentWeight.accumulate(gradRecurrent);
        return projection.backward(gradProjected);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(inputWeight, recurrentWeight, bias);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return new long[]{inputShape[0], hidden};
    }

    @Override
    public long multiplyAdds(long[] s) {
        return s[0] * 4L * hidden * (in + hidden);
    }

    @Override
    public String describe() {
        return "LSTM(" + in + "->" + hidden + ")";
    }
}
