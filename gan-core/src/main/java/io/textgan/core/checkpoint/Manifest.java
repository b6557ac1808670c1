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
import java.util.TreeMap;
import java.util.stream.Stream;

/** {@code manifest.json}: every file of a checkpoint with its size and SHA-256, to detect truncation or tampering. */
public final class Manifest {
    public static final String FILE = "manifest.json";

    /** One file's size and hash. */
    public record Entry(long size, String sha256) {
    }

    private Manifest() {
    }

    /** Hashes every regular file of {@code dir} (except the manifest) and writes the manifest. */
    public static void write(Path dir) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(FILE)) {
                    entries.put(name, new Entry(Files.size(f), sha256(f)));
                }
            }
        }
        Json.write(dir.resolve(FILE), entries);
    }

    /** Checks every listed file; throws an IOException naming the first that is missing, truncated or altered. */
    public static void verifyIfPresent(Path dir) throws IOException {
        Path manifest = dir.resolve(FILE);
        if (!Files.exists(manifest)) {
            return;
        }
        Map<?, ?> raw = Json.read(manifest, Map.class);
        for (Object key : raw.keySet()) {
            String name = key.toString();
            Path f = dir.resolve(name).normalize();
            if (!f.getParent().equals(dir.normalize()) || List.of(".", "..").contains(name)) {
                throw new IOException("manifest of " + dir + " names a file outside it: " + name);
            }
            Map<?, ?> entry = (Map<?, ?>) raw.get(key);
            long size = ((Number) entry.get("size")).longValue();
            try {
                if (Files.size(f) != size || !sha256(f).equals(entry.get("sha256"))) {
                    throw new IOException("checkpoint file " + f + " is corrupt (size or SHA-256 differs from the manifest)");
                }
            } catch (NoSuchFileException e) {
                throw new IOException("checkpoint file " + f + " is missing", e);
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
