package io.textgan.models;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.checkpoint.ArrayFile;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.Manifest;
import io.textgan.core.checkpoint.SafetensorsFile;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.train.RunConfig;
import io.textgan.core.train.TrainingConfig;
import io.textgan.core.train.TrainingDivergedException;
import io.textgan.core.train.TrainingListener;
import io.textgan.core.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole tiny run: deterministic for a seed, and its checkpoint reproduces the trained model exactly. */
class TrainingRunTest {
    @TempDir
    Path tmp;

    private static final ModelConfig MODEL = new ModelConfig("dcgan", "gan-cls", "lstm", 16, 8, 8, 4, 4, 2, 8, 16, "mean", 24);
    private static final TrainingConfig TRAINING = TrainingConfig.builder().epochs(2).batchSize(8).seed(7).learningRateD(2e-4)
            .encoderSteps(3).samplesPerPrompt(2).keepCheckpoints(2).generatorSteps(2).realLabel(0.9).checkpointEvery(3)
            .divergenceRetries(0).build();

    private record Run(TrainingRun.Result result, List<double[]> losses, List<Double> encoderLosses) {
    }

    private Run train(String name) throws Exception {
        return train(name, TRAINING, false);
    }

    private Run train(String name, TrainingConfig training, boolean resume) throws Exception {
        List<double[]> losses = new ArrayList<>();
        List<Double> encoderLosses = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEncoderStep(int step, int steps, double loss, double accuracy) {
                encoderLosses.add(loss);
            }

            @Override
            public void onStep(io.textgan.core.train.GanTrainer trainer, StepReport r) {
                losses.add(new double[]{r.discriminatorLoss(), r.generatorLoss()});
            }
        };
        TrainingRun run = new TrainingRun(ShapesSource.training(32, 16, 7), ShapesSource.heldOut(16, 16, 8),
                MODEL, training, tmp.resolve(name), List.of("a red circle on a white background"), List.of(recorder));
        return new Run(resume ? run.resume() : run.run(), losses, encoderLosses);
    }

    private static void assertSameLosses(List<double[]> expected, int fromStep, List<double[]> actual) {
        assertEquals(expected.size() - fromStep, actual.size());
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(expected.get(fromStep + i)[0], actual.get(i)[0], 1e-5 * Math.abs(expected.get(fromStep + i)[0]), "D loss at step " + (fromStep + i + 1));
            assertEquals(expected.get(fromStep + i)[1], actual.get(i)[1], 1e-5 * Math.abs(expected.get(fromStep + i)[1]), "G loss at step " + (fromStep + i + 1));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void resumingGivesTheLossesOfAnUninterruptedRun() throws Exception {
        Run whole = train("whole");
        // 4 batches per epoch, a checkpoint every 3 steps inside epochs, the newest 2 kept
        assertEquals(List.of("epoch-0002", "epoch-0001-step-00000006"), names(tmp.resolve("whole/checkpoints")));

        train("split", TRAINING.withEpochs(1), false);
        Run resumed = train("split", TRAINING, true);
        assertSameLosses(whole.losses(), 4, resumed.losses());

        copy(tmp.resolve("whole"), tmp.resolve("mid"));
        deleteRecursively(tmp.resolve("mid/checkpoints/epoch-0002"));
        assertSameLosses(whole.losses(), 6, train("mid", TRAINING, true).losses());
    }

    @Test
    void aFormatOneCheckpointWithArrayFilesStillResumesExactly() throws Exception {
        Run whole = train("whole1");
        train("old", TRAINING.withEpochs(1), false);
        Path checkpoint = tmp.resolve("old/checkpoints/epoch-0001");
        toFormatOne(checkpoint);
        assertTrue(Files.exists(checkpoint.resolve("generator.bin")) && !Files.exists(checkpoint.resolve("generator.safetensors")));
        assertTrue(Files.readString(checkpoint.resolve(Manifest.FILE)).contains("\"formatVersion\" : 1"));
        assertSameLosses(whole.losses(), 4, train("old", TRAINING, true).losses());
    }

    /** Rewrites a checkpoint as format 1 wrote it: every network's weights in an ArrayFile {@code .bin}, manifest version 1. */
    private static void toFormatOne(Path dir) throws IOException {
        List<Path> weightFiles;
        try (var list = Files.list(dir)) {
            weightFiles = list.filter(p -> p.toString().endsWith(".safetensors")).toList();
        }
        assertTrue(weightFiles.size() >= 3, weightFiles.toString());
        for (Path f : weightFiles) {
            byte[] bytes = Files.readAllBytes(f);
            long n = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            var header = Json.tree(java.util.Arrays.copyOfRange(bytes, 8, 8 + (int) n));
            java.util.Map<String, INDArray> arrays = new java.util.LinkedHashMap<>();
            for (var it = header.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().equals("__metadata__")) {
                    long[] shape = new long[e.getValue().get("shape").size()];
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = e.getValue().get("shape").get(i).longValue();
                    }
                    arrays.put(e.getKey(), org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, shape));
                }
            }
            SafetensorsFile.readInto(f, arrays);
            String base = f.getFileName().toString().replace(".safetensors", "");
            ArrayFile.write(dir.resolve(base + ".bin"), arrays);
            Files.delete(f);
        }
        Manifest.Content old = Json.read(dir.resolve(Manifest.FILE), Manifest.Content.class);
        Manifest.write(dir, old.provenance());
        Path manifest = dir.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : " + Manifest.FORMAT_VERSION,
                "\"formatVersion\" : 1"));
    }

    @Test
    void aCorruptCheckpointIsSkippedForThePreviousGoodOne() throws Exception {
        Run whole = train("whole2");
        copy(tmp.resolve("whole2"), tmp.resolve("corrupt"));
        Path generator = tmp.resolve("corrupt/checkpoints/epoch-0002/generator.safetensors");
        byte[] bytes = Files.readAllBytes(generator);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(generator, bytes);
        Run resumed = train("corrupt", TRAINING.withEpochs(3), true);
        assertSameLosses(whole.losses(), 6, resumed.losses().subList(0, 2));
        assertEquals(6, resumed.losses().size(), "steps 7 to 12");
    }

    private static List<String> names(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("epoch-"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void sameSeedSameLossesAndCheckpointReproducesTheModel() throws Exception {
        Run a = train("a");
        Run b = train("b");
        assertEquals(8, a.losses().size());
        assertEquals(3, a.encoderLosses().size());
        assertEquals(a.encoderLosses(), b.encoderLosses());
        for (int i = 0; i < a.losses().size(); i++) {
            assertEquals(a.losses().get(i)[0], b.losses().get(i)[0], 0.0, "D loss at step " + i);
            assertEquals(a.losses().get(i)[1], b.losses().get(i)[1], 0.0, "G loss at step " + i);
            assertTrue(Double.isFinite(a.losses().get(i)[0]) && Double.isFinite(a.losses().get(i)[1]));
        }
        assertTrue(Double.isFinite(a.result().heldOutRetrieval()));

        TextToImageModel loaded = TextToImageModel.load(a.result().checkpoint());
        List<String> prompts = List.of("a big red circle in the center on a white background", "small blue square, black background");
        INDArray noise = loaded.noise(2, new Random(1));
        assertEquals(a.result().model().generate(prompts, noise), loaded.generate(prompts, noise));
        assertEquals(a.result().model().vocabulary().words(), loaded.vocabulary().words());
    }

    /** Adam moves each weight by about the learning rate per step: a few steps overflow float32. */
    private static final double ABSURD = 1e38;

    private static TrainingConfig withRates(double discriminator, double encoder) {
        return TrainingConfig.builder().epochs(2).batchSize(8).seed(7).learningRateD(discriminator).encoderSteps(8)
                .encoderLearningRate(encoder).samplesPerPrompt(2).keepCheckpoints(2).divergenceRetries(1).build();
    }

    @Test
    void aDivergingGanIsRetriedFromItsLastCheckpointThenStoppedLeavingTheRunLoadable() throws Exception {
        var e = assertThrows(TrainingDivergedException.class, () -> train("diverged", withRates(ABSURD, 1e-3), false));
        assertTrue(e.getMessage().startsWith("training diverged (gan step "), e.getMessage());
        assertTrue(e.getMessage().contains("the last good checkpoint is epoch-0000"), e.getMessage());
        RunConfig saved = Json.read(tmp.resolve("diverged/config.json"), RunConfig.class);
        assertEquals(ABSURD / 2, saved.training().learningRateD(), "halved once for the one retry");
        TextToImageModel loaded = TextToImageModel.load(new RunDirectory(tmp.resolve("diverged")).latestCheckpoint());
        INDArray images = loaded.generate(List.of("a red circle"), loaded.noise(1, new Random(1)));
        assertTrue(Double.isFinite(images.sumNumber().doubleValue()));
        List<String> csv = Files.readAllLines(tmp.resolve("diverged/gradients.csv"));
        assertEquals("phase,step,network,parameter,l2_norm", csv.get(0));
    }

    @Test
    void anExplodingTextEncoderTripsTheGuardDuringPretraining() {
        var e = assertThrows(TrainingDivergedException.class, () -> train("exploding", withRates(2e-4, ABSURD), false));
        assertTrue(e.getMessage().startsWith("training diverged (pretrain step "), e.getMessage());
        assertTrue(e.getMessage().contains("no checkpoint was written yet"), e.getMessage());
    }
}
