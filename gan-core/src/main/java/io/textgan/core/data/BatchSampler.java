package io.textgan.core.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Shuffled batches of a {@link CaptionedImageSource}, one epoch at a time; the last incomplete batch is dropped.
 * Each epoch's order and caption choices come from (seed, epoch) alone, so any epoch can be replayed exactly.
 * The next batch is prepared on a background thread while the current one trains.
 */
public final class BatchSampler implements AutoCloseable {
    private final CaptionedImageSource source;
    private final int batchSize;
    private final int imageSize;
    private final long seed;
    private final ImageAugmentation augmentation;
    private final ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-prefetch");
        t.setDaemon(true);
        return t;
    });

    public BatchSampler(CaptionedImageSource source, int batchSize, int imageSize, long seed) {
        this(source, batchSize, imageSize, seed, ImageAugmentation.NONE);
    }

    /** Batches whose images are changed by {@code augmentation}, drawn from each batch's own seed. */
    public BatchSampler(CaptionedImageSource source, int batchSize, int imageSize, long seed, ImageAugmentation augmentation) {
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be at least 2: " + batchSize);
        }
        if (source.size() < batchSize) {
            throw new IllegalArgumentException("the data has " + source.size() + " items, fewer than one batch of " + batchSize);
        }
        this.source = source;
        this.batchSize = batchSize;
        this.imageSize = imageSize;
        this.seed = seed;
        this.augmentation = augmentation;
    }

    public int batchesPerEpoch() {
        return source.size() / batchSize;
    }

    /** The batches of one epoch, starting at batch {@code from}; each is built while the previous one is used. */
    public Iterable<Batch> epoch(int epoch, int from) {
        Random rng = new Random(seed * 1_000_003L + epoch);
        int[] order = permutation(source.size(), rng);
        long[] batchSeeds = new long[batchesPerEpoch()];
        for (int b = 0; b < batchSeeds.length; b++) {
            batchSeeds[b] = rng.nextLong();
        }
        return () -> new java.util.Iterator<>() {
            private int next = from;
            private Future<Batch> pending = submit(next);

            private Future<Batch> submit(int b) {
                return b < batchSeeds.length ? prefetch.submit(() -> build(order, b, new Random(batchSeeds[b]))) : null;
            }

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Batch next() {
                try {
                    Batch batch = pending.get();
                    pending = submit(++next);
                    return batch;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading a batch", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("could not load a batch: " + e.getCause().getMessage(), e.getCause());
                }
            }
        };
    }

    /**
     * The plans of one epoch's batches from batch {@code from} on, without images. Without augmentation they draw
     * exactly what {@link #epoch} draws, so their batches are its batches; with augmentation each row draws its crop and
     * mirror from a seed of its own (the same for any split of the batch), where {@link #epoch} draws them in sequence.
     */
    public List<BatchPlan> plans(int epoch, int from) {
        Random rng = new Random(seed * 1_000_003L + epoch);
        int[] order = permutation(source.size(), rng);
        long[] batchSeeds = new long[batchesPerEpoch()];
        for (int b = 0; b < batchSeeds.length; b++) {
            batchSeeds[b] = rng.nextLong();
        }
        List<BatchPlan> plans = new ArrayList<>();
        for (int b = from; b < batchSeeds.length; b++) {
            plans.add(plan(order, b, new Random(batchSeeds[b])));
        }
        return plans;
    }

    private BatchPlan plan(int[] order, int b, Random rng) {
        int[] items = new int[batchSize];
        int[] captions = new int[batchSize];
        int[] others = new int[batchSize];
        int[] otherCaptions = new int[batchSize];
        long[] augmentationSeeds = new long[batchSize];
        for (int k = 0; k < batchSize; k++) {
            int item = order[b * batchSize + k];
            items[k] = item;
            augmentationSeeds[k] = ImageAugmentation.NONE.equals(augmentation) ? 0 : rng.nextLong();
            captions[k] = rng.nextInt(source.captions(item).size());
            int other = rng.nextInt(source.size() - 1);
            others[k] = other >= item ? other + 1 : other;
            otherCaptions[k] = rng.nextInt(source.captions(others[k]).size());
        }
        return new BatchPlan(items, captions, others, otherCaptions, augmentationSeeds);
    }

    /** The batch of one of this sampler's plans: its rows of this data, at its image size and augmentation. */
    public Batch materialize(BatchPlan plan) {
        return plan.materialize(source, imageSize, augmentation);
    }

    public CaptionedImageSource source() {
        return source;
    }

    public int imageSize() {
        return imageSize;
    }

    public ImageAugmentation augmentation() {
        return augmentation;
    }

    private Batch build(int[] order, int b, Random rng) {
        List<BufferedImage> images = new ArrayList<>(batchSize);
        List<String> captions = new ArrayList<>(batchSize);
        List<String> mismatched = new ArrayList<>(batchSize);
        for (int k = 0; k < batchSize; k++) {
            int item = order[b * batchSize + k];
            images.add(augmentation.apply(source.image(item), imageSize, rng));
            captions.add(pick(source.captions(item), rng));
            int other = rng.nextInt(source.size() - 1);
            mismatched.add(pick(source.captions(other >= item ? other + 1 : other), rng));
        }
        return new Batch(ImageArrays.toArray(images, imageSize), captions, mismatched);
    }

    private static String pick(List<String> options, Random rng) {
        return options.get(rng.nextInt(options.size()));
    }

    private static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public void close() {
        prefetch.shutdownNow();
    }
}
