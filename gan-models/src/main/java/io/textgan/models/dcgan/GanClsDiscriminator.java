package io.textgan.models.dcgan;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextsPerImage;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.BatchNorm;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.nn.Parameter;
import io.textgan.core.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The GAN-CLS discriminator of Reed et al. 2016: image features (by default strided 4×4 convolutions with LeakyReLU(0.2) (batch norm after the
 * first) down to 4×4×(8·ndf)); then the {@link GanClsHead}: the projected text vector replicated over the 4×4 grid and
 * concatenated along depth; 1×1 convolution + LeakyReLU; a 4×4 convolution to one logit.
 * <p>
 * No batch norm after the text joins: the three kinds of pairs are scored in separate batches, and batch statistics
 * of image and text features together tell a batch of matching pairs from a batch of mismatched ones (their
 * covariance differs), a shortcut that spares the discriminator from learning what each caption says.
 */
public final class GanClsDiscriminator implements Discriminator {
    private final ModelConfig config;
    private final Sequential image;
    private final GanClsHead head;
    private int textsPerImage = 1;

    /**
     * @param projection also add the projection term of Miyato and Koyama 2018 to the logit: the inner product of a
     *                   linear map of the text vector with the image features summed over the 4×4 grid, a direct
     *                   measure of how well image and text agree
     */
    public GanClsDiscriminator(ModelConfig config, Random rng, boolean projection) {
        this(config, stridedConvolutions(config, rng), 8 * config.ndf(), projection, rng);
    }

    /**
     * The {@link GanClsHead} on other image features (the residual discriminator's, for instance).
     *
     * @param image    image [N, 3, S, S] to features [N, features, 4, 4]
     * @param features channels of the image features
     */
    public GanClsDiscriminator(ModelConfig config, Sequential image, int features, boolean projection, Random rng) {
        this.config = config;
        this.image = image;
        this.head = new GanClsHead(config, features, projection, rng);
    }

    private static Sequential stridedConvolutions(ModelConfig config, Random rng) {
        double std = DcganGenerator.INIT_STD;
        int downsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        int features = 8 * config.ndf();
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
        return new Sequential(layers);
    }

    @Override
    public INDArray score(INDArray images, INDArray text, boolean training) {
        textsPerImage = TextsPerImage.count(images, text);
        return head.score(TextsPerImage.repeat(image.forward(images, training), textsPerImage), text, training);
    }

    @Override
    public INDArray backward(INDArray gradLogits) {
        return backward(gradLogits, null);
    }

    @Override
    public Embeddings embeddings() {
        return head.embeddings();
    }

    @Override
    public INDArray backward(INDArray gradLogits, Embeddings gradEmbeddings) {
        return image.backward(TextsPerImage.sumRepeats(head.backward(gradLogits, gradEmbeddings), textsPerImage));
    }

    @Override
    public INDArray backwardInput(INDArray gradLogits, Embeddings gradEmbeddings) {
        return image.backwardInput(TextsPerImage.sumRepeats(head.backwardInput(gradLogits, gradEmbeddings), textsPerImage));
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(image.parameters());
        all.addAll(head.parameters());
        return all;
    }

    @Override
    public long multiplyAdds() {
        int s = config.imageSize();
        return image.multiplyAdds(new long[]{3, s, s}) + head.multiplyAdds();
    }

    @Override
    public List<String> summary() {
        int s = config.imageSize();
        List<String> lines = new ArrayList<>(LayerSummary.lines("image", image, new long[]{3, s, s}));
        lines.addAll(head.summary());
        return lines;
    }
}
