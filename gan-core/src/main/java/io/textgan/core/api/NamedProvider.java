package io.textgan.core.api;

/**
 * A plug-in found by name through {@link java.util.ServiceLoader} ({@link ModelRegistry}): a network factory
 * ({@link ModelProvider}) or a loss ({@link LossProvider}).
 */
public interface NamedProvider {

    /** The name used on the command line and in saved configurations, e.g. {@code dcgan}. */
    String name();

    /** One line for {@code gan models}. */
    String description();
}
