package io.textgan.core.report;

import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Rewrites {@code RUN/report.html} at the end of every epoch, so that a page kept open shows the run when reloaded.
 * Add it after the listeners whose files it shows (samples, checkpoints, best checkpoint, evaluation). A report that
 * cannot be written is logged and training goes on.
 */
public final class ReportListener implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReportListener.class);

    private final RunDirectory run;
    private final ReportPage page;

    public ReportListener(RunDirectory run, ReportLimits limits) {
        this.run = Objects.requireNonNull(run, "run");
        this.page = new ReportPage(limits);
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) {
        try {
            write();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("cannot write the report {}: {}", run.report(), e.getMessage());
        }
    }

    /** Reads the run directory and writes its report now. */
    public void write() throws IOException {
        page.write(RunHistoryReader.read(run.root()), run.root(), run.report());
        LOG.debug("report written: {}", run.report());
    }
}
