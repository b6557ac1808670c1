package io.textgan.spark;

import io.textgan.cli.GanMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan train --spark local[2]} writes an ordinary run: it resumes on Spark, and gan generate reads it. */
class SparkCliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result gan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GanMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aSparkRunResumesOnSparkAndGeneratesAsAnyRun() throws IOException {
        Path run = tmp.resolve("run");
        Result trained = gan("train", "--spark", "local[2]", "--worker-batch-size", "8", "--image-size", "16", "--ngf", "4",
                "--ndf", "4", "--noise-size", "8", "--text-size", "16", "--shapes-count", "64", "--batch-size", "16",
                "--steps", "3", "--encoder-steps", "3", "--best-metric", "none", "--run", run.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("training on Spark 3.5"), trained.err());
        assertTrue(trained.err().contains("2 shards of 8 images per step of 16"), trained.err());

        Result resumed = gan("train", "--resume", run.toString(), "--spark", "local[2]", "--steps", "5");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("trained to step 5"), resumed.out());
        assertEquals(6, Files.readAllLines(run.resolve("losses.csv")).size(), "a header and 5 steps");

        Path out = tmp.resolve("generated");
        Result generated = gan("generate", "--run", run.toString(), "--prompt", "a red circle", "-n", "2", "--out", out.toString());
        assertEquals(0, generated.code(), generated.err());
        assertNotNull(ImageIO.read(out.resolve("image-0002.png").toFile()));
    }

    @Test
    void shardsThatDoNotMakeTheBatchAndAWorkerBatchWithoutSparkAreOneLineErrors() {
        Result uneven = gan("train", "--spark", "local[2]", "--worker-batch-size", "5", "--batch-size", "16", "--steps", "1",
                "--shapes-count", "64", "--run", tmp.resolve("uneven").toString());
        assertEquals(2, uneven.code());
        assertEquals("gan: --batch-size 16 is not a whole number of shards of --worker-batch-size 5\n", uneven.err().replace("\r", ""));
        Result local = gan("train", "--worker-batch-size", "8", "--steps", "1", "--run", tmp.resolve("local").toString());
        assertEquals(2, local.code());
        assertEquals("gan: --worker-batch-size is for --spark: a local run has one batch (--batch-size)\n", local.err().replace("\r", ""));
    }
}
