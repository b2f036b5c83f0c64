package rnn.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import rnn.util.Json;

/** Prints results as a table for people or as JSON Lines (one object per case) for {@code apps/bench}. */
final class ResultPrinter {
    private static final String ROW = "%-8s %12s %7s %10s %12s %7s %10s%n";

    private final PrintWriter out;
    private final boolean json;

    ResultPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void tableHeader() {
        if (!json) {
            out.printf(Locale.ROOT, ROW, "case", "train tok/s", "spread", "ms/step", "infer tok/s", "spread",
                    "ms/pass");
        }
    }

    void print(CaseResult r) {
        if (json) {
            out.println(Json.LINE.toJson(jsonObject(r)));
        } else if (!r.available()) {
            out.printf(Locale.ROOT, "%-8s not available: %s%n", r.name(), r.unavailableReason());
        } else {
            out.printf(Locale.ROOT, ROW, r.name(), rate(r.train(), r.tokens()), percent(r.train()), ms(r.train()),
                    rate(r.infer(), r.tokens()), percent(r.infer()), ms(r.infer()));
        }
        out.flush();
    }

    /** The keys {@code benchmarks/pytorch_rnn.py} writes too, with {@code side} telling them apart. */
    static Map<String, Object> jsonObject(CaseResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("side", "rnn");
        o.put("case", r.name());
        o.put("available", r.available());
        if (!r.available()) {
            o.put("reason", r.unavailableReason());
            return o;
        }
        o.put("tokens_per_batch", r.tokens());
        o.put("train_tokens_per_s", r.train().tokensPerSecond(r.tokens()));
        o.put("train_ms_median", r.train().medianSeconds() * 1000);
        o.put("train_spread", r.train().spread());
        o.put("infer_tokens_per_s", r.infer().tokensPerSecond(r.tokens()));
        o.put("infer_ms_median", r.infer().medianSeconds() * 1000);
        o.put("infer_spread", r.infer().spread());
        return o;
    }

    private static String rate(Timing t, long tokens) {
        return String.format(Locale.ROOT, "%.0f", t.tokensPerSecond(tokens));
    }

    private static String percent(Timing t) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * t.spread());
    }

    private static String ms(Timing t) {
        return String.format(Locale.ROOT, "%.1f", t.medianSeconds() * 1000);
    }
}
