package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Feature-wise linear modulation by a condition (FiLM, Perez et al. 2018, <a href="https://arxiv.org/abs/1709.07871">
 * arXiv:1709.07871</a>; in a text-to-image generator as DF-GAN's affine blocks, Tao et al. 2022,
 * <a href="https://arxiv.org/abs/2008.05865">arXiv:2008.05865</a>): {@code y = γ(t) ⊙ x + β(t)} per example and
 * channel of [N, C, H, W] or [N, C] input, where [γ − 1, β] = t·W + b is one dense map of the condition t [N, size].
 * With b = 0 and small W the layer starts close to the identity (γ = 1, β = 0 when t = 0).
 * <p>
 * The layer has two inputs: {@link #condition} sets t before {@link #forward}, so that the layer can sit in a
 * {@link Sequential}; {@link #backward} returns dLoss/dx and leaves dLoss/dt in {@link #conditionGradient()}.
 */
public final class Film implements Layer {
    private final int conditionSize;
    private final int channels;
    private final Dense affine;
    private INDArray condition;
    private INDArray input;
    private INDArray gamma;
    private INDArray conditionGradient;

    /** @param initialWeight [conditionSize, 2·channels]: the first half of the columns gives γ − 1, the second β */
    public Film(String name, int conditionSize, int channels, INDArray initialWeight) {
        this.conditionSize = conditionSize;
        this.channels = channels;
        this.affine = new Dense(name, conditionSize, 2 * channels, true, initialWeight);
    }

    /** Sets the condition t [N, conditionSize] that the following forward passes modulate with. */
    public void condition(INDArray condition) {
        this.condition = condition;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (condition == null) {
            throw new IllegalStateException("FiLM forward before its condition was set");
        }
        input = x;
        INDArray both = affine.forward(condition, training);
        gamma = perExample(both.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels)).add(1), x);
        INDArray beta = perExample(both.get(NDArrayIndex.all(), NDArrayIndex.interval(channels, 2 * channels)).dup(), x);
        return x.mul(gamma).addi(beta);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradGamma = input.rank() == 4 ? gradOutput.mul(input).sum(2, 3) : gradOutput.mul(input);
        INDArray gradBeta = input.rank() == 4 ? gradOutput.sum(2, 3) : gradOutput.dup();
        conditionGradient = affine.backward(Nd4j.hstack(gradGamma, gradBeta));
        return gradOutput.mul(gamma);
    }

    /** The dense map t·W + b whose output's first {@link #channels()} columns are γ − 1 and the rest β. */
    public Dense affine() {
        return affine;
    }

    public int channels() {
        return channels;
    }

    /** dLoss/dCondition [N, conditionSize] of the latest {@link #backward}. */
    public INDArray conditionGradient() {
        return conditionGradient;
    }

    private static INDArray perExample(INDArray perChannel, INDArray like) {
        return like.rank() == 4 ? perChannel.reshape(like.size(0), like.size(1), 1, 1) : perChannel;
    }

    @Override
    public List<Parameter> parameters() {
        return affine.parameters();
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape.clone();
    }

    /** The dense map of the condition, and one multiply-add per feature. */
    @Override
    public long multiplyAdds(long[] inputShape) {
        long features = 1;
        for (long s : inputShape) {
            features *= s;
        }
        return affine.multiplyAdds(new long[]{conditionSize}) + features;
    }

    @Override
    public String describe() {
        return "FiLM(" + conditionSize + "->2x" + channels + ")";
    }
}
