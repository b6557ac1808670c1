package io.textgan.core.checkpoint;

import io.textgan.core.nn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float32 arrays in a plain binary file: magic, version, count, then per array its name, rank, shape and
 * values. Reading never deserialises objects, and checks each name and shape against what the caller expects
 * before allocating anything.
 */
public final class ArrayFile {
    private static final int MAGIC = 0x5447414E; // "TGAN"
    private static final int VERSION = 1;
    private static final int MAX_RANK = 8;

    private ArrayFile() {
    }

    /** Writes the arrays under a temporary name beside {@code file}, then renames it, as {@link Json#write} does. */
    public static void write(Path file, Map<String, INDArray> arrays) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(arrays.size());
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                INDArray a = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(a.rank());
                for (long s : a.shape()) {
                    out.writeLong(s);
                }
                for (float f : a.dup('c').data().asFloat()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Parameters by name, for {@link #write}. */
    public static Map<String, INDArray> of(Iterable<Parameter> parameters) {
        Map<String, INDArray> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.name(), p.value()));
        return byName;
    }

    /**
     * Reads a file written by {@link #write} into existing arrays of the same names and shapes.
     *
     * @throws IOException if the file is not such a file, is truncated, or its names or shapes differ
     */
    public static void readInto(Path file, Map<String, INDArray> expected) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file.getFileName() + " is not a TextGAN array file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file.getFileName() + " has format version " + version + "; this build reads " + VERSION);
            }
            int count = in.readInt();
            if (count != expected.size()) {
                throw new IOException(file.getFileName() + " holds " + count + " arrays, the model expects " + expected.size());
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                INDArray target = expected.get(name);
                if (target == null) {
                    throw new IOException(file.getFileName() + " has an unexpected array '" + name + "'");
                }
                int rank = in.readInt();
                if (rank < 0 || rank > MAX_RANK) {
                    throw new IOException(file.getFileName() + ": bad rank " + rank + " for '" + name + "'");
                }
                long[] shape = new long[rank];
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                }
                if (!Arrays.equals(shape, target.shape())) {
                    throw new IOException(file.getFileName() + ": '" + name + "' has shape " + Arrays.toString(shape)
                            + ", the model expects " + Arrays.toString(target.shape()));
                }
                float[] values = new float[Math.toIntExact(target.length())];
                for (int k = 0; k < values.length; k++) {
                    values[k] = in.readFloat();
                }
                target.assign(Nd4j.create(values, shape, DataType.FLOAT));
            }
        } catch (EOFException e) {
            throw new IOException(file.getFileName() + " is truncated", e);
        }
    }
}
