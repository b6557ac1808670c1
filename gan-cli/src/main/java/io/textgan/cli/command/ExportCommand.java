package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.export.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gan export}: a trained run's text encoder and generator as one ONNX model (token ids, lengths and noise in,
 * image out) for other runtimes, with the vocabulary and tokenizer settings beside it.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export a run's text encoder and generator (inputs: token ids, lengths, noise; output: image) as one "
                + "ONNX model, with vocabulary.json beside it.")
public final class ExportCommand implements Callable<Integer> {
    static final String ONNX = "onnx";

    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Option(names = "--format", required = true, description = "Export format: onnx.")
    String format;

    @Option(names = "--out", required = true, description = "File to write (its directory must exist).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!ONNX.equals(format)) {
            throw new IllegalArgumentException("unknown export format '" + format + "': the one format is onnx");
        }
        Path checkpoint = runCheckpoint.resolve();
        TextToImageModel model = TextToImageModel.load(checkpoint);
        String version = ExportCommand.class.getPackage().getImplementationVersion();
        OnnxExport.write(model, version == null ? "development" : version, out);
        spec.commandLine().getOut().printf("wrote the text encoder and generator of %s as ONNX (opset %d, %d bytes) to %s%n",
                checkpoint, io.textgan.core.export.OnnxGraph.OPSET, Files.size(out), out);
        spec.commandLine().getOut().printf("inputs: tokens int64 [N, L], lengths int64 [N], noise [N, %d]; output: image "
                + "[N, 3, %d, %d] in [-1, 1]; tokenizer and vocabulary in %s%n", model.config().noiseSize(),
                model.config().imageSize(), model.config().imageSize(),
                out.toAbsolutePath().resolveSibling(OnnxExport.VOCABULARY_FILE));
        return 0;
    }
}
