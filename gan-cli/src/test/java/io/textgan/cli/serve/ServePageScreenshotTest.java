package io.textgan.cli.serve;

import io.textgan.cli.browser.Browser;
import io.textgan.cli.browser.Chromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

/**
 * Makes the README's picture of the serve page ({@code docs/images/serve-page.png}) from a real run, on request only:
 * <pre>
 * mvn -B -o -pl gan-cli -am test -Dtest=ServePageScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtextgan.screenshot.run=/work/runs/A2 -Dtextgan.screenshot.out=$PWD/docs/images/serve-page.png
 * </pre>
 * (surefire passes the command line's properties on to the test JVM).
 */
class ServePageScreenshotTest {
    @Test
    void screenshotOfTheServePage() throws Exception {
        String run = System.getProperty("textgan.screenshot.run", "");
        String out = System.getProperty("textgan.screenshot.out", "");
        Assumptions.assumeFalse(run.isBlank() || out.isBlank(),
                "makes docs/images/serve-page.png only when asked: -Dtextgan.screenshot.run=RUN -Dtextgan.screenshot.out=FILE");
        Chromium chromium = Chromium.assumeInstalled();
        try (RunningServer server = RunningServer.start("--run", run, "--checkpoint", "best");
             Browser browser = chromium.start()) {
            URI page = server.uri();
            browser.navigate(page);
            browser.waitUntil("return document.getElementById('model').textContent.includes('step')");
            ServePage.draw(browser, "a small red circle in the upper left on a black background", 6, "7");
            ServePage.draw(browser, "a large green square in the center on a white background", 6, "42");
            browser.find("#prompt").clear();
            browser.find("#prompt").sendKeys("a big yellow triangle at the bottom on a blue background");
            browser.screenshot(Path.of(out));
        }
    }
}
