package io.textgan.core.report;

import io.textgan.core.checkpoint.Json;
import io.textgan.core.checkpoint.RunDirectory;
import io.textgan.core.report.RunHistory.Best;
import io.textgan.core.report.RunHistory.EpochFigure;
import io.textgan.core.report.RunHistory.Evaluation;
import io.textgan.core.report.RunHistory.Event;
import io.textgan.core.report.RunHistory.Grid;
import io.textgan.core.report.RunHistory.LossPoint;
import io.textgan.core.report.RunHistory.NormPoint;
import io.textgan.core.report.RunHistory.Progress;
import io.textgan.core.report.RunHistory.Settings;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a run directory into a {@link RunHistory}: config.json, command.txt, losses.csv (or, for runs older than it,
 * the loss lines of train.log), gradients.csv, samples/, checkpoints/best/best.json, metrics.csv (or the best-metric
 * lines of train.log), evaluation.json, data.json and train.log. Any file may be missing (a run that just began, an older run); lines that do not parse are skipped.
 */
public final class RunHistoryReader {
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) (\\w+)\\s+(\\S+) - (.*)$");
    private static final Pattern STEP = Pattern.compile("^epoch (\\d+) step (\\d+) D (\\S+) G (\\S+) (\\S+) img/s$");
    private static final Pattern EPOCH_DONE = Pattern.compile("^epoch (\\d+) done in [\\d:]+: (\\d+) images, (\\S+) img/s.*$");
    private static final Pattern EPOCH_METRIC = Pattern.compile("^epoch (\\d+): (\\S+) (-?[\\d.]+(?:E-?\\d+)?)(?: \\(best so far\\))?$");
    private static final Pattern GRID = Pattern.compile("epoch-(\\d{4,})\\.png");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int SPEED_STEPS = 50;
    private static final int TIMING_EPOCHS = 5;

    private RunHistoryReader() {
    }

    /** @throws IOException when {@code run} is not a run directory (no config.json) or a file cannot be read */
    public static RunHistory read(Path run) throws IOException {
        RunDirectory dir = new RunDirectory(run);
        if (!Files.isRegularFile(dir.config())) {
            throw new IOException("no run at " + run + " (no " + RunDirectory.CONFIG + ")");
        }
        JsonNode config = Json.tree(Files.readAllBytes(dir.config()));
        Log log = Log.read(dir.log());
        List<LossPoint> losses = Files.isRegularFile(dir.losses()) ? losses(dir.losses()) : log.losses;
        List<NormPoint> norms = Files.isRegularFile(dir.gradients()) ? norms(dir.gradients()) : List.of();
        List<Grid> grids = grids(dir);
        Best best = best(dir.checkpoints().resolve("best").resolve("best.json"));
        List<EpochFigure> figures = new ArrayList<>(Files.isRegularFile(dir.metrics()) ? metrics(dir.metrics()) : log.figures);
        JsonNode evaluation = readTree(run.resolve("evaluation.json"));
        figures.addAll(historyFigures(evaluation));
        Map<String, EpochFigure> latestOfEach = new LinkedHashMap<>(); // an epoch measured again after a resume
        figures.forEach(f -> latestOfEach.put(f.figure() + "@" + f.epoch(), f));
        String name = run.toAbsolutePath().normalize().getFileName() == null ? run.toString()
                : run.toAbsolutePath().normalize().getFileName().toString();
        return new RunHistory(name, settings(config, dir.command()),
                progress(config, losses, grids, log), losses,
                norms.stream().filter(n -> n.parameter().equals("(global)")).toList(), lastNorms(norms), grids, best,
                List.copyOf(latestOfEach.values()), latest(evaluation), log.events, skipped(readTree(dir.dataReport())));
    }

    static Settings settings(JsonNode config, Path command) throws IOException {
        List<String> commands = Files.isRegularFile(command)
                ? Files.readAllLines(command, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList() : List.of();
        JsonNode training = config.path("training");
        return new Settings(flatten(config.path("model")), flatten(training), config.path("data").asText(""),
                config.path("dataSize").asInt(0), training.path("seed").asLong(0), commands);
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        return map;
    }

    static Progress progress(JsonNode config, List<LossPoint> losses, List<Grid> grids, Log log) {
        JsonNode training = config.path("training");
        int epochs = training.path("epochs").asInt(0);
        int maxSteps = training.path("maxSteps").asInt(0);
        int batchesPerEpoch = Math.max(1, config.path("dataSize").asInt(0) / Math.max(1, training.path("batchSize").asInt(1)));
        int stepsPlanned = maxSteps > 0 ? maxSteps : epochs * batchesPerEpoch;
        int epochsPlanned = maxSteps > 0 ? (maxSteps + batchesPerEpoch - 1) / batchesPerEpoch : epochs;
        int stepsDone = losses.isEmpty() ? 0 : losses.get(losses.size() - 1).step();
        int epochsDone = grids.isEmpty() ? 0 : grids.get(grids.size() - 1).epoch();
        double images = 0;
        double seconds = 0;
        for (LossPoint p : losses.subList(Math.max(0, losses.size() - SPEED_STEPS), losses.size())) {
            if (p.seconds() > 0 && p.imagesPerSecond() > 0) {
                images += p.imagesPerSecond() * p.seconds();
                seconds += p.seconds();
            }
        }
        double speed = seconds > 0 ? images / seconds : losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1).imagesPerSecond();
        double lastStep = losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1).time();
        double lastUpdate = Double.isNaN(lastStep) ? log.lastTime : Double.isNaN(log.lastTime) ? lastStep : Math.max(lastStep, log.lastTime);
        return new Progress(epochsDone, epochsPlanned, stepsDone, stepsPlanned, speed, secondsPerEpoch(losses, log), lastUpdate);
    }

    /**
     * Mean wall time between the ends of the last few epochs, sample grids, checkpoints and evaluations included: from
     * the log's epoch-end lines, else from the steps' times; with one epoch, its own training time.
     */
    private static double secondsPerEpoch(List<LossPoint> losses, Log log) {
        TreeMap<Integer, Double> ends = new TreeMap<>(log.epochEnds);
        if (ends.size() < 2) {
            for (LossPoint p : losses) {
                if (Double.isFinite(p.time())) {
                    ends.put(p.epoch(), p.time());
                }
            }
        }
        List<Double> times = new ArrayList<>(ends.values());
        if (times.size() >= 2) {
            int from = Math.max(0, times.size() - 1 - TIMING_EPOCHS);
            int last = times.size() - 1;
            List<Integer> epochs = new ArrayList<>(ends.keySet());
            return (times.get(last) - times.get(from)) / (epochs.get(last) - epochs.get(from));
        }
        return log.epochSeconds.isEmpty() ? Double.NaN : log.epochSeconds.get(log.epochSeconds.size() - 1);
    }

    /** losses.csv, one point per step: the last line of a step wins (a resumed run repeats steps). */
    static List<LossPoint> losses(Path csv) throws IOException {
        TreeMap<Integer, LossPoint> byStep = new TreeMap<>();
        rows(csv, 7, f -> {
            LossPoint p = new LossPoint(Integer.parseInt(f[0]), Integer.parseInt(f[1]), number(f[2]), number(f[3]),
                    number(f[4]), number(f[5]), number(f[6]));
            byStep.tailMap(p.step(), false).clear(); // steps after a restored one were undone
            byStep.put(p.step(), p);
        });
        return List.copyOf(byStep.values());
    }

    /** metrics.csv: epoch, step, figure, value (a resumed run measures an epoch again: the reader keeps the last). */
    static List<EpochFigure> metrics(Path csv) throws IOException {
        List<EpochFigure> figures = new ArrayList<>();
        rows(csv, 4, f -> figures.add(new EpochFigure(f[2], Integer.parseInt(f[0]), number(f[3]))));
        return figures;
    }

    /** gradients.csv: phase, step, network, parameter, L2 norm. */
    static List<NormPoint> norms(Path csv) throws IOException {
        List<NormPoint> norms = new ArrayList<>();
        rows(csv, 5, f -> norms.add(new NormPoint(f[0], Integer.parseInt(f[1]), f[2], f[3], number(f[4]))));
        return norms;
    }

    /** Each line after the header, split at commas; lines of another field count or with a bad number (cut short by a kill) are skipped. */
    private static void rows(Path csv, int fields, java.util.function.Consumer<String[]> row) throws IOException {
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            lines.skip(1).map(line -> line.split(",")).filter(f -> f.length == fields).forEach(f -> {
                try {
                    row.accept(f);
                } catch (NumberFormatException e) {
                    // skipped
                }
            });
        }
    }

    /** For each network, the per-parameter norms of its last logged step (of the last phase it was logged in). */
    static List<NormPoint> lastNorms(List<NormPoint> norms) {
        Map<String, String> lastKey = new LinkedHashMap<>();
        for (NormPoint n : norms) {
            lastKey.put(n.network(), n.phase() + "/" + n.step());
        }
        Map<String, List<NormPoint>> last = new LinkedHashMap<>();
        for (NormPoint n : norms) {
            if (!n.parameter().equals("(global)") && lastKey.get(n.network()).equals(n.phase() + "/" + n.step())) {
                List<NormPoint> list = last.computeIfAbsent(n.network(), k -> new ArrayList<>());
                list.removeIf(o -> o.parameter().equals(n.parameter())); // a replayed step: keep its last rows
                list.add(n);
            }
        }
        return last.values().stream().flatMap(List::stream).toList();
    }

    static List<Grid> grids(RunDirectory dir) throws IOException {
        if (!Files.isDirectory(dir.samples())) {
            return List.of();
        }
        List<String> runPrompts = Files.isRegularFile(dir.samplePrompts()) ? Files.readAllLines(dir.samplePrompts(), StandardCharsets.UTF_8) : List.of();
        TreeMap<Integer, Grid> grids = new TreeMap<>();
        try (var files = Files.list(dir.samples())) {
            for (Path png : files.toList()) {
                Matcher m = GRID.matcher(png.getFileName().toString());
                if (m.matches()) {
                    Path txt = png.resolveSibling(png.getFileName().toString().replace(".png", ".txt"));
                    List<String> prompts = Files.isRegularFile(txt) ? Files.readAllLines(txt, StandardCharsets.UTF_8) : runPrompts;
                    int epoch = Integer.parseInt(m.group(1));
                    grids.put(epoch, new Grid(epoch, dir.root().relativize(png).toString().replace('\\', '/'), prompts));
                }
            }
        }
        return List.copyOf(grids.values());
    }

    private static Best best(Path file) throws IOException {
        JsonNode best = readTree(file);
        return best == null ? null : new Best(best.path("metric").asText(), best.path("value").asDouble(Double.NaN), best.path("epoch").asInt());
    }

    /** evaluation.json's history: FD_local, KID_local, R-precision and diversity of the generated images by epoch. */
    static List<EpochFigure> historyFigures(JsonNode evaluation) {
        List<EpochFigure> figures = new ArrayList<>();
        if (evaluation == null) {
            return figures;
        }
        for (JsonNode entry : evaluation.path("history")) {
            int epoch = entry.path("epoch").asInt();
            localFigures(entry.path("local")).forEach((name, value) -> figures.add(new EpochFigure(name, epoch, value)));
        }
        return figures;
    }

    private static Map<String, Double> localFigures(JsonNode local) {
        Map<String, Double> figures = new LinkedHashMap<>();
        putIfNumber(figures, "FD_local", local.path("fdLocal").path("generated"));
        putIfNumber(figures, "KID_local", local.path("kidLocal").path("generated"));
        putIfNumber(figures, "R-precision", local.path("rPrecision").path("generated"));
        putIfNumber(figures, "diversity", local.path("diversity").path("generated"));
        return figures;
    }

    /** The latest gan evaluate: shapes attribute accuracies, then the local-feature figures with their real references. */
    static Evaluation latest(JsonNode evaluation) {
        if (evaluation == null || evaluation.path("checkpoint").isMissingNode() || evaluation.path("checkpoint").isNull()) {
            return null;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        JsonNode shapes = evaluation.path("shapes");
        for (Iterator<Map.Entry<String, JsonNode>> it = shapes.path("accuracy").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            putIfNumber(figures, e.getKey() + " accuracy", e.getValue());
        }
        putIfNumber(figures, "all attributes correct", shapes.path("allCorrect"));
        JsonNode local = evaluation.path("local");
        localFigures(local).forEach(figures::put);
        putIfNumber(figures, "FD_local, real vs real", local.path("fdLocal").path("realVsReal"));
        putIfNumber(figures, "KID_local, real vs real", local.path("kidLocal").path("realVsReal"));
        putIfNumber(figures, "R-precision, real", local.path("rPrecision").path("real"));
        return new Evaluation(evaluation.path("checkpoint").asText(), figures);
    }

    private static void putIfNumber(Map<String, Double> map, String name, JsonNode value) {
        if (value.isNumber()) {
            map.put(name, value.asDouble());
        }
    }

    static List<String> skipped(JsonNode data) {
        List<String> skipped = new ArrayList<>();
        if (data != null) {
            for (JsonNode s : data.path("skipped")) {
                skipped.add(s.isTextual() ? s.asText() : s.path("file").asText() + ": " + s.path("reason").asText());
            }
        }
        return skipped;
    }

    private static JsonNode readTree(Path file) throws IOException {
        return Files.isRegularFile(file) ? Json.tree(Files.readAllBytes(file)) : null;
    }

    private static double number(String s) {
        return switch (s.trim()) {
            case "NaN", "nan" -> Double.NaN;
            case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s.trim());
        };
    }

    /** What train.log says: loss lines (every 50 steps), epoch ends and times, metrics by epoch, warnings and errors. */
    static final class Log {
        final List<LossPoint> losses = new ArrayList<>();
        final List<EpochFigure> figures = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final Map<Integer, Double> epochEnds = new TreeMap<>();
        final List<Double> epochSeconds = new ArrayList<>();
        double lastTime = Double.NaN;

        static Log read(Path file) throws IOException {
            Log log = new Log();
            if (Files.isRegularFile(file)) {
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(log::line);
                }
            }
            return log;
        }

        void line(String line) {
            Matcher m = LOG_LINE.matcher(line);
            if (!m.matches()) {
                return;
            }
            double time = time(m.group(1));
            lastTime = Double.isNaN(time) ? lastTime : time;
            String level = m.group(2);
            String logger = m.group(3);
            String message = m.group(4);
            if (level.equals("WARN") || level.equals("ERROR") || message.startsWith("stopped: ")) {
                events.add(new Event(m.group(1), level, message));
            }
            Matcher step = STEP.matcher(message);
            Matcher done = EPOCH_DONE.matcher(message);
            Matcher metric = EPOCH_METRIC.matcher(message);
            try {
                if (step.matches()) {
                    int s = Integer.parseInt(step.group(2));
                    losses.removeIf(p -> p.step() >= s); // a restored run logs its replayed steps again
                    losses.add(new LossPoint(s, Integer.parseInt(step.group(1)), number(step.group(3)),
                            number(step.group(4)), number(step.group(5)), Double.NaN, time));
                } else if (done.matches()) {
                    int epoch = Integer.parseInt(done.group(1));
                    epochEnds.put(epoch, time);
                    double speed = number(done.group(3));
                    epochSeconds.add(speed > 0 ? Integer.parseInt(done.group(2)) / speed : Double.NaN);
                } else if (metric.matches() && logger.equals("BestCheckpointKeeper")) {
                    figures.add(new EpochFigure(metric.group(2), Integer.parseInt(metric.group(1)), number(metric.group(3))));
                }
            } catch (NumberFormatException e) {
                // not one of ours after all
            }
        }

        private static double time(String stamp) {
            try {
                return LocalDateTime.parse(stamp, LOG_TIME).atZone(ZoneId.systemDefault()).toEpochSecond()
                        + (Integer.parseInt(stamp.substring(stamp.length() - 3)) / 1000.0);
            } catch (DateTimeParseException e) {
                return Double.NaN;
            }
        }
    }
}
