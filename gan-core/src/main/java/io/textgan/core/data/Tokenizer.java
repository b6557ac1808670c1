package io.textgan.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Word tokenizer: lower-case, punctuation and control characters become spaces, split on whitespace. */
public final class Tokenizer {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Tokenizer() {
    }

    public static List<String> words(String text) {
        String cleaned = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split(" "));
    }
}
