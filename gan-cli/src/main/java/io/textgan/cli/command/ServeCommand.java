package io.textgan.cli.command;

import io.textgan.cli.serve.ModelInfo;
import io.textgan.cli.serve.ModelServer;
import io.textgan.cli.serve.ServeConfig;
import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.CheckpointWriter;
import io.textgan.core.checkpoint.Manifest;
import io.textgan.core.checkpoint.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gan serve}: loads a run's model once and serves a page and a JSON API that draw from it, until Ctrl-C (or,
 * in tests, until the thread running it is interrupted). See {@link ModelServer}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a trained run's model over HTTP: a page at /, POST /api/generate, GET /api/health and /api/model.",
                "Binds to 127.0.0.1 (this machine only) unless --host says otherwise. Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Option(names = "--port", description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--host", description = "Address to listen on (0.0.0.0: every interface). Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--queue", description = "Requests that may wait for the model; more are answered 503. Default: ${DEFAULT-VALUE}.")
    int queue = ServeConfig.DEFAULT_QUEUE;

    @Override
    public Integer call() throws IOException {
        ServeConfig config = new ServeConfig(host, port, queue, ServeConfig.DEFAULT_MAX_BODY_BYTES);
        Path checkpoint = runCheckpoint.resolve();
        TextToImageModel model = TextToImageModel.load(checkpoint);
        ModelInfo info = describe(model, checkpoint);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (ModelServer server = ModelServer.start(model, info, config)) {
            Thread hook = new Thread(() -> {
                server.close();
                out.println("gan serve: stopped");
                stopped.countDown();
            }, "serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("serving %s (checkpoint %s, step %d) at %s  (Ctrl-C to stop)%n", info.run(), info.checkpointName(),
                    info.step(), server.uri());
            if (server.address().getAddress().isAnyLocalAddress()) {
                out.println("gan serve: listening on every interface: other machines can reach it");
            }
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                removeHook(hook);
                out.println("gan serve: stopped");
            }
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private ModelInfo describe(TextToImageModel model, Path checkpoint) throws IOException {
        CheckpointWriter.State state = CheckpointWriter.readState(checkpoint);
        Provenance provenance = Manifest.read(checkpoint).map(Manifest.Content::provenance).orElse(null);
        Path run = runCheckpoint.run.toAbsolutePath().normalize();
        return new ModelInfo(run.getFileName() == null ? run.toString() : run.getFileName().toString(),
                runCheckpoint.checkpoint, checkpoint.getFileName().toString(), model.config(), model.vocabulary().size(),
                state.step(), state.completedEpochs(), provenance == null ? null : provenance.data(), provenance == null ? null : provenance.dataSize(),
                provenance == null ? null : provenance.seed(), ServeConfig.MAX_IMAGES);
    }
}
