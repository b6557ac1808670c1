package io.textgan.core.data.loaders;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The decoded images of a catalog in a {@link DecodedImageCache} file: for each entry, where its pixels are or why it
 * could not be decoded. Pixels are read from the file when asked for (the operating system keeps it in memory).
 */
final class DecodedImages {
    private final Path file;
    private final int side;
    private final int[] slots;
    private final String[] failures;
    private final int decodedNow;

    /**
     * @param slots      each entry's position among the stored images, or -1
     * @param failures   why an entry could not be decoded (null for the readable ones)
     * @param decodedNow how many images were decoded to make this (0 when the file was already there)
     */
    DecodedImages(Path file, int side, int[] slots, String[] failures, int decodedNow) {
        this.file = file;
        this.side = side;
        this.slots = slots.clone();
        this.failures = failures.clone();
        this.decodedNow = decodedNow;
    }

    Path file() {
        return file;
    }

    int side() {
        return side;
    }

    int decodedNow() {
        return decodedNow;
    }

    boolean readable(int entry) {
        return slots[entry] >= 0;
    }

    String failure(int entry) {
        return failures[entry];
    }

    /** Entry {@code entry}'s image, side×side RGB. */
    BufferedImage image(int entry) {
        int bytesPerImage = DecodedImageCache.bytesPerImage(side);
        ByteBuffer buffer = ByteBuffer.allocate(bytesPerImage);
        long position = DecodedImageCache.HEADER_BYTES + (long) slots[entry] * bytesPerImage;
        try (FileChannel channel = FileChannel.open(file)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException("the file ends early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + entry + " from the decoded-image cache " + file + ": " + e.getMessage(), e);
        }
        byte[] rgb = buffer.array();
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | rgb[3 * p + 2] & 0xFF;
        }
        return image;
    }
}
