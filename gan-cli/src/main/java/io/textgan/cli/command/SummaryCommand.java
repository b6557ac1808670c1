package io.textgan.cli.command;

import io.textgan.core.TextToImageModel;
import io.textgan.core.api.Discriminator;
import io.textgan.core.api.ModelProvider;
import io.textgan.core.api.ModelRegistry;
import io.textgan.core.api.ImageEncoder;
import io.textgan.core.api.Network;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.nn.LayerSummary;
import io.textgan.core.train.PretrainedFeatureDiscriminator;
import io.textgan.core.train.RunConfig;
import io.textgan.core.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Random;
import java.util.concurrent.Callable;

/** {@code gan summary}: each network of a run layer by layer, with output shapes and parameter counts. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print a run's networks layer by layer.")
public final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunCheckpoint runCheckpoint;

    @Override
    public Integer call() throws IOException {
        TextToImageModel model = TextToImageModel.load(runCheckpoint.resolve());
        Discriminator discriminator = ModelRegistry.get(ModelProvider.DiscriminatorProvider.class,
                model.config().discriminator()).create(model.config(), new Random(0));
        String title = "discriminator (" + model.config().discriminator() + ")";
        RunDirectory dir = new RunDirectory(runCheckpoint.run);
        TrainingConfig training = Files.isRegularFile(dir.config()) ? Json.read(dir.config(), RunConfig.class).training() : null;
        if (training != null && training.pretrainedFeatures()) {
            ImageEncoder encoder = ModelRegistry.get(ModelProvider.ImageEncoderProvider.class, training.imageEncoder())
                    .create(model.config(), new Random(0));
            discriminator = PretrainedFeatureDiscriminator.around(discriminator, encoder, model.config(), training.pretrainedGrid(), new Random(0));
            title += " with the judge through the frozen pre-trained image encoder" + (training.pretrainedGrid() ? "'s feature grid" : "");
        }
        PrintWriter out = spec.commandLine().getOut();
        long total = print(out, "text encoder (" + model.config().textEncoder() + ")", model.textEncoder())
                + print(out, "generator (" + model.config().generator() + ")", model.generator())
                + print(out, title, discriminator);
        out.printf("total trainable parameters: %,d%n", total);
        return 0;
    }

    private static long print(PrintWriter out, String title, Network network) {
        long count = LayerSummary.trainableCount(network.parameters());
        out.println(title);
        out.println(LayerSummary.header());
        network.summary().forEach(out::println);
        out.println(LayerSummary.total(count));
        out.println();
        return count;
    }
}
