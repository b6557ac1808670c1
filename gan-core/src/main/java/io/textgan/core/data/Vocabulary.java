package io.textgan.core.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ↔ id table built from training captions, for word or character tokens ({@link Tokenizer}). Id 0 is padding,
 * id 1 stands for every unknown token; the rest are ordered by falling frequency, ties alphabetically, so the same
 * captions always give the same ids. The table is saved as its list of tokens; which {@link Tokenizer} splits the
 * captions is saved with the model's config.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String UNKNOWN = "<unk>";
    public static final int PAD_ID = 0;
    public static final int UNKNOWN_ID = 1;

    private final List<String> words;
    private final Tokenizer tokenizer;
    private final Map<String, Integer> ids = new HashMap<>();

    /** A table of words: {@code new Vocabulary(words, Tokenizer.WORD)}. */
    public Vocabulary(List<String> words) {
        this(words, Tokenizer.WORD);
    }

    /**
     * @param words     the table in id order, starting with {@link #PAD} and {@link #UNKNOWN}
     * @param tokenizer how captions are split into the table's tokens; with {@link Tokenizer#CHAR} every other entry
     *                  must be one code point
     */
    public Vocabulary(List<String> words, Tokenizer tokenizer) {
        if (words.size() < 2 || !PAD.equals(words.get(0)) || !UNKNOWN.equals(words.get(1))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
        }
        this.words = List.copyOf(words);
        this.tokenizer = tokenizer;
        for (int i = 0; i < this.words.size(); i++) {
            String w = this.words.get(i);
            if (i >= 2 && tokenizer == Tokenizer.CHAR && w.codePointCount(0, w.length()) != 1) {
                throw new IllegalArgumentException("a character vocabulary holds single characters, not \"" + w + "\"");
            }
            if (ids.put(w, i) != null) {
                throw new IllegalArgumentException("duplicate word in vocabulary: " + w);
            }
        }
    }

    /** Builds a table of words from captions, keeping words seen at least {@code minCount} times. */
    public static Vocabulary build(Collection<String> captions, int minCount) {
        return build(captions, minCount, Tokenizer.WORD);
    }

    /** Builds the table from captions, keeping tokens seen at least {@code minCount} times. */
    public static Vocabulary build(Collection<String> captions, int minCount, Tokenizer tokenizer) {
        Map<String, Integer> counts = WordCounts.of(captions, tokenizer);
        List<String> table = new ArrayList<>(List.of(PAD, UNKNOWN));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> table.add(e.getKey()));
        return new Vocabulary(table, tokenizer);
    }

    /** Builds a table of words from every caption of a data source. */
    public static Vocabulary build(CaptionedImageSource source, int minCount) {
        return build(source, minCount, Tokenizer.WORD);
    }

    /** Builds the table from every caption of a data source. */
    public static Vocabulary build(CaptionedImageSource source, int minCount, Tokenizer tokenizer) {
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            captions.addAll(source.captions(i));
        }
        return build(captions, minCount, tokenizer);
    }

    public int size() {
        return words.size();
    }

    public List<String> words() {
        return words;
    }

    /** How captions are split into this table's tokens. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNKNOWN_ID);
    }

    /** Number of tokens of the text that are in the vocabulary (padding and the unknown token never are). */
    public int knownTokens(String text) {
        return (int) tokenizer.tokens(text).stream().filter(t -> ids.getOrDefault(t, UNKNOWN_ID) > UNKNOWN_ID).count();
    }

    /** Tokenises captions into a padded batch, cutting each to at most {@code maxTokens} tokens. */
    public TokenBatch encode(List<String> captions, int maxTokens) {
        int n = captions.size();
        int[][] tokenIds = new int[n][];
        int longest = 1;
        for (int i = 0; i < n; i++) {
            List<String> w = tokenizer.tokens(captions.get(i));
            int length = Math.min(w.size(), maxTokens);
            tokenIds[i] = new int[length];
            for (int t = 0; t < length; t++) {
                tokenIds[i][t] = id(w.get(t));
            }
            longest = Math.max(longest, length);
        }
        INDArray timeMajor = Nd4j.zeros(DataType.FLOAT, longest, n);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = tokenIds[i].length;
            for (int t = 0; t < tokenIds[i].length; t++) {
                timeMajor.putScalar(t, i, tokenIds[i][t]);
            }
        }
        return new TokenBatch(timeMajor, lengths);
    }
}
