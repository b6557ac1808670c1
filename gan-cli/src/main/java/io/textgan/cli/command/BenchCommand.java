package io.textgan.cli.command;

import io.textgan.cli.bench.Bench;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gan bench}: speed of named workloads, one JSON line each. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure training and generation speed; prints one JSON line per workload.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workload", description = "dcgan64, gancls32 (the default gan train step), gancls64 or generate (repeatable). Default: all.")
    List<String> workloads = List.of();

    @Option(names = "--steps", description = "Measured steps after warm-up. Default: ${DEFAULT-VALUE}.")
    int steps = 20;

    @Option(names = "--warmup", description = "Unmeasured steps first. Default: ${DEFAULT-VALUE}.")
    int warmup = 3;

    @Option(names = "--batch", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batch = 64;

    @Option(names = "--profile", description = "Add the time per phase (data, forward and backward passes, updaters).")
    boolean profile;

    @Option(names = "--generator", description = "A registered generator for the gancls workloads in place of the default's (to compare generators). Default: the default's.")
    String generator;

    @Option(names = "--run", description = "Trained run for the generate workload. Default: a fresh model of the default size at 64x64.")
    Path run;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (steps <= 0 || warmup < 0 || batch < 2) {
            throw new IllegalArgumentException("--steps must be positive, --warmup not negative, --batch at least 2");
        }
        List<String> names = workloads.isEmpty() ? Bench.WORKLOADS : workloads;
        for (String name : names) {
            if (!Bench.WORKLOADS.contains(name)) {
                throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", Bench.WORKLOADS));
            }
        }
        if (generator != null) {
            ModelRegistry.get(ModelProvider.GeneratorProvider.class, generator);
        }
        Bench bench = new Bench(steps, warmup, batch, profile, run, generator);
        for (String name : names) {
            spec.commandLine().getOut().println(bench.run(name));
        }
        return 0;
    }
}
