package io.textgan.cli.browser;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebDriver client itself, on a page given as a data: URL: typing, clicking, scripts, waiting, screenshots, console. */
class BrowserTest {
    private static final String PAGE = """
            <!doctype html><title>echo</title>
            <input id="in"><button id="go" onclick="go()">Go</button><p id="out"></p>
            <script>
              function go() {
                console.warn('echo ' + document.getElementById('in').value);
                setTimeout(() => document.getElementById('out').textContent =
                    document.getElementById('in').value.toUpperCase(), 200);
              }
            </script>""";

    @Test
    void typesClicksWaitsAndReadsThePageAndItsConsole() throws IOException {
        try (Browser browser = Chromium.assumeInstalled().start()) {
            browser.navigate(URI.create("data:text/html;charset=utf-8,"
                    + URLEncoder.encode(PAGE, StandardCharsets.UTF_8).replace("+", "%20")));
            assertEquals("echo", browser.title());
            browser.find("#in").sendKeys("red circle");
            browser.find("#go").click();
            browser.waitUntil("return document.getElementById('out').textContent.length > 0");
            assertEquals("RED CIRCLE", browser.find("#out").text());
            assertEquals("red circle", browser.find("#in").property("value"));
            assertEquals(2L, browser.execute("return arguments[0] + arguments[1]", 1, 1).asLong());
            assertEquals("BUTTON", browser.execute("return arguments[0].tagName",
                    browser.find("#go").reference()).asText());
            assertEquals(1, browser.findAll("button").size());
            assertTrue(browser.findAll("img").isEmpty());
            assertTrue(browser.consoleLog().stream().anyMatch(l -> l.startsWith("WARNING") && l.contains("echo red circle")),
                    "console.warn reaches the browser log");
            WebDriverException missing = assertThrows(WebDriverException.class, () -> browser.find("#nothing"));
            assertEquals("no such element", missing.error());
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(browser.screenshot()));
            assertEquals(1280, shot.getWidth());
        }
    }
}
