package io.textgan.cli.serve;

import io.textgan.cli.command.PromptCheck;
import io.textgan.cli.command.SeededImages;
import io.textgan.core.TextToImageModel;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.nn.StepWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that draws, and the bounded queue of requests waiting for it. The model is not thread-safe (its
 * networks keep forward state, and ND4J workspaces are per thread), and one drawing already uses every core through
 * ND4J's own threads, so requests are drawn one at a time rather than by a pool of model copies; a full queue refuses
 * at once ({@link #submit} throws 503) instead of growing without limit.
 *
 * <p>Memory: a drawing's arrays live in an ND4J workspace that every drawing reuses, and every 50 drawings the thread
 * asks for a garbage collection, as training does (see {@code OffHeapCollector}). Measured with the default 32×32 model,
 * 8 clients sending 1,000 requests of 1 to 16 images: without the two, the server's resident memory grew by about
 * 100 MB per 200 requests (0.5 to 1 GB, mostly heap the collector kept expanding for short-lived garbage); with them it
 * stayed between 290 and 317 MB.
 */
final class DrawingQueue implements AutoCloseable {
    /** Drawings between garbage collections (see the class comment). */
    private static final int COLLECT_EVERY = 50;

    private final TextToImageModel model;
    private final ThreadPoolExecutor worker;
    private long drawn;

    DrawingQueue(TextToImageModel model, int capacity) {
        this.model = model;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "serve-draw");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Checks the prompt (an IllegalArgumentException in the command line's words if it is refused), then queues the
     * drawing; a 503 {@link HttpError} if the queue is full.
     */
    Future<Drawing> submit(String prompt, int n, long seed) {
        Optional<String> warning = PromptCheck.check(prompt, model);
        try {
            return worker.submit(() -> draw(prompt, n, seed, warning));
        } catch (RejectedExecutionException e) {
            throw new HttpError(503, worker.isShutdown() ? "the server is stopping"
                    : "the server is busy: " + worker.getQueue().size() + " requests are already waiting; try again shortly",
                    java.util.Map.of("Retry-After", "1"));
        }
    }

    /** Requests waiting to be drawn (not counting the one being drawn). */
    int waiting() {
        return worker.getQueue().size();
    }

    int capacity() {
        return worker.getQueue().size() + worker.getQueue().remainingCapacity();
    }

    private Drawing draw(String prompt, int n, long seed, Optional<String> warning) {
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            seeds.add(seed + k);
        }
        List<byte[]> pngs = new ArrayList<>();
        try (MemoryWorkspace ignored = StepWorkspace.open("serve-draw")) {
            INDArray images = SeededImages.generate(model, Collections.nCopies(n, prompt), seeds);
            for (int k = 0; k < n; k++) {
                pngs.add(png(ImageArrays.toImage(images, k)));
            }
        }
        if (++drawn % COLLECT_EVERY == 0) {
            System.gc();
        }
        return new Drawing(prompt, seeds, pngs, model.config().imageSize(), warning);
    }

    private static byte[] png(java.awt.image.BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer registered with ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Draws what is queued, then stops the thread (waiting up to {@code seconds}). */
    void stop(long seconds) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(seconds, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(10);
    }
}
