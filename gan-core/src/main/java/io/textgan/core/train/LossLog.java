package io.textgan.core.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Appends one line per GAN step to {@code RUN/losses.csv}: step, epoch, D and G loss, images per second of the step,
 * the step's wall time in seconds and the time it ended (Unix seconds), so that a report can draw the losses of every
 * step and time the epochs. A resumed or restored run writes its replayed steps again; readers keep the last line of
 * a step.
 */
public final class LossLog implements TrainingListener {
    public static final String HEADER = "step,epoch,d_loss,g_loss,images_per_second,seconds,time";

    private final Path csv;
    private final Clock clock;

    public LossLog(Path csv) {
        this(csv, Clock.systemUTC());
    }

    /** @param clock gives the time written with each step (a fixed one in tests) */
    public LossLog(Path csv, Clock clock) {
        this.csv = Objects.requireNonNull(csv, "csv");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onStep(GanTrainer trainer, StepReport r) throws IOException {
        String line = String.format(Locale.ROOT, "%d,%d,%.6g,%.6g,%.4g,%.4g,%.3f%n", r.step(), r.epoch(),
                r.discriminatorLoss(), r.generatorLoss(), r.seconds() > 0 ? r.images() / r.seconds() : 0.0, r.seconds(),
                clock.millis() / 1000.0);
        if (!Files.exists(csv)) {
            Files.writeString(csv, HEADER + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        Files.writeString(csv, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
