package io.textgan.core.report;

import io.textgan.core.train.LossLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page: self-contained, escaped, and bounded in size however long the run. */
class ReportPageTest {
    @TempDir
    Path run;

    @Test
    void aSmallRunsPageIsSelfContainedEscapedAndHasEveryPart() throws IOException {
        ReportReaderTest.writeConfig(run);
        Files.writeString(run.resolve("command.txt"), "gan train --sample-prompts \"<p>.txt\"\n");
        Files.writeString(run.resolve("losses.csv"), LossLog.HEADER + "\n1,1,1.5,2.5,32,0.5,1000.0\n2,1,1.4,2.4,32,0.5,1000.5\n");
        Files.writeString(run.resolve("gradients.csv"), "phase,step,network,parameter,l2_norm\n"
                + "gan,1,generator,g.w,2000.0\ngan,1,generator,(global),2000.0\n");
        Files.writeString(run.resolve("train.log"), "2026-12-03 13:30:02.000 WARN  TrainingRun - gan step 2: the generator "
                + "gradient of g.w is NaN; restored step 1 and continuing at learning rates G 1.0E-4 D 2.0E-4 (retry 1 of 2)\n");
        Files.createDirectories(run.resolve("samples"));
        BufferedImage grid = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(grid, "png", run.resolve("samples/epoch-0001.png").toFile());
        Files.writeString(run.resolve("samples/epoch-0001.txt"), "a <script>alert(1)</script> & co\n");

        String html = new ReportPage(ReportLimits.defaults()).html(RunHistoryReader.read(run), run);

        assertFalse(html.contains("http://") || html.contains("https://"), "nothing from the network");
        assertFalse(html.contains("<script>alert"), "text from the run is escaped");
        assertTrue(html.contains("a &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assertTrue(html.contains("gan train --sample-prompts &quot;&lt;p&gt;.txt&quot;"));
        assertTrue(html.contains("src=\"data:image/png;base64,"), "the grid is inlined");
        assertTrue(html.contains("width=\"560\" height=\"280\""), "shown at a whole multiple of its size");
        assertEquals(2, count(html, "data-series=\"D loss\""), "dots and line of D");
        assertTrue(html.contains("exploding above 1000") && html.contains("vanishing below 1e-8"), "the thresholds' real values");
        assertTrue(html.contains("fill=\"#d62728\"><title>g.w: 2000</title>"), "a norm above the threshold is red");
        assertEquals(1, count(html, "<figure class=\"grid"));
        assertTrue(html.contains("stroke=\"#d62728\" stroke-dasharray=\"3 3\"/><text x=\"64.0\" y=\"42\" dx=\"4\" fill=\"#d62728\">restored</text>"),
                "the restore marked on the loss plot at step 1");
        assertTrue(html.contains("<td>WARN</td><td>gan step 2: the generator gradient of g.w is NaN; restored step 1"), "and listed");
    }

    @Test
    void aRunOfTwoThousandEpochsMakesAPageOfAFewMegabytes() throws IOException {
        int epochs = 2000;
        int stepsPerEpoch = 128;
        ReportReaderTest.writeConfig(run);
        Files.writeString(run.resolve("config.json"), ReportReaderTest.CONFIG.replace("\"epochs\":3", "\"epochs\":" + epochs)
                .replace("\"dataSize\":64", "\"dataSize\":" + 16 * stepsPerEpoch));
        Random random = new Random(1);
        try (BufferedWriter w = Files.newBufferedWriter(run.resolve("losses.csv"))) {
            w.write(LossLog.HEADER + "\n");
            for (int s = 1; s <= epochs * stepsPerEpoch; s++) {
                w.write(String.format(Locale.ROOT, "%d,%d,%.6g,%.6g,50.0,0.32,%.3f%n", s, (s - 1) / stepsPerEpoch + 1,
                        1 + random.nextGaussian() * 0.3, 5 + random.nextGaussian(), 1e9 + 0.35 * s));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(run.resolve("gradients.csv"))) {
            w.write("phase,step,network,parameter,l2_norm\n");
            for (int s = 50; s <= epochs * stepsPerEpoch; s += 50) {
                for (String net : new String[]{"generator", "discriminator"}) {
                    for (int p = 0; p < 14; p++) {
                        w.write(String.format(Locale.ROOT, "gan,%d,%s,%s.p%d,%.6g%n", s, net, net, p, random.nextDouble() * 10));
                    }
                    w.write(String.format(Locale.ROOT, "gan,%d,%s,(global),%.6g%n", s, net, 20 + random.nextDouble()));
                }
            }
        }
        Files.createDirectories(run.resolve("samples"));
        for (int e = 1; e <= epochs; e++) {
            try (RandomAccessFile grid = new RandomAccessFile(run.resolve(String.format("samples/epoch-%04d.png", e)).toFile(), "rw")) {
                grid.setLength(150 * 1024); // as large as a 32 px run's grid; sparse, so the test writes next to nothing
            }
            Files.writeString(run.resolve(String.format("samples/epoch-%04d.txt", e)), "a red circle\na blue square\n");
        }
        Files.createDirectories(run.resolve("checkpoints/best"));
        Files.writeString(run.resolve("checkpoints/best/best.json"), "{\"metric\":\"shapes-accuracy\",\"value\":0.7,\"epoch\":1234}");

        new ReportListener(new io.textgan.core.checkpoint.RunDirectory(run), ReportLimits.defaults()).write();
        Path report = run.resolve("report.html");
        String html = Files.readString(report);

        long bytes = Files.size(report);
        System.out.printf("report of a synthetic run of %d epochs, %d steps: %,d bytes%n", epochs, epochs * stepsPerEpoch, bytes);
        assertTrue(bytes < 6_000_000, "report of " + bytes + " bytes");
        assertEquals(epochs, count(html, "<figure class=\"grid"), "every epoch's grid is in the viewer");
        assertEquals(24, count(html, "src=\"data:image/png;base64,"), "no more grids inlined than the limit");
        assertEquals(epochs - 24, count(html, "loading=\"lazy\" src=\"samples/epoch-"), "the others are linked");
        assertTrue(html.contains("data-epoch=\"1234\" data-index=\"1233\" data-caption=\"epoch 1234 of 2000 — best\""), "the best is marked");
        Matcher dots = Pattern.compile("<path class=\"dots\" data-series=\"D loss\"[^>]*d=\"([^\"]*)\"").matcher(html);
        assertTrue(dots.find());
        assertTrue(count(dots.group(1), "h0") <= 2000, "at most 2,000 raw points per series");
        Matcher line = Pattern.compile("<polyline class=\"line\" data-series=\"G loss\"[^>]*points=\"([^\"]*)\"").matcher(html);
        assertTrue(line.find());
        assertTrue(line.group(1).trim().split(" ").length <= 2000, "at most 2,000 points per line");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
