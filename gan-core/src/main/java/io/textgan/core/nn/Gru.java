package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Gated recurrent unit (Cho et al. 2014) over a time-major sequence: input [T, N, in], output the hidden states
 * [T, N, hidden]. Gates reset, update, candidate; the reset gate applies to the recurrent term after its product
 * (as PyTorch and Keras' reset_after), so there are input and recurrent biases. Backward is full backpropagation
 * through time.
 */
public final class Gru implements Layer {
    private final int in;
    private final int hidden;
    private final Parameter inputWeight;
    private final Parameter recurrentWeight;
    private final Parameter inputBias;
    private final Parameter recurrentBias;
    private final InputProjection projection;
    private final List<Step> steps = new ArrayList<>();

    private record Step(INDArray hPrev, INDArray r, INDArray z, INDArray n, INDArray recurrentCandidate) {
    }

    public Gru(String name, int in, int hidden, INDArray initialInputWeight, INDArray initialRecurrentWeight) {
        this.in = in;
        this.hidden = hidden;
        this.inputWeight = Parameter.trainable(name + ".input_weight", initialInputWeight.reshape(in, 3L * hidden));
        this.recurrentWeight = Parameter.trainable(name + ".recurrent_weight", initialRecurrentWeight.reshape(hidden, 3L * hidden));
        this.inputBias = Parameter.trainable(name + ".input_bias", Nd4j.zeros(DataType.FLOAT, 1, 3L * hidden));
        this.recurrentBias = Parameter.trainable(name + ".recurrent_bias", Nd4j.zeros(DataType.FLOAT, 1, 3L * hidden));
        this.projection = new InputProjection(inputWeight, inputBias);
    }

    private INDArray gate(INDArray a, int index) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval((long) index * hidden, (long) (index + 1) * hidden));
    }

    private static INDArray atStep(INDArray sequence, int t) {
        return sequence.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long time = x.size(0);
        long batch = x.size(1);
        INDArray projected = projection.forward(x);
        INDArray h = Nd4j.zeros(DataType.FLOAT, batch, hidden);
        INDArray outputs = Nd4j.create(DataType.FLOAT, time, batch, hidden);
        steps.clear();
        for (int t = 0; t < time; t++) {
            INDArray xp = atStep(projected, t);
            INDArray hp = h.mmul(recurrentWeight.value()).addiRowVector(recurrentBias.value());
            INDArray r = Transforms.sigmoid(gate(xp, 0).add(gate(hp, 0)), false);
            INDArray z = Transforms.sigmoid(gate(xp, 1).add(gate(hp, 1)), false);
            INDArray recurrentCandidate = gate(hp, 2).dup();
            INDArray n = Transforms.tanh(gate(xp, 2).add(r.mul(recurrentCandidate)), false);
            INDArray hNext = n.sub(n.mul(z)).addi(z.mul(h));
            steps.add(new Step(h, r, z, n, recurrentCandidate));
            atStep(outputs, t).assign(hNext);
            h = hNext;
        }
        return outputs;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        long time = gradOutput.size(0);
        long batch = gradOutput.size(1);
        INDArray gradProjected = Nd4j.create(DataType.FLOAT, time, batch, 3L * hidden);
        INDArray gradRecurrentWeight = Nd4j.zeros(DataType.FLOAT, hidden, 3L * hidden);
        INDArray gradRecurrentBias = Nd4j.zeros(DataType.FLOAT, 1, 3L * hidden);
        INDArray dhNext = Nd4j.zeros(DataType.FLOAT, batch, hidden);
        for (int t = (int) time - 1; t >= 0; t--) {
            Step s = steps.get(t);
            INDArray dh = atStep(gradOutput, t).add(dhNext);
            INDArray dn = dh.mul(s.z.rsub(1)).muli(s.n.mul(s.n).rsubi(1));
            INDArray dz = dh.mul(s.hPrev.sub(s.n)).muli(s.z.mul(s.z.rsub(1)));
            INDArray dr = dn.mul(s.recurrentCandidate).muli(s.r.mul(s.r.rsub(1)));
            INDArray dxp = atStep(gradProjected, t);
            gate(dxp, 0).assign(dr);
            gate(dxp, 1).assign(dz);
            gate(dxp, 2).assign(dn);
            INDArray dhp = Nd4j.hstack(dr, dz, dn.mul(s.r));
            gradRecurrentWeight.addi(s.hPrev.transpose().mmul(dhp));
            gradRecurrentBias.addi(dhp.sum(true, 0));
            dhNext = dh.mul(s.z).addi(dhp.mmul(recurrentWeight.value().transpose()));
        }
        recurrentWeight.accumulate(gradRecurrentWeight);
        recurrentBias.accumulate(gradRecurrentBias);
        return projection.backward(gradProjected);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(inputWeight, recurrentWeight, inputBias, recurrentBias);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return new long[]{inputShape[0], hidden};
    }

    @Override
    public long multiplyAdds(long[] s) {
        return s[0] * 3L * hidden * (in + hidden);
    }

    @Override
    public String describe() {
        return "GRU(" + in + "->" + hidden + ")";
    }
}
