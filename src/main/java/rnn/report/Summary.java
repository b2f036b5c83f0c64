package rnn.report;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import rnn.eval.Bootstrap;
import rnn.util.AtomicFiles;
import rnn.util.Json;

/** Writes a batch report's {@code summary.md} and {@code summary.json}. */
final class Summary {
    private Summary() {
    }

    static void write(BatchFile batch, BatchReport.Outcome outcome, Machine machine, Map<String, String> checksums)
            throws IOException {
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        AtomicFiles.writeString(outcome.folder().resolve("summary.md"),
                markdown(batch, outcome, machine, checksums, created));
        AtomicFiles.writeString(outcome.folder().resolve("summary.json"),
                Json.PRETTY.toJson(json(batch, outcome, machine, checksums, created)) + "\n");
    }

    /** The headline metric of an entry: its name, value and interval, or null when the pair failed. */
    private record Headline(String metric, double value, Bootstrap.Interval interval) {
        static Headline of(BatchReport.Entry e) {
            if (e.row().failed() || e.row().evaluation().headline() == null) {
                return null;
            }
            Bootstrap.Sample sample = e.row().evaluation().headline();
            return new Headline(sample.metric(), sample.observed(), e.row().report().intervals().get(sample.metric()));
        }
    }

    static String markdown(BatchFile batch, BatchReport.Outcome outcome, Machine machine,
                           Map<String, String> checksums, String created) {
        StringBuilder md = new StringBuilder();
        md.append("# Batch report: ").append(batch.name()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Made %s from `%s` in %.1f minutes", created, batch.source(),
                outcome.minutes()));
        md.append(outcome.trained().isEmpty() ? "; no model was trained by this batch.\n\n"
                : "; trained by this batch: " + String.join(", ", outcome.trained()) + ".\n\n");
        md.append("Each metric has a 95% bootstrap interval over the file's examples (documents, sentences or ")
                .append("lines; ").append(Bootstrap.RESAMPLES).append(" resamples, seeded). On each file, every ")
                .append("model after the first is compared with the first by a paired bootstrap: the difference ")
                .append("and its p-value (* where p < 0.05). Reference figures are published ones, on the split ")
                .append("they name.\n\n");
        md.append("## Results\n\n");
        md.append("| model | data | metric | value | 95% CI | vs first (p) | reference | train min (epochs) | ")
                .append("train tokens/s | parameters | bundle MB |\n");
        md.append("|---|---|---|---:|---|---|---|---:|---:|---:|---:|\n");
        List<BatchReport.Entry> failed = new ArrayList<>();
        for (BatchReport.Entry e : outcome.entries()) {
            Headline h = Headline.of(e);
            if (h == null) {
                failed.add(e);
                continue;
            }
            Bootstrap.Comparison c = e.row().comparison();
            md.append("| ").append(cell(e.row().model())).append(" | ").append(cell(e.row().data().toString()
                            + (e.split() == null ? "" : " (" + e.split() + ")")))
                    .append(" | ").append(h.metric()).append(" | ").append(number(h.value())).append(" | ")
                    .append(h.interval() == null ? "" : number(h.interval().low()) + "-" + number(h.interval().high()))
                    .append(" | ").append(c == null ? "" : String.format(Locale.ROOT, "%+.4f (%.3f)%s",
                            c.difference(), c.p(), c.significant() ? " *" : ""))
                    .append(" | ").append(reference(e.reference()))
                    .append(" | ").append(e.history().epochs().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
                            e.history().minutes()))
                    .append(" | ").append(e.history().epochs().isEmpty() ? "" : String.format(Locale.ROOT, "%,.0f",
                            e.history().tokensPerSecond()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", e.parameters()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", e.bytes() / 1e6)).append(" |\n");
        }
        if (!failed.isEmpty()) {
            md.append("\nPairs that failed:\n\n");
            for (BatchReport.Entry e : failed) {
                md.append("- `").append(e.row().model()).append("` on `").append(e.row().data()).append("`: ")
                        .append(e.row().error()).append('\n');
            }
        }
        md.append("\n## Plots\n\n");
        for (String plot : outcome.plots()) {
            md.append("![").append(plot).append("](").append(plot).append(")\n\n");
        }
        md.append("Per-example output of each pair is in `predictions/`.\n\n");
        md.append("## Reproducibility\n\n| | |\n|---|---|\n");
        machine.rows().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        md.append("\nData scored (SHA-256):\n\n| file | sha256 |\n|---|---|\n");
        checksums.forEach((file, sum) -> md.append("| ").append(cell(file)).append(" | `").append(sum).append("` |\n"));
        md.append("\n### Models\n");
        Set<String> seen = new LinkedHashSet<>();
        for (BatchReport.Entry e : outcome.entries()) {
            if (e.dir() == null || !seen.add(e.row().model())) {
                continue;
            }
            md.append("\n#### ").append(e.row().model()).append("\n\n");
            md.append("Folder `").append(e.dir()).append("`, seed ").append(e.seed());
            if (e.history().bestEpoch() > 0) {
                md.append(", epoch ").append(e.history().bestEpoch()).append(" of ").append(e.history().epochs().size())
                        .append(" kept (dev ").append(e.followed()).append(")");
            }
            md.append(". Resolved config:\n\n```yaml\n").append(e.config()).append("```\n");
        }
        return md.toString();
    }

    private static Map<String, Object> json(BatchFile batch, BatchReport.Outcome outcome, Machine machine,
                                            Map<String, String> checksums, String created) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", batch.name());
        root.put("batch", batch.source().toString());
        root.put("created", created);
        root.put("minutes", outcome.minutes());
        root.put("trained", outcome.trained());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BatchReport.Entry e : outcome.entries()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", e.row().model());
            r.put("task", e.row().task());
            r.put("data", e.row().data().toString());
            r.put("split", e.split());
            if (e.row().failed()) {
                r.put("error", e.row().error());
                rows.add(r);
                continue;
            }
            Headline h = Headline.of(e);
            if (h != null) {
                r.put("metric", h.metric());
                r.put("value", h.value());
                r.put("interval", h.interval());
            }
            r.put("metrics", e.row().report().metrics());
            r.put("comparison", e.row().comparison());
            r.put("against", e.row().against());
            r.put("reference", e.reference());
            r.put("trainMinutes", e.history().minutes());
            r.put("trainTokensPerSecond", e.history().tokensPerSecond());
            r.put("parameters", e.parameters());
            r.put("bundleBytes", e.bytes());
            r.put("seed", e.seed());
            r.put("predictions", e.row().predictions() == null ? null
                    : outcome.folder().relativize(e.row().predictions()).toString());
            r.put("report", e.row().report());
            rows.add(r);
        }
        root.put("rows", rows);
        root.put("plots", outcome.plots());
        root.put("machine", machine);
        root.put("checksums", checksums);
        Map<String, Object> models = new LinkedHashMap<>();
        for (BatchReport.Entry e : outcome.entries()) {
            if (e.dir() != null && !models.containsKey(e.row().model())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("folder", e.dir().toString());
                m.put("seed", e.seed());
                m.put("bestEpoch", e.history().bestEpoch());
                m.put("epochs", e.history().epochs());
                m.put("config", e.config());
                models.put(e.row().model(), m);
            }
        }
        root.put("models", models);
        return root;
    }

    private static String reference(References.Figure f) {
        if (f == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%s %s (%s%s)", f.metric(), number(f.value()), cell(f.source()),
                f.split().isEmpty() ? "" : ", " + f.split());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
