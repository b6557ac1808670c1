package io.textgan.models.residual;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.nn.Activation;
import io.textgan.core.nn.AvgPool2d;
import io.textgan.core.nn.Conv2d;
import io.textgan.core.nn.Init;
import io.textgan.core.nn.Layer;
import io.textgan.core.nn.Residual;
import io.textgan.core.nn.Sequential;
import io.textgan.models.dcgan.GanClsDiscriminator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A residual discriminator in the manner of SNGAN (Miyato et al. 2018,
 * <a href="https://arxiv.org/abs/1802.05957">arXiv:1802.05957</a>) with GAN-CLS's text join and the projection term:
 * one down-block per halving of the side down to 4×4, main branch ReLU → 3×3 conv → ReLU → 3×3 conv → average
 * pooling /2 (the first block without the leading ReLU, which would clip the image), shortcut 1×1 conv and pooling,
 * channels doubling from ndf; ReLU; then the {@link GanClsHead} with the projection term, as {@code gan-cls-projection}.
 * <p>
 * It is a {@link GanClsDiscriminator} on these features: {@link #create}.
 * <p>
 * The shortcut pools before its 1×1 convolution, which gives the same result on a quarter of the pixels. There is no
 * normalisation in the blocks (SNGAN's spectral norm is not used here), so their weights are drawn to keep the scale of
 * the activations: N(0, 2/fanIn) (He) for the 3×3 convolutions, N(0, 1/fanIn) for the linear shortcuts. DCGAN's
 * N(0, 0.02) would shrink the image features block by block (a 3×3 convolution over 32 channels scales them by about
 * √(9·32)·0.02 ≈ 0.3, and there are two in a row), leaving the text alone to decide the first logits. The head keeps
 * GAN-CLS's N(0, 0.02).
 */
public final class ResidualDiscriminator {
    private ResidualDiscriminator() {
    }

    /** The residual down-blocks and the GAN-CLS head with the projection term. */
    public static GanClsDiscriminator create(ModelConfig config, Random rng) {
        int blocks = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        List<Layer> layers = new ArrayList<>();
        int in = 3;
        int out = config.ndf();
        for (int i = 1; i <= blocks; i++) {
            layers.add(downBlock("d.block" + i, in, out, i == 1, rng));
            in = out;
            out *= 2;
        }
        layers.add(Activation.relu());
        return new GanClsDiscriminator(config, new Sequential(layers), in, true, rng);
    }

    /** Halves the side; the shortcut has no bias, as the main branch's second convolution adds one to the same sum. */
    private static Residual downBlock(String name, int in, int out, boolean first, Random rng) {
        List<Layer> main = new ArrayList<>();
        if (!first) {
            main.add(Activation.relu());
        }
        main.add(new Conv2d(name + ".conv1", in, out, 3, 1, 1, true, Init.he(rng, 9L * in, 3, 3, in, out)));
        main.add(Activation.relu());
        main.add(new Conv2d(name + ".conv2", out, out, 3, 1, 1, true, Init.he(rng, 9L * out, 3, 3, out, out)));
        main.add(new AvgPool2d(2));
        Sequential shortcut = new Sequential(List.of(new AvgPool2d(2),
                new Conv2d(name + ".shortcut", in, out, 1, 1, 0, false, Init.normal(rng, Math.sqrt(1.0 / in), 1, 1, in, out))));
        return new Residual(name, new Sequential(main), shortcut);
    }
}
