package io.textgan.cli.command;

import io.textgan.core.api.ModelRegistry;
import io.textgan.core.api.NamedProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code gan models}: every registered network and loss, by kind. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the registered generators, discriminators, encoders and losses.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = ModelRegistry.kinds().stream().flatMap(kind -> ModelRegistry.all(kind).keySet().stream())
                .mapToInt(String::length).max().orElse(0);
        for (Class<? extends NamedProvider> kind : ModelRegistry.kinds()) {
            String name = ModelRegistry.kindName(kind);
            out.println(name + (name.endsWith("s") ? "es:" : "s:"));
            ModelRegistry.all(kind).values().forEach(p -> out.printf("  %-" + width + "s  %s%n", p.name(), p.description()));
        }
        return 0;
    }
}
