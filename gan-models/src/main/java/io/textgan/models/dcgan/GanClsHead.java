package io.textgan.models.dcgan;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.Network;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Reshape;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The end of a GAN-CLS discriminator (Reed et al. 2016), after the image is down to a 4×4 grid of features: the text
 * vector projected by FC + LeakyReLU(0.2), replicated over the grid and concatenated along depth; 1×1 convolution +
 * LeakyReLU; a 4×4 convolution to one logit. Optionally plus the projection term of Miyato and Koyama 2018
 * (<a href="https://arxiv.org/abs/1802.05637">arXiv:1802.05637</a>): the inner product of a linear map of the text
 * vector with the image features summed over the grid, a direct measure of how well image and text agree.
 * Weights N(0, 0.02) as DCGAN's.
 */
public final class GanClsHead implements Network {
    private final ModelConfig config;
    private final int features;
    private final Sequential condition;
    private final Sequential joint;
    private final Dense projection;
    private INDArray pooledFeatures;
    private INDArray projectedText;

    /** @param features channels of the [N, features, 4, 4] image features this head scores */
    public GanClsHead(ModelConfig config, int features, boolean projection, Random rng) {
        this.config = config;
        this.features = features;
        double std = DcganGenerator.INIT_STD;
        int c = config.conditionSize();
        this.condition = new Sequential(List.of(
                new Dense("d.text", config.textSize(), c, true, Init.normal(rng, std, config.textSize(), c)),
                Activation.leakyRelu(0.2)));
        this.joint = new Sequential(List.of(
                new Conv2d("d.joint", features + c, features, 1, 1, 0, true, Init.normal(rng, std, 1, 1, features + c, features)),
                Activation.leakyRelu(0.2),
                new Conv2d("d.logit", features, 1, 4, 1, 0, true, Init.normal(rng, std, 4, 4, features, 1)),
                new Reshape(1)));
        this.projection = projection
                ? new Dense("d.projection", config.textSize(), features, false, Init.normal(rng, std, config.textSize(), features))
                : null;
    }

    /** @param imageFeatures [N, features, 4, 4] @param text [N, textSize] @return logits [N, 1] */
    public INDArray score(INDArray imageFeatures, INDArray text, boolean training) {
        INDArray projected = condition.forward(text, training);
        long n = imageFeatures.size(0);
        INDArray tiled = Nd4j.zeros(projected.dataType(), n, config.conditionSize(), 4, 4)
                .addi(projected.reshape(n, config.conditionSize(), 1, 1));
        INDArray logits = joint.forward(Nd4j.concat(1, imageFeatures, tiled), training);
        if (projection == null) {
            return logits;
        }
        pooledFeatures = imageFeatures.sum(2, 3);
        projectedText = projection.forward(text, training);
        return logits.addi(pooledFeatures.mul(projectedText).sum(true, 1));
    }

    /** The projection term's image features (summed over the grid) and projected text of the latest score; null without the term. */
    public Discriminator.Embeddings embeddings() {
        return projection == null ? null : new Discriminator.Embeddings(pooledFeatures, projectedText);
    }

    /** Backpropagates dLoss/dLogits of the latest {@link #score}; returns dLoss/dImageFeatures. */
    public INDArray backward(INDArray gradLogits) {
        return backward(gradLogits, null);
    }

    /** As {@link #backward(INDArray)}, plus gradients on the {@link #embeddings()} (either part may be null). */
    public INDArray backward(INDArray gradLogits, Discriminator.Embeddings gradEmbeddings) {
        return backward(gradLogits, gradEmbeddings, true);
    }

    /** dLoss/dImageFeatures as {@link #backward(INDArray, Discriminator.Embeddings)} gives it, without parameter gradients. */
    public INDArray backwardInput(INDArray gradLogits, Discriminator.Embeddings gradEmbeddings) {
        return backward(gradLogits, gradEmbeddings, false);
    }

    private INDArray backward(INDArray gradLogits, Discriminator.Embeddings gradEmbeddings, boolean parameters) {
        INDArray gradJoint = parameters ? joint.backward(gradLogits) : joint.backwardInput(gradLogits);
        INDArray gradImageFeatures = gradJoint.get(NDArrayIndex.all(), NDArrayIndex.interval(0, features)).dup();
        if (parameters) {
            INDArray gradTiled = gradJoint.get(NDArrayIndex.all(), NDArrayIndex.interval(features, features + config.conditionSize()));
            condition.backward(gradTiled.sum(2, 3));
        }
        if (projection != null) {
            INDArray g = gradLogits.reshape(-1, 1);
            INDArray gradPooled = projectedText.mulColumnVector(g);
            if (gradEmbeddings != null && gradEmbeddings.image() != null) {
                gradPooled.addi(gradEmbeddings.image());
            }
            if (parameters) {
                INDArray gradText = pooledFeatures.mulColumnVector(g);
                if (gradEmbeddings != null && gradEmbeddings.text() != null) {
                    gradText.addi(gradEmbeddings.text());
                }
                projection.backward(gradText);
            }
            gradImageFeatures.addi(gradPooled.reshape(gradLogits.length(), features, 1, 1).broadcast(gradImageFeatures.shape()));
        } else if (gradEmbeddings != null) {
            throw new UnsupportedOperationException("a GAN-CLS head without the projection term has no embeddings");
        }
        return gradImageFeatures;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(condition.parameters());
        all.addAll(joint.parameters());
        if (projection != null) {
            all.addAll(projection.parameters());
        }
        return all;
    }

    @Override
    public long multiplyAdds() {
        return condition.multiplyAdds(new long[]{config.textSize()})
                + joint.multiplyAdds(new long[]{features + config.conditionSize(), 4, 4})
                + (projection == null ? 0 : projection.multiplyAdds(new long[]{config.textSize()}) + 17L * features);
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>(LayerSummary.lines("text", condition, new long[]{config.textSize()}));
        lines.addAll(LayerSummary.lines("joint", joint, new long[]{features + config.conditionSize(), 4, 4}));
        if (projection != null) {
            lines.addAll(LayerSummary.lines("projection", projection, new long[]{config.textSize()}));
        }
        return lines;
    }
}
