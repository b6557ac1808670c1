package io.textgan.core.export;

/** A text encoder that can write its inference computation as ONNX nodes. */
public interface OnnxExportableTextEncoder {

    /**
     * Adds the nodes that compute the sentence vectors [N, textSize] of an inference {@code encode} (before
     * {@link io.textgan.core.TextToImageModel#encode} scales them) from the graph values {@code tokens} [N, L] (int64
     * ids, padded with {@link io.textgan.core.data.Vocabulary#PAD_ID}) and {@code lengths} [N] (int64, each caption's
     * number of tokens); returns the vectors' value name.
     *
     * @throws IllegalArgumentException naming the part that has no ONNX form
     */
    String exportOnnx(OnnxGraph graph, String tokens, String lengths);
}
