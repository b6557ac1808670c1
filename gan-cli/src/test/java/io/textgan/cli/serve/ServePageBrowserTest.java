package io.textgan.cli.serve;

import io.textgan.cli.browser.Browser;
import io.textgan.cli.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The serve page in headless Chromium, used as a person would: type a prompt, press Generate, look at the images. */
class ServePageBrowserTest {
    static RunningServer server;

    @BeforeAll
    static void serve() throws Exception {
        Chromium.assumeInstalled();
        server = RunningServer.start("--run", TinyRun.get().toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typingAPromptAndPressingGenerateShowsTheImagesAndKeepsEarlierPromptsBelow() throws Exception {
        try (Browser browser = Chromium.assumeInstalled().start()) {
            browser.navigate(server.uri());
            browser.waitUntil("return document.getElementById('model').textContent.includes('step 2')");
            String model = browser.find("#model").text();
            assertTrue(model.startsWith("serve-tiny · dcgan generator, lstm text encoder, 16×16 · data shapes"), model);

            ServePage.draw(browser, "a large green square in the center on a white background", 3, "5");
            assertEquals("a large green square in the center on a white background", browser.find("#current h2").text());
            assertEquals("3 images, seed 5", browser.find("#current .meta").text());
            assertImages(browser, "#current img", 3);

            ServePage.draw(browser, "a small red circle", 5, "");
            assertImages(browser, "#current img", 5);
            assertEquals("a small red circle", browser.find("#current h2").text());
            assertTrue(browser.find("#current .meta").text().matches("5 images, seed \\d+"));
            assertEquals(List.of("a large green square in the center on a white background"),
                    browser.findAll("#history h2").stream().map(e -> e.text()).toList(), "the earlier prompt moved below");
            assertImages(browser, "#history img", 3);
            assertTrue(browser.find("#history-title").displayed());
            assertEquals("", browser.find("#error").text());
            browser.screenshot(Path.of("target", "serve-page.png"));
            assertEquals(List.of(), browser.consoleLog().stream().filter(l -> l.startsWith("SEVERE")).toList());
        }
    }

    @Test
    void aPromptTheModelCannotReadShowsTheErrorOnThePage() throws Exception {
        try (Browser browser = Chromium.assumeInstalled().start()) {
            browser.navigate(server.uri());
            browser.find("#prompt").sendKeys("zzz qqq");
            browser.find("#generate").click();
            browser.waitUntil("return document.getElementById('error').textContent !== ''");
            String error = browser.find("#error").text();
            assertTrue(error.matches("none of the words of \"zzz qqq\" is in the model's vocabulary of \\d+ words"), error);
            assertTrue(browser.findAll("#current img").isEmpty(), "nothing drawn");

            browser.find("#prompt").clear();
            browser.find("#prompt").sendKeys("a blue diamond");
            browser.find("#generate").click();
            browser.waitUntil("return document.querySelectorAll('#current img').length === 4");
            assertEquals("", browser.find("#error").text(), "a good prompt clears the error");
        }
    }

    /** Checks there are {@code n}, each the model's size. */
    private static void assertImages(Browser browser, String selector, int n) {
        ServePage.awaitDecoded(browser, selector);
        JsonNode sizes = browser.execute("return [...document.querySelectorAll(arguments[0])]"
                + ".map(i => [i.naturalWidth, i.naturalHeight])", selector);
        assertEquals(n, sizes.size(), sizes.toString());
        for (JsonNode size : sizes) {
            assertEquals(TinyRun.IMAGE_SIZE, size.get(0).asInt(), sizes.toString());
            assertEquals(TinyRun.IMAGE_SIZE, size.get(1).asInt(), sizes.toString());
        }
    }
}
