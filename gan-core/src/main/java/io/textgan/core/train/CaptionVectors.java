package io.textgan.core.train;

import io.textgan.core.TextToImageModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text vectors of a GAN's training captions, each caption encoded once: the text encoder is frozen while the GAN
 * trains ({@link GanTrainer}), so a caption's vector never changes, and a step's captions, its own and the wrong ones,
 * are captions of the data that recur every epoch. Keeps at most {@code capacity} vectors, the least recently used
 * dropped first. A caption's vector is the one {@link TextToImageModel#encode} gave in the batch that first held it.
 */
final class CaptionVectors {
    private final TextToImageModel model;
    private final int size;
    private final Map<String, float[]> vectors;

    CaptionVectors(TextToImageModel model, int capacity) {
        this.model = model;
        this.size = model.config().textSize();
        this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The vectors [n, textSize] of n captions, as {@link TextToImageModel#encode} gives them. */
    INDArray encode(List<String> captions) {
        Map<String, float[]> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String caption : captions) {
            float[] vector = vectors.get(caption);
            if (vector != null) {
                found.put(caption, vector);
            } else if (!found.containsKey(caption)) {
                found.put(caption, null);
                missing.add(caption);
            }
        }
        if (!missing.isEmpty()) {
            INDArray encoded = model.encode(missing);
            for (int i = 0; i < missing.size(); i++) {
                float[] vector = encoded.getRow(i).toFloatVector();
                found.put(missing.get(i), vector);
                vectors.put(missing.get(i), vector);
            }
        }
        float[] rows = new float[captions.size() * size];
        for (int i = 0; i < captions.size(); i++) {
            System.arraycopy(found.get(captions.get(i)), 0, rows, i * size, size);
        }
        return Nd4j.create(rows, new long[]{captions.size(), size}, DataType.FLOAT);
    }

    /** Forgets every vector kept. */
    void clear() {
        vectors.clear();
    }
}
