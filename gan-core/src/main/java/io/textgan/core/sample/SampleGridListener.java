package io.textgan.core.sample;

import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.ArrayFile;
import io.textgan.core.train.GanTrainer;
import io.textgan.core.train.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * At the end of every epoch, draws one row per fixed prompt with the same fixed noise vectors (with the generator
 * average when the run keeps one), and writes
 * {@code epoch-0001.png} and {@code epoch-0001.txt} (the prompts, one line per row), so epochs can be compared.
 */
public final class SampleGridListener implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(SampleGridListener.class);

    private final Path directory;
    private final List<String> prompts;
    private final int columns;
    private static final String NOISE = "noise";
    private final INDArray noise;

    /**
     * @param noiseFile the columns' noise vectors: read if the file exists (a resumed run), else drawn from the seed
     *                  and written there, so the grid's noise stays the same for the whole run
     */
    public SampleGridListener(Path directory, List<String> prompts, int columns, TextToImageModel model, long seed,
                              Path noiseFile) throws IOException {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("at least one sample prompt is needed");
        }
        this.directory = directory;
        this.prompts = List.copyOf(prompts);
        this.columns = columns;
        INDArray row = model.noise(columns, new Random(seed));
        Map<String, INDArray> saved = Map.of(NOISE, row);
        if (Files.isRegularFile(noiseFile)) {
            ArrayFile.readInto(noiseFile, saved);
        } else {
            ArrayFile.write(noiseFile, saved);
        }
        // the same noise in every row, so rows differ only by their prompt
        this.noise = Nd4j.vstack(Collections.nCopies(prompts.size(), row).toArray(INDArray[]::new));
    }

    @Override
    public void onEpochEnd(GanTrainer trainer, int epoch) throws IOException {
        List<String> perImage = new ArrayList<>();
        for (String p : prompts) {
            for (int c = 0; c < columns; c++) {
                perImage.add(p);
            }
        }
        INDArray images = trainer.generationModel().generate(perImage, noise);
        String name = String.format("epoch-%04d", epoch);
        SampleGrid.write(SampleGrid.render(images, columns), directory.resolve(name + ".png"));
        Files.write(directory.resolve(name + ".txt"), prompts);
        LOG.info("samples written: {}", directory.resolve(name + ".png"));
    }
}
