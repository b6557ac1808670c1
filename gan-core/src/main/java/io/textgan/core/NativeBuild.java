package io.textgan.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses ND4J's native CPU library before ND4J loads: the oneDNN + AVX2 build where the processor has AVX2 (several
 * times faster for convolutions), the portable build otherwise. An explicit
 * {@code -Dorg.bytedeco.javacpp.platform.extension=...} always wins.
 */
public final class NativeBuild {
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String FAST_EXTENSION = "-onednn-avx2";

    private NativeBuild() {
    }

    /** Call before the first use of ND4J; later calls have no effect on the library already loaded. */
    public static void select() {
        if (System.getProperty(EXTENSION_PROPERTY) == null && hasAvx2()) {
            System.setProperty(EXTENSION_PROPERTY, FAST_EXTENSION);
        }
    }

    static boolean hasAvx2() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!"amd64".equals(System.getProperty("os.arch")) || !Files.isReadable(cpuinfo)) {
            return false;
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst().map(l -> l.contains(" avx2")).orElse(false);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
