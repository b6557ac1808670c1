package io.textgan.cli.serve;

import io.textgan.cli.GanCliEndToEndTest.Result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tiny shapes run (16×16 images, a few steps) trained once per test JVM through the real {@code gan train}, for the
 * serve tests to load; it lives under {@code target/} and is trained again by the next test run.
 */
final class TinyRun {
    static final int IMAGE_SIZE = 16;
    private static Path run;

    private TinyRun() {
    }

    /** The run directory, trained on first use. */
    static synchronized Path get() throws IOException {
        if (run == null) {
            Path dir = Path.of("target", "test-runs", "serve-tiny").toAbsolutePath();
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Result r = gan("train", "--image-size", Integer.toString(IMAGE_SIZE), "--ngf", "4", "--ndf", "4",
                    "--noise-size", "8", "--text-size", "16", "--shapes-count", "32", "--batch-size", "16",
                    "--steps", "2", "--encoder-steps", "2", "--run", dir.toString());
            assertEquals(0, r.code(), r.err());
            run = dir;
        }
        return run;
    }
}
