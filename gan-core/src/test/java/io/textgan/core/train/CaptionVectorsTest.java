package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.TextEncoder;
import io.textgan.core.data.TokenBatch;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each caption is encoded once, and the cached vectors are the model's. */
class CaptionVectorsTest {
    /** A text encoder whose vector of a caption depends on its tokens only, counting the captions it encodes. */
    private static final class CountingTextEncoder implements TextEncoder {
        int encoded;

        @Override
        public INDArray encode(TokenBatch tokens, boolean training) {
            long n = tokens.ids().size(1);
            encoded += (int) n;
            INDArray vectors = Nd4j.zeros(DataType.FLOAT, n, 3);
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < tokens.lengths()[i]; t++) {
                    double id = tokens.ids().getDouble(t, i);
                    vectors.putScalar(new long[]{i, t % 3}, vectors.getDouble(i, t % 3) + id + 1);
                }
            }
            return vectors;
        }

        @Override
        public void backward(INDArray gradVectors) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int outputSize() {
            return 3;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public List<String> summary() {
            return List.of();
        }

        @Override
        public long multiplyAdds() {
            return 0;
        }
    }

    private final CountingTextEncoder encoder = new CountingTextEncoder();
    private final Vocabulary vocabulary = Vocabulary.build(List.of("a red circle", "a blue square on white"), 1);
    private final TextToImageModel model = new TextToImageModel(new ModelConfig("dcgan", "gan-cls", "lstm", 8, 4, 3, 2, 2,
            vocabulary.size(), 4, 3, "mean", 6, null, false), vocabulary, encoder, null);

    @Test
    void eachCaptionIsEncodedOnceAndGivenAsTheModelGivesIt() {
        CaptionVectors vectors = new CaptionVectors(model, 100);
        List<String> first = List.of("a red circle", "a blue square", "a red circle");
        assertEquals(model.encode(first), vectors.encode(first));
        encoder.encoded = 0;
        List<String> second = List.of("a blue square on white", "a red circle", "a blue square", "a blue square on white");
        assertEquals(model.encode(second), vectors.encode(second));
        assertEquals(4 + 1, encoder.encoded, "model.encode's 4 and the one new caption");
    }

    @Test
    void theLeastRecentlyUsedCaptionIsDroppedBeyondCapacity() {
        CaptionVectors vectors = new CaptionVectors(model, 2);
        vectors.encode(List.of("a red circle"));
        vectors.encode(List.of("a blue square"));
        vectors.encode(List.of("a red circle"));
        vectors.encode(List.of("on white"));
        encoder.encoded = 0;
        vectors.encode(List.of("a red circle", "on white"));
        assertEquals(0, encoder.encoded);
        INDArray again = vectors.encode(List.of("a blue square"));
        assertEquals(1, encoder.encoded);
        assertTrue(again.equalsWithEps(model.encode(List.of("a blue square")), 0));
    }
}
