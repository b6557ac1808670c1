package io.textgan.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Looks up a row of a [vocabulary, size] table for each token id: ids of shape [...] become [..., size]. */
public final class Embedding implements Layer {
    private final int vocabulary;
    private final int size;
    private final Parameter table;
    private int[] ids;
    private long[] idShape;

    public Embedding(String name, int vocabulary, int size, INDArray initialTable) {
        this.vocabulary = vocabulary;
        this.size = size;
        this.table = Parameter.trainable(name + ".table", initialTable.reshape(vocabulary, size));
    }

    /** The [vocabulary, size] table. */
    public Parameter table() {
        return table;
    }

    @Override
    public INDArray forward(INDArray tokenIds, boolean training) {
        idShape = tokenIds.shape();
        ids = tokenIds.dup('c').reshape(tokenIds.length()).toIntVector();
        for (int id : ids) {
            if (id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException("token id out of range [0, " + vocabulary + "): " + id);
            }
        }
        INDArray rows = Nd4j.pullRows(table.value(), 1, ids);
        long[] shape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
        shape[idShape.length] = size;
        return rows.reshape(shape);
    }

    /** Adds the gradient into the rows that were looked up; token ids have no gradient, so this returns null. */
    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray rows = gradOutput.reshape(ids.length, size);
        INDArray gradTable = Nd4j.zeros(DataType.FLOAT, vocabulary, size);
        for (int i = 0; i < ids.length; i++) {
            gradTable.getRow(ids[i]).addi(rows.getRow(i));
        }
        table.accumulate(gradTable);
        return null;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(table);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] shape = java.util.Arrays.copyOf(inputShape, inputShape.length + 1);
        shape[inputShape.length] = size;
        return shape;
    }

    @Override
    public String describe() {
        return "Embedding(" + vocabulary + ", " + size + ")";
    }
}
