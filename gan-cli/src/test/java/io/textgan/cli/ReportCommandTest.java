package io.textgan.cli;

import io.textgan.cli.browser.Browser;
import io.textgan.cli.browser.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gan train} keeps RUN/report.html up to date and {@code gan report} writes it again, through the real entry point. */
class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    static GanCliEndToEndTest.Result gan(String... args) {
        return GanCliEndToEndTest.gan(args);
    }

    @BeforeAll
    static void trainTinyModel() {
        run = tmp.resolve("run");
        // 64 items / 16 per batch = 4 steps per epoch: 3 epochs
        GanCliEndToEndTest.Result r = gan("train", "--image-size", "16", "--ngf", "4", "--ndf", "4", "--noise-size", "8",
                "--text-size", "16", "--shapes-count", "64", "--batch-size", "16", "--epochs", "3", "--encoder-steps", "3",
                "--run", run.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void trainingWritesTheReportLossesAndCommandLine() throws IOException {
        assertTrue(Files.isRegularFile(run.resolve("report.html")), "report.html after training");
        List<String> losses = Files.readAllLines(run.resolve("losses.csv"));
        assertEquals("step,epoch,d_loss,g_loss,images_per_second,seconds,time", losses.get(0));
        assertEquals(1 + 12, losses.size(), "one line per step");
        assertTrue(losses.get(12).startsWith("12,3,"), losses.get(12));
        assertEquals(List.of("gan train --image-size 16 --ngf 4 --ndf 4 --noise-size 8 --text-size 16 --shapes-count 64 "
                + "--batch-size 16 --epochs 3 --encoder-steps 3 --run " + run), Files.readAllLines(run.resolve("command.txt")));
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("epoch,step,figure,value", metrics.get(0));
        assertEquals(1 + 3 * 7, metrics.size(), "per epoch: shapes-accuracy and its six parts");
        assertTrue(metrics.get(1).startsWith("1,4,shapes-accuracy,") && metrics.get(2).startsWith("1,4,shapes-accuracy/"), metrics.toString());
        assertReportShowsTheRun(Files.readString(run.resolve("report.html")));
        try (var files = Files.list(run)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(), "temporary files moved into place");
        }
    }

    @Test
    void reportWritesItAgainForAnyRun() throws IOException {
        Path copy = tmp.resolve("copy");
        try (var walk = Files.walk(run)) {
            for (Path p : walk.toList()) {
                Files.copy(p, copy.resolve(run.relativize(p).toString()));
            }
        }
        Files.delete(copy.resolve("report.html"));
        GanCliEndToEndTest.Result r = gan("report", "--run", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("report written: " + copy.resolve("report.html")), r.out());
        assertReportShowsTheRun(Files.readString(copy.resolve("report.html")));
    }

    @Test
    void aDirectoryThatIsNoRunIsAOneLineUserError() {
        GanCliEndToEndTest.Result r = gan("report", "--run", tmp.resolve("nothing").toString());
        assertEquals(2, r.code());
        assertEquals("gan: no run at " + tmp.resolve("nothing") + " (no config.json)", r.err().trim());
    }

    @Test
    void theReportLoadsFromDiskInHeadlessChromiumWithoutConsoleErrors() throws IOException {
        try (Browser browser = Chromium.assumeInstalled().start()) {
            browser.navigate(run.resolve("report.html").toUri());
            browser.waitUntil("return document.readyState === 'complete'");
            assertEquals("TextGAN run run", browser.title());
            // every plot drawn, with something in it
            assertTrue(browser.execute("return document.querySelectorAll('svg.chart').length").asInt() >= 4);
            assertTrue(browser.execute("return Array.from(document.querySelectorAll('svg.chart'))"
                    + ".every(s => s.getBoundingClientRect().width > 300 && s.getBoundingClientRect().height > 50)").asBoolean(),
                    "each plot has a size on the page");
            assertEquals(2, browser.execute("return Array.from(document.querySelectorAll('#losses polyline.line'))"
                    + ".filter(l => l.points.numberOfItems === 12).length").asInt(), "D and G lines, one point per step");
            assertTrue(browser.execute("return Array.from(document.querySelectorAll('#gradients polyline.line'))"
                    + ".every(l => l.points.numberOfItems >= 1)").asBoolean());
            assertTrue(browser.execute("return Array.from(document.querySelectorAll('#gradients svg.chart'))"
                    + ".every(s => s.querySelectorAll('line.threshold').length === 2)").asBoolean(),
                    "the vanishing and exploding thresholds in every gradient plot");
            // a grid per epoch, every one decoded; the last shown, the others one slider step away
            assertEquals(3, browser.findAll("figure.grid").size());
            assertTrue(browser.execute("return Array.from(document.querySelectorAll('figure.grid img'))"
                    + ".every(i => i.complete && i.naturalWidth === 146)").asBoolean(), "each grid decodes, 146 px wide");
            assertEquals("3", browser.execute("return document.querySelector('figure.grid:not([hidden])').dataset.epoch").asText());
            assertTrue(browser.find("#grid-label").text().startsWith("epoch 3 of 3"), browser.find("#grid-label").text());
            browser.find("#grid-prev").click();
            assertEquals("2", browser.execute("return document.querySelector('figure.grid:not([hidden])').dataset.epoch").asText());
            assertEquals(8, browser.execute("return document.querySelectorAll('.viewer > ol.prompts li').length").asInt(),
                    "the prompts beside the rows");
            assertEquals(List.of(), browser.consoleLog().stream().filter(l -> l.startsWith("SEVERE")).toList(), "console errors");
        }
    }

    private static void assertReportShowsTheRun(String html) {
        assertFalse(html.contains("http://") || html.contains("https://"), "self-contained");
        assertTrue(html.contains("<section id=\"losses\"><h2>Losses</h2><svg class=\"chart\""), "the loss plot");
        assertTrue(html.contains("<h3>GAN training</h3><svg class=\"chart\""), "the gradient norms plot");
        assertTrue(html.contains("<svg class=\"chart bars\""), "the per-parameter norms");
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertTrue(html.contains("data-epoch=\"" + epoch + "\""), "grid of epoch " + epoch);
            assertTrue(html.contains("title=\"samples/epoch-000" + epoch + ".png\" width=\"438\" height=\"438\" src=\"data:image/png;base64,"),
                    "grid of epoch " + epoch + " inlined");
        }
        assertTrue(html.contains("shapes-accuracy by epoch"), "the best metric by epoch");
        assertTrue(html.contains("shapes-accuracy: its parts by epoch") && html.contains("data-series=\"shape accuracy\""),
                "the attribute accuracies by epoch");
    }
}
