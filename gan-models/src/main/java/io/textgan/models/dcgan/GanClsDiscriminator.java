package io.textgan.models.dcgan;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Dense;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
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
 * The GAN-CLS discriminator of Reed et al. 2016: strided 4×4 convolutions with LeakyReLU(0.2) (batch norm after the
 * first) down to 4×4×(8·ndf); the projected text vector replicated over the 4×4 grid and concatenated along depth;
 * 1×1 convolution + LeakyReLU; a 4×4 convolution to one logit.
 * <p>
 * No batch norm after the text joins: the three kinds of pairs are scored in separate batches, and batch statistics
 * of image and text features together tell a batch of matching pairs from a batch of mismatched ones (their
 * covariance differs), a shortcut that spares the discriminator from learning what each caption says.
 */
public final class GanClsDiscriminator implements Discriminator {
    private final ModelConfig config;
    private final Sequential image;
    private final Sequential condition;
    private final Sequential head;
    private final Dense projection;
    private final int features;
    private INDArray pooledFeatures;
    private INDArray projectedText;

    /**
     * @param projection also add the projection term of Miyato and Koyama 2018 to the logit: the inner product of a
     *                   linear map of the text vector with the image features summed over the 4×4 grid, a direct
     *                   measure of how well image and text agree
     */
    public GanClsDiscriminator(ModelConfig config, Random rng, boolean projection) {
        this.config = config;
        double std = DcganGenerator.INIT_STD;
        int downsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        this.features = 8 * config.ndf();
        List<Layer> layers = new ArrayList<>();
        int in = 3;
        for (int i = 1; i <= downsamplings; i++) {
            int out = features >> (downsamplings - i);
            layers.add(new Conv2d("d.down" + i, in, out, 4, 2, 1, i == 1, Init.normal(rng, std, 4, 4, in, out)));
            if (i > 1) {
                layers.add(new BatchNorm("d.down" + i + "_bn", out));
            }
            layers.add(Activation.leakyRelu(0.2));
            in = out;
        }
        this.image = new Sequential(layers);
        int c = config.conditionSize();
        this.condition = new Sequential(List.of(
                new Dense("d.text", config.textSize(), c, true, Init.normal(rng, std, config.textSize(), c)),
                Activation.leakyRelu(0.2)));
        this.head = new Sequential(List.of(
                new Conv2d("d.joint", features + c, features, 1, 1, 0, true, Init.normal(rng, std, 1, 1, features + c, features)),
                Activation.leakyRelu(0.2),
                new Conv2d("d.logit", features, 1, 4, 1, 0, true, Init.normal(rng, std, 4, 4, features, 1)),
                new Reshape(1)));
        this.projection = projection
                ? new Dense("d.projection", config.textSize(), features, false, Init.normal(rng, std, config.textSize(), features))
                : null;
    }

    @Override
    public INDArray score(INDArray images, INDArray text, boolean training) {
        INDArray imageFeatures = image.forward(images, training);
        INDArray projected = condition.forward(text, training);
        long n = images.size(0);
        INDArray tiled = Nd4j.zeros(projected.dataType(), n, config.conditionSize(), 4, 4)
                .addi(projected.reshape(n, config.conditionSize(), 1, 1));
        INDArray logits = head.forward(Nd4j.concat(1, imageFeatures, tiled), training);
        if (projection == null) {
            return logits;
        }
        pooledFeatures = imageFeatures.sum(2, 3);
        projectedText = projection.forward(text, training);
        return logits.addi(pooledFeatures.mul(projectedText).sum(true, 1));
    }

    @Override
    public INDArray backward(INDArray gradLogits) {
        INDArray gradJoint = head.backward(gradLogits);
        INDArray gradImageFeatures = gradJoint.get(NDArrayIndex.all(), NDArrayIndex.interval(0, features)).dup();
        INDArray gradTiled = gradJoint.get(NDArrayIndex.all(), NDArrayIndex.interval(features, features + config.conditionSize()));
        condition.backward(gradTiled.sum(2, 3));
        if (projection != null) {
            projection.backward(pooledFeatures.mulColumnVector(gradLogits.reshape(-1, 1)));
            gradImageFeatures.addi(projectedText.mulColumnVector(gradLogits.reshape(-1, 1))
                    .reshape(gradLogits.length(), features, 1, 1).broadcast(gradImageFeatures.shape()));
        }
        return image.backward(gradImageFeatures);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(image.parameters());
        all.addAll(condition.parameters());
        all.addAll(head.parameters());
        if (projection != null) {
            all.addAll(projection.parameters());
        }
        return all;
    }

    @Override
    public long multiplyAdds() {
        int s = config.imageSize();
        return image.multiplyAdds(new long[]{3, s, s}) + condition.multiplyAdds(new long[]{config.textSize()})
                + head.multiplyAdds(new long[]{features + config.conditionSize(), 4, 4})
                + (projection == null ? 0 : projection.multiplyAdds(new long[]{config.textSize()}) + 17L * features);
    }

    @Override
    public List<String> summary() {
        int s = config.imageSize();
        List<String> lines = new ArrayList<>(LayerSummary.lines("image", image, new long[]{3, s, s}));
        lines.addAll(LayerSummary.lines("text", condition, new long[]{config.textSize()}));
        lines.addAll(LayerSummary.lines("joint", head, new long[]{features + config.conditionSize(), 4, 4}));
        if (projection != null) {
            lines.addAll(LayerSummary.lines("projection", projection, new long[]{config.textSize()}));
        }
        return lines;
    }
}
