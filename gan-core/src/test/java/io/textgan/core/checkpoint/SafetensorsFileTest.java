package io.textgan.core.checkpoint;

import io.textgan.core.nn.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SafetensorsFileTest {
    @TempDir
    Path tmp;

    private static Map<String, INDArray> arrays() {
        Random rng = new Random(5);
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("g.fc.weight", Init.normal(rng, 1, 3, 4));
        m.put("g.up1.weight", Init.normal(rng, 1, 2, 2, 3, 1));
        m.put("g.fc_bn.gamma", Init.normal(rng, 1, 5));
        return m;
    }

    private static Map<String, INDArray> zerosLike(Map<String, INDArray> m) {
        Map<String, INDArray> z = new LinkedHashMap<>();
        m.forEach((k, v) -> z.put(k, Nd4j.zeros(DataType.FLOAT, v.shape())));
        return z;
    }

    private Path written() throws IOException {
        Path f = tmp.resolve("g.safetensors");
        SafetensorsFile.write(f, arrays(), Map.of("format", "pt", "textgan.model", "{\"ngf\":8}"));
        return f;
    }

    @Test
    void roundTripIsExactAndKeepsTheMetadata() throws IOException {
        Path f = written();
        Map<String, INDArray> loaded = zerosLike(arrays());
        Map<String, String> metadata = SafetensorsFile.readInto(f, loaded);
        arrays().forEach((k, v) -> assertEquals(v, loaded.get(k), k));
        assertEquals(Map.of("format", "pt", "textgan.model", "{\"ngf\":8}"), metadata);
    }

    /** A reader written from the format section of the safetensors README alone, sharing no code with production. */
    @Test
    void anIndependentReaderFollowingThePublishedFormatFindsTheSameValues() throws IOException {
        byte[] file = Files.readAllBytes(written());
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        assertTrue(n > 0 && 8 + n <= file.length);
        assertEquals(0, (8 + n) % 8, "data aligned to 8 bytes");
        String headerText = new String(file, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(headerText.startsWith("{"), "the header starts with '{'");
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) new MiniJson(headerText.strip()).value();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) header.remove("__metadata__");
        assertEquals("pt", metadata.get("format"));
        Map<String, INDArray> expected = arrays();
        assertEquals(expected.keySet(), header.keySet());
        long dataLength = file.length - 8 - n;
        long covered = 0;
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) header.get(e.getKey());
            assertEquals("F32", info.get("dtype"));
            long[] shape = ((List<?>) info.get("shape")).stream().mapToLong(x -> (Long) x).toArray();
            assertArrayEquals(e.getValue().shape(), shape, e.getKey());
            List<?> offsets = (List<?>) info.get("data_offsets");
            long begin = (Long) offsets.get(0);
            long end = (Long) offsets.get(1);
            assertTrue(0 <= begin && begin <= end && end <= dataLength);
            covered += end - begin;
            float[] values = new float[(int) ((end - begin) / 4)];
            for (int i = 0; i < values.length; i++) {
                values[i] = buf.getFloat((int) (8 + n + begin + 4L * i));
            }
            // row-major (C order), as the format stores tensors
            assertArrayEquals(e.getValue().dup('c').data().asFloat(), values, e.getKey());
        }
        assertEquals(dataLength, covered, "the arrays fill the data section");
    }

    @Test
    void pythonSafetensorsLoadsTheSameValues() throws Exception {
        String python = pythonWith("safetensors.numpy");
        assumeTrue(python != null, "python3 with the safetensors and numpy packages is not installed "
                + "(Debian 12 packages numpy as python3-numpy but has no python3-safetensors); skipping the Python check");
        Path f = written();
        Path expected = tmp.resolve("expected.txt");
        StringBuilder lines = new StringBuilder();
        arrays().forEach((k, v) -> {
            lines.append(k).append(' ').append(Arrays.toString(v.shape()).replaceAll("[\\[\\] ]", ""));
            for (float x : v.dup('c').data().asFloat()) {
                lines.append(' ').append(x);
            }
            lines.append('\n');
        });
        Files.writeString(expected, lines);
        String script = String.join("\n",
                "import sys, numpy as np",
                "from safetensors.numpy import load_file",
                "from safetensors import safe_open",
                "t = load_file(sys.argv[1])",
                "rows = [l.split() for l in open(sys.argv[2]) if l.strip()]",
                "assert sorted(t) == sorted(r[0] for r in rows), (sorted(t), [r[0] for r in rows])",
                "for r in rows:",
                "    a = t[r[0]]",
                "    assert a.dtype == np.float32, a.dtype",
                "    assert list(a.shape) == [int(s) for s in r[1].split(',') if s], (r[0], a.shape)",
                "    assert np.array_equal(a.reshape(-1), np.array([float(x) for x in r[2:]], dtype=np.float32)), r[0]",
                "with safe_open(sys.argv[1], framework='np') as s:",
                "    assert s.metadata()['format'] == 'pt'",
                "print('ok')");
        Process p = new ProcessBuilder(python, "-c", script, f.toString(), expected.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("ok", out.strip());
    }

    /** The first python3 that imports the module, or null. */
    static String pythonWith(String module) {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }

    @Test
    void wrongNamesShapesAndDtypesAreRefusedWithTheirNames() throws IOException {
        Path f = written();
        Map<String, INDArray> wrongShape = zerosLike(arrays());
        wrongShape.put("g.fc_bn.gamma", Nd4j.zeros(DataType.FLOAT, 6));
        assertEquals("g.safetensors: 'g.fc_bn.gamma' has shape [5], the model expects [6]",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(f, wrongShape)).getMessage());
        Map<String, INDArray> moreExpected = zerosLike(arrays());
        moreExpected.put("extra", Nd4j.zeros(DataType.FLOAT, 1));
        assertEquals("g.safetensors lacks the arrays [extra]",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(f, moreExpected)).getMessage());
        Map<String, INDArray> fewer = zerosLike(arrays());
        fewer.remove("g.fc.weight");
        assertEquals("g.safetensors has an unexpected array 'g.fc.weight'",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(f, fewer)).getMessage());

        Path f16 = withHeader("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        assertEquals("h.safetensors: 'w' has dtype \"F16\"; the model's arrays are F32",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(f16, w(2))).getMessage());
    }

    @Test
    void offsetsMustStayInsideTheFileAndTileTheDataExactly() throws IOException {
        String two = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[%d,%d]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[%d,%d]}}";
        Map<String, INDArray> ab = new LinkedHashMap<>();
        ab.put("a", Nd4j.zeros(DataType.FLOAT, 2));
        ab.put("b", Nd4j.zeros(DataType.FLOAT, 2));
        Path outside = withHeader(String.format(two, 0, 8, 8, 24), 16);
        assertEquals("h.safetensors: 'b' has data_offsets [8, 24] outside the 16 data bytes",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(outside, ab)).getMessage());
        Path overlap = withHeader(String.format(two, 0, 8, 4, 12), 16);
        assertTrue(assertThrows(IOException.class, () -> SafetensorsFile.readInto(overlap, ab)).getMessage()
                .contains("'b' starts at byte 4, expected 8 (arrays must be contiguous and must not overlap)"));
        Path hole = withHeader(String.format(two, 0, 8, 12, 20), 20);
        assertTrue(assertThrows(IOException.class, () -> SafetensorsFile.readInto(hole, ab)).getMessage()
                .contains("'b' starts at byte 12, expected 8"));
        Path trailing = withHeader(String.format(two, 0, 8, 8, 16), 20);
        assertEquals("h.safetensors: the arrays cover 16 of 20 data bytes",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(trailing, ab)).getMessage());
        Path sizeMismatch = withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        assertEquals("h.safetensors: 'w' has 4 bytes, its shape needs 8",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(sizeMismatch, w(2))).getMessage());
        Path reversed = withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8);
        assertTrue(assertThrows(IOException.class, () -> SafetensorsFile.readInto(reversed, w(2))).getMessage()
                .contains("data_offsets [8, 0] outside"));
    }

    @Test
    void malformedHeadersAreRefusedBeforeAnythingIsAllocated() throws IOException {
        Path tiny = Files.write(tmp.resolve("tiny.safetensors"), new byte[]{1, 2, 3});
        assertEquals("tiny.safetensors is not a safetensors file (3 bytes)",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(tiny, w(1))).getMessage());
        ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).putLong(0);
        Path big = Files.write(tmp.resolve("big.safetensors"), huge.array());
        assertEquals("big.safetensors is not a safetensors file: header length 1099511627776 for a file of 16 bytes",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(big, w(1))).getMessage());
        Path duplicate = withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        assertTrue(assertThrows(IOException.class, () -> SafetensorsFile.readInto(duplicate, w(1))).getMessage()
                .startsWith("h.safetensors has an invalid safetensors header: Duplicate field 'w'"));
        Path notJson = withHeader("{not json", 0);
        assertTrue(assertThrows(IOException.class, () -> SafetensorsFile.readInto(notJson, w(1))).getMessage()
                .startsWith("h.safetensors has an invalid safetensors header"));
        Path badMetadata = withHeader("{\"__metadata__\":{\"k\":1},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        assertEquals("h.safetensors: __metadata__ value of 'k' is not a string",
                assertThrows(IOException.class, () -> SafetensorsFile.readInto(badMetadata, w(1))).getMessage());
        Path negative = withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4);
        assertTrue(assertThrows(IOException.class, () -> SafetensorsFile.readInto(negative, w(1))).getMessage()
                .contains("'w' has no valid shape"));
    }

    @Test
    void weightFileReadsTheFormatOneArrayFileWhenThereIsNoSafetensorsFile() throws IOException {
        var p = io.textgan.core.nn.Parameter.trainable("w", Init.normal(new Random(1), 1, 2, 3));
        ArrayFile.write(tmp.resolve("gen.bin"), ArrayFile.of(List.of(p)));
        var loaded = io.textgan.core.nn.Parameter.trainable("w", Nd4j.zeros(DataType.FLOAT, 2, 3));
        WeightFile.readInto(tmp, "gen", List.of(loaded));
        assertEquals(p.value(), loaded.value());
        assertEquals(tmp + " has no nothing.safetensors (nor a format-1 nothing.bin)",
                assertThrows(IOException.class, () -> WeightFile.readInto(tmp, "nothing", List.of(loaded))).getMessage());
    }

    private static Map<String, INDArray> w(long n) {
        return Map.of("w", Nd4j.zeros(DataType.FLOAT, n));
    }

    private Path withHeader(String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        return Files.write(tmp.resolve("h.safetensors"), b.array());
    }

    /** Just enough JSON for a safetensors header: objects, arrays, strings, integers. */
    private static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        Object value() {
            ws();
            Object v = bare();
            ws();
            return v;
        }

        private Object bare() {
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                while (s.charAt(i) != '}') {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    m.put(key, value());
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                    ws();
                }
                i++;
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                while (s.charAt(i) != ']') {
                    l.add(value());
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
                i++;
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    b.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'u' -> {
                            char u = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                            i += 4;
                            yield u;
                        }
                        default -> e;
                    });
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalStateException("expected " + c + " at " + (i - 1) + " in " + s);
            }
        }
    }
}
