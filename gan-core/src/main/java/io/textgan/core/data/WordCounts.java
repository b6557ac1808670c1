package io.textgan.core.data;

import java.util.HashMap;
import java.util.Map;

/** How often each word (as {@link Tokenizer} splits them) occurs in some captions. */
public final class WordCounts {
    private WordCounts() {
    }

    public static Map<String, Integer> of(Iterable<String> captions) {
        Map<String, Integer> counts = new HashMap<>();
        for (String caption : captions) {
            for (String w : Tokenizer.words(caption)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }
}
