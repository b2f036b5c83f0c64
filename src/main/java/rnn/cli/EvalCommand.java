package rnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.batch.BatchEvaluation;
import rnn.eval.Bootstrap;
import rnn.util.ConsoleProgress;
import rnn.util.Json;

/** {@code rnn eval MODEL... --data PATH...}: scores trained models on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score trained models on data of their task: each MODEL on each PATH.",
            "classify: accuracy, per-class precision/recall/F1, confusion matrix.",
            "lm: perplexity, and nats and bits per character (or token).",
            "tagger: entity precision/recall/F1 per type and overall, token accuracy.",
            "One model on one file prints its full report; more print one row per pair, a pair that",
            "fails showing why on its row while the others run. Exit status 2 if any pair failed.",
            "Each headline metric has a 95% bootstrap interval over examples; on each file, every model",
            "after the first is compared with the first by a paired bootstrap: the difference and its",
            "p-value, * where p < 0.05."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Bundle folders, or names under --models.")
    List<String> models;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Folder that holds model bundles (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Data in a format the models' tasks read (classify: TSV, aclImdb tar.gz or folder; "
                    + "lm: a text file; tagger: CoNLL or CoNLL-U; plain or .gz).")
    List<Path> data;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "classify only: train or test, the half of the IMDB archive or folder to score "
                    + "(default: train; a TSV is read whole), or dev, the dev split the model's training carved "
                    + "from this file (carved again the same way).")
    String split;

    @Option(names = "--json", description = "Write the report (one pair) or the rows (several) as JSON.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "Write each pair's per-example output to DIR as MODEL.DATA[.SPLIT].EXT: classify, a TSV of "
                    + "source, gold, predicted and probabilities; tagger, token gold predicted columns that "
                    + "conlleval reads; lm, a TSV of each line's loss.")
    Path predictions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean single = models.size() == 1 && data.size() == 1;
        List<BatchEvaluation.Row> rows = BatchEvaluation.run(models, modelsDir, data, split, predictions,
                new java.util.HashSet<>(), ConsoleProgress.forTerminal(spec.commandLine().getErr(), runtime.quiet));
        if (single) {
            BatchEvaluation.Row row = rows.get(0);
            if (row.failed()) {
                throw row.cause();   // as one model on one file always failed: exit 2 for a user error, else 1
            }
            out.print(json ? Json.PRETTY.toJson(row.report()) + "\n" : row.report().toTable());
        } else {
            out.print(json ? Json.PRETTY.toJson(jsonRows(rows)) + "\n" : table(rows));
        }
        out.flush();
        return rows.stream().anyMatch(BatchEvaluation.Row::failed) ? Rnn.EXIT_USER_ERROR : 0;
    }

    private static List<Map<String, Object>> jsonRows(List<BatchEvaluation.Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BatchEvaluation.Row r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", r.model());
            o.put("task", r.task());
            o.put("data", r.data().toString());
            if (r.failed()) {
                o.put("error", r.error());
            } else {
                o.put("metrics", r.report().metrics());
                o.put("report", r.report());
                if (r.comparison() != null) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("against", r.against());
                    c.put("metric", r.comparison().metric());
                    c.put("difference", r.comparison().difference());
                    c.put("interval", r.comparison().interval());
                    c.put("p", r.comparison().p());
                    o.put("comparison", c);
                }
                if (r.predictions() != null) {
                    o.put("predictions", r.predictions().toString());
                }
            }
            out.add(o);
        }
        return out;
    }

    /** "metric low-high" of the row's headline metric, or empty when it has no interval. */
    private static String headlineInterval(BatchEvaluation.Row r) {
        String metric = r.evaluation().headline() == null ? null : r.evaluation().headline().metric();
        Bootstrap.Interval ci = metric == null ? null : r.report().intervals().get(metric);
        return ci == null || Double.isNaN(ci.low()) ? ""
                : String.format(Locale.ROOT, "%s %.4f-%.4f", metric, ci.low(), ci.high());
    }

    /** One aligned row per pair: model, data, each metric any row reports, and the error of a failed pair. */
    static String table(List<BatchEvaluation.Row> rows) {
        Set<String> metrics = new LinkedHashSet<>();
        rows.stream().filter(r -> !r.failed()).forEach(r -> metrics.addAll(r.report().metrics().keySet()));
        List<List<String>> cells = new ArrayList<>();
        boolean compared = rows.stream().anyMatch(r -> r.comparison() != null);
        List<String> header = new ArrayList<>(List.of("model", "data"));
        header.addAll(metrics);
        header.add("95% CI");
        if (compared) {
            header.add("vs first (p)");
        }
        cells.add(header);
        for (BatchEvaluation.Row r : rows) {
            List<String> line = new ArrayList<>(List.of(r.model(), r.data().toString()));
            for (String m : metrics) {
                Double v = r.failed() ? null : r.report().metrics().get(m);
                line.add(v == null ? "" : String.format(Locale.ROOT, "%.4f", v));
            }
            line.add(r.failed() ? "" : headlineInterval(r));
            if (compared) {
                line.add(r.comparison() == null ? "" : String.format(Locale.ROOT, "%+.4f (p=%.3f)%s",
                        r.comparison().difference(), r.comparison().p(), r.comparison().significant() ? " *" : ""));
            }
            cells.add(line);
        }
        int[] width = new int[header.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < cells.size(); row++) {
            List<String> line = cells.get(row);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                text.append(i < 2 ? String.format("%-" + width[i] + "s", cell) : String.format("%" + width[i] + "s", cell))
                        .append("  ");
            }
            BatchEvaluation.Row r = row == 0 ? null : rows.get(row - 1);
            if (r != null && r.failed()) {
                text.append("error: ").append(r.error());
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
