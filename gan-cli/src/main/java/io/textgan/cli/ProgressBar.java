package io.textgan.cli;

import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;

/**
 * The terminal's view of training: one bar per epoch with ETA, images per second and the D and G losses,
 * redrawn at most twice a second; the same figures go to the run log every {@value #LOG_EVERY} steps.
 */
public final class ProgressBar implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.FILE_ONLY_LOGGER);
    private static final int WIDTH = 30;
    private static final int LOG_EVERY = 50;

    private final PrintWriter err;
    private final int epochs;
    private long epochStart;
    private long lastDraw;
    private int images;
    private int stepsThisEpoch;
    private double smoothedD = Double.NaN;
    private double smoothedG = Double.NaN;

    public ProgressBar(PrintWriter err, int epochs) {
        this.err = err;
        this.epochs = epochs;
    }

    @Override
    public void onEncoderStep(int step, int steps, double loss, double accuracy) {
        if (step == 1 || step == steps || System.nanoTime() - lastDraw > 500_000_000L) {
            lastDraw = System.nanoTime();
            err.printf("\rtext encoder %s %d/%d  matching loss %.3f  batch top-1 %.0f%%%s", bar((double) step / steps),
                    step, steps, loss, 100 * accuracy, step == steps ? "\n" : "");
            err.flush();
        }
        if (step % LOG_EVERY == 0 || step == steps) {
            LOG.info("encoder step {}/{} matching loss {} batch top-1 {}", step, steps, fmt(loss), fmt(accuracy));
        }
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        epochStart = System.nanoTime();
        images = 0;
        stepsThisEpoch = 0;
    }

    @Override
    public void onStep(GanTrainer trainer, StepReport r) {
        images += r.images();
        stepsThisEpoch++;
        smoothedD = Double.isNaN(smoothedD) ? r.discriminatorLoss() : 0.9 * smoothedD + 0.1 * r.discriminatorLoss();
        smoothedG = Double.isNaN(smoothedG) ? r.generatorLoss() : 0.9 * smoothedG + 0.1 * r.generatorLoss();
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        boolean last = r.batch() == r.batches();
        if (r.batch() == 1 || last || System.nanoTime() - lastDraw > 500_000_000L) {
            lastDraw = System.nanoTime();
            // per step measured in this process: a resumed epoch starts at a later batch
            double eta = elapsed / stepsThisEpoch * (r.batches() - r.batch());
            err.printf("\repoch %d/%d %s %d/%d  %s  ETA %s  %.0f img/s  D %.3f  G %.3f ", r.epoch(), epochs,
                    bar((double) r.batch() / r.batches()), r.batch(), r.batches(), clock(elapsed), clock(eta),
                    images / elapsed, smoothedD, smoothedG);
            err.flush();
        }
        if (r.step() % LOG_EVERY == 0) {
            LOG.info("epoch {} step {} D {} G {} {} img/s", r.epoch(), r.step(), fmt(r.discriminatorLoss()),
                    fmt(r.generatorLoss()), String.format("%.1f", images / elapsed));
        }
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) {
        err.println();
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        LOG.info("epoch {} done in {}: {} images, {} img/s, D {} G {}", epoch, clock(elapsed), images,
                String.format("%.1f", images / elapsed), fmt(smoothedD), fmt(smoothedG));
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(fraction * WIDTH);
        return "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }

    private static String fmt(double v) {
        return String.format("%.4f", v);
    }
}
