package io.textgan.cli.serve;

import io.textgan.cli.browser.Browser;

/** The serve page as a person uses it, for the browser tests: fill the form, press Generate, wait for the images. */
final class ServePage {
    private ServePage() {
    }

    /** Types the prompt, the number of images and the seed ("" for none), presses Generate and waits for the new images. */
    static void draw(Browser browser, String prompt, int n, String seed) {
        browser.find("#prompt").clear();
        browser.find("#prompt").sendKeys(prompt);
        browser.find("#count").clear();
        browser.find("#count").sendKeys(Integer.toString(n));
        browser.find("#seed").clear();
        browser.find("#seed").sendKeys(seed);
        browser.find("#generate").click();
        browser.waitUntil("const h = document.querySelector('#current h2');"
                + " return h !== null && h.textContent === arguments[0]"
                + " && document.querySelectorAll('#current img').length === arguments[1]", prompt, n);
        awaitDecoded(browser, "img");
    }

    /** Waits until every image matching {@code selector} is decoded. */
    static void awaitDecoded(Browser browser, String selector) {
        browser.waitUntil("return [...document.querySelectorAll(arguments[0])].every(i => i.complete && i.naturalWidth > 0)",
                selector);
    }
}
