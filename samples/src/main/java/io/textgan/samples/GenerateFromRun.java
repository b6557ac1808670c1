package io.textgan.samples;

import io.textgan.core.NativeBuild;
import io.textgan.core.TextToImageModel;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.data.ImageArrays;
import io.textgan.core.sample.SampleGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Loads a trained run and draws one prompt: {@code GenerateFromRun RUN_DIR "prompt" OUT.png [SEED]}. */
public final class GenerateFromRun {
    public static void main(String[] args) throws Exception {
        NativeBuild.select();
        if (args.length < 3) {
            System.err.println("usage: GenerateFromRun RUN_DIR \"prompt\" OUT.png [SEED]");
            System.exit(2);
        }
        TextToImageModel model = TextToImageModel.load(new RunDirectory(Path.of(args[0])).latestCheckpoint());
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 0;
        INDArray images = model.generate(List.of(args[1]), model.noise(1, new Random(seed)));
        SampleGrid.write(ImageArrays.toImage(images, 0), Path.of(args[2]));
        System.out.println("wrote " + args[2]);
    }
}
