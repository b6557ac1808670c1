package io.textgan.core.train;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one-word changes of a batch's captions. */
class OneWordNegativesTest {

    @Test
    void takesOneWordFromTheSamePlaceOfACaptionOfAsManyWords() {
        List<String> captions = List.of("a small red circle at the top", "a blue square", "a large red square at the top");
        for (int seed = 0; seed < 20; seed++) {
            String changed = OneWordNegatives.oneWordChange(captions, 0, new Random(seed));
            List<String> possible = List.of("a large red circle at the top", "a small red square at the top");
            assertEquals(true, possible.contains(changed), changed);
        }
    }

    @Test
    void noneWhereNoOtherCaptionHasAsManyWordsOrAnyOtherWord() {
        assertNull(OneWordNegatives.oneWordChange(List.of("a red circle", "a blue small square"), 0, new Random(1)));
        assertNull(OneWordNegatives.oneWordChange(List.of("a red circle", "A Red Circle"), 0, new Random(1)));
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new OneWordNegatives(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new OneWordNegatives(1.5, 1));
    }

    @Test
    void refusesFewerThanOneCandidate() {
        assertThrows(IllegalArgumentException.class, () -> new OneWordNegatives(0.5, 0));
    }
}
