package io.textgan.core.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {
    private static final Provenance PROVENANCE = new Provenance("0.1.0", "shapes", 64, 7, "2026-11-22T00:00:00Z");

    @TempDir
    Path tmp;

    private Path checkpoint() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("ckpt"));
        ArrayFile.write(dir.resolve("a.bin"), Map.of("w", Nd4j.ones(2, 3)));
        Files.writeString(dir.resolve("b.json"), "{}");
        Manifest.write(dir, PROVENANCE);
        return dir;
    }

    @Test
    void recordsVersionProvenanceAndEveryFileAndDetectsAnAlteredOne() throws IOException {
        Path dir = checkpoint();
        Manifest.verifyIfPresent(dir);
        Manifest.Content content = Json.read(dir.resolve(Manifest.FILE), Manifest.Content.class);
        assertEquals(Manifest.FORMAT_VERSION, content.formatVersion());
        assertEquals(PROVENANCE, content.provenance());
        assertEquals(java.util.Set.of("a.bin", "b.json"), content.files().keySet());
        byte[] bytes = Files.readAllBytes(dir.resolve("a.bin"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("a.bin"), bytes);
        IOException e = assertThrows(IOException.class, () -> Manifest.verifyIfPresent(dir));
        assertTrue(e.getMessage().contains("a.bin is corrupt"), e.getMessage());
    }

    @Test
    void refusesANewerFormatAndFilesOutsideTheCheckpoint() throws IOException {
        Path dir = checkpoint();
        Path manifest = dir.resolve(Manifest.FILE);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replace("\"formatVersion\" : " + Manifest.FORMAT_VERSION, "\"formatVersion\" : 99"));
        assertTrue(assertThrows(IOException.class, () -> Manifest.verifyIfPresent(dir)).getMessage()
                .contains("format version 99, newer than this build reads (" + Manifest.FORMAT_VERSION + ")"));
        Files.writeString(tmp.resolve("secret"), "x");
        Files.writeString(manifest, json.replace("\"b.json\"", "\"../secret\""));
        assertTrue(assertThrows(IOException.class, () -> Manifest.verifyIfPresent(dir)).getMessage()
                .contains("names a file outside it: ../secret"));
    }
}
