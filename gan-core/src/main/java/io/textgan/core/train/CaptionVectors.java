package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The text vectors of a data set's captions, encoded once: the text encoder is frozen while the GAN trains
 * ({@link GanTrainer}), so a caption's vector never changes, and a step's captions, its own and the wrong ones, are the
 * data's. They are encoded in sorted order, {@value #CHUNK} at a time, so that each vector depends on the set of
 * captions alone (an encoder's result for a row may differ in the last bits with the other rows of its batch): a
 * resumed run and every data-parallel worker see the vectors of an uninterrupted run. A batch with a caption not
 * among them is encoded as it is, by {@link TextToImageModel#encode}.
 */
final class CaptionVectors {
    private static final int CHUNK = 256;
    private final TextToImageModel model;
    private final int size;
    private final Map<String, float[]> vectors = new HashMap<>();

    /** No captions: every batch encoded as it is. */
    CaptionVectors(TextToImageModel model) {
        this.model = model;
        this.size = model.config().textSize();
    }

    /** The vectors of {@code captions} (repeats allowed), encoded now. */
    CaptionVectors(TextToImageModel model, Collection<String> captions) {
        this(model);
        List<String> sorted = List.copyOf(new TreeSet<>(captions));
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            INDArray encoded = model.encode(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                vectors.put(chunk.get(i), encoded.getRow(i).toFloatVector());
            }
        }
    }

    /** How many captions' vectors are kept. */
    int size() {
        return vectors.size();
    }

    /** The vectors [n, textSize] of n captions: the kept ones if all are kept, else the model's for this batch. */
    INDArray encode(List<String> captions) {
        float[] rows = new float[captions.size() * size];
        for (int i = 0; i < captions.size(); i++) {
            float[] vector = vectors.get(captions.get(i));
            if (vector == null) {
                return model.encode(captions);
            }
            System.arraycopy(vector, 0, rows, i * size, size);
        }
        return Nd4j.create(rows, new long[]{captions.size(), size}, DataType.FLOAT);
    }
}
