package io.textgan.cli.browser;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where headless Chromium and its chromedriver are installed (Debian's {@code chromium} and {@code chromium-driver}
 * packages, or {@code CHROMIUM} / {@code CHROMEDRIVER} in the environment). Browser tests call {@link #assumeInstalled()}
 * first: they are skipped, with a message saying what to install, only where the browser is absent. {@code .ci/run}
 * installs both, so in CI they always run.
 */
public record Chromium(Path browser, Path driver) {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> DRIVERS = List.of("chromedriver");
    private static final List<Path> EXTRA_DIRS = List.of(Path.of("/usr/lib/chromium"), Path.of("/usr/lib/chromium-browser"));

    /** The installed browser and driver, if both are found. */
    public static Optional<Chromium> find() {
        Optional<Path> browser = locate("CHROMIUM", BROWSERS);
        Optional<Path> driver = locate("CHROMEDRIVER", DRIVERS);
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Chromium(browser.get(), driver.get())) : Optional.empty();
    }

    /** The installed browser and driver; skips the calling test (a JUnit assumption) when either is missing. */
    public static Chromium assumeInstalled() {
        Optional<Chromium> found = find();
        Assumptions.assumeTrue(found.isPresent(), "headless Chromium is not installed (chromium "
                + (locate("CHROMIUM", BROWSERS).isPresent() ? "found" : "missing") + ", chromedriver "
                + (locate("CHROMEDRIVER", DRIVERS).isPresent() ? "found" : "missing")
                + "): apt-get install -y chromium chromium-driver, or set CHROMIUM and CHROMEDRIVER");
        return found.get();
    }

    /** Starts chromedriver and opens a headless browser session in it; closing the browser stops both. */
    public Browser start() throws java.io.IOException {
        ChromeDriver service = ChromeDriver.start(driver);
        try {
            return Browser.open(service, browser);
        } catch (RuntimeException | java.io.IOException e) {
            service.close();
            throw e;
        }
    }

    private static Optional<Path> locate(String variable, List<String> names) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            Path p = Path.of(set);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Stream<Path> dirs = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(s -> !s.isEmpty()).map(Path::of),
                EXTRA_DIRS.stream());
        return dirs.flatMap(d -> names.stream().map(d::resolve)).filter(Files::isExecutable).findFirst();
    }
}
