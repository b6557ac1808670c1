package io.textgan.core.report;

import io.textgan.core.report.RunHistory.EpochFigure;
import io.textgan.core.report.RunHistory.Grid;
import io.textgan.core.report.RunHistory.LossPoint;
import io.textgan.core.report.RunHistory.NormPoint;
import io.textgan.core.report.RunHistory.Progress;
import io.textgan.core.report.Thinning.Points;
import io.textgan.core.train.GradientHealth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The report of a {@link RunHistory} as one self-contained HTML page: inline SVG plots, sample grids inlined as data
 * (up to {@link ReportLimits}) or linked relative to the run directory, a few lines of script for the grid slider,
 * nothing fetched from the network. All text from the run is escaped.
 */
public final class ReportPage {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"};
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int GRID_WIDTH_PX = 560;
    private static final int MAX_LISTED = 200;
    /** The divergence guard's message when it goes back to a checkpoint (TrainingRun). */
    private static final java.util.regex.Pattern RESTORED = java.util.regex.Pattern.compile("restored step (\\d+) and continuing");

    private final ReportLimits limits;

    public ReportPage(ReportLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Writes the report of {@code history} to {@code file} whole or not at all (a temporary file, then a move). */
    public void write(RunHistory history, Path runDirectory, Path file) throws IOException {
        String html = html(history, runDirectory);
        // a temporary file of its own (gan report may write while gan train does), with the usual permissions
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The page; grids are read from {@code runDirectory} to be inlined. */
    public String html(RunHistory h, Path runDirectory) throws IOException {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape("TextGAN run " + h.name())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>TextGAN run <code>").append(Html.escape(h.name())).append("</code></h1><p class=\"status\">")
                .append(Html.escape(status(h.progress()))).append(" · report written ").append(UTC.format(Instant.now()))
                .append(" · reload the page to update it while the run trains</p><nav><a href=\"#run\">settings and progress</a> · "
                        + "<a href=\"#samples\">samples</a> · <a href=\"#losses\">losses</a> · <a href=\"#evaluation\">evaluation</a> · "
                        + "<a href=\"#gradients\">gradient norms</a> · <a href=\"#events\">guard events and skipped data</a></nav></header>\n");
        settingsAndProgress(b, h);
        samples(b, h, runDirectory);
        losses(b, h);
        evaluation(b, h);
        gradients(b, h);
        eventsAndData(b, h);
        b.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return b.toString();
    }

    private static String status(Progress p) {
        if (p.finished()) {
            return "finished: " + p.epochsDone() + " of " + p.epochsPlanned() + " epochs";
        }
        return "epoch " + p.epochsDone() + " of " + p.epochsPlanned() + " done (training, or stopped)";
    }

    private static void settingsAndProgress(StringBuilder b, RunHistory h) {
        RunHistory.Settings s = h.settings();
        Progress p = h.progress();
        b.append("<section id=\"run\" class=\"two\"><div><h2>Settings</h2><table class=\"kv\">");
        Map<String, String> m = s.model();
        row(b, "model", m.getOrDefault("generator", "?") + " generator, " + m.getOrDefault("discriminator", "?")
                + " discriminator, " + m.getOrDefault("textEncoder", "?") + " text encoder");
        row(b, "image size", m.getOrDefault("imageSize", "?") + " px");
        row(b, "data", s.data() + " (" + s.dataSize() + " training items)");
        row(b, "seed", Long.toString(s.seed()));
        Map<String, String> t = s.training();
        row(b, "batch size", t.getOrDefault("batchSize", "?"));
        row(b, "loss", t.getOrDefault("loss", "?"));
        row(b, "learning rates", "G " + t.getOrDefault("learningRateG", "?") + ", D " + t.getOrDefault("learningRateD", "?"));
        b.append("</table>");
        b.append("<h3>Command line</h3>");
        if (s.commands().isEmpty()) {
            b.append("<p class=\"note\">not recorded (the run is older than <code>command.txt</code>)</p>");
        } else {
            b.append("<pre class=\"command\">");
            s.commands().forEach(c -> b.append(Html.escape(c)).append('\n'));
            b.append("</pre>");
        }
        b.append("<details><summary>All settings (config.json)</summary><table class=\"kv\">");
        m.forEach((k, v) -> row(b, "model." + k, v));
        t.forEach((k, v) -> row(b, "training." + k, v));
        b.append("</table></details></div>");
        b.append("<div><h2>Progress</h2><table class=\"kv\" id=\"progress\">");
        row(b, "epoch", p.epochsDone() + " of " + p.epochsPlanned() + (p.finished() ? " (finished)" : ""));
        boolean fromLog = !h.losses().isEmpty() && h.losses().stream().allMatch(l -> Double.isNaN(l.seconds()));
        row(b, "step", p.stepsDone() + " of " + p.stepsPlanned() + (fromLog ? " (last step in train.log)" : ""));
        row(b, "speed", Html.number(p.imagesPerSecond()) + " images/s (last steps)");
        row(b, "time per epoch", Html.duration(p.secondsPerEpoch()) + " (wall time: samples, checkpoint and evaluation included)");
        row(b, "ETA", p.finished() ? "– (finished)" : Html.duration(p.etaSeconds()) + " left if still training");
        row(b, "last update", Double.isFinite(p.lastUpdate()) ? UTC.format(Instant.ofEpochMilli((long) (p.lastUpdate() * 1000))) : "–");
        if (h.best() != null) {
            row(b, "best epoch", h.best().epoch() + " (" + h.best().metric() + " " + Html.number(h.best().value()) + ")");
        }
        b.append("</table></div></section>\n");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
    }

    private void losses(StringBuilder b, RunHistory h) {
        b.append("<section id=\"losses\"><h2>Losses</h2>");
        List<LossPoint> l = h.losses();
        if (l.isEmpty()) {
            b.append("<p class=\"note\">no GAN step yet</p></section>\n");
            return;
        }
        LineChart chart = new LineChart("Discriminator and generator loss over steps", "step (GAN updates)", "loss", false, 320);
        chart.series(series("D loss", COLORS[0], l, LossPoint::discriminatorLoss));
        chart.series(series("G loss", COLORS[1], l, LossPoint::generatorLoss));
        for (RunHistory.Event e : h.events()) {
            java.util.regex.Matcher restored = RESTORED.matcher(e.message());
            if (restored.find()) {
                chart.marker(Integer.parseInt(restored.group(1)), "restored", "#d62728");
            }
        }
        b.append(chart.svg());
        b.append("<p class=\"note\">Dots: the loss of single steps (").append(l.size())
                .append(" steps, at most ").append(limits.pointsPerSeries()).append(" dots per loss, keeping the lowest and highest of each stretch); "
                        + "line: their moving mean over ").append(Thinning.window(l.size())).append(" steps.")
                .append(h.losses().stream().allMatch(p -> Double.isNaN(p.seconds())) ? " Read from train.log (every 50 steps): this run is older than losses.csv." : "")
                .append("</p></section>\n");
    }

    private LineChart.Series series(String name, String color, List<LossPoint> l, ToDoubleFunction<LossPoint> y) {
        Points all = new Points(l.stream().mapToDouble(LossPoint::step).toArray(), l.stream().mapToDouble(y).toArray());
        return new LineChart.Series(name, color, Thinning.minMax(all, limits.pointsPerSeries()),
                Thinning.smooth(all, Thinning.window(all.size()), limits.pointsPerSeries()));
    }

    private void gradients(StringBuilder b, RunHistory h) {
        b.append("<section id=\"gradients\"><h2>Gradient L2 norms</h2>");
        if (h.globalNorms().isEmpty()) {
            b.append("<p class=\"note\">no gradients.csv yet</p></section>\n");
            return;
        }
        Set<String> phases = new LinkedHashSet<>();
        h.globalNorms().forEach(n -> phases.add(n.phase()));
        for (String phase : phases) {
            Map<String, List<NormPoint>> byNetwork = new LinkedHashMap<>();
            h.globalNorms().stream().filter(n -> n.phase().equals(phase))
                    .forEach(n -> byNetwork.computeIfAbsent(n.network(), k -> new ArrayList<>()).add(n));
            String what = phase.equals("gan") ? "GAN training" : phase.equals("pretrain") ? "text encoder pre-training" : phase;
            LineChart chart = new LineChart("Global gradient L2 norm per network, " + what, "step (" + what + ")",
                    "gradient L2 norm (log scale)", true, phase.equals("gan") ? 340 : 280);
            int c = 0;
            for (var e : byNetwork.entrySet()) {
                Points p = new Points(e.getValue().stream().mapToDouble(NormPoint::step).toArray(),
                        e.getValue().stream().mapToDouble(NormPoint::norm).toArray());
                chart.series(new LineChart.Series(e.getKey(), COLORS[c++ % COLORS.length], null, Thinning.minMax(p, limits.pointsPerSeries())));
            }
            chart.threshold(GradientHealth.EXPLODING_CEILING, "exploding above " + Html.number(GradientHealth.EXPLODING_CEILING), "#d62728");
            chart.threshold(GradientHealth.VANISHING_FLOOR, "vanishing below " + Html.number(GradientHealth.VANISHING_FLOOR), "#d62728");
            b.append("<h3>").append(Html.escape(what)).append("</h3>").append(chart.svg());
        }
        b.append("<h3>Per parameter, last logged step</h3><div class=\"bars\">");
        Map<String, List<NormPoint>> last = new LinkedHashMap<>();
        h.lastNorms().forEach(n -> last.computeIfAbsent(n.network(), k -> new ArrayList<>()).add(n));
        for (var e : last.entrySet()) {
            NormPoint first = e.getValue().get(0);
            BarChart bars = new BarChart(e.getKey() + " gradient norms per parameter", "gradient L2 norm (log scale); "
                    + "dashed: vanishing and exploding thresholds", GradientHealth.VANISHING_FLOOR, GradientHealth.EXPLODING_CEILING);
            e.getValue().forEach(n -> bars.bar(n.parameter(), n.norm()));
            b.append("<figure><figcaption>").append(Html.escape(e.getKey())).append(", ").append(Html.escape(first.phase()))
                    .append(" step ").append(first.step()).append("</figcaption>").append(bars.svg()).append("</figure>");
        }
        b.append("</div><p class=\"note\">Logged at the first step and every 50 steps (gradients.csv). A norm below ")
                .append(Html.number(GradientHealth.VANISHING_FLOOR)).append(" or above ").append(Html.number(GradientHealth.EXPLODING_CEILING))
                .append(" for 100 steps in a row is warned about in train.log; red bars are outside that range.</p></section>\n");
    }

    private void samples(StringBuilder b, RunHistory h, Path runDirectory) throws IOException {
        b.append("<section id=\"samples\"><h2>Samples</h2>");
        List<Grid> grids = h.grids();
        if (grids.isEmpty()) {
            b.append("<p class=\"note\">no epoch finished yet</p></section>\n");
            return;
        }
        int best = h.best() == null ? -1 : h.best().epoch();
        Set<Integer> inline = inlined(grids, best, runDirectory);
        List<String> common = grids.get(grids.size() - 1).prompts();
        b.append("<div class=\"controls\"><button type=\"button\" id=\"grid-prev\">◀ previous</button>")
                .append("<input type=\"range\" id=\"grid-slider\" min=\"0\" max=\"").append(grids.size() - 1)
                .append("\" value=\"").append(grids.size() - 1).append("\" aria-label=\"epoch\">")
                .append("<button type=\"button\" id=\"grid-next\">next ▶</button>");
        if (best > 0) {
            b.append("<button type=\"button\" id=\"grid-best\">best (epoch ").append(best).append(")</button>");
        }
        b.append("<span id=\"grid-label\"></span></div><div class=\"viewer\"><div class=\"frames\">");
        for (int i = 0; i < grids.size(); i++) {
            Grid g = grids.get(i);
            Path png = runDirectory.resolve(g.path());
            int[] size = pngSize(png);
            String caption = "epoch " + g.epoch() + " of " + h.progress().epochsPlanned() + (g.epoch() == best ? " — best" : "");
            b.append("<figure class=\"grid").append(g.epoch() == best ? " best" : "").append("\" data-epoch=\"").append(g.epoch())
                    .append("\" data-index=\"").append(i).append("\" data-caption=\"").append(Html.escape(caption)).append('"')
                    .append(i == grids.size() - 1 ? "" : " hidden").append("><div class=\"frame\"><img alt=\"")
                    .append(Html.escape("samples after epoch " + g.epoch())).append("\" title=\"").append(Html.escape(g.path())).append('"');
            if (size != null) {
                int scale = Math.max(1, GRID_WIDTH_PX / size[0]);
                b.append(" width=\"").append(size[0] * scale).append("\" height=\"").append(size[1] * scale).append('"');
            }
            if (inline.contains(g.epoch())) {
                b.append(" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append('"');
            } else {
                b.append(" loading=\"lazy\" src=\"").append(Html.escape(g.path())).append('"');
            }
            b.append(">");
            if (!g.prompts().equals(common)) {
                prompts(b, g.prompts());
            }
            b.append("</div><figcaption>").append(Html.escape(caption)).append(" · <code>").append(Html.escape(g.path()))
                    .append("</code>").append(inline.contains(g.epoch()) ? "" : " (linked, not inlined)").append("</figcaption></figure>");
        }
        b.append("</div>");
        prompts(b, common);
        b.append("</div><p class=\"note\">One row per prompt, the same noise in every row and epoch. ")
                .append(inline.size()).append(" of ").append(grids.size())
                .append(" grids are inside this page; the others are linked to the files in samples/ next to it.</p></section>\n");
    }

    private static void prompts(StringBuilder b, List<String> prompts) {
        b.append("<ol class=\"prompts\" style=\"grid-template-rows:repeat(").append(Math.max(1, prompts.size())).append(",1fr)\">");
        prompts.forEach(p -> b.append("<li>").append(Html.escape(p)).append("</li>"));
        b.append("</ol>");
    }

    /** Epochs whose grid goes into the page: the last, the best, the first, then evenly spaced ones, within the limits. */
    Set<Integer> inlined(List<Grid> grids, int best, Path runDirectory) throws IOException {
        List<Integer> wanted = new ArrayList<>();
        wanted.add(grids.get(grids.size() - 1).epoch());
        if (best > 0) {
            wanted.add(best);
        }
        wanted.add(grids.get(0).epoch());
        int spread = Math.max(1, limits.inlineGrids());
        for (int k = 0; k < spread; k++) {
            wanted.add(grids.get((int) ((long) k * (grids.size() - 1) / Math.max(1, spread - 1))).epoch());
        }
        Map<Integer, Grid> byEpoch = new LinkedHashMap<>();
        grids.forEach(g -> byEpoch.put(g.epoch(), g));
        Set<Integer> chosen = new LinkedHashSet<>();
        long bytes = 0;
        for (int epoch : wanted) {
            Grid g = byEpoch.get(epoch);
            if (g == null || chosen.contains(epoch) || chosen.size() >= limits.inlineGrids()) {
                continue;
            }
            Path png = runDirectory.resolve(g.path());
            long size = Files.isRegularFile(png) ? Files.size(png) : Long.MAX_VALUE;
            if (bytes + size <= limits.inlineBytes()) {
                chosen.add(epoch);
                bytes += size;
            }
        }
        return chosen;
    }

    /** Width and height from a PNG's header, or null for anything else. */
    private static int[] pngSize(Path png) throws IOException {
        if (!Files.isRegularFile(png)) {
            return null;
        }
        byte[] head = new byte[24];
        try (InputStream in = Files.newInputStream(png)) {
            if (in.readNBytes(head, 0, 24) < 24 || head[1] != 'P' || head[2] != 'N' || head[3] != 'G') {
                return null;
            }
        }
        int w = java.nio.ByteBuffer.wrap(head, 16, 4).getInt();
        int h = java.nio.ByteBuffer.wrap(head, 20, 4).getInt();
        return w > 0 && h > 0 && w < 100_000 && h < 100_000 ? new int[]{w, h} : null;
    }

    private void evaluation(StringBuilder b, RunHistory h) {
        b.append("<section id=\"evaluation\"><h2>Evaluation</h2>");
        // a chart per figure; the parts of a figure (named figure/part) together in one more
        Map<String, Map<String, List<EpochFigure>>> groups = new LinkedHashMap<>();
        for (EpochFigure f : h.epochFigures()) {
            int slash = f.figure().indexOf('/');
            String group = slash < 0 ? f.figure() : f.figure().substring(0, slash) + ": its parts";
            String name = slash < 0 ? f.figure() : f.figure().substring(slash + 1);
            groups.computeIfAbsent(group, k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new ArrayList<>()).add(f);
        }
        if (groups.isEmpty() && h.latest() == null) {
            b.append("<p class=\"note\">nothing measured: train with --best-metric or --eval-every, or run gan evaluate</p></section>\n");
            return;
        }
        b.append("<div class=\"small\">");
        for (var group : groups.entrySet()) {
            boolean parts = group.getValue().size() > 1 || !group.getValue().containsKey(group.getKey());
            String yLabel = parts ? "value (higher is better)" : group.getKey() + " (" + direction(group.getKey()) + ")";
            LineChart chart = new LineChart(group.getKey() + " by epoch", "epoch", yLabel, false, 280);
            int c = 0;
            for (var e : group.getValue().entrySet()) {
                List<EpochFigure> list = e.getValue().stream().sorted(java.util.Comparator.comparingInt(EpochFigure::epoch)).toList();
                Points p = new Points(list.stream().mapToDouble(EpochFigure::epoch).toArray(), list.stream().mapToDouble(EpochFigure::value).toArray());
                Points thin = Thinning.minMax(p, limits.pointsPerSeries());
                chart.series(new LineChart.Series(e.getKey(), COLORS[c++ % COLORS.length], thin, thin));
            }
            if (h.best() != null && h.best().metric().equals(group.getKey())) {
                chart.marker(h.best().epoch(), "best", "#d62728");
            }
            b.append("<figure>").append(chart.svg()).append("</figure>");
        }
        b.append("</div>");
        if (h.latest() != null) {
            b.append("<h3>Latest <code>gan evaluate</code> (checkpoint ").append(Html.escape(h.latest().checkpoint()))
                    .append(")</h3><table class=\"kv\">");
            h.latest().figures().forEach((k, v) -> row(b, k, Html.number(v)));
            b.append("</table>");
        }
        b.append("<p class=\"note\">shapes-accuracy: mean of the five attribute accuracies and the spread of what partial prompts "
                + "leave open, on held-out prompts (higher is better). FD_local and KID_local: distances between generated and "
                + "real images in the evaluation encoder's features (lower is better); R-precision: how often a generated image "
                + "retrieves its own caption (higher is better).</p></section>\n");
    }

    private static String direction(String figure) {
        return figure.startsWith("FD") || figure.startsWith("KID") ? "lower is better"
                : figure.equals("fd") ? "negated FD_local, higher is better" : "higher is better";
    }

    private static void eventsAndData(StringBuilder b, RunHistory h) {
        b.append("<section id=\"events\"><h2>Divergence guard and warnings</h2>");
        if (h.events().isEmpty()) {
            b.append("<p class=\"note\">none: no restore, no lowered learning rate, no gradient warning</p>");
        } else {
            b.append("<table class=\"events\"><tr><th>time</th><th>level</th><th>message</th></tr>");
            if (h.events().size() > MAX_LISTED) {
                b.append("<tr><td colspan=\"3\">… ").append(h.events().size() - MAX_LISTED).append(" earlier ones in train.log</td></tr>");
            }
            h.events().subList(Math.max(0, h.events().size() - MAX_LISTED), h.events().size()).forEach(e -> b.append("<tr><td>").append(Html.escape(e.time())).append("</td><td>").append(Html.escape(e.level()))
                    .append("</td><td>").append(Html.escape(e.message())).append("</td></tr>"));
            b.append("</table>");
        }
        b.append("<h2>Skipped data</h2>");
        if (h.skipped().isEmpty()) {
            b.append("<p class=\"note\">none (data.json)</p>");
        } else {
            b.append("<p>").append(h.skipped().size()).append(" files not used (data.json):</p><ul class=\"skipped\">");
            h.skipped().stream().limit(MAX_LISTED).forEach(s -> b.append("<li>").append(Html.escape(s)).append("</li>"));
            if (h.skipped().size() > MAX_LISTED) {
                b.append("<li>… and ").append(h.skipped().size() - MAX_LISTED).append(" more in data.json</li>");
            }
            b.append("</ul>");
        }
        b.append("</section>\n");
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0 auto;padding:0 20px 40px;max-width:1120px}
            h1{font-size:22px;margin:18px 0 4px}h2{font-size:18px;margin:26px 0 8px;border-bottom:1px solid #ddd}h3{font-size:15px;margin:14px 0 6px}
            .status{color:#555;margin:0}nav{font-size:14px;margin-top:4px}.note{color:#666;font-size:13px}
            .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:24px}
            table.kv{border-collapse:collapse}table.kv th{text-align:left;font-weight:600;padding:2px 14px 2px 0;vertical-align:top}
            table.kv td{padding:2px 0}pre.command{background:#f5f5f5;padding:8px;white-space:pre-wrap;word-break:break-all;font-size:13px}
            svg.chart{width:100%;height:auto;display:block;font-size:12px}svg.chart .grid{stroke:#e6e6e6}svg.chart .tick{stroke:#999}
            svg.chart .frame{fill:none;stroke:#999}svg.chart text{fill:#333}svg.chart .label{font-size:13px;fill:#111}
            svg.chart .dots{fill:none;stroke-width:3;stroke-linecap:round;opacity:.35}svg.chart .line{fill:none;stroke-width:2}
            .small figure{margin:0 0 8px;max-width:900px}.bars figure{margin:0}
            figcaption{font-size:13px;color:#444}
            .controls{display:flex;align-items:center;gap:8px;flex-wrap:wrap;margin-bottom:8px}#grid-slider{flex:1;min-width:200px}
            #grid-label{font-weight:600;min-width:12em}
            .viewer{display:flex;gap:12px;align-items:flex-start}.frame{display:flex;gap:12px;align-items:stretch}
            .frames img{image-rendering:pixelated;max-width:100%;height:auto;background:#eee;display:block}
            ol.prompts{display:grid;align-items:center;margin:0;padding-left:1.8em;font-size:13px}
            .frames figure{margin:0}figure.best figcaption{color:#b00;font-weight:600}
            table.events{border-collapse:collapse;font-size:13px}table.events td,table.events th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
            """;

    private static final String SCRIPT = """
            (function () {
              var frames = Array.prototype.slice.call(document.querySelectorAll('figure.grid'));
              if (frames.length === 0) { return; }
              var slider = document.getElementById('grid-slider');
              var label = document.getElementById('grid-label');
              var shared = document.querySelector('.viewer > ol.prompts');
              var img = function (f) { return f.querySelector('img'); };
              function show(i) {
                i = Math.max(0, Math.min(frames.length - 1, i));
                frames.forEach(function (f, k) { f.hidden = k !== i; });
                slider.value = String(i);
                label.textContent = frames[i].getAttribute('data-caption');
                var own = frames[i].querySelector('ol.prompts') !== null;
                shared.hidden = own;
                if (img(frames[i]).height > 0) { shared.style.height = img(frames[i]).height + 'px'; }
              }
              slider.addEventListener('input', function () { show(Number(slider.value)); });
              document.getElementById('grid-prev').addEventListener('click', function () { show(Number(slider.value) - 1); });
              document.getElementById('grid-next').addEventListener('click', function () { show(Number(slider.value) + 1); });
              var best = document.getElementById('grid-best');
              if (best) {
                best.addEventListener('click', function () { show(frames.indexOf(document.querySelector('figure.grid.best'))); });
              }
              document.addEventListener('keydown', function (e) {
                if (e.key === 'ArrowLeft') { show(Number(slider.value) - 1); }
                if (e.key === 'ArrowRight') { show(Number(slider.value) + 1); }
              });
              window.addEventListener('load', function () { show(Number(slider.value)); });
              show(frames.length - 1);
            })();
            """;
}
