package io.textgan.core.checkpoint;

import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a checkpoint at the end of every epoch: the generation model (config, vocabulary, text encoder, generator),
 * the discriminator, both optimisers' state, the counters, and a manifest with SHA-256 hashes. The directory is
 * written under a temporary name, synced and renamed; {@code latest} is replaced last, so a crash at any moment
 * leaves the previous checkpoint intact and current.
 */
public final class CheckpointWriter implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);
    static final String DISCRIMINATOR_FILE = "discriminator.bin";
    static final String GENERATOR_ADAM_FILE = "generator-adam.bin";
    static final String DISCRIMINATOR_ADAM_FILE = "discriminator-adam.bin";
    static final String STATE_FILE = "state.json";

    private final RunDirectory run;
    private final int keep;

    /** Counters saved with each checkpoint. */
    public record State(int epoch, int step, int generatorIterations, int discriminatorIterations, long seed) {
    }

    public CheckpointWriter(RunDirectory run, int keep) {
        this.run = run;
        this.keep = keep;
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) throws IOException {
        Path dir = write(trainer, epoch);
        LOG.info("checkpoint written: {}", dir);
    }

    public Path write(GanTrainer trainer, int epoch) throws IOException {
        Files.createDirectories(run.checkpoints());
        String name = String.format("epoch-%04d", epoch);
        Path tmp = Files.createTempDirectory(run.checkpoints(), ".tmp-" + name + "-");
        trainer.model().save(tmp);
        ArrayFile.write(tmp.resolve(DISCRIMINATOR_FILE), ArrayFile.of(trainer.discriminator().parameters()));
        ArrayFile.write(tmp.resolve(GENERATOR_ADAM_FILE), trainer.generatorOptimizer().state());
        ArrayFile.write(tmp.resolve(DISCRIMINATOR_ADAM_FILE), trainer.discriminatorOptimizer().state());
        Json.write(tmp.resolve(STATE_FILE), new State(epoch, trainer.step(), trainer.generatorOptimizer().iteration(),
                trainer.discriminatorOptimizer().iteration(), trainer.config().seed()));
        Manifest.write(tmp);
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
        return target;
    }

    private void prune(String newest) throws IOException {
        List<Path> old;
        try (Stream<Path> dirs = Files.list(run.checkpoints())) {
            old = dirs.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}"))
                    .filter(p -> !p.getFileName().toString().equals(newest))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .skip(Math.max(0, keep - 1))
                    .toList();
        }
        for (Path p : old) {
            deleteRecursively(p);
        }
    }

    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
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
