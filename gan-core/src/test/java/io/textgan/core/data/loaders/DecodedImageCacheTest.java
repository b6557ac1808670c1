package io.textgan.core.data.loaders;

import io.textgan.core.data.Batch;
import io.textgan.core.data.BatchSampler;
import io.textgan.core.data.DataOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.textgan.core.data.loaders.Fixtures.image;
import static io.textgan.core.data.loaders.Fixtures.request;
import static io.textgan.core.data.loaders.Fixtures.rgb;
import static io.textgan.core.data.loaders.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodedImageCacheTest {
    private static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW, Color.CYAN, Color.MAGENTA};

    @TempDir
    Path tmp;

    private Path folder() throws IOException {
        Path root = tmp.resolve("data");
        for (int i = 0; i < COLOURS.length; i++) {
            image(root.resolve("item" + i + ".png"), COLOURS[i], 24, 16);
            text(root.resolve("item" + i + ".txt"), "item " + i);
        }
        return root;
    }

    /** Replaces a file's bytes with garbage of the same length and keeps its modification time: only decoding would notice. */
    private static void spoil(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] garbage = new byte[(int) Files.size(file)];
        Arrays.fill(garbage, (byte) 7);
        Files.write(file, garbage);
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void imagesAreDecodedOnceAndLaterRunsAndEpochsReadTheCache() throws IOException {
        Path root = folder();
        Path cache = tmp.resolve("cache");
        Dataset first = DataSources.open(request(root, cache, 8));
        assertEquals(COLOURS.length, first.report().decodedNow());
        try (Stream<Path> files = Files.list(root)) {
            for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                spoil(png);
            }
        }

        Dataset again = DataSources.open(request(root, cache, 8));

        assertEquals(0, again.report().decodedNow(), "nothing decoded: every image came from the cache");
        assertEquals(first.report().cacheFile(), again.report().cacheFile());
        for (int i = 0; i < COLOURS.length; i++) {
            assertEquals(COLOURS[i].getRGB() & 0xFFFFFF, rgb(again, i, 3, 3));
        }
        try (BatchSampler sampler = new BatchSampler(again.training(), 3, 8, 1)) {
            for (int epoch = 1; epoch <= 2; epoch++) {
                for (Batch batch : sampler.epoch(epoch, 0)) {
                    assertEquals(3, batch.size());
                    assertTrue(batch.images().maxNumber().doubleValue() == 1.0, "saturated colours, read without decoding");
                }
            }
        }
        assertEquals(List.of(), again.report().skipped());
    }

    @Test
    void aChangedFileOrOtherSettingsMakeANewCacheAndADamagedOneIsRebuilt() throws IOException {
        Path root = folder();
        Path cache = tmp.resolve("cache");
        Dataset first = DataSources.open(request(root, cache, 8));

        image(root.resolve("item0.png"), Color.WHITE, 24, 16);
        Files.setLastModifiedTime(root.resolve("item0.png"), FileTime.fromMillis(Files.getLastModifiedTime(root.resolve("item0.png")).toMillis() + 5000));
        Dataset changed = DataSources.open(request(root, cache, 8));
        assertEquals(COLOURS.length, changed.report().decodedNow());
        assertNotEquals(first.report().cacheFile(), changed.report().cacheFile());
        assertEquals(0xFFFFFF, rgb(changed, 0, 3, 3));

        Dataset larger = DataSources.open(new DataRequest(root.toString(), new DataOptions("random", false, "white", 1), 8, 1, 7, cache));
        assertEquals(10, larger.all().image(0).getWidth(), "random crops are cut from images stored at 76/64 of the side");
        assertNotEquals(changed.report().cacheFile(), larger.report().cacheFile());

        try (RandomAccessFile file = new RandomAccessFile(changed.report().cacheFile(), "rw")) {
            file.setLength(file.length() - 3);
        }
        Dataset rebuilt = DataSources.open(request(root, cache, 8));
        assertEquals(COLOURS.length, rebuilt.report().decodedNow());
        assertEquals(0x00FF00, rgb(rebuilt, 1, 3, 3));
        try (Stream<Path> files = Files.list(cache)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".building-")), "no temporary file is left");
        }
    }
}
