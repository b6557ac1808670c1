package io.textgan.core.export;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph being built: float32 or int64 inputs with a symbolic batch dimension, constant tensors (initialisers), nodes
 * in topological order and outputs; {@link #toModel} encodes it as a ModelProto. Field numbers follow
 * <a href="https://github.com/onnx/onnx/blob/main/onnx/onnx.proto">onnx.proto</a>.
 */
public final class OnnxGraph {
    /** IR version 7 (ONNX 1.8): read by every runtime of opset 13 and later. */
    static final long IR_VERSION = 7;
    /** The default-domain operator set the nodes are written against. */
    public static final long OPSET = 13;
    static final String BATCH = "N";
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private final List<Protobuf> inputs = new ArrayList<>();
    private final List<Protobuf> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int counter;

    /** A node attribute: an int, a float, a list of ints or a string. */
    public sealed interface Attribute permits IntAttribute, FloatAttribute, IntsAttribute, StringAttribute {
        String name();
    }

    public record IntAttribute(String name, long value) implements Attribute {
    }

    public record FloatAttribute(String name, float value) implements Attribute {
    }

    public record IntsAttribute(String name, long[] values) implements Attribute {
    }

    public record StringAttribute(String name, String value) implements Attribute {
    }

    /** Declares a float32 graph input [N, shape...] (N symbolic). */
    public String input(String name, long... shape) {
        inputs.add(valueInfo(claim(name), FLOAT, shape));
        return name;
    }

    /** Declares an int64 graph input [N, dims...] whose dimensions are all symbolic, named {@code N} and {@code dims}. */
    public String inputInt64(String name, String... dims) {
        Protobuf shape = new Protobuf().message(1, new Protobuf().string(2, BATCH));
        for (String d : dims) {
            shape.message(1, new Protobuf().string(2, d));
        }
        inputs.add(new Protobuf().string(1, claim(name))
                .message(2, new Protobuf().message(1, new Protobuf().int64(1, INT64).message(2, shape))));
        return name;
    }

    /** Declares a float32 graph output [N, shape...] (N symbolic). */
    public void output(String name, long... shape) {
        outputs.add(valueInfo(name, FLOAT, shape));
    }

    /** A constant float32 tensor with the array's shape and values (row-major), named uniquely from {@code hint}. */
    public String constant(String hint, INDArray value) {
        String name = unique(hint);
        initializers.add(new Protobuf()
                .unpackedInt64s(1, value.shape())
                .int64(2, FLOAT)
                .string(8, name)
                .rawFloats(9, value.dup('c').castTo(DataType.FLOAT).data().asFloat()));
        return name;
    }

    /** A constant int64 vector (shapes, axes, slice bounds). */
    public String constantInts(String hint, long... values) {
        String name = unique(hint);
        initializers.add(new Protobuf()
                .unpackedInt64s(1, new long[]{values.length})
                .int64(2, INT64)
                .string(8, name)
                .packedInt64s(7, values));
        return name;
    }

    /** A constant int64 scalar (rank 0), as Range and Gather's scalar index take. */
    public String scalarInt(String hint, long value) {
        String name = unique(hint);
        initializers.add(new Protobuf().int64(2, INT64).string(8, name).packedInt64s(7, new long[]{value}));
        return name;
    }

    /** Adds a node of the default domain; returns the name of its (single) output, unique from {@code hint}. */
    public String node(String opType, String hint, List<String> nodeInputs, Attribute... attributes) {
        String output = unique(hint);
        Protobuf node = new Protobuf();
        nodeInputs.forEach(i -> node.string(1, i));
        node.string(2, output).string(3, output).string(4, opType);
        for (Attribute a : attributes) {
            Protobuf attribute = new Protobuf().string(1, a.name());
            // AttributeProto: f = 2, i = 3, ints = 8, type = 20 (FLOAT 1, INT 2, INTS 7)
            if (a instanceof IntAttribute i) {
                attribute.int64(3, i.value()).int64(20, 2);
            } else if (a instanceof FloatAttribute f) {
                attribute.float32(2, f.value()).int64(20, 1);
            } else if (a instanceof IntsAttribute l) {
                attribute.unpackedInt64s(8, l.values()).int64(20, 7);
            } else if (a instanceof StringAttribute t) {
                // s = 4, type STRING = 3
                attribute.string(4, t.value()).int64(20, 3);
            }
            node.message(5, attribute);
        }
        nodes.add(node);
        return output;
    }

    /** Renames the value {@code from} to the graph output name {@code to} with an Identity node. */
    public void alias(String from, String to) {
        Protobuf node = new Protobuf().string(1, from).string(2, claim(to)).string(3, to).string(4, "Identity");
        nodes.add(node);
    }

    /** The ModelProto: IR version, producer, opset import, the graph, and string metadata. */
    public byte[] toModel(String graphName, String producer, String producerVersion, Map<String, String> metadata) {
        Protobuf graph = new Protobuf();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(i -> graph.message(11, i));
        outputs.forEach(o -> graph.message(12, o));
        Protobuf model = new Protobuf()
                .int64(1, IR_VERSION)
                .string(2, producer)
                .string(3, producerVersion)
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").int64(2, OPSET));
        new LinkedHashMap<>(metadata).forEach((k, v) -> model.message(14, new Protobuf().string(1, k).string(2, v)));
        return model.toByteArray();
    }

    private static Protobuf valueInfo(String name, int elementType, long[] shape) {
        Protobuf dims = new Protobuf().message(1, new Protobuf().string(2, BATCH));
        for (long d : shape) {
            dims.message(1, new Protobuf().int64(1, d));
        }
        Protobuf tensorType = new Protobuf().int64(1, elementType).message(2, dims);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }

    private String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("duplicate ONNX value name " + name);
        }
        return name;
    }

    private String unique(String hint) {
        String name = hint;
        while (names.contains(name)) {
            name = hint + "_" + (++counter);
        }
        return claim(name);
    }
}
