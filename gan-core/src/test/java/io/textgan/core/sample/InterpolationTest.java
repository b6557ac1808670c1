package io.textgan.core.sample;

import io.textgan.core.nn.Init;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InterpolationTest {
    private final Random rng = new Random(5);

    @Test
    void linearPathStartsAtAEndsAtBAndStepsEvenly() {
        INDArray a = Nd4j.createFromArray(new float[][]{{0, 2}});
        INDArray b = Nd4j.createFromArray(new float[]{4, -2});
        INDArray path = Interpolation.linear(a, b, 5);
        assertArrayEquals(new long[]{5, 2}, path.shape());
        assertArrayEquals(new float[]{0, 2}, path.getRow(0).toFloatVector());
        assertArrayEquals(new float[]{1, 1}, path.getRow(1).toFloatVector());
        assertArrayEquals(new float[]{2, 0}, path.getRow(2).toFloatVector());
        assertArrayEquals(new float[]{4, -2}, path.getRow(4).toFloatVector());
    }

    @Test
    void sphericalPathKeepsTheNormOfEqualNormVectorsAndHasEqualAngles() {
        INDArray a = Nd4j.createFromArray(new float[]{1, 0});
        INDArray b = Nd4j.createFromArray(new float[]{0, 1});
        INDArray path = Interpolation.spherical(a, b, 3);
        assertArrayEquals(new float[]{1, 0}, path.getRow(0).toFloatVector(), 1e-6f);
        float half = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[]{half, half}, path.getRow(1).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[]{0, 1}, path.getRow(2).toFloatVector(), 1e-6f);

        INDArray z0 = Init.normal(rng, 1, 1, 100);
        INDArray z1 = Init.normal(rng, 1, 1, 100);
        z1.muli(z0.norm2Number().doubleValue() / z1.norm2Number().doubleValue());
        INDArray walk = Interpolation.spherical(z0, z1, 8);
        INDArray line = Interpolation.linear(z0, z1, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(z0.norm2Number().doubleValue(), walk.getRow(i).norm2Number().doubleValue(), 1e-4);
        }
        assertEquals(z0.norm2Number().doubleValue() * Math.sqrt(0.5), line.getRow(4).norm2Number().doubleValue(),
                z0.norm2Number().doubleValue() * 0.15, "near-orthogonal noise vectors: the straight line shrinks half-way");
        assertArrayEquals(z1.toFloatVector(), walk.getRow(7).toFloatVector(), 1e-5f);
    }

    @Test
    void parallelVectorsFallBackToTheStraightLine() {
        INDArray a = Nd4j.createFromArray(new float[]{1, 1});
        assertEquals(Interpolation.linear(a, a.mul(3), 4), Interpolation.spherical(a, a.mul(3), 4));
    }

    @Test
    void badArgumentsAreRefused() {
        INDArray a = Nd4j.createFromArray(new float[]{1, 1});
        assertEquals("an interpolation needs at least 2 steps: 1",
                assertThrows(IllegalArgumentException.class, () -> Interpolation.linear(a, a, 1)).getMessage());
        assertEquals("vectors of different lengths: 2 and 3", assertThrows(IllegalArgumentException.class,
                () -> Interpolation.spherical(a, Nd4j.createFromArray(new float[]{1, 2, 3}), 3)).getMessage());
    }
}
