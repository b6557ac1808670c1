package io.textgan.core.checkpoint;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named float32 arrays in the <a href="https://github.com/huggingface/safetensors#format">safetensors</a> format, which
 * PyTorch, JAX and the Hugging Face tools read directly: an 8-byte little-endian header length N, N bytes of JSON
 * ({@code {name: {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {string: string}}}),
 * then the arrays' little-endian values, one after another.
 * <p>
 * Reading executes nothing and trusts nothing: the header must be small, valid JSON without duplicate keys; every
 * array must be F32, named and shaped as the caller expects, with offsets inside the data that tile it exactly
 * (contiguous, not overlapping, no bytes left over); all of it is checked before any array is allocated.
 */
public final class SafetensorsFile {
    /** Conventional metadata key and value telling the Hugging Face tools the tensors' layout. */
    public static final String FORMAT_KEY = "format";
    private static final String METADATA = "__metadata__";
    /** The header limit of the reference implementation (100 MB); ours is far smaller in practice. */
    static final long MAX_HEADER = 100_000_000L;
    private static final int MAX_RANK = 8;

    private SafetensorsFile() {
    }

    /**
     * Writes the arrays in map order with the given metadata, under a temporary name beside {@code file} that is then
     * renamed, as {@link Json#write} does.
     */
    public static void write(Path file, Map<String, INDArray> arrays, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        List<float[]> values = new ArrayList<>(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("an array may not be named " + METADATA);
            }
            INDArray a = e.getValue();
            float[] v = a.dup('c').castTo(DataType.FLOAT).data().asFloat();
            long end = offset + 4L * v.length;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", a.shape());
            entry.put("data_offsets", new long[]{offset, end});
            header.put(e.getKey(), entry);
            values.add(v);
            offset = end;
        }
        byte[] json = Json.toLine(header).getBytes(StandardCharsets.UTF_8);
        // the format allows trailing spaces in the header; padding to 8 bytes aligns the data for memory-mapping readers
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, head.flip());
            for (float[] v : values) {
                ByteBuffer data = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                data.asFloatBuffer().put(v);
                writeFully(out, data);
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /**
     * Reads a safetensors file into existing float32 arrays of the same names and shapes.
     *
     * @return the file's metadata (empty when it has none)
     * @throws IOException if the file is not a well-formed safetensors file, or its names, dtypes or shapes differ
     *                     from {@code expected}
     */
    public static Map<String, String> readInto(Path file, Map<String, INDArray> expected) throws IOException {
        String name = file.getFileName().toString();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size < 8) {
                throw new IOException(name + " is not a safetensors file (" + size + " bytes)");
            }
            long headerLength = readFully(in, 0, 8, name).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > size - 8) {
                throw new IOException(name + " is not a safetensors file: header length " + Long.toUnsignedString(headerLength)
                        + " for a file of " + size + " bytes");
            }
            byte[] headerBytes = new byte[(int) headerLength];
            readFully(in, 8, (int) headerLength, name).get(headerBytes);
            if (headerBytes[0] != '{') {
                throw new IOException(name + " is not a safetensors file: the header does not start with '{'");
            }
            JsonNode header;
            try {
                header = Json.strictTree(headerBytes);
            } catch (IOException e) {
                throw new IOException(name + " has an invalid safetensors header: " + e.getMessage(), e);
            }
            if (header == null || !header.isObject()) {
                throw new IOException(name + " has an invalid safetensors header: not a JSON object");
            }
            long dataStart = 8 + headerLength;
            long dataLength = size - dataStart;
            Map<String, String> metadata = metadata(header, name);
            List<Slice> slices = slices(header, expected, dataLength, name);
            for (Slice s : slices) {
                int count = Math.toIntExact(s.length() / 4);
                float[] values = new float[count];
                readFully(in, dataStart + s.begin(), Math.toIntExact(s.length()), name)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                INDArray target = expected.get(s.name());
                target.assign(Nd4j.create(values, target.shape(), DataType.FLOAT));
            }
            return metadata;
        }
    }

    /** One array's place in the data section, already checked against what the caller expects. */
    private record Slice(String name, long begin, long end) {
        long length() {
            return end - begin;
        }
    }

    private static Map<String, String> metadata(JsonNode header, String name) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode node = header.get(METADATA);
        if (node == null) {
            return metadata;
        }
        if (!node.isObject()) {
            throw new IOException(name + ": " + METADATA + " is not an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IOException(name + ": " + METADATA + " value of '" + e.getKey() + "' is not a string");
            }
            metadata.put(e.getKey(), e.getValue().textValue());
        }
        return metadata;
    }

    private static List<Slice> slices(JsonNode header, Map<String, INDArray> expected, long dataLength, String name)
            throws IOException {
        List<Slice> slices = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String tensor = e.getKey();
            if (tensor.equals(METADATA)) {
                continue;
            }
            INDArray target = expected.get(tensor);
            if (target == null) {
                throw new IOException(name + " has an unexpected array '" + tensor + "'");
            }
            JsonNode entry = e.getValue();
            if (!entry.isObject() || entry.size() != 3) {
                throw new IOException(name + ": '" + tensor + "' must have exactly dtype, shape and data_offsets");
            }
            JsonNode dtype = entry.get("dtype");
            if (dtype == null || !"F32".equals(dtype.textValue())) {
                throw new IOException(name + ": '" + tensor + "' has dtype " + dtype + "; the model's arrays are F32");
            }
            long[] shape = longs(entry.get("shape"), MAX_RANK, tensor, "shape", name);
            if (!Arrays.equals(shape, target.shape())) {
                throw new IOException(name + ": '" + tensor + "' has shape " + Arrays.toString(shape)
                        + ", the model expects " + Arrays.toString(target.shape()));
            }
            long[] offsets = longs(entry.get("data_offsets"), 2, tensor, "data_offsets", name);
            if (offsets.length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength) {
                throw new IOException(name + ": '" + tensor + "' has data_offsets " + Arrays.toString(offsets)
                        + " outside the " + dataLength + " data bytes");
            }
            if (offsets[1] - offsets[0] != 4 * target.length()) {
                throw new IOException(name + ": '" + tensor + "' has " + (offsets[1] - offsets[0])
                        + " bytes, its shape needs " + 4 * target.length());
            }
            slices.add(new Slice(tensor, offsets[0], offsets[1]));
        }
        if (slices.size() != expected.size()) {
            List<String> missing = expected.keySet().stream()
                    .filter(k -> slices.stream().noneMatch(s -> s.name().equals(k))).toList();
            throw new IOException(name + " lacks the arrays " + missing);
        }
        slices.sort(Comparator.comparingLong(Slice::begin).thenComparingLong(Slice::end));
        long next = 0;
        for (Slice s : slices) {
            if (s.begin() != next) {
                throw new IOException(name + ": '" + s.name() + "' starts at byte " + s.begin() + ", expected " + next
                        + " (arrays must be contiguous and must not overlap)");
            }
            next = s.end();
        }
        if (next != dataLength) {
            throw new IOException(name + ": the arrays cover " + next + " of " + dataLength + " data bytes");
        }
        return slices;
    }

    private static long[] longs(JsonNode node, int maxLength, String tensor, String field, String name) throws IOException {
        if (node == null || !node.isArray() || node.size() > maxLength) {
            throw new IOException(name + ": '" + tensor + "' has no valid " + field);
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new IOException(name + ": '" + tensor + "' has no valid " + field + ": " + node);
            }
            values[i] = v.longValue();
        }
        return values;
    }

    private static ByteBuffer readFully(FileChannel in, long position, int length, String name) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(name + " is truncated");
            }
        }
        return buffer.flip();
    }
}
