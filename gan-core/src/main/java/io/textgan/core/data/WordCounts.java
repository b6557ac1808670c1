package io.textgan.core.data;

import java.util.HashMap;
import java.util.Map;

/** How often each token occurs in some captions: each word by default, or each token as a {@link Tokenizer} splits them. */
public final class WordCounts {
    private WordCounts() {
    }

    public static Map<String, Integer> of(Iterable<String> captions) {
        return of(captions, Tokenizer.WORD);
    }

    public static Map<String, Integer> of(Iterable<String> captions, Tokenizer tokenizer) {
        Map<String, Integer> counts = new HashMap<>();
        for (String caption : captions) {
            for (String w : tokenizer.tokens(caption)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }
}
