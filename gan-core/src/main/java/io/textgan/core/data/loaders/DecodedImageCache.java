package io.textgan.core.data.loaders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decoded images on disk, so that a data set is decoded once, not every epoch or every run. One file per (images,
 * side, background) in a cache folder, named by a hash of what went into it: each image's path, size and modification
 * time (or its archive's), the side and the background; a changed file makes a new one, and old ones may be deleted
 * at any time.
 * <p>
 * File layout: {@code TGDECODE}, format version, side, entry count (4-byte integers); the pixels of the readable
 * images in entry order, side×side×3 bytes each (RGB, row by row); then the index — for each entry a byte (1 readable,
 * 0 not) and, for the unreadable, the reason (modified UTF-8) — and the index's offset (8 bytes). It is written under a
 * temporary name, synced and renamed, so a crash leaves no partial cache; a damaged file is decoded again.
 */
final class DecodedImageCache {
    static final int HEADER_BYTES = 20;
    private static final byte[] MAGIC = "TGDECODE".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int CHUNK = 256;
    private static final int MAX_REASON_CHARS = 500;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(DecodedImageCache.class);

    private DecodedImageCache() {
    }

    /** What decoding one entry gave: its pixels, or why there are none. */
    private record Decoded(int[] rgb, String failure) {
    }

    static int bytesPerImage(int side) {
        return side * side * 3;
    }

    /**
     * The decoded images of {@code entries} at {@code side}×{@code side}, from the cache file when there is a good one,
     * else decoded now (in parallel) and written to it.
     *
     * @param dataName a name for the data, put in the file name so that people can tell the files apart
     */
    static DecodedImages open(Path directory, String dataName, List<CatalogEntry> entries, int side, int background) throws IOException {
        Path file = directory.resolve(dataName.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + side + "px-" + key(entries, side, background) + ".bin");
        if (Files.isRegularFile(file)) {
            DecodedImages cached = read(file, entries.size(), side);
            if (cached != null) {
                LOG.info("decoded images from the cache {}", file);
                return cached;
            }
            LOG.warn("the decoded-image cache {} is damaged; decoding again", file);
        }
        return build(file, entries, side, background);
    }

    private static String key(List<CatalogEntry> entries, int side, int background) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((VERSION + "|" + side + "|" + background + "\n").getBytes(StandardCharsets.UTF_8));
            for (CatalogEntry e : entries) {
                sha.update((e.image().identity() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static DecodedImages build(Path file, List<CatalogEntry> entries, int side, int background) throws IOException {
        Path directory = file.getParent();
        Path tmp;
        try {
            Files.createDirectories(directory);
            tmp = Files.createTempFile(directory, ".building-", ".bin");
        } catch (IOException e) {
            throw new IOException("cannot write the decoded-image cache in " + directory + ": " + e.getMessage(), e);
        }
        int n = entries.size();
        int[] slots = new int[n];
        String[] failures = new String[n];
        long start = System.nanoTime();
        long lastLog = start;
        boolean done = false;
        try (FileOutputStream stream = new FileOutputStream(tmp.toFile());
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(side);
            out.writeInt(n);
            byte[] pixels = new byte[bytesPerImage(side)];
            int readable = 0;
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                List<Decoded> chunk = IntStream.range(from, to).parallel()
                        .mapToObj(i -> decode(entries.get(i), side, background)).toList();
                for (int i = from; i < to; i++) {
                    Decoded d = chunk.get(i - from);
                    if (d.rgb() != null) {
                        toBytes(d.rgb(), pixels);
                        out.write(pixels);
                        slots[i] = readable++;
                    } else {
                        slots[i] = -1;
                        failures[i] = d.failure();
                    }
                }
                if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
                    lastLog = System.nanoTime();
                    LOG.info("decoding images: {} of {}", to, n);
                }
            }
            long indexOffset = HEADER_BYTES + (long) readable * bytesPerImage(side);
            for (int i = 0; i < n; i++) {
                out.writeBoolean(slots[i] >= 0);
                if (slots[i] < 0) {
                    out.writeUTF(failures[i].length() > MAX_REASON_CHARS ? failures[i].substring(0, MAX_REASON_CHARS) : failures[i]);
                }
            }
            out.writeLong(indexOffset);
            out.flush();
            stream.getFD().sync();
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("decoded {} images in {} s into {}", n, String.format("%.1f", (System.nanoTime() - start) / 1e9), file);
        return new DecodedImages(file, side, slots, failures, n);
    }

    private static Decoded decode(CatalogEntry entry, int side, int background) {
        try {
            return new Decoded(ImageFitting.decode(entry.image().read(), side, background), null);
        } catch (IOException e) {
            return new Decoded(null, e.getMessage());
        }
    }

    private static void toBytes(int[] rgb, byte[] out) {
        for (int p = 0; p < rgb.length; p++) {
            out[3 * p] = (byte) (rgb[p] >> 16);
            out[3 * p + 1] = (byte) (rgb[p] >> 8);
            out[3 * p + 2] = (byte) rgb[p];
        }
    }

    /** The index of a cache file, or null if the file is not a complete cache of {@code count} images at {@code side}. */
    private static DecodedImages read(Path file, int count, int side) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != VERSION || in.readInt() != side || in.readInt() != count) {
                return null;
            }
            long length = in.length();
            in.seek(length - 8);
            long indexOffset = in.readLong();
            if (indexOffset < HEADER_BYTES || indexOffset > length - 8 || length - 8 - indexOffset > Integer.MAX_VALUE) {
                return null;
            }
            byte[] index = new byte[(int) (length - 8 - indexOffset)];
            in.seek(indexOffset);
            in.readFully(index);
            DataInputStream entries = new DataInputStream(new ByteArrayInputStream(index));
            int[] slots = new int[count];
            String[] failures = new String[count];
            int readable = 0;
            for (int i = 0; i < count; i++) {
                if (entries.readBoolean()) {
                    slots[i] = readable++;
                } else {
                    slots[i] = -1;
                    failures[i] = entries.readUTF();
                }
            }
            boolean complete = entries.available() == 0 && indexOffset == HEADER_BYTES + (long) readable * bytesPerImage(side);
            return complete ? new DecodedImages(file, side, slots, failures, 0) : null;
        } catch (EOFException | UTFDataFormatException e) {
            return null;
        }
    }
}
