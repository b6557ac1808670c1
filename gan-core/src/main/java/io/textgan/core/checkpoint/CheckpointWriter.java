package io.textgan.core.checkpoint;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a checkpoint at the end of every epoch (and every {@code checkpointEvery} steps): the generation model
 * (config, vocabulary, text encoder, generator: the moving average when the run keeps one, the trained weights then
 * beside it), the discriminator, the frozen image encoder of the matching term, both optimisers' state, the counters, copies of the run's configuration, sample
 * prompts and sample noise, and a manifest with SHA-256 hashes. The directory is
 * written under a temporary name, synced and renamed; {@code latest} is replaced last, so a crash at any moment
 * leaves the previous checkpoint intact and current.
 */
public final class CheckpointWriter implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);
    /** Weight files, without their extension ({@link WeightFile}). */
    static final String DISCRIMINATOR_FILE = "discriminator";
    /** The trained generator's weights, when {@code generator.safetensors} holds their moving average. */
    static final String TRAINED_GENERATOR_FILE = "generator-trained";
    /** The frozen image encoder of the generator's matching term, when the run has one. */
    static final String IMAGE_ENCODER_FILE = "image-encoder";
    static final String GENERATOR_ADAM_FILE = "generator-adam.bin";
    static final String DISCRIMINATOR_ADAM_FILE = "discriminator-adam.bin";
    static final String STATE_FILE = "state.json";
    private static final String TMP_PREFIX = ".tmp-";

    private final RunDirectory run;
    private final int keep;
    private final Provenance provenance;

    /** Counters saved with each checkpoint: enough, with the seed, to continue exactly where the run stopped. */
    public record State(int step, int completedEpochs, int batchesInEpoch, int generatorIterations,
                        int discriminatorIterations, long seed) {
    }

    /** @param keep how many checkpoints to keep (older ones are deleted) */
    public CheckpointWriter(RunDirectory run, int keep, Provenance provenance) {
        this.run = run;
        this.keep = keep;
        this.provenance = provenance;
    }

    @Override
    public void onStep(GanTrainer trainer, StepReport report) throws IOException {
        int every = trainer.config().checkpointEvery();
        if (every > 0 && report.step() % every == 0 && report.batch() < report.batches()) {
            write(trainer);
        }
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) throws IOException {
        write(trainer);
    }

    /** Writes the trainer's state as a checkpoint named after the last complete epoch (and the step, inside an epoch). */
    public Path write(GanTrainer trainer) throws IOException {
        Files.createDirectories(run.checkpoints());
        String name = trainer.batchesInEpoch() == 0
                ? String.format("epoch-%04d", trainer.completedEpochs())
                : String.format("epoch-%04d-step-%08d", trainer.completedEpochs(), trainer.step());
        Path tmp = Files.createTempDirectory(run.checkpoints(), TMP_PREFIX + name + "-");
        trainer.generationModel().save(tmp);
        ModelConfig model = trainer.model().config();
        if (trainer.generationModel() != trainer.model()) {
            WeightFile.write(tmp, TRAINED_GENERATOR_FILE, trainer.model().generator().parameters(),
                    TextToImageModel.weightMetadata(model, trainer.model().generator(), "generator-trained", model.generator()));
        }
        WeightFile.write(tmp, DISCRIMINATOR_FILE, trainer.discriminator().parameters(),
                TextToImageModel.weightMetadata(model, trainer.discriminator(), "discriminator", model.discriminator()));
        if (trainer.imageEncoder() != null) {
            WeightFile.write(tmp, IMAGE_ENCODER_FILE, trainer.imageEncoder().parameters(),
                    TextToImageModel.weightMetadata(model, trainer.imageEncoder(), "image-encoder",
                            trainer.imageEncoder().getClass().getSimpleName()));
        }
        ArrayFile.write(tmp.resolve(GENERATOR_ADAM_FILE), trainer.generatorOptimizer().state());
        ArrayFile.write(tmp.resolve(DISCRIMINATOR_ADAM_FILE), trainer.discriminatorOptimizer().state());
        Json.write(tmp.resolve(STATE_FILE), new State(trainer.step(), trainer.completedEpochs(), trainer.batchesInEpoch(),
                trainer.generatorOptimizer().iteration(), trainer.discriminatorOptimizer().iteration(), trainer.config().seed()));
        for (Path runFile : List.of(run.config(), run.samplePrompts(), run.sampleNoise())) {
            if (Files.isRegularFile(runFile)) {
                Files.copy(runFile, tmp.resolve(runFile.getFileName()));
            }
        }
        Manifest.write(tmp, provenance);
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                sync(f);
            }
        }
        Path target = run.checkpoints().resolve(name);
        deleteRecursively(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        run.pointLatestTo(name);
        prune(name);
        LOG.info("checkpoint written: {}", target);
        return target;
    }

    private void prune(String newest) throws IOException {
        List<Path> old;
        try (Stream<Path> dirs = Files.list(run.checkpoints())) {
            List<Path> all = dirs.toList();
            old = new ArrayList<>(all.stream().filter(p -> RunDirectory.isCheckpointName(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().equals(newest))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .skip(Math.max(0, keep - 1))
                    .toList());
            // left by a process killed while writing: never complete, never pointed to
            old.addAll(all.stream().filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).toList());
        }
        for (Path p : old) {
            deleteRecursively(p);
        }
    }

    /**
     * Restores into a trainer built from the checkpoint's model: the discriminator, both optimisers and the counters.
     * The checkpoint's manifest must already have been verified ({@link io.textgan.core.TextToImageModel#load} does).
     */
    public static void restore(Path dir, GanTrainer trainer) throws IOException {
        if (WeightFile.exists(dir, TRAINED_GENERATOR_FILE)) {
            WeightFile.readInto(dir, TRAINED_GENERATOR_FILE, trainer.model().generator().parameters());
        }
        WeightFile.readInto(dir, DISCRIMINATOR_FILE, trainer.discriminator().parameters());
        if (trainer.imageEncoder() != null) {
            WeightFile.readInto(dir, IMAGE_ENCODER_FILE, trainer.imageEncoder().parameters());
        }
        State state = readState(dir);
        if (state.seed() != trainer.config().seed()) {
            throw new IOException(dir + " was written with seed " + state.seed() + ", the run's config says " + trainer.config().seed());
        }
        Map<String, INDArray> generatorAdam = copyOf(trainer.generatorOptimizer().state());
        ArrayFile.readInto(dir.resolve(GENERATOR_ADAM_FILE), generatorAdam);
        trainer.generatorOptimizer().restore(generatorAdam, state.generatorIterations());
        Map<String, INDArray> discriminatorAdam = copyOf(trainer.discriminatorOptimizer().state());
        ArrayFile.readInto(dir.resolve(DISCRIMINATOR_ADAM_FILE), discriminatorAdam);
        trainer.discriminatorOptimizer().restore(discriminatorAdam, state.discriminatorIterations());
        trainer.resumeAt(state.step(), state.completedEpochs(), state.batchesInEpoch());
    }

    /** The counters saved with the checkpoint in {@code dir}: its training step, completed epochs and seed. */
    public static State readState(Path dir) throws IOException {
        return Json.read(dir.resolve(STATE_FILE), State.class);
    }

    private static Map<String, INDArray> copyOf(Map<String, INDArray> arrays) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        arrays.forEach((name, a) -> copy.put(name, a.dup()));
        return copy;
    }

    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
