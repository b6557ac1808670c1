package io.textgan.core.data;

import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.data.shapes.ShapesSplit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchSamplerTest {
    private final ShapesSource source = ShapesSource.training(40, 16, 3);

    private List<Batch> epoch(long seed, int epoch) {
        List<Batch> batches = new ArrayList<>();
        try (BatchSampler sampler = new BatchSampler(source, 8, 16, seed)) {
            sampler.epoch(epoch, 0).forEach(batches::add);
        }
        return batches;
    }

    @Test
    void anEpochIsDeterminedBySeedAndEpochAndDropsTheLastPartialBatch() {
        List<Batch> a = epoch(1, 2);
        List<Batch> b = epoch(1, 2);
        assertEquals(5, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).images(), b.get(i).images());
            assertEquals(a.get(i).captions(), b.get(i).captions());
            assertEquals(a.get(i).mismatchedCaptions(), b.get(i).mismatchedCaptions());
        }
        assertNotEquals(a.get(0).captions(), epoch(1, 3).get(0).captions());
    }

    @Test
    void plansWithoutAugmentationAreTheEpochsBatchesAndTheirShardsJoinIntoThem() {
        List<Batch> batches = epoch(4, 3);
        try (BatchSampler sampler = new BatchSampler(source, 8, 16, 4)) {
            List<BatchPlan> plans = sampler.plans(3, 1);
            assertEquals(batches.size() - 1, plans.size());
            for (int i = 0; i < plans.size(); i++) {
                Batch expected = batches.get(i + 1);
                Batch whole = sampler.materialize(plans.get(i));
                assertEquals(expected.images(), whole.images());
                assertEquals(expected.captions(), whole.captions());
                assertEquals(expected.mismatchedCaptions(), whole.mismatchedCaptions());
                Batch second = sampler.materialize(plans.get(i).rows(4, 8));
                assertEquals(expected.captions().subList(4, 8), second.captions());
                assertEquals(expected.images().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8)), second.images());
            }
        }
    }

    @Test
    void imagesAreScaledToMinusOneOne() {
        Batch batch = epoch(1, 1).get(0);
        assertEquals(List.of(8L, 3L, 16L, 16L), List.of(batch.images().shape()[0], batch.images().shape()[1],
                batch.images().shape()[2], batch.images().shape()[3]));
        assertTrue(batch.images().minNumber().doubleValue() >= -1 && batch.images().maxNumber().doubleValue() <= 1);
    }

    @Test
    void mismatchedCaptionsComeFromOtherItems() {
        for (Batch batch : epoch(4, 1)) {
            for (int i = 0; i < batch.size(); i++) {
                assertNotEquals(batch.captions().get(i), batch.mismatchedCaptions().get(i));
            }
        }
    }

    @Test
    void trainingShapesNeverContainHeldOutCombinations() {
        ShapesSource big = ShapesSource.training(3000, 16, 9);
        for (int i = 0; i < big.size(); i++) {
            assertFalse(ShapesSplit.isHeldOut(big.attributes(i)));
        }
    }

    @Test
    void tooLittleDataForOneBatchIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BatchSampler(ShapesSource.training(5, 16, 1), 8, 16, 1));
        assertEquals("the data has 5 items, fewer than one batch of 8", e.getMessage());
    }
}
