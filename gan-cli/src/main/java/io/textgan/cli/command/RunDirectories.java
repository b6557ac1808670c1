package io.textgan.cli.command;

import io.textgan.core.checkpoint.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on run directories before work starts, so that a run fails at once rather than after an epoch. */
final class RunDirectories {
    private RunDirectories() {
    }

    /**
     * Creates a new run directory, refusing one that already holds a run or is not writable (whether it has room for
     * the model's checkpoints is checked once the model exists, by the training run).
     */
    static void prepareNew(Path dir) throws IOException {
        if (Files.exists(dir.resolve(RunDirectory.CONFIG))) {
            throw new IOException("run directory " + dir + " already holds a run; choose another --run");
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-check", ""));
        } catch (IOException e) {
            throw new IOException("cannot write to run directory " + dir + ": " + e.getMessage());
        }
    }
}
