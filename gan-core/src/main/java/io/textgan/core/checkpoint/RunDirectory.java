package io.textgan.core.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout of a run: {@code config.json}, {@code data.json}, {@code train.log}, {@code sample-prompts.txt},
 * {@code sample-noise.bin}, {@code samples/epoch-0001.png} (+ {@code .txt}), {@code checkpoints/epoch-0001/} and {@code checkpoints/latest}, which names the newest complete
 * checkpoint, {@code gradients.csv}, {@code losses.csv}, {@code metrics.csv}, {@code command.txt}, {@code report.html}.
 */
public record RunDirectory(Path root) {
    public static final String CONFIG = "config.json";
    static final String LATEST = "latest";

    /** {@code epoch-0003} after epoch 3, {@code epoch-0003-step-00000400} at step 400 inside epoch 4. */
    static boolean isCheckpointName(String name) {
        return name.matches("epoch-\\d{4,}(-step-\\d{8,})?");
    }

    public Path config() {
        return root.resolve(CONFIG);
    }

    public Path log() {
        return root.resolve("train.log");
    }

    /** What was read from the data when the run began: counts, skipped files and why (see {@code DataReport}). */
    public Path dataReport() {
        return root.resolve("data.json");
    }

    /** The sample grid's prompts, fixed for the whole run. */
    public Path samplePrompts() {
        return root.resolve("sample-prompts.txt");
    }

    /** The noise vectors of the sample grid's columns, drawn once from the seed and kept for the whole run. */
    public Path sampleNoise() {
        return root.resolve("sample-noise.bin");
    }

    /** Complete checkpoints, newest first (by name, which orders them by training progress). */
    public List<Path> checkpointsNewestFirst() throws IOException {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        try (var dirs = Files.list(checkpoints())) {
            return dirs.filter(p -> isCheckpointName(p.getFileName().toString()))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /** Per-parameter gradient L2 norms, written every few steps. */
    public Path gradients() {
        return root.resolve("gradients.csv");
    }

    /** Fails with a clear message unless the run directory's file system has room for two checkpoints of this size. */
    public void requireRoomForTwo(long checkpointBytes) throws IOException {
        long free = Files.getFileStore(root).getUsableSpace();
        if (free < 2 * checkpointBytes) {
            throw new IOException(String.format("run directory %s has %d MB free, less than the %d MB two checkpoints need",
                    root, free >> 20, (2 * checkpointBytes) >> 20));
        }
    }

    /** Each GAN step's losses, speed and time (see {@code LossLog}). */
    public Path losses() {
        return root.resolve("losses.csv");
    }

    /** The best-checkpoint metric of every epoch and its parts (see {@code BestCheckpointKeeper}). */
    public Path metrics() {
        return root.resolve("metrics.csv");
    }

    /** The command lines that trained the run, one per line (the first, then each resume). */
    public Path command() {
        return root.resolve("command.txt");
    }

    /** The run's self-contained HTML report (see {@code io.textgan.core.report}). */
    public Path report() {
        return root.resolve("report.html");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** Atomically makes {@code checkpoints/latest} name the complete checkpoint directory {@code name}. */
    public void pointLatestTo(String name) throws IOException {
        Path pointerTmp = checkpoints().resolve(".latest.tmp");
        Files.writeString(pointerTmp, name + "\n");
        CheckpointWriter.sync(pointerTmp);
        Files.move(pointerTmp, checkpoints().resolve(LATEST), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A checkpoint by name: {@code latest} (the newest complete one), {@code best} (see {@link BestCheckpointKeeper}),
     * or a checkpoint directory's name such as {@code epoch-0003}.
     */
    public Path checkpoint(String name) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no run directory at " + root);
        }
        if ("latest".equals(name)) {
            return latestCheckpoint();
        }
        if (!(BestCheckpointKeeper.BEST.equals(name) || isCheckpointName(name))) {
            throw new IOException("no checkpoint called '" + name + "': use latest, best or a name like epoch-0003");
        }
        Path dir = BestCheckpointKeeper.BEST.equals(name) ? bestCheckpoint() : checkpoints().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IOException("run " + root + " has no checkpoint " + name);
        }
        return dir;
    }

    /**
     * {@code checkpoints/best}; if the process was killed while replacing it, between moving the previous best aside
     * and moving the new one in, the previous best under its interim name.
     */
    Path bestCheckpoint() {
        Path best = checkpoints().resolve(BestCheckpointKeeper.BEST);
        Path previous = previousBest();
        return !Files.exists(best) && Files.isDirectory(previous) ? previous : best;
    }

    /** Where the best checkpoint is moved while a better one replaces it. */
    Path previousBest() {
        return checkpoints().resolve(".previous-best");
    }

    /** The newest complete checkpoint, or an IOException saying why there is none. */
    public Path latestCheckpoint() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no run directory at " + root);
        }
        Path pointer = checkpoints().resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            throw new IOException("run " + root + " has no checkpoint yet");
        }
        String name = Files.readString(pointer).trim();
        if (!isCheckpointName(name)) {
            throw new IOException(pointer + " does not name a checkpoint: " + name);
        }
        Path dir = checkpoints().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IOException(pointer + " names a missing checkpoint: " + name);
        }
        return dir;
    }
}
