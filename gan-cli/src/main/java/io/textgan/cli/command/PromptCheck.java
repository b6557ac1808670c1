package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.Vocabulary;

import java.io.PrintWriter;
import java.util.List;

/** Checks a prompt against a model before anything is drawn: what {@code generate} and {@code interpolate} share. */
final class PromptCheck {
    private static final int SHORT = 60;

    private PromptCheck() {
    }

    /**
     * Empty prompts and prompts with no known token (word, or character for a model trained on characters) are
     * errors; longer prompts are cut, with a warning on {@code err}.
     */
    static void check(String prompt, TextToImageModel model, PrintWriter err) {
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
            err.printf("gan: warning: prompt \"%s\" has %d %s; only the first %d are read%n", shorten(prompt), tokens.size(), unit, max);
        }
    }

    /** The prompt on one line of at most 60 characters (code points), for messages. */
    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.codePointCount(0, clean.length()) > SHORT
                ? clean.substring(0, clean.offsetByCodePoints(0, SHORT - 3)) + "..." : clean;
    }
}
