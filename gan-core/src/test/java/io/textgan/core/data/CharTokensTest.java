package io.textgan.core.data;

import io.textgan.core.api.ModelConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Character tokens: how text splits into them, and a vocabulary of characters. */
class CharTokensTest {

    @Test
    void charactersOfTheLowerCasedTextWithWhitespaceAndControlCharactersAsOneSpace() {
        assertEquals(List.of("r", "e", "d", " ", "c", "a", "t", ",", " ", "b", "i", "g", "!"),
                Tokenizer.CHAR.tokens("  Red \t\u0007 CAT,\u00a0\nbig!\r\n"));
        assertEquals(List.of(), Tokenizer.CHAR.tokens(" \t\u0000\n"));
        assertEquals(List.of(".", ".", "."), Tokenizer.CHAR.tokens("..."), "punctuation is kept");
    }

    @Test
    void aCodePointOutsideTheBasicPlaneIsOneTokenNeverHalfASurrogatePair() {
        List<String> tokens = Tokenizer.CHAR.tokens("a \uD83C\uDF4E!");
        assertEquals(List.of("a", " ", "\uD83C\uDF4E", "!"), tokens, "a red apple emoji, two UTF-16 chars");
        assertEquals(List.of("\uD83D\uDC4D", "\uD83C\uDFFD"), Tokenizer.CHAR.tokens("\uD83D\uDC4D\uD83C\uDFFD"),
                "thumbs up with a skin-tone modifier: two code points, two tokens");
        for (String t : Tokenizer.CHAR.tokens("\uD83D\uDC69\u200D\uD83D\uDE80 and \uD800 lone")) {
            assertEquals(1, t.codePointCount(0, t.length()), t);
        }
    }

    @Test
    void wordTokensAreUnchangedAndTheTokenizerIsFoundByItsConfigName() {
        assertEquals(List.of("red", "cat", "big"), Tokenizer.WORD.tokens("  Red \t\u0007 CAT,\u00a0\nbig!\r\n"));
        assertEquals(Tokenizer.CHAR, Tokenizer.named("char"));
        assertEquals(Tokenizer.WORD, Tokenizer.named("word"));
        assertEquals("tokens must be word or char: byte",
                assertThrows(IllegalArgumentException.class, () -> Tokenizer.named("byte")).getMessage());
        assertEquals(ModelConfig.defaults(8).maxTokens(), Tokenizer.WORD.defaultMaxTokens());
        assertEquals(128, Tokenizer.CHAR.defaultMaxTokens());
    }

    @Test
    void vocabularyOfCharactersByFrequencyWithTheCutOff() {
        Vocabulary v = Vocabulary.build(List.of("aab", "ab c"), 2, Tokenizer.CHAR);
        assertEquals(List.of("<pad>", "<unk>", "a", "b"), v.words(), "a 3 times, b 2, c and the space once");
        Vocabulary all = Vocabulary.build(List.of("aab", "ab c"), 1, Tokenizer.CHAR);
        assertEquals(List.of("<pad>", "<unk>", "a", "b", " ", "c"), all.words());
        assertEquals(Tokenizer.CHAR, all.tokenizer());
    }

    @Test
    void encodingCutsToMaxTokensCharactersAndMapsUnknownCharactersToTheUnknownToken() {
        Vocabulary v = Vocabulary.build(List.of("a red circle"), 1, Tokenizer.CHAR);
        TokenBatch batch = v.encode(List.of("a red circle", "Red!", ""), 5);
        assertEquals(5, batch.steps());
        assertArrayEquals(new int[]{5, 4, 0}, batch.lengths());
        assertEquals(v.id(" "), batch.ids().getInt(1, 0));
        assertEquals(v.id("r"), batch.ids().getInt(0, 1));
        assertEquals(Vocabulary.UNKNOWN_ID, batch.ids().getInt(3, 1), "! never occurs in training");
        assertEquals(Vocabulary.PAD_ID, batch.ids().getInt(4, 1));
        assertEquals(Vocabulary.PAD_ID, batch.ids().getInt(0, 2));
    }

    @Test
    void knownTokensCountsCharactersInCharModeAndWordsInWordMode() {
        Vocabulary chars = Vocabulary.build(List.of("a red circle"), 1, Tokenizer.CHAR);
        assertEquals(0, chars.knownTokens("\u0416\u0429\u042e\u0416"), "Cyrillic letters never seen");
        assertEquals(1, chars.knownTokens("\u0416\u0429 \u042e"), "only the space is known");
        assertEquals(3, chars.knownTokens("zebra"), "e, r and a");
        Vocabulary words = Vocabulary.build(List.of("a red circle"), 1);
        assertEquals(0, words.knownTokens("zebra"));
        assertEquals(1, words.knownTokens("a zebra"));
    }

    @Test
    void aCharacterVocabularyRefusesEntriesOfSeveralCharactersAndRoundTripsThroughItsList() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "a", "red"), Tokenizer.CHAR));
        assertEquals("a character vocabulary holds single characters, not \"red\"", e.getMessage());
        Vocabulary v = Vocabulary.build(List.of("a \uD83C\uDF4E, an apple"), 1, Tokenizer.CHAR);
        Vocabulary copy = new Vocabulary(v.words(), Tokenizer.CHAR);
        for (String c : List.of("\uD83C\uDF4E", ",", " ", "p", "q")) {
            assertEquals(v.id(c), copy.id(c), c);
        }
    }
}
