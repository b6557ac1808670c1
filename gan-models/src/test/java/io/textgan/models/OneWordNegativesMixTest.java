package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.train.OneWordNegatives;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which wrong captions {@link OneWordNegatives#mix} replaces: the one-word changes the text encoder reads as different. */
class OneWordNegativesMixTest {
    private static final ModelConfig MODEL = new ModelConfig("dcgan", "gan-cls", "lstm", 8, 4, 3, 2, 2, 2, 4, 5, "mean", 6);
    private final List<String> captions = List.of("a red circle", "a blue square", "a green circle", "a red square");
    private final Vocabulary vocabulary = Vocabulary.build(captions, 1);
    private final TextToImageModel model = TextToImageModel.create(MODEL.withVocabularySize(vocabulary.size()), vocabulary, new Random(3));
    private final INDArray text = model.encode(captions);
    /** Each caption's random wrong caption: two words away, never one of its one-word changes. */
    private final INDArray random = model.encode(List.of("a blue square", "a red circle", "a red square", "a green circle"));

    @Test
    void replacesARowByItsOneWordChangeOnlyWhereTheTextEncoderReadsItAsDifferent() {
        INDArray mixed = new OneWordNegatives(1, 1).mix(captions, text, random.dup(), model, new Random(9), texts -> {
            throw new AssertionError("one candidate needs no scores");
        });
        int replaced = 0;
        for (int i = 0; i < captions.size(); i++) {
            INDArray row = mixed.getRow(i);
            if (row.equalsWithEps(random.getRow(i), 1e-7)) {
                continue;
            }
            replaced++;
            INDArray right = text.getRow(i);
            double cosine = right.mul(row).sumNumber().doubleValue() / (right.norm2Number().doubleValue() * row.norm2Number().doubleValue());
            assertTrue(cosine < 0.95, "row " + i + " replaced by a change read as the same sentence: " + cosine);
            boolean oneWordAway = false;
            for (String c : List.of("a blue circle", "a green circle", "a red square", "a red circle", "a blue square", "a green square")) {
                oneWordAway |= row.equalsWithEps(model.encode(List.of(c)).getRow(0), 1e-5);
            }
            assertTrue(oneWordAway, "row " + i + " is the vector of a caption one word away");
        }
        assertTrue(replaced > 0, "some wrong captions replaced");
    }

    @Test
    void keepsTheCandidateTheDiscriminatorScoresHighest() {
        INDArray[] scored = new INDArray[1];
        INDArray mixed = new OneWordNegatives(1, 3).mix(captions, text, random.dup(), model, new Random(9), texts -> {
            scored[0] = texts.dup();
            return texts.getColumn(0).reshape(-1, 1).dup();
        });
        int n = captions.size();
        assertEquals(3L * n, scored[0].rows(), "each image scored with three candidates");
        int replaced = 0;
        for (int i = 0; i < n; i++) {
            INDArray best = null;
            for (int c = 0; c < 3; c++) {
                INDArray candidate = scored[0].getRow((long) c * n + i);
                if (!candidate.equalsWithEps(random.getRow(i), 1e-7) && (best == null || candidate.getDouble(0) > best.getDouble(0))) {
                    best = candidate;
                }
            }
            if (best != null) {
                replaced++;
                assertTrue(mixed.getRow(i).equalsWithEps(best, 1e-7), "row " + i + " is its highest-scoring candidate");
            } else {
                assertTrue(mixed.getRow(i).equalsWithEps(random.getRow(i), 1e-7), "row " + i + " keeps its random wrong caption");
            }
        }
        assertTrue(replaced > 0, "some wrong captions replaced");
    }
}
