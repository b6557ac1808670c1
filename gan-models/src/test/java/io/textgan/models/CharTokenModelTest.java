package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.Tokenizer;
import io.textgan.core.data.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model that reads characters keeps doing so after it is saved and loaded. */
class CharTokenModelTest {
    @TempDir
    Path tmp;

    private static final List<String> CAPTIONS = List.of("a red circle", "a blue square");

    private static ModelConfig config(String tokens, int vocabularySize) {
        return new ModelConfig("dcgan", "gan-cls", "bilstm", 8, 4, 3, 2, 2, vocabularySize, 4, 6, "mean", 16, tokens, false);
    }

    @Test
    void savedAndLoadedItTokenisesPromptsAsInTraining() throws IOException {
        Vocabulary chars = Vocabulary.build(CAPTIONS, 1, Tokenizer.CHAR);
        TextToImageModel model = TextToImageModel.create(config("char", chars.size()), chars, new Random(3));
        model.save(tmp);
        assertTrue(Files.readString(tmp.resolve("model.json")).contains("\"tokens\" : \"char\""));
        TextToImageModel loaded = TextToImageModel.load(tmp);
        assertEquals(Tokenizer.CHAR, loaded.vocabulary().tokenizer());
        List<String> prompts = List.of("a red square", "zebra", "a blue circle on a red background, much longer than sixteen");
        INDArray expected = model.encode(prompts);
        assertTrue(expected.equalsWithEps(loaded.encode(prompts), 1e-6));
        assertEquals(16, loaded.vocabulary().encode(prompts, loaded.config().maxTokens()).steps(), "cut to 16 characters");
    }

    @Test
    void aModelJsonWithoutTokensReadsWords() throws IOException {
        Vocabulary words = Vocabulary.build(CAPTIONS, 1);
        TextToImageModel.create(config("word", words.size()), words, new Random(3)).save(tmp);
        String json = Files.readString(tmp.resolve("model.json"));
        String old = json.replaceAll(",\\s*\"tokens\" : \"word\"", "");
        assertFalse(old.contains("tokens"), old);
        Files.writeString(tmp.resolve("model.json"), old);
        assertEquals("word", Json.read(tmp.resolve("model.json"), ModelConfig.class).tokens());
        assertEquals(Tokenizer.WORD, TextToImageModel.load(tmp).vocabulary().tokenizer());
    }

    @Test
    void aVocabularyOfAnotherKindOfTokenIsRefused() {
        Vocabulary words = Vocabulary.build(CAPTIONS, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> TextToImageModel.create(config("char", words.size()), words, new Random(3)));
        assertEquals("config tokens char differ from the vocabulary's word", e.getMessage());
    }
}
