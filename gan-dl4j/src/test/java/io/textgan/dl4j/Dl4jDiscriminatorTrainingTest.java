package io.textgan.dl4j;

import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.checkpoint.SafetensorsFile;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.nn.Parameter;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingListener;
import io.textgan.core.train.TrainingRun;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DL4J discriminator in the real GAN loop with the built-in dcgan generator (its dLoss/dImages, checked numerically in
 * {@link Dl4jAdapterTest}, is the generator's error):
 * losses stay finite, its checkpoint keeps its DL4J configuration, and a resumed run gives the uninterrupted run's
 * losses.
 */
class Dl4jDiscriminatorTrainingTest {
    private static final String NAME = "dl4j-test-discriminator";
    private static final ModelConfig MODEL = new ModelConfig("dcgan", NAME, "lstm", 16, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
    private static final TrainingConfig TRAINING = TrainingConfig.builder().epochs(2).batchSize(8).seed(7)
            .learningRateD(2e-4).encoderSteps(2).matchingWeight(0).pretrainedFeatures(false).samplesPerPrompt(2).keepCheckpoints(2)
            .divergenceRetries(0).build();

    @TempDir
    Path tmp;

    /** conv → LeakyReLU twice, dense, concatenated with the text vector, dense to one logit. */
    static ComputationGraphConfiguration configuration(ModelConfig config, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).weightInit(new NormalDistribution(0, 0.02))
                .convolutionMode(ConvolutionMode.Truncate).graphBuilder()
                .addInputs("image", "text")
                .addLayer("d_conv1", new ConvolutionLayer.Builder().nIn(3).nOut(4).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .activation(new ActivationLReLU(0.2)).build(), "image")
                .addLayer("d_conv2", new ConvolutionLayer.Builder().nIn(4).nOut(8).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .activation(new ActivationLReLU(0.2)).build(), "d_conv1")
                .addLayer("d_fc", new DenseLayer.Builder().nIn(8 * 4 * 4).nOut(16).activation(new ActivationLReLU(0.2)).build(),
                        new CnnToFeedForwardPreProcessor(4, 4, 8), "d_conv2")
                .addVertex("d_cat", new MergeVertex(), "d_fc", "text")
                .addLayer("d_logit", new DenseLayer.Builder().nIn(16 + config.textSize()).nOut(1)
                        .activation(Activation.IDENTITY).build(), "d_cat")
                .setOutputs("d_logit").build();
    }

    @BeforeAll
    static void register() {
        ModelRegistry.register(ModelProvider.DiscriminatorProvider.class, new ModelProvider.DiscriminatorProvider() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public String description() {
                return "test: a small DL4J discriminator";
            }

            @Override
            public Discriminator create(ModelConfig config, Random rng) {
                return new Dl4jDiscriminator(configuration(config, rng.nextLong()), config.imageSize(), config.textSize());
            }
        });
    }

    private record Run(TrainingRun.Result result, List<double[]> losses) {
    }

    private Run train(String name, TrainingConfig training, boolean resume) throws Exception {
        List<double[]> losses = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onStep(io.textgan.core.train.GanTrainer trainer, StepReport r) {
                losses.add(new double[]{r.discriminatorLoss(), r.generatorLoss()});
            }
        };
        TrainingRun run = new TrainingRun(ShapesSource.training(32, 16, 7), null, MODEL, training, tmp.resolve(name),
                List.of("a red circle on a white background"), List.of(recorder));
        return new Run(resume ? run.resume() : run.run(), losses);
    }

    @Test
    void trainsInTheGanLoopKeepsItsConfigurationAndResumesExactly() throws Exception {
        Run whole = train("whole", TRAINING, false);
        assertEquals(8, whole.losses().size());
        for (double[] l : whole.losses()) {
            assertTrue(Double.isFinite(l[0]) && Double.isFinite(l[1]), l[0] + " " + l[1]);
        }
        Path checkpoint = whole.result().checkpoint();
        Map<String, INDArray> scratch = new LinkedHashMap<>();
        Discriminator fresh = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class, NAME).create(MODEL, new Random(2));
        for (Parameter p : fresh.parameters()) {
            scratch.put(p.name(), Nd4j.zeros(DataType.FLOAT, p.value().shape()));
        }
        Map<String, String> metadata = SafetensorsFile.readInto(checkpoint.resolve("discriminator.safetensors"), scratch);
        assertTrue(ComputationGraphConfiguration.fromJson(metadata.get(Dl4jGenerator.CONFIGURATION_KEY)).getNetworkInputs()
                .equals(List.of("image", "text")), "DL4J's configuration JSON is in the checkpoint");
        assertTrue(scratch.get("d_conv1_W").norm2Number().doubleValue() > 0);

        train("split", TRAINING.withEpochs(1), false);
        Run resumed = train("split", TRAINING, true);
        assertEquals(4, resumed.losses().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(whole.losses().get(4 + i)[0], resumed.losses().get(i)[0], 1e-5 * Math.abs(whole.losses().get(4 + i)[0]),
                    "D loss at step " + (5 + i));
            assertEquals(whole.losses().get(4 + i)[1], resumed.losses().get(i)[1], 1e-5 * Math.abs(whole.losses().get(4 + i)[1]),
                    "G loss at step " + (5 + i));
        }
    }
}
