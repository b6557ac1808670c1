package io.textgan.cli.browser;

/** A WebDriver command that failed: the W3C error code (e.g. {@code no such element}) and the driver's message. */
public final class WebDriverException extends RuntimeException {
    private final String error;

    public WebDriverException(String error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    /** The W3C error code, such as {@code no such element} or {@code javascript error}. */
    public String error() {
        return error;
    }
}
