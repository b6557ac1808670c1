package io.textgan.core.checkpoint;

import io.textgan.core.nn.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayFileTest {
    @TempDir
    Path tmp;

    private final Random rng = new Random(3);

    private Map<String, INDArray> arrays() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("w", Init.normal(rng, 1, 2, 3, 4));
        m.put("b", Init.normal(rng, 1, 5));
        return m;
    }

    private static Map<String, INDArray> zerosLike(Map<String, INDArray> m) {
        Map<String, INDArray> z = new LinkedHashMap<>();
        m.forEach((k, v) -> z.put(k, Nd4j.zeros(DataType.FLOAT, v.shape())));
        return z;
    }

    @Test
    void roundTripIsExact() throws IOException {
        Map<String, INDArray> saved = arrays();
        Path f = tmp.resolve("a.bin");
        ArrayFile.write(f, saved);
        Map<String, INDArray> loaded = zerosLike(saved);
        ArrayFile.readInto(f, loaded);
        saved.forEach((k, v) -> assertEquals(v, loaded.get(k)));
    }

    @Test
    void shapeMismatchTruncationAndForeignFilesAreRefusedWithTheirNames() throws IOException {
        Map<String, INDArray> saved = arrays();
        Path f = tmp.resolve("a.bin");
        ArrayFile.write(f, saved);
        Map<String, INDArray> wrongShape = zerosLike(saved);
        wrongShape.put("b", Nd4j.zeros(DataType.FLOAT, 6));
        assertTrue(assertThrows(IOException.class, () -> ArrayFile.readInto(f, wrongShape)).getMessage()
                .contains("'b' has shape [5], the model expects [6]"));

        byte[] bytes = Files.readAllBytes(f);
        Path truncated = Files.write(tmp.resolve("t.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertEquals("t.bin is truncated", assertThrows(IOException.class, () -> ArrayFile.readInto(truncated, zerosLike(saved))).getMessage());

        Path text = Files.writeString(tmp.resolve("x.bin"), "hello world, not arrays");
        assertEquals("x.bin is not a TextGAN array file", assertThrows(IOException.class, () -> ArrayFile.readInto(text, zerosLike(saved))).getMessage());
    }

    @Test
    void hugeDeclaredShapesAreRejectedBeforeAllocating() throws IOException {
        Path f = tmp.resolve("evil.bin");
        try (var out = new java.io.DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(0x5447414E);
            out.writeInt(1);
            out.writeInt(1);
            out.writeUTF("w");
            out.writeInt(2);
            out.writeLong(1L << 40);
            out.writeLong(1L << 40);
        }
        Map<String, INDArray> expected = Map.of("w", Nd4j.zeros(DataType.FLOAT, 2, 2));
        assertTrue(assertThrows(IOException.class, () -> ArrayFile.readInto(f, expected)).getMessage().contains("has shape"));
    }
}
