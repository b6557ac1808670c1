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
 * Word ↔ id table built from training captions. Id 0 is padding, id 1 stands for every unknown word; the rest are
 * ordered by falling frequency, ties alphabetically, so the same captions always give the same ids.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String UNKNOWN = "<unk>";
    public static final int PAD_ID = 0;
    public static final int UNKNOWN_ID = 1;

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @param words the table in id order, starting with {@link #PAD} and {@link #UNKNOWN} */
    public Vocabulary(List<String> words) {
        if (words.size() < 2 || !PAD.equals(words.get(0)) || !UNKNOWN.equals(words.get(1))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
        }
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            if (ids.put(this.words.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate word in vocabulary: " + this.words.get(i));
            }
        }
    }

    /** Builds the table from captions, keeping words seen at least {@code minCount} times. */
    public static Vocabulary build(Collection<String> captions, int minCount) {
        Map<String, Integer> counts = WordCounts.of(captions);
        List<String> table = new ArrayList<>(List.of(PAD, UNKNOWN));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> table.add(e.getKey()));
        return new Vocabulary(table);
    }

    /** Builds the table from every caption of a data source. */
    public static Vocabulary build(CaptionedImageSource source, int minCount) {
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            captions.addAll(source.captions(i));
        }
        return build(captions, minCount);
    }

    public int size() {
        return words.size();
    }

    public List<String> words() {
        return words;
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNKNOWN_ID);
    }

    /** Number of words of the text that are in the vocabulary. */
    public int knownWords(String text) {
        return (int) Tokenizer.words(text).stream().filter(ids::containsKey).count();
    }

    /** Tokenises captions into a padded batch, cutting each to at most {@code maxTokens}. */
    public TokenBatch encode(List<String> captions, int maxTokens) {
        int n = captions.size();
        int[][] tokenIds = new int[n][];
        int longest = 1;
        for (int i = 0; i < n; i++) {
            List<String> w = Tokenizer.words(captions.get(i));
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
