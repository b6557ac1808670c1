package io.textgan.core.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a run: {@code config.json}, {@code train.log}, {@code samples/epoch-0001.png} (+ {@code .txt}),
 * {@code checkpoints/epoch-0001/} and {@code checkpoints/latest}, which names the newest complete checkpoint.
 */
public record RunDirectory(Path root) {
    public static final String CONFIG = "config.json";
    static final String LATEST = "latest";

    public Path config() {
        return root.resolve(CONFIG);
    }

    public Path log() {
        return root.resolve("train.log");
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
        if (!name.matches("epoch-\\d{4,}")) {
            throw new IOException(pointer + " does not name a checkpoint: " + name);
        }
        Path dir = checkpoints().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IOException(pointer + " names a missing checkpoint: " + name);
        }
        return dir;
    }
}
