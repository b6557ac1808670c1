package io.textgan.cli.bench;

import io.textgan.cli.GanMain;
import io.textgan.core.TextToImageModel;
import io.textgan.core.api.ModelConfig;
import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.data.Vocabulary;
import io.textgan.core.data.shapes.ShapesSource;
import io.textgan.core.nn.StepWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Runs workloads for a fixed number of steps after warm-up and reports one JSON object per workload. */
public final class Bench {
    public static final List<String> WORKLOADS = List.of("dcgan64", "gancls32", "gancls64", "generate");

    private final int steps;
    private final int warmup;
    private final int batch;
    private final boolean profile;
    private final Path run;
    private final String generator;

    /** @param generator the registered generator of the gancls workloads, null for the default's */
    public Bench(int steps, int warmup, int batch, boolean profile, Path run, String generator) {
        this.generator = generator;
        this.steps = steps;
        this.warmup = warmup;
        this.batch = batch;
        this.profile = profile;
        this.run = run;
    }

    public String run(String name) throws IOException, InterruptedException {
        Map<String, Object> extra = new LinkedHashMap<>();
        Workload workload = switch (name) {
            case "dcgan64" -> new Dcgan64Workload(batch);
            case "gancls32" -> new GanClsWorkload(batch, 32, generator);
            case "gancls64" -> new GanClsWorkload(batch, 64, generator);
            case "generate" -> {
                Path modelRun = run != null ? run : freshRun();
                extra.put("cold_start_s", coldStartSeconds(modelRun));
                yield new GenerateWorkload(TextToImageModel.load(new RunDirectory(modelRun).latestCheckpoint()), batch);
            }
            default -> throw new IllegalArgumentException("unknown workload '" + name + "'");
        };
        PhaseTimer timer = new PhaseTimer();
        for (int i = 0; i < warmup; i++) {
            step(workload, timer);
        }
        timer.reset();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step(workload, timer);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Json.toLine(report(workload, seconds, timer, extra));
    }

    private static void step(Workload workload, PhaseTimer timer) {
        try (MemoryWorkspace ignored = StepWorkspace.open("bench-step")) {
            workload.step(timer);
        }
    }

    private Map<String, Object> report(Workload w, double seconds, PhaseTimer timer, Map<String, Object> extra) {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<Object, Object> env = Nd4j.getExecutioner().getEnvironmentInformation();
        r.put("workload", w.name());
        if (generator != null && w instanceof GanClsWorkload) {
            r.put("generator", generator);
        }
        r.put("backend", env.get("backend") + nativeBuild());
        r.put("device", device(env));
        r.put("threads", env.get("omp.threads"));
        r.put("batch", w.imagesPerStep());
        r.put("steps", steps);
        r.put("s_per_step", round(seconds / steps));
        r.put("img_per_s", round(w.imagesPerStep() * steps / seconds));
        r.put("gflop_per_s", round(2.0 * w.multiplyAddsPerStep() * steps / seconds / 1e9));
        r.put("gflop_per_step", round(2.0 * w.multiplyAddsPerStep() / 1e9));
        r.put("peak_rss_mb", peakRssMegabytes());
        r.putAll(extra);
        if (profile) {
            r.put("phases_s_per_step", timer.perStep(steps));
        }
        return r;
    }

    private static String nativeBuild() {
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
        return extension == null || extension.isEmpty() ? "" : " " + extension.substring(1);
    }

    private static Object device(Map<Object, Object> env) {
        Object cuda = env.get("cuda.devicesInformation");
        if (cuda != null) {
            return cuda;
        }
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("cpu") + ", " + env.get("cores") + " cores";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "cpu, " + env.get("cores") + " cores";
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static long peakRssMegabytes() {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** An untrained model of the default size, saved as a run, for the generate workload. */
    private static Path freshRun() throws IOException {
        Path dir = Files.createTempDirectory("gan-bench-");
        dir.toFile().deleteOnExit();
        ShapesSource data = ShapesSource.training(512, 64, 1);
        Vocabulary vocabulary = Vocabulary.build(data, 1);
        TextToImageModel model = TextToImageModel.create(ModelConfig.defaults(64).withVocabularySize(vocabulary.size()),
                vocabulary, new Random(1));
        RunDirectory runDirectory = new RunDirectory(dir);
        Path checkpoint = Files.createDirectories(runDirectory.checkpoints().resolve("epoch-0001"));
        model.save(checkpoint);
        runDirectory.pointLatestTo("epoch-0001");
        return dir;
    }

    /** Wall time of a new {@code gan generate} process for one prompt, from start to PNG written. */
    private static double coldStartSeconds(Path modelRun) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("gan-bench-out-");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx3g", "-Xmn64m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                GanMain.class.getName(), "generate", "--run", modelRun.toString(),
                "--prompt", "a big red circle in the center on a white background", "-n", "1", "--out", out.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(out.resolve("image-0001.png"))) {
            process.destroyForcibly();
            throw new IOException("the cold-start generate process failed");
        }
        return round((System.nanoTime() - start) / 1e9);
    }
}
