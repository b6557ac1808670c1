package io.textgan.cli.command;

import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code gan models}: every registered network, by kind. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the registered generators, discriminators and encoders.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Class<? extends ModelProvider<?>> kind : ModelRegistry.kinds()) {
            out.println(ModelRegistry.kindName(kind) + "s:");
            ModelRegistry.all(kind).values().forEach(p -> out.printf("  %-10s %s%n", p.name(), p.description()));
        }
        return 0;
    }
}
