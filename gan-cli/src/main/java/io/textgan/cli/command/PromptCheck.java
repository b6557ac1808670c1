package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.Vocabulary;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Checks a prompt against a model before anything is drawn: what {@code generate}, {@code interpolate} and
 * {@code serve} share, so that the command line and the HTTP API refuse a prompt in the same words.
 */
public final class PromptCheck {
    private static final int SHORT = 60;

    private PromptCheck() {
    }

    /**
     * Empty prompts and prompts with no known token (word, or character for a model trained on characters) are
     * errors; longer prompts are cut, with a warning on {@code err}.
     */
    static void check(String prompt, TextToImageModel model, PrintWriter err) {
        check(prompt, model).ifPresent(warning -> err.println("gan: warning: " + warning));
    }

    /**
     * Throws an IllegalArgumentException, whose message is meant for the user, for an empty prompt or one with no
     * known token; returns a warning if the prompt is longer than the model reads.
     */
    public static Optional<String> check(String prompt, TextToImageModel model) {
        Vocabulary vocabulary = model.vocabulary();
        String unit = vocabulary.tokenizer().plural();
        List<String> tokens = vocabulary.tokenizer().tokens(prompt);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty prompt: give a sentence with at least one word");
        }
        if (vocabulary.knownTokens(prompt) == 0) {
            throw new IllegalArgumentException("none of the " + unit + " of \"" + shorten(prompt)
                    + "\" is in the model's vocabulary of " + vocabulary.size() + " " + unit);
        }
        int max = model.config().maxTokens();
        if (tokens.size() > max) {
            return Optional.of(String.format("prompt \"%s\" has %d %s; only the first %d are read", shorten(prompt),
                    tokens.size(), unit, max));
        }
        return Optional.empty();
    }

    /** The prompt on one line of at most 60 characters (code points), for messages. */
    public static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.codePointCount(0, clean.length()) > SHORT
                ? clean.substring(0, clean.offsetByCodePoints(0, SHORT - 3)) + "..." : clean;
    }
}
