package io.textgan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Without gan-spark and Spark on the class path (as here), {@code gan train --spark} is a one-line error. */
class SparkMissingTest {
    @TempDir
    Path tmp;

    @Test
    void trainWithSparkButNoSparkOnTheClassPathIsAOneLineError() {
        Path run = tmp.resolve("run");
        GanCliEndToEndTest.Result r = gan("train", "--spark", "local[2]", "--steps", "1", "--run", run.toString());
        assertEquals(2, r.code());
        assertEquals("gan: --spark needs the gan-spark module and Apache Spark on the class path: run ./gan (which adds them "
                + "for --spark) or spark-submit target/gan-spark-submit.jar (see the README, 'Training on Spark')\n", r.err().replace("\r", ""));
        assertFalse(Files.exists(run));
    }
}
