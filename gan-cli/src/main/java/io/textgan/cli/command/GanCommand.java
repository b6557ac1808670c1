package io.textgan.cli.command;

import picocli.CommandLine.Command;

/** {@code gan}: text-to-image GANs from the command line. */
@Command(name = "gan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train text-to-image GANs (GAN-CLS) and generate images from sentences.",
        subcommands = {TrainCommand.class, GenerateCommand.class, InterpolateCommand.class, EvaluateCommand.class,
                ModelsCommand.class, SummaryCommand.class, ServeCommand.class, ReportCommand.class, ExportCommand.class,
                BenchCommand.class, DataCommand.class})
public final class GanCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
