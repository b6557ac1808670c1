package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Conditioning augmentation of StackGAN (Zhang et al. 2017, <a href="https://arxiv.org/abs/1612.03242">arXiv:1612.03242</a>):
 * one dense layer maps the text vector [N, textSize] to a mean μ and a log-variance log σ² [N, conditionSize] each, and
 * the condition is sampled, c = μ + σ ⊙ ε with ε ~ N(0, I), so that nearby sentences share conditions and the generator
 * sees a smoother condition manifold. A sampled forward adds {@value #KL_WEIGHT} × KL(N(μ, σ²) ‖ N(0, I)) to the loss
 * (the divergence summed over the condition's components, averaged over the batch, λ = 1 as in the paper), and its
 * {@link #backward} adds that term's gradient. In inference the condition is the mean, c = μ, so that a prompt and a
 * noise vector always give the same image.
 */
public final class ConditioningAugmentation {
    /** λ, the weight of the KL term in the generator's loss: 1, as in all of StackGAN's experiments. */
    public static final double KL_WEIGHT = 1.0;

    private final int textSize;
    private final int conditionSize;
    private final Dense moments;
    private INDArray mean;
    private INDArray logVariance;
    private INDArray std;
    private INDArray epsilon;
    private double klDivergence;

    /** @param initialWeight [textSize, 2·conditionSize]: the first half of the columns gives μ, the second log σ² */
    public ConditioningAugmentation(String name, int textSize, int conditionSize, INDArray initialWeight) {
        this.textSize = textSize;
        this.conditionSize = conditionSize;
        this.moments = new Dense(name, textSize, 2 * conditionSize, true, initialWeight);
    }

    /**
     * The condition [N, conditionSize] for text vectors [N, textSize]: μ + σ ⊙ ε when {@code epsilon} [N, conditionSize]
     * is given (training), μ when it is null (inference, which adds no KL term).
     */
    public INDArray forward(INDArray text, INDArray epsilon) {
        INDArray both = moments.forward(text, true);
        mean = both.get(NDArrayIndex.all(), NDArrayIndex.interval(0, conditionSize));
        logVariance = both.get(NDArrayIndex.all(), NDArrayIndex.interval(conditionSize, 2 * conditionSize));
        this.epsilon = epsilon;
        if (epsilon == null) {
            klDivergence = 0;
            return mean.dup();
        }
        std = Transforms.exp(logVariance.mul(0.5), false);
        // KL(N(μ, σ²) ‖ N(0, 1)) = ½ (μ² + σ² − 1 − log σ²) per component
        INDArray perComponent = mean.mul(mean).addi(std.mul(std)).subi(1).subi(logVariance).muli(0.5);
        klDivergence = KL_WEIGHT * perComponent.sumNumber().doubleValue() / text.size(0);
        return std.mul(epsilon).addi(mean);
    }

    /**
     * Backpropagates dLoss/dCondition of the latest {@link #forward}, plus the gradient of its KL term when it was
     * sampled; accumulates the dense layer's gradients and returns dLoss/dText.
     */
    public INDArray backward(INDArray gradCondition) {
        INDArray gradMean = gradCondition.dup();
        INDArray gradLogVariance;
        if (epsilon == null) {
            gradLogVariance = Nd4j.zeros(gradCondition.dataType(), gradCondition.shape());
        } else {
            double n = gradCondition.size(0);
            gradMean.addi(mean.mul(KL_WEIGHT / n));
            // dc/dlog σ² = ½ σ ε;  dKL/dlog σ² = ½ (σ² − 1)
            gradLogVariance = gradCondition.mul(std).muli(epsilon).muli(0.5)
                    .addi(std.mul(std).subi(1).muli(0.5 * KL_WEIGHT / n));
        }
        return moments.backward(Nd4j.hstack(gradMean, gradLogVariance));
    }

    /** The dense layer whose output's first {@link #conditionSize()} columns are μ and the rest log σ². */
    public Dense moments() {
        return moments;
    }

    /** {@value #KL_WEIGHT} × the batch mean of KL(N(μ, σ²) ‖ N(0, I)) of the latest forward; 0 if it was not sampled. */
    public double klDivergence() {
        return klDivergence;
    }

    public List<Parameter> parameters() {
        return moments.parameters();
    }

    /** Multiply-adds of one example: the dense layer's (sampling is not counted). */
    public long multiplyAdds() {
        return moments.multiplyAdds(new long[]{textSize});
    }

    public int conditionSize() {
        return conditionSize;
    }

    /** One line for summaries: text size, and 2 × condition size for μ and log σ². */
    public String describe() {
        return "CondAug(" + textSize + "->2x" + conditionSize + ")";
    }

    /**
     * Standard normal ε [N, size], each row drawn from a random source seeded by the bits of the same row of
     * {@code noise} [N, noiseSize]. A generator that samples its condition with this ε stays a pure function of its
     * noise and text: deterministic for a seed, and the same after a checkpoint is loaded (a random source held by the
     * generator would start again when it is rebuilt), so that a resumed run repeats an uninterrupted one exactly.
     */
    public static INDArray epsilonFrom(INDArray noise, int size) {
        float[][] rows = noise.toFloatMatrix();
        float[] values = new float[rows.length * size];
        for (int n = 0; n < rows.length; n++) {
            long seed = 1_125_899_906_842_597L;
            for (float v : rows[n]) {
                seed = 31 * seed + Float.floatToIntBits(v);
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int j = 0; j < size; j++) {
                values[n * size + j] = (float) random.nextGaussian();
            }
        }
        return Nd4j.create(values, new long[]{rows.length, size}, DataType.FLOAT);
    }
}
