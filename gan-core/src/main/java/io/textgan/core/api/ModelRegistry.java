package io.textgan.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds named providers (networks and losses) through {@link ServiceLoader}; {@link #register} adds more at run time
 * (tests, embedding code).
 */
public final class ModelRegistry {
    private static final Map<Class<?>, Map<String, NamedProvider>> EXTRA = new ConcurrentHashMap<>();

    private ModelRegistry() {
    }

    public static <P extends NamedProvider> void register(Class<P> kind, P provider) {
        EXTRA.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(provider.name(), provider);
    }

    /** Every provider of a kind by name, sorted. */
    public static <P extends NamedProvider> Map<String, P> all(Class<P> kind) {
        Map<String, P> byName = new TreeMap<>();
        for (P provider : ServiceLoader.load(kind)) {
            byName.put(provider.name(), provider);
        }
        EXTRA.getOrDefault(kind, Map.of()).forEach((name, p) -> byName.put(name, kind.cast(p)));
        return byName;
    }

    /** The provider of that name, or an IllegalArgumentException listing the known names. */
    public static <P extends NamedProvider> P get(Class<P> kind, String name) {
        Map<String, P> known = all(kind);
        P provider = known.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown " + kindName(kind) + " '" + name + "'; known: "
                    + String.join(", ", new ArrayList<>(known.keySet())));
        }
        return provider;
    }

    /** "generator", "text encoder", "loss", ... for a provider interface. */
    public static String kindName(Class<?> kind) {
        return kind.getSimpleName().replace("Provider", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    /** Every kind of provider, in the order {@code gan models} lists them. */
    public static List<Class<? extends NamedProvider>> kinds() {
        return List.of(ModelProvider.GeneratorProvider.class, ModelProvider.DiscriminatorProvider.class,
                ModelProvider.TextEncoderProvider.class, ModelProvider.ImageEncoderProvider.class, LossProvider.class);
    }
}
