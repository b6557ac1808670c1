package io.textgan.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VocabularyTest {

    @Test
    void tokenizerLowerCasesAndSplitsOnPunctuationAndControlCharacters() {
        assertEquals(List.of("upper", "right", "small", "cyan", "square", "grey", "background"),
                Tokenizer.words("Upper right: small CYAN square,\tgrey\u0007background!"));
        assertEquals(List.of(), Tokenizer.words("  ...  "));
    }

    @Test
    void idsByFrequencyThenAlphabeticallyAfterPaddingAndUnknown() {
        Vocabulary v = Vocabulary.build(List.of("a red circle", "a blue circle", "a red square"), 1);
        assertEquals(List.of("<pad>", "<unk>", "a", "circle", "red", "blue", "square"), v.words());
        assertEquals(Vocabulary.UNKNOWN_ID, v.id("zebra"));
        assertEquals(6, v.id("square"));
    }

    @Test
    void minimumCountDropsRareWords() {
        Vocabulary v = Vocabulary.build(List.of("a red circle", "a blue circle"), 2);
        assertEquals(List.of("<pad>", "<unk>", "a", "circle"), v.words());
    }

    @Test
    void roundTripThroughTheWordListGivesTheSameIds() {
        Vocabulary v = Vocabulary.build(List.of("a small red circle in the top left", "big blue square"), 1);
        Vocabulary copy = new Vocabulary(v.words());
        for (String w : List.of("small", "square", "top", "nothing")) {
            assertEquals(v.id(w), copy.id(w));
        }
    }

    @Test
    void encodePadsTimeMajorAndCutsToMaxTokens() {
        Vocabulary v = Vocabulary.build(List.of("a red circle on white"), 1);
        TokenBatch batch = v.encode(List.of("a red circle on white", "red", "", "zebra"), 3);
        assertEquals(3, batch.steps());
        assertArrayEquals(new int[]{3, 1, 0, 1}, batch.lengths());
        assertEquals(v.id("red"), batch.ids().getInt(0, 1));
        assertEquals(Vocabulary.PAD_ID, batch.ids().getInt(1, 1));
        assertEquals(Vocabulary.UNKNOWN_ID, batch.ids().getInt(0, 3));
    }

    @Test
    void rejectsATableWithoutTheReservedTokens() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("a", "b")));
        assertEquals("a vocabulary starts with <pad> and <unk>", e.getMessage());
    }
}
