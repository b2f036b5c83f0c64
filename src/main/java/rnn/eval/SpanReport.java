package rnn.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import rnn.text.Span;
import rnn.text.TagScheme;

/**
 * Entity-level precision, recall and F1, per type and overall, counted as the CoNLL
 * {@code conlleval} script counts them: an entity is correct when a predicted span has the same
 * start, end and type as a gold one; overall figures are micro-averaged over entities. Token
 * accuracy counts every token, {@code O} included. Spans are read by {@link TagScheme#spans}.
 *
 * @param types    scores per entity type, by type name (empty when the tags mark no entities)
 * @param overall  scores over all entities, or null when the tags mark no entities (parts of speech)
 * @param tokens   tokens scored
 * @param accuracy share of tokens whose predicted tag equals the gold tag
 * @param intervals 95% bootstrap intervals over sentences of {@code f1} (with entities) and {@code accuracy}
 */
public record SpanReport(Map<String, Scores> types, Scores overall, long tokens, double accuracy,
                         Map<String, Bootstrap.Interval> intervals) implements Report {

    /** Counts and scores of one type (or all). Each score is 0 where its denominator is 0. */
    public record Scores(long gold, long predicted, long correct, double precision, double recall, double f1) {
        static Scores of(long gold, long predicted, long correct) {
            double p = predicted == 0 ? 0 : (double) correct / predicted;
            double r = gold == 0 ? 0 : (double) correct / gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return new Scores(gold, predicted, correct, p, r, f);
        }
    }

    /** Scores predicted tag sequences against gold ones, sentence by sentence (equal lengths). */
    public static SpanReport of(List<List<String>> gold, List<List<String>> predicted) {
        double[][] stats = sentenceStats(gold, predicted);
        Map<String, long[]> counts = new TreeMap<>();   // type -> {gold, predicted, correct}
        for (int s = 0; s < gold.size(); s++) {
            List<Span> goldSpans = TagScheme.spans(gold.get(s));
            Set<Span> goldSet = new HashSet<>(goldSpans);
            goldSpans.forEach(span -> counts.computeIfAbsent(span.type(), k -> new long[3])[0]++);
            for (Span span : TagScheme.spans(predicted.get(s))) {
                long[] c = counts.computeIfAbsent(span.type(), k -> new long[3]);
                c[1]++;
                if (goldSet.contains(span)) {
                    c[2]++;
                }
            }
        }
        Map<String, Scores> types = new LinkedHashMap<>();
        long[] total = new long[3];
        counts.forEach((type, c) -> {
            types.put(type, Scores.of(c[0], c[1], c[2]));
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
            }
        });
        long right = 0;
        long tokens = 0;
        for (double[] sentence : stats) {
            right += (long) sentence[3];
            tokens += (long) sentence[4];
        }
        Map<String, Bootstrap.Interval> intervals = new LinkedHashMap<>();
        intervals.put("f1", Bootstrap.interval(stats, SpanReport::f1));
        intervals.put("accuracy", Bootstrap.interval(stats, SpanReport::accuracy));
        return new SpanReport(types, Scores.of(total[0], total[1], total[2]), tokens,
                tokens == 0 ? 0 : (double) right / tokens, intervals);
    }

    /**
     * The headline metric sentence by sentence: entity {@code f1} where the tags mark entities,
     * else token {@code accuracy}.
     */
    public static Bootstrap.Sample headline(List<List<String>> gold, List<List<String>> predicted, boolean entities) {
        double[][] stats = sentenceStats(gold, predicted);
        return entities ? new Bootstrap.Sample("f1", true, stats, SpanReport::f1)
                : new Bootstrap.Sample("accuracy", true, stats, SpanReport::accuracy);
    }

    private static double f1(double[] sums) {
        return Bootstrap.f1(sums[0], sums[1], sums[2]);
    }

    private static double accuracy(double[] sums) {
        return Bootstrap.ratio(sums[3], sums[4]);
    }

    /** Per sentence: gold entities, predicted entities, correct entities; tokens tagged right, tokens. */
    private static double[][] sentenceStats(List<List<String>> gold, List<List<String>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold sentences but " + predicted.size() + " predicted");
        }
        double[][] stats = new double[gold.size()][5];
        for (int s = 0; s < gold.size(); s++) {
            List<String> g = gold.get(s);
            List<String> p = predicted.get(s);
            if (g.size() != p.size()) {
                throw new IllegalArgumentException("sentence " + (s + 1) + ": " + g.size() + " gold tags but "
                        + p.size() + " predicted");
            }
            for (int i = 0; i < g.size(); i++) {
                if (g.get(i).equals(p.get(i))) {
                    stats[s][3]++;
                }
            }
            stats[s][4] = g.size();
            List<Span> goldSpans = TagScheme.spans(g);
            Set<Span> goldSet = new HashSet<>(goldSpans);
            stats[s][0] = goldSpans.size();
            for (Span span : TagScheme.spans(p)) {
                stats[s][1]++;
                if (goldSet.contains(span)) {
                    stats[s][2]++;
                }
            }
        }
        return stats;
    }

    /** Token accuracy alone, for tags that mark no entities (parts of speech). */
    public static SpanReport tokensOnly(List<List<String>> gold, List<List<String>> predicted) {
        SpanReport full = of(gold, predicted);
        return new SpanReport(Map.of(), null, full.tokens(), full.accuracy(),
                Map.of("accuracy", full.intervals().get("accuracy")));
    }

    /** {@code f1}, {@code precision}, {@code recall} (overall; not for tokens only) and token {@code accuracy}. */
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (overall != null) {
            m.put("f1", overall.f1());
            m.put("precision", overall.precision());
            m.put("recall", overall.recall());
        }
        m.put("accuracy", accuracy);
        return m;
    }

    /** Like conlleval's summary: overall line, then one line per type. */
    @Override
    public String toTable() {
        StringBuilder out = new StringBuilder();
        if (overall == null) {
            return String.format(Locale.ROOT, "processed %,d tokens%naccuracy: %6.2f%%%n", tokens, 100 * accuracy)
                    + confidence();
        }
        out.append(String.format(Locale.ROOT, "processed %,d tokens with %,d entities; found: %,d entities; correct: %,d.%n",
                tokens, overall.gold(), overall.predicted(), overall.correct()));
        out.append(String.format(Locale.ROOT, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; F1: %6.2f%n",
                100 * accuracy, 100 * overall.precision(), 100 * overall.recall(), 100 * overall.f1()));
        out.append(confidence());
        List<String> names = new ArrayList<>(types.keySet());
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String type : names) {
            Scores s = types.get(type);
            out.append(String.format(Locale.ROOT, "%" + Math.max(width, 1) + "s: precision: %6.2f%%; recall: %6.2f%%; F1: %6.2f  %,d%n",
                    type, 100 * s.precision(), 100 * s.recall(), 100 * s.f1(), s.predicted()));
        }
        return out.toString();
    }

    /** The bootstrap intervals, in percent as conlleval prints its figures, on a line of their own. */
    private String confidence() {
        StringBuilder line = new StringBuilder("95% CI over sentences:");
        intervals.forEach((name, ci) -> line.append(String.format(Locale.ROOT, " %s %.2f-%.2f;",
                name.equals("f1") ? "F1" : name, 100 * ci.low(), 100 * ci.high())));
        return line.substring(0, line.length() - 1) + "\n";
    }
}
