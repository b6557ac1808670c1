package io.textgan.core.api;

import java.util.Random;

/**
 * A named factory for one kind of network, found through {@link java.util.ServiceLoader}: implement
 * {@link GeneratorProvider}, {@link DiscriminatorProvider}, {@link TextEncoderProvider} or
 * {@link ImageEncoderProvider} and list the class in {@code META-INF/services}.
 */
public interface ModelProvider<T extends Network> extends NamedProvider {

    /** Builds a freshly initialised network; the same config and random state give the same weights. */
    T create(ModelConfig config, Random rng);

    interface GeneratorProvider extends ModelProvider<Generator> {
    }

    interface DiscriminatorProvider extends ModelProvider<Discriminator> {
    }

    interface TextEncoderProvider extends ModelProvider<TextEncoder> {
    }

    interface ImageEncoderProvider extends ModelProvider<ImageEncoder> {
    }
}
