package io.textgan.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gan-spark-submit.jar runs on Spark 3.5 built for Scala 2.12 (Spark's default binary distribution, pyspark) and for
 * Scala 2.13 alike because nothing in it refers to a Scala class: gan calls Spark's Java API only (JavaSparkContext,
 * JavaRDD, Broadcast, the function interfaces), whose signatures are the same in both builds. This keeps it so: a
 * reference to {@code scala/...} (a Tuple2 of a pair RDD, a ClassTag, Scala collections) in gan's own classes would
 * bind the jar to the Scala version it was compiled against.
 */
class ScalaFreeBytecodeTest {
    private static final byte[] SCALA = "scala/".getBytes(StandardCharsets.UTF_8);

    @Test
    void ganClassesReferToNoScalaClass() throws IOException, URISyntaxException {
        Class<?>[] anchors = {SparkCluster.class, io.textgan.cli.GanMain.class, io.textgan.core.TextToImageModel.class,
                io.textgan.models.Providers.class};
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        for (Class<?> anchor : anchors) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        classes++;
                        if (contains(Files.readAllBytes(file), SCALA)) {
                            offenders.add(location.relativize(file).toString());
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().startsWith("io/textgan/") && entry.getName().endsWith(".class")) {
                            classes++;
                            try (InputStream in = jar.getInputStream(entry)) {
                                if (contains(in.readAllBytes(), SCALA)) {
                                    offenders.add(location.getFileName() + "!" + entry.getName());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(classes > 100, "found only " + classes + " classes of gan");
        assertEquals(List.of(), offenders, "gan classes that refer to Scala (the submit jar would need one Scala version)");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
