package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.data.Tokenizer;

import java.io.PrintWriter;
import java.util.List;

/** Checks a prompt against a model before anything is drawn: what {@code generate} and {@code interpolate} share. */
final class PromptCheck {
    private PromptCheck() {
    }

    /** Empty prompts and prompts with no known word are errors; longer prompts are cut, with a warning on {@code err}. */
    static void check(String prompt, TextToImageModel model, PrintWriter err) {
        List<String> words = Tokenizer.words(prompt);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty prompt: give a sentence with at least one word");
        }
        if (model.vocabulary().knownWords(prompt) == 0) {
            throw new IllegalArgumentException("none of the words of \"" + shorten(prompt)
                    + "\" is in the model's vocabulary of " + model.vocabulary().size() + " words");
        }
        int max = model.config().maxTokens();
        if (words.size() > max) {
            err.printf("gan: warning: prompt \"%s\" has %d words; only the first %d are read%n", shorten(prompt), words.size(), max);
        }
    }

    /** The prompt on one line of at most 60 characters, for messages. */
    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
    }
}
