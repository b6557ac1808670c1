package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Batch normalisation over the channel axis of [N, C] or [N, C, H, W] input (Ioffe and Szegedy 2015).
 * Training uses batch statistics and updates running averages (momentum 0.1); inference uses the running averages.
 */
public final class BatchNorm implements Layer {
    /** ε added to the variance. */
    public static final double EPSILON = 1e-5;
    private static final double MOMENTUM = 0.1;

    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVariance;
    private INDArray normalized;
    private INDArray inverseStd;
    private boolean trainedForward;

    public BatchNorm(String name, int channels) {
        this.channels = channels;
        this.gamma = Parameter.trainable(name + ".gamma", Nd4j.ones(DataType.FLOAT, channels));
        this.beta = Parameter.trainable(name + ".beta", Nd4j.zeros(DataType.FLOAT, channels));
        this.runningMean = Parameter.buffer(name + ".running_mean", Nd4j.zeros(DataType.FLOAT, channels));
        this.runningVariance = Parameter.buffer(name + ".running_var", Nd4j.ones(DataType.FLOAT, channels));
    }

    private static int[] axes(INDArray x) {
        return x.rank() == 4 ? new int[]{0, 2, 3} : new int[]{0};
    }

    private static INDArray broadcastable(INDArray perChannel, INDArray like) {
        return like.rank() == 4
                ? perChannel.reshape(1, perChannel.length(), 1, 1)
                : perChannel.reshape(1, perChannel.length());
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        int[] axes = axes(x);
        INDArray mean;
        INDArray variance;
        if (training) {
            mean = x.mean(axes);
            variance = x.var(false, axes);
            long count = x.length() / channels;
            runningMean.value().muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
            runningVariance.value().muli(1 - MOMENTUM).addi(variance.mul(MOMENTUM * count / Math.max(1, count - 1)));
        } else {
            mean = runningMean.value();
            variance = runningVariance.value();
        }
        trainedForward = training;
        inverseStd = Transforms.pow(variance.add(EPSILON), -0.5, false);
        normalized = x.sub(broadcastable(mean, x)).muli(broadcastable(inverseStd, x));
        return normalized.mul(broadcastable(gamma.value(), x)).addi(broadcastable(beta.value(), x));
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        int[] axes = axes(gradOutput);
        INDArray gradBeta = gradOutput.sum(axes);
        INDArray gradGamma = gradOutput.mul(normalized).sum(axes);
        gamma.accumulate(gradGamma);
        beta.accumulate(gradBeta);
        INDArray scale = broadcastable(gamma.value().mul(inverseStd), gradOutput);
        if (!trainedForward) {
            return gradOutput.mul(scale);
        }
        double count = (double) gradOutput.length() / channels;
        return gradOutput.mul(count)
                .subi(broadcastable(gradBeta, gradOutput))
                .subi(normalized.mul(broadcastable(gradGamma, gradOutput)))
                .muli(scale).divi(count);
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    public Parameter runningMean() {
        return runningMean;
    }

    public Parameter runningVariance() {
        return runningVariance;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta, runningMean, runningVariance);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String describe() {
        return "BatchNorm(" + channels + ")";
    }
}
