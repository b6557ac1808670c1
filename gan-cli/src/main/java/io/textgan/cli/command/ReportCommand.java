package io.textgan.cli.command;

import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.report.ReportLimits;
import io.textgan.core.report.ReportListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gan report}: writes a run's self-contained HTML report, RUN/report.html, for any run, old or running. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN/report.html: settings, progress, losses, gradient norms, sample grids, evaluation and the "
                + "divergence guard's events of a run, in one file that opens from disk ('gan train' rewrites it every epoch).")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, description = "Run directory.")
    Path run;

    @Override
    public Integer call() throws IOException {
        RunDirectory dir = new RunDirectory(run);
        if (!Files.isRegularFile(dir.config())) {
            throw new IOException("no run at " + run + " (no " + RunDirectory.CONFIG + ")");
        }
        new ReportListener(dir, ReportLimits.defaults()).write();
        spec.commandLine().getOut().printf("report written: %s (%,d KB)%n", dir.report(), (Files.size(dir.report()) + 1023) / 1024);
        return 0;
    }
}
