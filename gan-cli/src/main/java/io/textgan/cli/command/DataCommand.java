package io.textgan.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gan data}: commands about training data. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Look at training data.",
        subcommands = DataInspectCommand.class)
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
