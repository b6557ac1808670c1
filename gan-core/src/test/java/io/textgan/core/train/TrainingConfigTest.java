package io.textgan.core.train;

import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.DataOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingConfigTest {

    @Test
    void invalidValuesAreRejectedWithTheFieldAndValue() {
        TrainingConfig d = TrainingConfig.defaults();
        assertEquals("batchSize must be at least 2: 0",
                assertThrows(IllegalArgumentException.class, () -> d.toBuilder().batchSize(0).build()).getMessage());
        assertEquals("imageSize must be a power of two, at least 8: 48",
                assertThrows(IllegalArgumentException.class, () -> ModelConfig.defaults(48)).getMessage());
        assertEquals("learningRateG must be positive: 0.0", assertThrows(IllegalArgumentException.class,
                () -> d.toBuilder().learningRateG(0).build()).getMessage());
        assertEquals("realLabel must be in (0.5, 1]: 0.3", assertThrows(IllegalArgumentException.class,
                () -> d.toBuilder().realLabel(0.3).build()).getMessage());
        assertEquals("oneWordCandidates needs one-word wrong captions (oneWordNegatives > 0)", assertThrows(IllegalArgumentException.class,
                () -> d.toBuilder().oneWordCandidates(4).build()).getMessage());
    }

    @Test
    void jsonRoundTrip() throws IOException {
        RunConfig config = new RunConfig(ModelConfig.defaults(32).withVocabularySize(50), TrainingConfig.builder().loss("hinge").build(), "/data/birds", 8192,
                new DataOptions("random", true, "#102030", 2));
        assertEquals(config, Json.fromString(Json.toString(config), RunConfig.class));
    }

    @Test
    void aRunWrittenBeforeDataOptionsReadsBackWithTheDefaults() throws IOException {
        RunConfig config = new RunConfig(ModelConfig.defaults(32).withVocabularySize(50), TrainingConfig.defaults(), "shapes", 8192, null);
        assertEquals(DataOptions.defaults(), config.dataOptions());
        String old = Json.toString(config).replaceAll(",\\s*\"dataOptions\"\\s*:\\s*\\{[^}]*}", "");
        assertFalse(old.contains("dataOptions"), old);
        assertEquals(config, Json.fromString(old, RunConfig.class));
    }

    @Test
    void aConfigurationWrittenBeforeLossesCouldBeChosenReadsAsTheNonSaturatingLoss() throws IOException {
        String json = Json.toString(TrainingConfig.builder().loss("minimax").build()).replaceAll(",\\s*\"loss\"\\s*:\\s*\"minimax\"", "");
        assertFalse(json.contains("loss\""), json);
        assertEquals(TrainingConfig.defaults(), Json.fromString(json, TrainingConfig.class));
    }
}
