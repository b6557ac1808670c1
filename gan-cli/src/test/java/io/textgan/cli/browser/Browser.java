package io.textgan.cli.browser;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A headless Chromium session driven through chromedriver's W3C WebDriver protocol (plain HTTP + JSON: java.net.http and
 * the Jackson that ND4J bundles, so the tests need no Selenium and its dependency tree). Covers what a page test needs:
 * navigate, find elements by CSS selector, type, click, run a script, wait for a condition, take a screenshot, read the
 * browser console. Closing it deletes the session and stops chromedriver.
 *
 * <pre>{@code
 * try (Browser browser = Chromium.assumeInstalled().start()) {
 *     browser.navigate(URI.create("http://127.0.0.1:8080/"));
 *     browser.find("#prompt").sendKeys("a red circle");
 *     browser.find("#generate").click();
 *     browser.waitUntil("return document.querySelectorAll('img').length === 4");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {
    /** How long {@link #waitUntil(String, Object...)} waits by default. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final HttpClient http;
    private final String session;

    private Browser(ChromeDriver driver, HttpClient http, String session) {
        this.driver = driver;
        this.http = http;
        this.session = session;
    }

    /**
     * Opens a headless session (1280×1024 window, browser console recorded at every level) in {@code driver},
     * using the Chromium binary {@code chromium}. The browser owns the driver from here: closing it stops both.
     */
    public static Browser open(ChromeDriver driver, Path chromium) throws IOException {
        Map<String, Object> chromeOptions = new LinkedHashMap<>();
        chromeOptions.put("binary", chromium.toString());
        // --no-sandbox: CI and containers run as root, where Chromium's sandbox refuses to start
        chromeOptions.put("args", List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--hide-scrollbars", "--no-first-run", "--disable-extensions"));
        Map<String, Object> capabilities = Map.of("browserName", "chrome", "goog:chromeOptions", chromeOptions,
                "goog:loggingPrefs", Map.of("browser", "ALL"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode value = send(http, driver.base(), "POST", "/session",
                Map.of("capabilities", Map.of("alwaysMatch", capabilities)));
        return new Browser(driver, http, value.path("sessionId").asText());
    }

    /** Loads {@code url} and waits for its load event. */
    public void navigate(URI url) {
        command("POST", "/url", Map.of("url", url.toString()));
    }

    /** The page's title. */
    public String title() {
        return command("GET", "/title", null).asText();
    }

    /** The first element matching a CSS selector; a {@link WebDriverException} ({@code no such element}) if none does. */
    public Element find(String cssSelector) {
        JsonNode value = command("POST", "/element", Map.of("using", "css selector", "value", cssSelector));
        return new Element(this, value.path(Element.KEY).asText());
    }

    /** Every element matching a CSS selector, in document order (none: an empty list). */
    public List<Element> findAll(String cssSelector) {
        JsonNode value = command("POST", "/elements", Map.of("using", "css selector", "value", cssSelector));
        List<Element> elements = new ArrayList<>();
        value.forEach(v -> elements.add(new Element(this, v.path(Element.KEY).asText())));
        return elements;
    }

    /**
     * Runs {@code script} as the body of a function in the page ({@code arguments[i]} are {@code args}; pass an
     * {@link Element#reference()} for an element) and returns what it returns, as JSON.
     */
    public JsonNode execute(String script, Object... args) {
        return command("POST", "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Polls {@code script} (a function body returning a boolean) until it returns true, for up to {@link #DEFAULT_WAIT}. */
    public void waitUntil(String script, Object... args) {
        waitUntil(DEFAULT_WAIT, script, args);
    }

    /** Polls {@code script} until it returns true, for up to {@code timeout}; an {@link AssertionError} naming the script if not. */
    public void waitUntil(Duration timeout, String script, Object... args) {
        waitFor(timeout, script, () -> execute(script, args).asBoolean());
    }

    /** Polls {@code condition} every 50 ms until true, for up to {@code timeout}; an {@link AssertionError} if not. */
    public static void waitFor(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** A PNG of the visible viewport. */
    public byte[] screenshot() {
        return Base64.getDecoder().decode(command("GET", "/screenshot", null).asText());
    }

    /** Writes a PNG of the visible viewport to {@code file} (creating its directory). */
    public void screenshot(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, screenshot());
    }

    /** The browser console entries since the last call ({@code "LEVEL message"}, e.g. {@code "SEVERE ... Uncaught ..."}). */
    public List<String> consoleLog() {
        JsonNode value = command("POST", "/se/log", Map.of("type", "browser"));
        List<String> lines = new ArrayList<>();
        value.forEach(e -> lines.add(e.path("level").asText() + " " + e.path("message").asText()));
        return lines;
    }

    /** Sends a command of this session ({@code path} after {@code /session/ID}) and returns its {@code value}. */
    JsonNode command(String method, String path, Object body) {
        try {
            return send(http, driver.base(), method, "/session/" + session + path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode send(HttpClient http, URI base, String method, String path, Object body) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(COMMAND_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8").method(method, publisher).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + method + " " + path, e);
        }
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() >= 400 || value.has("error")) {
            throw new WebDriverException(value.path("error").asText("HTTP " + response.statusCode()),
                    value.path("message").asText(""));
        }
        return value;
    }

    /** Deletes the session (closing the browser) and stops chromedriver. */
    @Override
    public void close() {
        try {
            send(http, driver.base(), "DELETE", "/session/" + session, null);
        } catch (IOException | RuntimeException e) {
            // the driver is stopped below either way
        } finally {
            driver.close();
        }
    }
}
