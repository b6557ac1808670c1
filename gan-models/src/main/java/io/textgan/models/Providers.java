package io.textgan.models;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.Generator;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.TextEncoder;
import io.textgan.models.dcgan.DcganGenerator;
import io.textgan.models.dcgan.GanClsDiscriminator;
import io.textgan.models.residual.ResidualDiscriminator;
import io.textgan.models.residual.ResidualGenerator;
import io.textgan.models.text.BidirectionalTextEncoder;
import io.textgan.models.text.ConvImageEncoder;
import io.textgan.models.text.RecurrentTextEncoder;

import java.util.Random;

/** The {@link java.util.ServiceLoader} providers of this module's networks. */
public final class Providers {
    private Providers() {
    }

    /** {@code dcgan}: {@link DcganGenerator}. */
    public static final class Dcgan implements ModelProvider.GeneratorProvider {
        @Override
        public String name() {
            return "dcgan";
        }

        @Override
        public String description() {
            return "GAN-CLS / DCGAN generator: noise + projected text, FC to 4x4, transposed convolutions with batch norm";
        }

        @Override
        public Generator create(ModelConfig config, Random rng) {
            return new DcganGenerator(config, rng);
        }
    }

    /** {@code film}: {@link DcganGenerator} with the text condition modulating the features after each batch norm. */
    public static final class Film implements ModelProvider.GeneratorProvider {
        @Override
        public String name() {
            return "film";
        }

        @Override
        public String description() {
            return "dcgan plus FiLM (DF-GAN style): gamma(text) * x + beta(text) per channel after every batch norm";
        }

        @Override
        public Generator create(ModelConfig config, Random rng) {
            return new DcganGenerator(config, rng, true);
        }
    }

    /** {@code residual} generator: {@link ResidualGenerator}. */
    public static final class ResidualG implements ModelProvider.GeneratorProvider {
        @Override
        public String name() {
            return "residual";
        }

        @Override
        public String description() {
            return "SNGAN/BigGAN-style: noise + projected text, FC to 4x4, residual up-blocks (BN, ReLU, upsample, 3x3 convs)";
        }

        @Override
        public Generator create(ModelConfig config, Random rng) {
            return new ResidualGenerator(config, rng);
        }
    }

    /** {@code gan-cls}: {@link GanClsDiscriminator}. */
    public static final class GanCls implements ModelProvider.DiscriminatorProvider {
        @Override
        public String name() {
            return "gan-cls";
        }

        @Override
        public String description() {
            return "GAN-CLS discriminator: strided convolutions, text vector tiled over the 4x4 grid, 1x1 and 4x4 convolutions to a logit";
        }

        @Override
        public Discriminator create(ModelConfig config, Random rng) {
            return new GanClsDiscriminator(config, rng, false);
        }
    }

    /** {@code gan-cls-projection}: {@link GanClsDiscriminator} with the projection term. */
    public static final class GanClsProjection implements ModelProvider.DiscriminatorProvider {
        @Override
        public String name() {
            return "gan-cls-projection";
        }

        @Override
        public String description() {
            return "gan-cls plus a projection term (Miyato and Koyama 2018): text vector . image features, added to the logit";
        }

        @Override
        public Discriminator create(ModelConfig config, Random rng) {
            return new GanClsDiscriminator(config, rng, true);
        }
    }

    /** {@code residual} discriminator: {@link ResidualDiscriminator}. */
    public static final class ResidualD implements ModelProvider.DiscriminatorProvider {
        @Override
        public String name() {
            return "residual";
        }

        @Override
        public String description() {
            return "SNGAN-style residual down-blocks (3x3 convs, average pooling) to 4x4, then gan-cls-projection's text join";
        }

        @Override
        public Discriminator create(ModelConfig config, Random rng) {
            return ResidualDiscriminator.create(config, rng);
        }
    }

    /** {@code lstm}: {@link RecurrentTextEncoder} with an LSTM. */
    public static final class Lstm implements ModelProvider.TextEncoderProvider {
        @Override
        public String name() {
            return "lstm";
        }

        @Override
        public String description() {
            return "word embedding + LSTM, sentence vector = mean of hidden states (or the last one)";
        }

        @Override
        public TextEncoder create(ModelConfig config, Random rng) {
            return new RecurrentTextEncoder(config, RecurrentTextEncoder.Cell.LSTM, rng);
        }
    }

    /** {@code gru}: {@link RecurrentTextEncoder} with a GRU. */
    public static final class Gru implements ModelProvider.TextEncoderProvider {
        @Override
        public String name() {
            return "gru";
        }

        @Override
        public String description() {
            return "word embedding + GRU, sentence vector = mean of hidden states (or the last one)";
        }

        @Override
        public TextEncoder create(ModelConfig config, Random rng) {
            return new RecurrentTextEncoder(config, RecurrentTextEncoder.Cell.GRU, rng);
        }
    }

    /** {@code bilstm}: {@link BidirectionalTextEncoder}. */
    public static final class BiLstm implements ModelProvider.TextEncoderProvider {
        @Override
        public String name() {
            return "bilstm";
        }

        @Override
        public String description() {
            return "word embedding + bidirectional LSTM (textSize/2 units each way), sentence vector = both directions' mean (or last) states";
        }

        @Override
        public TextEncoder create(ModelConfig config, Random rng) {
            return new BidirectionalTextEncoder(config, rng);
        }
    }

    /** {@code conv}: {@link ConvImageEncoder}. */
    public static final class Conv implements ModelProvider.ImageEncoderProvider {
        @Override
        public String name() {
            return "conv";
        }

        @Override
        public String description() {
            return "small CNN image encoder for image-text matching pre-training of the text encoder";
        }

        @Override
        public ImageEncoder create(ModelConfig config, Random rng) {
            return new ConvImageEncoder(config, rng);
        }
    }
}
