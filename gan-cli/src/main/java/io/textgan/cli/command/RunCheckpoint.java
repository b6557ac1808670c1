package io.textgan.cli.command;

import io.textgan.core.checkpoint.RunDirectory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --run} and {@code --checkpoint} options of the commands that use a trained model. */
final class RunCheckpoint {
    @Option(names = "--run", required = true, description = "Run directory written by 'gan train'.")
    Path run;

    @Option(names = "--checkpoint", description = "Which checkpoint of the run: latest, best (by --best-metric) or a name such as epoch-0003. Default: ${DEFAULT-VALUE}.")
    String checkpoint = "latest";

    Path resolve() throws IOException {
        return new RunDirectory(run).checkpoint(checkpoint);
    }
}
