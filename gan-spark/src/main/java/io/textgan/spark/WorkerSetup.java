package io.textgan.spark;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.data.ImageAugmentation;
import io.textgan.core.data.loaders.DataRequest;
import io.textgan.core.train.GanTrainer;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything a worker needs to build its replica, broadcast once per training session: the model and training configs
 * (as JSON), the vocabulary, the frozen text encoder's (and matching term's image encoder's) weights, and where and how
 * to read the training data. The generator's and discriminator's weights come with each job ({@link StepWeights}).
 */
record WorkerSetup(String id, String modelConfig, String trainingConfig, ArrayList<String> vocabulary, String tokenizer,
                   String data, String dataOptions, int imageSize, int shapesCount, long dataSeed, String cacheDirectory,
                   int dataSize, boolean randomCrop, boolean flip, float[] textEncoder, float[] imageEncoder,
                   FaultInjection fault) implements Serializable {

    static WorkerSetup of(GanTrainer trainer, DataRequest data, int dataSize, ImageAugmentation augmentation, FaultInjection fault) {
        TextToImageModel model = trainer.model();
        ImageEncoder imageEncoder = trainer.imageEncoder();
        return new WorkerSetup(UUID.randomUUID().toString(), Json.toLine(model.config()), Json.toLine(trainer.config()),
                new ArrayList<>(model.vocabulary().words()), model.vocabulary().tokenizer().configName(),
                data.data(), Json.toLine(data.options()), data.imageSize(), data.shapesCount(), data.seed(),
                data.cacheDirectory().toString(), dataSize, augmentation.randomCrop(), augmentation.flip(),
                Flat.values(model.textEncoder().parameters()),
                imageEncoder == null ? null : Flat.values(imageEncoder.parameters()), fault);
    }

    DataRequest dataRequest() {
        try {
            return new DataRequest(data, Json.fromString(dataOptions, io.textgan.core.data.DataOptions.class), imageSize,
                    shapesCount, dataSeed, java.nio.file.Path.of(cacheDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImageAugmentation augmentation() {
        return new ImageAugmentation(randomCrop, flip);
    }

    List<String> words() {
        return vocabulary;
    }
}
