package io.textgan.core.data.loaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** An image file; its size and modification time are read once, when the data is listed. */
record FileImage(Path file, long size, long modified) implements ImageBytes {

    static FileImage of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileImage(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    @Override
    public String identity() {
        return file + "|" + size + "|" + modified;
    }

    @Override
    public byte[] read() throws IOException {
        return Files.readAllBytes(file);
    }
}
