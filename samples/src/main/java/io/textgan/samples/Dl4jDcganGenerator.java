package io.textgan.samples;

import io.textgan.core.api.Generator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.dl4j.Dl4jGenerator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Random;

/**
 * The DCGAN / GAN-CLS generator of {@code dcgan}, written with DL4J's configuration builders instead of this
 * project's layers and run through {@link Dl4jGenerator}: the text vector through a dense layer with LeakyReLU(0.2),
 * concatenated after the noise; a dense layer without bias to 4×4×(8·ngf), batch norm, ReLU; transposed 4×4
 * stride-2 convolutions with batch norm and ReLU, halving the channels, the last to 3 channels with a bias and tanh.
 * Same shapes and the same parameters as {@code dcgan} (without conditioning augmentation or FiLM), so weights copy
 * across. Registered as {@value #NAME}.
 */
public final class Dl4jDcganGenerator {
    /** The name to give {@code gan train --generator}. */
    public static final String NAME = "dl4j-dcgan-sample";
    private static final double INIT_STD = 0.02;

    private Dl4jDcganGenerator() {
    }

    /** The generator for a model configuration, its weights drawn from DL4J's seeded N(0, 0.02²). */
    public static Dl4jGenerator create(ModelConfig config, Random rng) {
        return new Dl4jGenerator(configuration(config, rng.nextLong(), DataType.FLOAT), config.noiseSize(), config.textSize());
    }

    /** The DL4J graph: inputs {@code noise} and {@code text}, output the images. */
    public static ComputationGraphConfiguration configuration(ModelConfig config, long seed, DataType dataType) {
        if (config.conditioningAugmentation()) {
            throw new IllegalArgumentException(NAME + " has no conditioning augmentation");
        }
        int upsamplings = Integer.numberOfTrailingZeros(config.imageSize() / 4);
        int channels = 8 * config.ngf();
        int condition = config.conditionSize();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .weightInit(new NormalDistribution(0, INIT_STD))
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs("noise", "text")
                .addLayer("g_text", new DenseLayer.Builder().nIn(config.textSize()).nOut(condition)
                        .activation(new ActivationLReLU(0.2)).build(), "text")
                .addVertex("g_concat", new MergeVertex(), "noise", "g_text")
                .addLayer("g_fc", new DenseLayer.Builder().nIn(config.noiseSize() + condition).nOut(16L * channels)
                        .hasBias(false).activation(Activation.IDENTITY).build(), "g_concat")
                .addLayer("g_fc_bn", batchNorm(channels), new FeedForwardToCnnPreProcessor(4, 4, channels), "g_fc")
                .addLayer("g_fc_relu", new ActivationLayer(Activation.RELU), "g_fc_bn");
        String previous = "g_fc_relu";
        for (int i = 1; i <= upsamplings; i++) {
            boolean last = i == upsamplings;
            int out = last ? 3 : channels / 2;
            String name = "g_up" + i;
            g.addLayer(name, new Deconvolution2D.Builder().nIn(channels).nOut(out).kernelSize(4, 4).stride(2, 2)
                    .padding(1, 1).hasBias(last).activation(last ? Activation.TANH : Activation.IDENTITY).build(), previous);
            previous = name;
            if (!last) {
                g.addLayer(name + "_bn", batchNorm(out), previous)
                        .addLayer(name + "_relu", new ActivationLayer(Activation.RELU), name + "_bn");
                previous = name + "_relu";
            }
            channels = out;
        }
        return g.setOutputs(previous)
                .setInputTypes(InputType.feedForward(config.noiseSize()), InputType.feedForward(config.textSize()))
                .build();
    }

    /** Batch norm as {@code dcgan}'s: ε 1e-5, running averages with momentum 0.1, the variance stored as such. */
    private static BatchNormalization batchNorm(int channels) {
        return new BatchNormalization.Builder().nIn(channels).nOut(channels).eps(1e-5).decay(0.9).useLogStd(false).build();
    }

    /** Makes the generator known to {@link java.util.ServiceLoader} as {@value #NAME}. */
    public static final class Provider implements ModelProvider.GeneratorProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "sample plug-in: the dcgan generator written with DL4J's layers (a ComputationGraph run through gan-dl4j)";
        }

        @Override
        public Generator create(ModelConfig config, Random rng) {
            return Dl4jDcganGenerator.create(config, rng);
        }
    }
}
