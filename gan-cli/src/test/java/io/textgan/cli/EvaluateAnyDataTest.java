package io.textgan.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.textgan.cli.GanCliEndToEndTest.Result;
import static io.textgan.cli.GanCliEndToEndTest.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gan evaluate} and {@code gan train --eval-every} on a tiny run of a manifest folder the test writes: 24 images
 * of coloured squares, 8 of them held out, captions shared by several images. No quality bar: the model is trained a
 * few steps only.
 */
class EvaluateAnyDataTest {
    private static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    private static final List<Color> RGB = List.of(Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW);
    private static final List<String> PLACES = List.of("left", "right", "top");

    @TempDir
    static Path tmp;
    static Path data;
    static Path cache;
    static Path run;
    static Result training;

    @BeforeAll
    static void trainOnAManifest() throws IOException {
        data = writeManifest(tmp.resolve("squares"));
        cache = tmp.resolve("cache");
        run = tmp.resolve("run");
        training = gan("train", "--data", data.toString(), "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8",
                "--text-size", "16", "--batch-size", "8", "--epochs", "2", "--encoder-steps", "2", "--eval-every", "1",
                "--eval-images", "8", "--eval-encoder-steps", "5", "--best-metric", "fd", "--cache-dir", cache.toString(),
                "--run", run.toString());
    }

    /** 24 images, 16 training and 8 held out, each captioned "a COLOUR square on the PLACE". */
    static Path writeManifest(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            boolean heldOut = i >= 16;
            // held out: 4 captions, each on 2 images a pixel apart, so diversity has real groups to compare with
            int colour = heldOut ? i % 2 : i % 4;
            int place = heldOut ? ((i - 16) / 2) % 2 : (i / 4) % 3;
            int shift = i >= 20 ? 1 : 0;
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 16, 16);
            g.setColor(RGB.get(colour));
            g.fillRect((place == 1 ? 8 : 0) + shift, (place == 2 ? 0 : 4) + shift, 8, 8);
            g.dispose();
            String file = "img" + i + ".png";
            ImageIO.write(image, "png", dir.resolve(file).toFile());
            rows.add("{\"image\": \"" + file + "\", \"caption\": \"a " + COLOURS.get(colour) + " square on the " + PLACES.get(place)
                    + "\", \"split\": \"" + (heldOut ? "test" : "train") + "\"}");
        }
        return Files.write(dir.resolve("squares.jsonl"), rows);
    }

    @Test
    void trainingEvaluatesEveryEpochAndKeepsTheBestByFd() throws IOException {
        assertEquals(0, training.code(), training.err());
        String log = Files.readString(run.resolve("train.log"));
        assertTrue(log.contains("epoch 1 evaluation") && log.contains("epoch 2 evaluation"), log);
        assertTrue(log.contains("FD_local") && log.contains("KID_local") && log.contains("R-precision"), log);
        assertEquals(2, log.split("evaluated in", -1).length - 1, "one evaluation per epoch, shared by --eval-every and --best-metric fd:\n" + log);
        String evaluation = Files.readString(run.resolve("evaluation.json"));
        assertTrue(evaluation.matches("(?s).*\"history\" : \\[ \\{\\s*\"epoch\" : 1,.*\"epoch\" : 2,.*"), evaluation);
        String best = Files.readString(run.resolve("checkpoints/best/best.json"));
        assertTrue(best.contains("\"metric\" : \"fd\""), best);
        assertTrue(best.matches("(?s).*\"value\" : -[0-9].*"), "fd is kept negated, higher is better: " + best);
    }

    @Test
    void resumeGoesOnEvaluatingAndKeepingTheBestAsTheRunWasStarted() throws IOException {
        assertEquals(0, training.code(), training.err());
        Path copy = tmp.resolve("resumed");
        try (var files = Files.walk(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(run.relativize(f).toString()));
            }
        }
        Result r = gan("train", "--resume", copy.toString(), "--epochs", "3", "--cache-dir", cache.toString());
        assertEquals(0, r.code(), r.err());
        String log = Files.readString(copy.resolve("train.log"));
        assertTrue(log.contains("epoch 3 evaluation"), log);
        assertTrue(Files.readString(copy.resolve("metrics.csv")).contains("3,6,fd,"), "epoch 3's fd kept for the best checkpoint");
    }

    @Test
    void evaluateMeasuresANonShapesRunWithTheEncodersTrainingCached() throws IOException {
        assertEquals(0, training.code(), training.err());
        Result r = gan("evaluate", "--run", run.toString(), "--images", "8", "--eval-encoder-steps", "5", "--cache-dir", cache.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        for (String expected : List.of("local features", "not Inception", "from the cache", "real images: 8 held-out images",
                "(4 generated vs 4 real images; real-vs-real: two halves of 4)", "R-precision", "(8 images, own caption among 4: fewer than 100 distinct captions exist)",
                "1 prompts x 8 images, real images sharing those captions")) {
            assertTrue(out.contains(expected), expected + " in\n" + out);
        }
        assertTrue(out.matches("(?s).*FD_local\\s+\\d+\\.\\d+\\s+real-vs-real\\s+\\d+\\.\\d+.*"), out);
        assertTrue(out.matches("(?s).*KID_local\\s+-?\\d+\\.\\d+\\s+real-vs-real\\s+-?\\d+\\.\\d+.*"), out);
        String evaluation = Files.readString(run.resolve("evaluation.json"));
        assertTrue(evaluation.contains("\"fdLocal\"") && evaluation.contains("\"history\""), "the history is kept: " + evaluation);
        Result again = gan("evaluate", "--run", run.toString(), "--images", "8", "--eval-encoder-steps", "5", "--cache-dir", cache.toString());
        assertEquals(figures(out), figures(again.out()), "the same figures from the cached encoders");
    }

    @Test
    void evaluateOnARunWhoseDataIsGoneSaysSoInOneLine() throws IOException {
        Path moved = writeManifest(tmp.resolve("soon-gone"));
        Path gone = tmp.resolve("gone-run");
        Result r = gan("train", "--data", moved.toString(), "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8",
                "--text-size", "16", "--batch-size", "8", "--steps", "1", "--encoder-steps", "0", "--cache-dir", cache.toString(),
                "--run", gone.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(moved.getParent())) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(moved.getParent());
        Result missing = gan("evaluate", "--run", gone.toString(), "--cache-dir", cache.toString());
        assertEquals(2, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("gan: ") && missing.err().contains(moved.toString()), missing.err());
        assertFalse(Files.exists(gone.resolve("evaluation.json")));
    }

    @Test
    void badEvaluationOptionsAreUserErrors() {
        GanCliEndToEndTest.assertUserErrors(List.of(
                new String[]{"evaluate", "--run", run.toString(), "--images", "3"},
                new String[]{"evaluate", "--run", run.toString(), "--eval-encoder-steps", "0"},
                new String[]{"train", "--eval-every", "-1", "--run", tmp.resolve("never").toString()},
                new String[]{"train", "--best-metric", "fid", "--run", tmp.resolve("never").toString()}));
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    private static List<String> figures(String out) {
        return out.lines().filter(l -> l.contains("FD_local") || l.contains("KID_local") || l.contains("R-precision")
                || l.contains("diversity")).toList();
    }
}
