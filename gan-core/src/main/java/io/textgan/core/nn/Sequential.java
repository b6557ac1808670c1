package io.textgan.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** Layers applied in order; backward runs them in reverse. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = x;
        for (Layer layer : layers) {
            y = layer.forward(y, training);
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public INDArray backwardInput(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backwardInput(g);
        }
        return g;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.parameters()));
        return all;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] shape = inputShape;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    @Override
    public long multiplyAdds(long[] inputShape) {
        long total = 0;
        long[] shape = inputShape;
        for (Layer layer : layers) {
            total += layer.multiplyAdds(shape);
            shape = layer.outputShape(shape);
        }
        return total;
    }

    @Override
    public String describe() {
        return "Sequential(" + layers.size() + " layers)";
    }
}
