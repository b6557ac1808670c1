package io.textgan.core.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: the checkpoint format version, the checkpoint's {@link Provenance}, and every file with its
 * size and SHA-256, to detect truncation or tampering.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    /**
     * The checkpoint layout this build writes; a checkpoint with a higher one is refused. 2: network weights in
     * safetensors files; 1: in {@link ArrayFile}s ({@code .bin}), still read.
     */
    public static final int FORMAT_VERSION = 2;

    /** One file's size and hash. */
    public record Entry(long size, String sha256) {
    }

    /** The manifest's content. */
    public record Content(int formatVersion, Provenance provenance, Map<String, Entry> files) {
    }

    private Manifest() {
    }

    /** Hashes every regular file of {@code dir} (except the manifest) and writes the manifest. */
    public static void write(Path dir, Provenance provenance) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(FILE)) {
                    entries.put(name, new Entry(Files.size(f), sha256(f)));
                }
            }
        }
        Json.write(dir.resolve(FILE), new Content(FORMAT_VERSION, provenance, entries));
    }

    /** The manifest of the checkpoint in {@code dir}, or empty for a directory without one. */
    public static Optional<Content> read(Path dir) throws IOException {
        Path manifest = dir.resolve(FILE);
        return Files.exists(manifest) ? Optional.of(Json.read(manifest, Content.class)) : Optional.empty();
    }

    /**
     * Checks the format version and every listed file; throws an IOException naming the first file that is missing,
     * truncated or altered. A directory without a manifest (a model saved by {@code TextToImageModel.save}) passes.
     */
    public static void verifyIfPresent(Path dir) throws IOException {
        Optional<Content> read = read(dir);
        if (read.isEmpty()) {
            return;
        }
        Content content = read.get();
        if (content.formatVersion() > FORMAT_VERSION) {
            throw new IOException(dir + " has checkpoint format version " + content.formatVersion()
                    + ", newer than this build reads (" + FORMAT_VERSION + "); use a newer gan");
        }
        if (content.files() == null) {
            throw new IOException("manifest of " + dir + " lists no files");
        }
        for (Map.Entry<String, Entry> e : content.files().entrySet()) {
            String name = e.getKey();
            Path f = dir.resolve(name).normalize();
            if (!dir.normalize().equals(f.getParent()) || List.of(".", "..").contains(name)) {
                throw new IOException("manifest of " + dir + " names a file outside it: " + name);
            }
            try {
                if (Files.size(f) != e.getValue().size() || !sha256(f).equals(e.getValue().sha256())) {
                    throw new IOException("checkpoint file " + f + " is corrupt (size or SHA-256 differs from the manifest)");
                }
            } catch (NoSuchFileException missing) {
                throw new IOException("checkpoint file " + f + " is missing", missing);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
