package io.textgan.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a shard sends back, already weighted by its share of the batch, so that the sum over shards is the whole batch's
 * mean: the loss, the network's gradient, and the new values of the buffers (batch-norm running statistics), or the
 * message of a divergence seen on the shard.
 */
record ShardResult(double loss, float[] gradient, float[] buffers, String diverged) implements Serializable {

    static ShardResult diverged(String message) {
        return new ShardResult(Double.NaN, new float[0], new float[0], message);
    }

    static ShardResult weighted(double weight, double loss, float[] gradient, float[] buffers) {
        scale(gradient, weight);
        scale(buffers, weight);
        return new ShardResult(weight * loss, gradient, buffers, null);
    }

    /**
     * The sum of the shards' results in shard order, (((r0 + r1) + r2) + ...), so the same bits whichever shard's task
     * finished first (float addition is not associative); a divergence wins, the first shard's that diverged.
     */
    static ShardResult sum(List<ShardResult> shards) {
        ShardResult sum = shards.get(0);
        for (int i = 1; i < shards.size(); i++) {
            sum = sum(sum, shards.get(i));
        }
        return sum;
    }

    private static ShardResult sum(ShardResult a, ShardResult b) {
        if (a.diverged != null) {
            return a;
        }
        if (b.diverged != null) {
            return b;
        }
        return new ShardResult(a.loss + b.loss, add(a.gradient, b.gradient), add(a.buffers, b.buffers), null);
    }

    private static float[] add(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("shards sent arrays of " + a.length + " and " + b.length + " values");
        }
        float[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    private static void scale(float[] values, double weight) {
        if (weight != 1) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (values[i] * weight);
            }
        }
    }
}
