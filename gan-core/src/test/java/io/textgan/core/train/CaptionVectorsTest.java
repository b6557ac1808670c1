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
    void keptVectorsAreTheModelsAndNeedNoEncoding() {
        CaptionVectors vectors = new CaptionVectors(model, List.of("a red circle", "a blue square", "a red circle", "on white"));
        assertEquals(3, vectors.size());
        List<String> batch = List.of("on white", "a red circle", "a blue square", "a red circle");
        encoder.encoded = 0;
        INDArray kept = vectors.encode(batch);
        assertEquals(0, encoder.encoded);
        assertTrue(kept.equalsWithEps(model.encode(batch), 1e-6));
    }

    @Test
    void eachVectorDependsOnTheSetOfCaptionsAloneNotTheirOrder() {
        List<String> batch = List.of("a red circle", "a blue square on white", "a blue square");
        INDArray one = new CaptionVectors(model, List.of("a blue square", "a red circle", "a blue square on white")).encode(batch);
        INDArray other = new CaptionVectors(model, List.of("a blue square on white", "a red circle", "a blue square", "a red circle")).encode(batch);
        assertEquals(one, other);
    }

    @Test
    void aBatchWithACaptionNotKeptIsEncodedAsItIs() {
        CaptionVectors vectors = new CaptionVectors(model, List.of("a red circle"));
        List<String> batch = List.of("a red circle", "a blue square");
        encoder.encoded = 0;
        assertEquals(model.encode(batch), vectors.encode(batch));
        assertEquals(2 + 2, encoder.encoded, "the batch's two captions, and model.encode's two");
        assertEquals(model.encode(batch), new CaptionVectors(model).encode(batch));
    }
}
