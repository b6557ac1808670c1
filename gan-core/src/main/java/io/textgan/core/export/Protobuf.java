package io.textgan.core.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The few protocol-buffer encodings an ONNX model needs (<a href="https://protobuf.dev/programming-guides/encoding/">
 * the wire format</a>): varints, length-delimited bytes, strings and nested messages, and packed int64 and float lists.
 * One message is built per instance; {@link #toByteArray} gives its encoding.
 */
final class Protobuf {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        long v = value;
        // negative int64 values take all ten bytes, as protobuf encodes them
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    Protobuf int64(int field, long value) {
        tag(field, VARINT);
        varint(value);
        return this;
    }

    Protobuf float32(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf message) {
        return bytes(field, message.toByteArray());
    }

    /** A packed repeated int64 (the default for proto3 and declared {@code [packed = true]} where ONNX uses it). */
    Protobuf packedInt64s(int field, long[] values) {
        Protobuf body = new Protobuf();
        for (long v : values) {
            body.varint(v);
        }
        return bytes(field, body.toByteArray());
    }

    /** Each value as its own field entry: how proto2 {@code repeated int64} without {@code packed} is written. */
    Protobuf unpackedInt64s(int field, long[] values) {
        for (long v : values) {
            int64(field, v);
        }
        return this;
    }

    /** Little-endian float32 values as one bytes field (TensorProto.raw_data). */
    Protobuf rawFloats(int field, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return bytes(field, b.array());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
