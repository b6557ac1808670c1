package io.textgan.core.report;

import java.util.List;
import java.util.Map;

/**
 * Everything a run directory says about its run, read by {@link RunHistoryReader} and drawn by {@link ReportPage}:
 * settings, progress, per-step losses, gradient norms, sample grids, evaluation figures, the divergence guard's
 * events and skipped data. Lists are complete (not thinned) and ordered by step or epoch.
 *
 * @param name           the run directory's name
 * @param settings       how the run was started
 * @param progress       how far it got and how fast
 * @param losses         one point per GAN step (fewer for old runs, whose losses come from train.log)
 * @param globalNorms    each network's global gradient L2 norm at each logged step (parameter {@code (global)})
 * @param lastNorms      the per-parameter norms of each network's last logged step
 * @param grids          the sample grid of every finished epoch
 * @param best           the best checkpoint's record, or null
 * @param epochFigures   evaluation figures measured during training, by epoch
 * @param latest         the latest {@code gan evaluate} figures, or null
 * @param events         the divergence guard's and gradient watch's events, and errors, from train.log
 * @param skipped        data files that were not used, and why
 */
public record RunHistory(String name, Settings settings, Progress progress, List<LossPoint> losses,
                         List<NormPoint> globalNorms, List<NormPoint> lastNorms, List<Grid> grids, Best best,
                         List<EpochFigure> epochFigures, Evaluation latest, List<Event> events, List<String> skipped) {

    public RunHistory {
        losses = List.copyOf(losses);
        globalNorms = List.copyOf(globalNorms);
        lastNorms = List.copyOf(lastNorms);
        grids = List.copyOf(grids);
        epochFigures = List.copyOf(epochFigures);
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param model    the model's settings as in config.json, in its order
     * @param training the training settings as in config.json, in its order
     * @param data     the data as given to {@code --data}
     * @param commands the command lines that trained the run (empty for runs older than {@code command.txt})
     */
    public record Settings(Map<String, String> model, Map<String, String> training, String data, int dataSize,
                           long seed, List<String> commands) {
        public Settings {
            model = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model));
            training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
            commands = List.copyOf(commands);
        }
    }

    /**
     * @param epochsDone       epochs whose sample grid was written
     * @param epochsPlanned    epochs the run trains for
     * @param stepsDone        GAN steps done
     * @param stepsPlanned     GAN steps the run trains for
     * @param imagesPerSecond  training speed over the last steps (NaN when unknown)
     * @param secondsPerEpoch  wall time of an epoch, everything included, over the last epochs (NaN when unknown)
     * @param lastUpdate       Unix seconds of the newest step or log line (NaN when unknown)
     */
    public record Progress(int epochsDone, int epochsPlanned, int stepsDone, int stepsPlanned, double imagesPerSecond,
                           double secondsPerEpoch, double lastUpdate) {

        /** Whether the last planned epoch (a partial one when the run stops at a step count) wrote its samples. */
        public boolean finished() {
            return epochsPlanned > 0 && epochsDone >= epochsPlanned;
        }

        /** Seconds left at {@link #secondsPerEpoch}, NaN when unknown, 0 when finished. */
        public double etaSeconds() {
            if (finished()) {
                return 0;
            }
            if (stepsPlanned <= 0 || stepsDone <= 0 || epochsDone <= 0) {
                return Double.NaN;
            }
            double stepsPerEpoch = (double) stepsPlanned / Math.max(1, epochsPlanned);
            return (stepsPlanned - stepsDone) / stepsPerEpoch * secondsPerEpoch;
        }
    }

    /** One GAN step; {@code time} in Unix seconds (NaN when unknown). */
    public record LossPoint(int step, int epoch, double discriminatorLoss, double generatorLoss, double imagesPerSecond,
                            double seconds, double time) {
    }

    /** A gradient L2 norm from gradients.csv. */
    public record NormPoint(String phase, int step, String network, String parameter, double norm) {
    }

    /** An epoch's sample grid: its path relative to the run directory, and its prompts, one per row. */
    public record Grid(int epoch, String path, List<String> prompts) {
        public Grid {
            prompts = List.copyOf(prompts);
        }
    }

    /** The best checkpoint so far (checkpoints/best/best.json). */
    public record Best(String metric, double value, int epoch) {
    }

    /** A figure measured at the end of an epoch during training; a part of a figure is named {@code figure/part}. */
    public record EpochFigure(String figure, int epoch, double value) {
    }

    /** The latest {@code gan evaluate}: its checkpoint and its figures by name, in the file's order. */
    public record Evaluation(String checkpoint, Map<String, Double> figures) {
        public Evaluation {
            figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        }
    }

    /** A warning or error of the run's log: when (as written there), level and message. */
    public record Event(String time, String level, String message) {
    }
}
