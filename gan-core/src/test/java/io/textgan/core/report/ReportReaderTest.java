package io.textgan.core.report;

import io.textgan.core.train.LossLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a run directory: the new files, the old runs' train.log, and files that are missing or cut short. */
class ReportReaderTest {
    @TempDir
    Path run;

    static final String CONFIG = """
            {"model":{"generator":"dcgan","discriminator":"gan-cls","textEncoder":"lstm","imageSize":16},
             "training":{"epochs":3,"maxSteps":0,"batchSize":16,"seed":7,"loss":"non-saturating"},
             "data":"shapes","dataSize":64,"dataOptions":{}}
            """;

    static void writeConfig(Path run) throws IOException {
        Files.writeString(run.resolve("config.json"), CONFIG);
    }

    @Test
    void readsEveryFileOfANewRun() throws IOException {
        writeConfig(run);
        Files.writeString(run.resolve("command.txt"), "gan train --epochs 3 --run r\ngan train --resume r\n");
        Files.writeString(run.resolve("losses.csv"), LossLog.HEADER + "\n"
                + "1,1,1.5,2.5,32,0.5,1000.0\n2,1,1.4,2.4,32,0.5,1000.5\n3,1,1.3,2.3,32,0.5,1001.0\n"
                + "4,1,9.9,9.9,32,0.5,1001.5\n5,2,9.9,9.9,32,0.5,1002.0\n"
                + "4,1,1.2,2.2,32,0.5,1010.0\n5,2,1.1,2.1,16,1.0,1011.0\n6,2,1."); // restored at step 3: 4-5 replayed; a kill cut the last line
        Files.writeString(run.resolve("gradients.csv"), "phase,step,network,parameter,l2_norm\n"
                + "gan,1,generator,g.w,2.0\ngan,1,generator,(global),2.0\n"
                + "gan,50,generator,g.w,3.0\ngan,50,generator,g.b,1e-9\ngan,50,generator,(global),3.0\n"
                + "gan,50,discriminator,d.w,4.0\ngan,50,discriminator,(global),4.0\n");
        Files.createDirectories(run.resolve("samples"));
        for (int e = 1; e <= 2; e++) {
            Files.write(run.resolve(String.format("samples/epoch-%04d.png", e)), new byte[]{1, 2, 3});
            Files.writeString(run.resolve(String.format("samples/epoch-%04d.txt", e)), "a red circle\na <b>blue</b> square\n");
        }
        Files.createDirectories(run.resolve("checkpoints/best"));
        Files.writeString(run.resolve("checkpoints/best/best.json"),
                "{\"metric\":\"shapes-accuracy\",\"value\":0.5,\"epoch\":2,\"checkpoint\":\"epoch-0002\"}");
        Files.writeString(run.resolve("evaluation.json"), """
                {"checkpoint":null,"shapes":null,"local":null,"history":[
                 {"epoch":2,"step":8,"local":{"fdLocal":{"generated":70.5,"realVsReal":30},"rPrecision":{"generated":0.25}}}]}
                """);
        Files.writeString(run.resolve("data.json"), "{\"skipped\":[{\"file\":\"bad.png\",\"reason\":\"not an image\"}]}");
        Files.writeString(run.resolve("train.log"), """
                2026-12-03 13:24:03.153 INFO  TrainingRun - run directory r: 64 training items
                2026-12-03 13:30:00.000 INFO  runlog - epoch 1 done in 00:02: 64 images, 32.0 img/s, D 1.3 G 2.3
                2026-12-03 13:30:01.000 INFO  BestCheckpointKeeper - epoch 1: shapes-accuracy 0.4000 (best so far)
                2026-12-03 13:30:02.000 WARN  TrainingRun - gan step 5: the generator gradient of g.w is NaN; restored step 3 and continuing at learning rates G 1.0E-4 D 2.0E-4 (retry 1 of 2)
                2026-12-03 13:30:10.000 INFO  runlog - epoch 2 done in 00:08: 64 images, 8.0 img/s, D 1.1 G 2.1
                2026-12-03 13:30:11.000 INFO  BestCheckpointKeeper - epoch 2: shapes-accuracy 0.5000 (best so far)
                """);

        RunHistory h = RunHistoryReader.read(run);

        assertEquals(List.of("gan train --epochs 3 --run r", "gan train --resume r"), h.settings().commands());
        assertEquals("dcgan", h.settings().model().get("generator"));
        assertEquals(7, h.settings().seed());
        assertEquals("shapes", h.settings().data());
        assertEquals(List.of(1, 2, 3, 4, 5), h.losses().stream().map(RunHistory.LossPoint::step).toList());
        assertEquals(1.2, h.losses().get(3).discriminatorLoss(), "the replayed step's line wins");
        assertEquals(2.1, h.losses().get(4).generatorLoss());
        assertEquals(List.of(2.0, 3.0, 4.0), h.globalNorms().stream().map(RunHistory.NormPoint::norm).toList());
        assertEquals(List.of("g.w", "g.b", "d.w"), h.lastNorms().stream().map(RunHistory.NormPoint::parameter).toList());
        assertEquals(50, h.lastNorms().get(0).step());
        assertEquals(2, h.grids().size());
        assertEquals("samples/epoch-0002.png", h.grids().get(1).path());
        assertEquals(List.of("a red circle", "a <b>blue</b> square"), h.grids().get(1).prompts());
        assertEquals(2, h.best().epoch());
        assertEquals(List.of("shapes-accuracy@1=0.4", "shapes-accuracy@2=0.5", "FD_local@2=70.5", "R-precision@2=0.25"),
                h.epochFigures().stream().map(f -> f.figure() + "@" + f.epoch() + "=" + f.value()).toList());
        assertNull(h.latest(), "no gan evaluate yet");
        assertEquals(1, h.events().size());
        assertTrue(h.events().get(0).message().contains("restored step 3"), h.events().toString());
        assertEquals(List.of("bad.png: not an image"), h.skipped());

        RunHistory.Progress p = h.progress();
        assertEquals(2, p.epochsDone());
        assertEquals(3, p.epochsPlanned());
        assertEquals(5, p.stepsDone());
        assertEquals(12, p.stepsPlanned());
        assertFalse(p.finished());
        assertEquals(10.0, p.secondsPerEpoch(), 1e-9, "between the two epoch ends of the log");
        assertEquals((32 * 0.5 * 4 + 16 * 1.0) / 3.0, p.imagesPerSecond(), 1e-9, "images over seconds of the last steps");
        assertEquals(7 / 4.0 * 10, p.etaSeconds(), 1e-9, "7 steps left at 4 steps and 10 s per epoch");
    }

    @Test
    void metricsCsvWinsOverTheLogAndAnEpochMeasuredAgainKeepsItsLastFigures() throws IOException {
        writeConfig(run);
        Files.writeString(run.resolve("train.log"),
                "2026-12-03 13:30:01.000 INFO  BestCheckpointKeeper - epoch 1: shapes-accuracy 0.1000 (best so far)\n");
        Files.writeString(run.resolve("metrics.csv"), io.textgan.core.checkpoint.BestCheckpointKeeper.METRICS_HEADER + "\n"
                + "1,4,shapes-accuracy,0.4\n1,4,shapes-accuracy/shape accuracy,0.3\n"
                + "2,8,shapes-accuracy,0.5\n2,8,shapes-accuracy/shape accuracy,0.35\n"
                + "2,8,shapes-accuracy,0.55\n2,8,shapes-accuracy/shape accuracy,0.4\n2,8,shapes-acc"); // resumed, then killed
        assertEquals(List.of("shapes-accuracy@1=0.4", "shapes-accuracy/shape accuracy@1=0.3", "shapes-accuracy@2=0.55",
                        "shapes-accuracy/shape accuracy@2=0.4"),
                RunHistoryReader.read(run).epochFigures().stream().map(f -> f.figure() + "@" + f.epoch() + "=" + f.value()).toList());
    }

    @Test
    void anOldRunsLossesComeFromTrainLog() throws IOException {
        writeConfig(run);
        Files.writeString(run.resolve("train.log"), """
                2026-12-03 13:46:37.899 INFO  runlog - epoch 1 step 50 D 2.1654 G 11.5762 51.1 img/s
                not a log line
                2026-12-03 13:47:04.300 INFO  runlog - epoch 2 step 100 D 1.5 G NaN 44.4 img/s
                2026-12-03 13:48:04.300 ERROR runlog - internal error
                """);
        RunHistory h = RunHistoryReader.read(run);
        assertEquals(List.of(50, 100), h.losses().stream().map(RunHistory.LossPoint::step).toList());
        assertEquals(11.5762, h.losses().get(0).generatorLoss());
        assertTrue(Double.isNaN(h.losses().get(1).generatorLoss()));
        assertEquals(44.4, h.progress().imagesPerSecond());
        assertEquals(List.of("internal error"), h.events().stream().map(RunHistory.Event::message).toList());
        assertTrue(h.grids().isEmpty() && h.globalNorms().isEmpty() && h.best() == null && h.settings().commands().isEmpty());
    }

    @Test
    void aDirectoryWithoutConfigIsNoRun() {
        IOException e = assertThrows(IOException.class, () -> RunHistoryReader.read(run));
        assertEquals("no run at " + run + " (no config.json)", e.getMessage());
    }

    @Test
    void lossLogWritesAHeaderThenOneLinePerStep() throws IOException {
        Path csv = run.resolve("losses.csv");
        LossLog log = new LossLog(csv, Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), ZoneOffset.UTC));
        log.onStep(null, new io.textgan.core.train.TrainingListener.StepReport(1, 7, 3, 4, 1.25, 2.5, 16, 0.5));
        log.onStep(null, new io.textgan.core.train.TrainingListener.StepReport(2, 8, 1, 4, Double.NaN, 2.5, 16, 0.25));
        assertEquals(List.of(LossLog.HEADER, "7,1,1.25000,2.50000,32.00,0.5000,1700000000.250",
                "8,2,NaN,2.50000,64.00,0.2500,1700000000.250"), Files.readAllLines(csv));
        writeConfig(run);
        List<RunHistory.LossPoint> read = RunHistoryReader.read(run).losses();
        assertEquals(2, read.size());
        assertTrue(Double.isNaN(read.get(1).discriminatorLoss()));
        assertEquals(1700000000.25, read.get(0).time(), 1e-6);
    }
}
