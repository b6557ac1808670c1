package io.textgan.core.export;

/** A generator that can write its inference computation as ONNX nodes. */
public interface OnnxExportable {

    /**
     * Adds the nodes that compute the images [N, 3, S, S] of an inference {@code generate} from the graph values
     * {@code noise} [N, noiseSize] and {@code text} [N, textSize]; returns the images' value name.
     *
     * @throws IllegalArgumentException naming the part that has no ONNX form
     */
    String exportOnnx(OnnxGraph graph, String noise, String text);
}
