package io.textgan.spark;

import io.textgan.core.data.CaptionedImageSource;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.data.loaders.DataSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training data as this JVM sees it, opened once per training session: each executor reads (and decodes) the
 * images of its own shards. In local mode the driver lends the source it already opened.
 */
final class WorkerData {
    private static final Map<String, CaptionedImageSource> OPEN = new ConcurrentHashMap<>();

    private WorkerData() {
    }

    /** Lends the driver's source to tasks of the session {@code setupId} that run in this JVM. */
    static void lend(String setupId, CaptionedImageSource source) {
        OPEN.put(setupId, source);
    }

    static void forget(String setupId) {
        OPEN.remove(setupId);
    }

    static CaptionedImageSource training(WorkerSetup setup) {
        return OPEN.computeIfAbsent(setup.id(), id -> open(setup));
    }

    private static CaptionedImageSource open(WorkerSetup setup) {
        try {
            DataRequest request = HadoopData.local(setup.dataRequest());
            CaptionedImageSource source = DataSources.open(request).training();
            if (source.size() != setup.dataSize()) {
                throw new IllegalStateException("this executor reads " + source.size() + " training items at " + setup.data()
                        + ", the driver " + setup.dataSize() + ": the data must be the same for all");
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training data at " + setup.data() + ": " + e.getMessage(), e);
        }
    }
}
