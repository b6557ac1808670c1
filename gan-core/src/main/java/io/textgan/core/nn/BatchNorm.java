package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Batch normalisation over the channel axis of [N, C] or [N, C, H, W] input (Ioffe and Szegedy 2015).
 * Training uses batch statistics and updates running averages (momentum 0.1); inference uses the running averages.
 * The normalisation and, after a training forward, its backward (which includes the batch statistics' dependence on
 * the input) run as ND4J's native {@code batchnorm} and {@code batchnorm_bp} (oneDNN where the native build has it):
 * one pass each instead of a chain of element-wise ops.
 */
public final class BatchNorm implements Layer {
    /** ε added to the variance. */
    public static final double EPSILON = 1e-5;
    private static final double MOMENTUM = 0.1;
    /** batchnorm's integer arguments: apply gamma, apply beta, the channel axis. */
    private static final int[] ARGS = {1, 1, 1};

    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVariance;
    private INDArray input;
    private INDArray mean;
    private INDArray variance;
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
        if (training) {
            mean = x.mean(axes);
            variance = x.var(false, axes);
            long count = x.length() / channels;
            runningMean.value().muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
            runningVariance.value().muli(1 - MOMENTUM).addi(variance.mul(MOMENTUM * count / Math.max(1, count - 1)));
        } else {
            // copies: a later training forward moves the running statistics this forward's backward must use
            mean = runningMean.value().dup();
            variance = runningVariance.value().dup();
        }
        input = x;
        trainedForward = training;
        INDArray y = Nd4j.create(DataType.FLOAT, x.shape());
        Ops.exec("batchnorm", new INDArray[]{x, mean, variance, gamma.value(), beta.value()}, new INDArray[]{y}, ARGS, EPSILON);
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return backward(gradOutput, true);
    }

    @Override
    public INDArray backwardInput(INDArray gradOutput) {
        return backward(gradOutput, false);
    }

    private INDArray backward(INDArray gradOutput, boolean accumulate) {
        if (!trainedForward) {
            // fixed statistics: y = (x − μ)·s·γ + β with s = 1/√(σ² + ε), so dL/dx = dL/dy·γ·s
            INDArray inverseStd = Transforms.pow(variance.add(EPSILON), -0.5, false);
            if (accumulate) {
                int[] axes = axes(gradOutput);
                INDArray normalized = input.sub(broadcastable(mean, input)).muli(broadcastable(inverseStd, input));
                gamma.accumulate(gradOutput.mul(normalized).sum(axes));
                beta.accumulate(gradOutput.sum(axes));
            }
            return gradOutput.mul(broadcastable(gamma.value().mul(inverseStd), gradOutput));
        }
        INDArray gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        INDArray gradGamma = Nd4j.create(DataType.FLOAT, channels);
        INDArray gradBeta = Nd4j.create(DataType.FLOAT, channels);
        Ops.exec("batchnorm_bp", new INDArray[]{input, mean, variance, gamma.value(), beta.value(), gradOutput},
                new INDArray[]{gradInput, Nd4j.create(DataType.FLOAT, channels), Nd4j.create(DataType.FLOAT, channels), gradGamma, gradBeta},
                ARGS, EPSILON);
        if (accumulate) {
            gamma.accumulate(gradGamma);
            beta.accumulate(gradBeta);
        }
        return gradInput;
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
