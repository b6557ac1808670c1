package io.textgan.cli;

import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gan train} in a child process, killed with SIGKILL at different moments (during the text encoder's
 * pre-training, while a checkpoint is being written, between checkpoints); each time {@code --resume} carries on
 * from the last complete checkpoint, and the run ends with a loadable model.
 */
class KillAndResumeTest {
    private static final long DEADLINE_MS = 120_000;

    @TempDir
    Path tmp;

    private Process start(Path run, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-cp", System.getProperty("java.class.path"), GanMain.class.getName(), "train"));
        if (resume) {
            command.addAll(List.of("--resume", run.toString()));
        } else {
            command.addAll(List.of("--run", run.toString(), "--image-size", "16", "--ngf", "16", "--ndf", "16",
                    "--shapes-count", "128", "--batch-size", "8", "--epochs", "2", "--encoder-steps", "20",
                    "--checkpoint-every", "3"));
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** Waits until {@code moment} holds for the run's checkpoint directory, then kills the process with SIGKILL. */
    private static void killWhen(Process p, Path run, Predicate<List<String>> moment) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!moment.test(entries(run.resolve("checkpoints")))) {
            assertTrue(p.isAlive(), "the run ended before the moment to kill it came");
            assertTrue(System.currentTimeMillis() < end, "the moment to kill never came");
            Thread.sleep(1);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }

    private static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static long complete(List<String> names) {
        return names.stream().filter(n -> n.startsWith("epoch-")).count();
    }

    @Test
    void everyKillResumesFromTheLastCompleteCheckpoint() throws Exception {
        Path run = tmp.resolve("run");
        // 1. during pre-training: config.json written, no checkpoint yet; resume starts the run again
        Process p = start(run, false);
        killWhen(p, run, names -> Files.exists(run.resolve("config.json")) && names.isEmpty());
        // 2. while a checkpoint is being written (its temporary directory exists), after at least two are complete
        p = start(run, true);
        killWhen(p, run, names -> complete(names) >= 2 && names.stream().anyMatch(n -> n.startsWith(".tmp-")));
        Path newest = new RunDirectory(run).latestCheckpoint();
        TextToImageModel.load(newest);
        // 3. between checkpoints, once a newer one than the last kill's is complete
        p = start(run, true);
        killWhen(p, run, names -> names.stream().filter(n -> n.startsWith("epoch-")).anyMatch(n -> n.compareTo(newest.getFileName().toString()) > 0)
                && names.stream().noneMatch(n -> n.startsWith(".tmp-")));
        // then to the end
        p = start(run, true);
        assertTrue(p.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS), "the resumed run did not finish");
        assertEquals(0, p.exitValue(), "see the child logs in " + tmp);
        List<String> names = entries(run.resolve("checkpoints"));
        assertTrue(names.contains("epoch-0002"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith(".tmp-")), "no half-written checkpoint left: " + names);
        TextToImageModel.load(new RunDirectory(run).latestCheckpoint());
        assertTrue(Files.readString(run.resolve("train.log")).contains("resuming"));
    }
}
