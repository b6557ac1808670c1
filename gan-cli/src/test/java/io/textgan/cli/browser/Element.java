package io.textgan.cli.browser;

import java.util.Map;

/** An element of the page, found by {@link Browser#find}; valid until the page changes it away. */
public record Element(Browser browser, String id) {
    /** The key under which the W3C protocol passes an element reference. */
    static final String KEY = "element-6066-11e4-a52e-4f735466cecf";

    /** Types {@code text} into the element (after focusing it), as a person would. */
    public Element sendKeys(String text) {
        browser.command("POST", "/element/" + id + "/value", Map.of("text", text));
        return this;
    }

    /** Clears a text input or text area. */
    public Element clear() {
        browser.command("POST", "/element/" + id + "/clear", Map.of());
        return this;
    }

    /** Clicks the element in its centre (scrolling it into view first). */
    public void click() {
        browser.command("POST", "/element/" + id + "/click", Map.of());
    }

    /** The element's rendered text. */
    public String text() {
        return browser.command("GET", "/element/" + id + "/text", null).asText();
    }

    /** A DOM property such as {@code value}, {@code naturalWidth} or {@code complete}, as text ({@code null} if absent). */
    public String property(String name) {
        var value = browser.command("GET", "/element/" + id + "/property/" + name, null);
        return value.isNull() ? null : value.asText();
    }

    /** Whether the element is displayed. */
    public boolean displayed() {
        return browser.command("GET", "/element/" + id + "/displayed", null).asBoolean();
    }

    /** The reference to pass this element as an argument of {@link Browser#execute}. */
    public Map<String, String> reference() {
        return Map.of(KEY, id);
    }
}
