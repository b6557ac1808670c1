package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A residual block (He et al. 2016, <a href="https://arxiv.org/abs/1512.03385">arXiv:1512.03385</a>):
 * {@code y = main(x) + shortcut(x)}. Backward sends dLoss/dy through both branches and sums their input gradients.
 * An empty {@link Sequential} is the identity shortcut.
 */
public final class Residual implements Layer {
    private final String name;
    private final Sequential main;
    private final Sequential shortcut;

    /** @param name names the block in summaries; its layers' parameters carry their own (unique) names */
    public Residual(String name, Sequential main, Sequential shortcut) {
        this.name = name;
        this.main = main;
        this.shortcut = shortcut;
    }

    /** The main branch. */
    public Sequential main() {
        return main;
    }

    /** The shortcut branch (empty: the identity). */
    public Sequential shortcut() {
        return shortcut;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        // not in place: a branch's last layer may keep its output for backward
        return main.forward(x, training).add(shortcut.forward(x, training));
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradMain = main.backward(gradOutput);
        return gradMain.add(shortcut.backward(gradOutput));
    }

    @Override
    public INDArray backwardInput(INDArray gradOutput) {
        INDArray gradMain = main.backwardInput(gradOutput);
        return gradMain.add(shortcut.backwardInput(gradOutput));
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(main.parameters());
        all.addAll(shortcut.parameters());
        return all;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] fromMain = main.outputShape(inputShape);
        long[] fromShortcut = shortcut.outputShape(inputShape);
        if (!Arrays.equals(fromMain, fromShortcut)) {
            throw new IllegalArgumentException(name + ": main branch gives " + Arrays.toString(fromMain)
                    + ", shortcut " + Arrays.toString(fromShortcut) + " for input " + Arrays.toString(inputShape));
        }
        return fromMain;
    }

    @Override
    public long multiplyAdds(long[] inputShape) {
        return main.multiplyAdds(inputShape) + shortcut.multiplyAdds(inputShape);
    }

    @Override
    public String describe() {
        return "Residual(" + name + ")";
    }
}
