package io.textgan.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a token is, as {@link io.textgan.core.api.ModelConfig#tokens()} names it: a word ({@code word}) or a character
 * ({@code char}). Both lower-case the text first ({@link Locale#ROOT}).
 * <ul>
 *   <li>{@link #WORD}: punctuation and control characters become spaces; the tokens are the runs of letters and digits.
 *   <li>{@link #CHAR}: control characters and every kind of whitespace become spaces, runs of them one space, and the
 *       ends are trimmed; the tokens are the Unicode code points that remain, the space and punctuation included
 *       (a comma or an apostrophe is as much part of the spelling as a letter, and the vocabulary's frequency
 *       cut-off turns rare ones into the unknown token). A code point outside the Basic Multilingual Plane (most
 *       emoji) is one token, never two halves of a surrogate pair; a sequence of code points that draws as one
 *       symbol (an emoji with a skin-tone modifier, letters with combining accents) is several tokens.
 * </ul>
 */
public enum Tokenizer {
    WORD("word", "words", 24) {
        @Override
        public List<String> tokens(String text) {
            String cleaned = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
            return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split(" "));
        }
    },
    CHAR("char", "characters", 128) {
        @Override
        public List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            boolean pendingSpace = false;
            for (int cp : text.toLowerCase(Locale.ROOT).codePoints().toArray()) {
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                    pendingSpace = !tokens.isEmpty();
                } else {
                    if (pendingSpace) {
                        tokens.add(" ");
                        pendingSpace = false;
                    }
                    tokens.add(Character.toString(cp));
                }
            }
            return tokens;
        }
    };

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final String configName;
    private final String plural;
    private final int defaultMaxTokens;

    Tokenizer(String configName, String plural, int defaultMaxTokens) {
        this.configName = configName;
        this.plural = plural;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** The text's tokens, in order. */
    public abstract List<String> tokens(String text);

    /** The word tokens of a text: {@code WORD.tokens(text)}. */
    public static List<String> words(String text) {
        return WORD.tokens(text);
    }

    /** The tokenizer a model config names: "word" or "char". */
    public static Tokenizer named(String name) {
        for (Tokenizer t : values()) {
            if (t.configName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tokens must be word or char: " + name);
    }

    /** The name in {@link io.textgan.core.api.ModelConfig#tokens()}: "word" or "char". */
    public String configName() {
        return configName;
    }

    /** The tokens' name in messages: "words" or "characters". */
    public String plural() {
        return plural;
    }

    /**
     * Captions are cut to this many tokens unless the user says otherwise: 24 words, or 128 characters, about as much
     * English text (a word and its space average five to six characters).
     */
    public int defaultMaxTokens() {
        return defaultMaxTokens;
    }
}
