package rnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void intervalContainsTheEstimateNarrowsWithMoreExamplesAndRepeats() {
        double[][] small = new double[40][];
        double[][] large = new double[4000][];
        for (int i = 0; i < large.length; i++) {
            double[] row = {i % 4 == 0 ? 0 : 1};   // 75% right
            large[i] = row;
            if (i < small.length) {
                small[i] = row;
            }
        }
        Bootstrap.Interval wide = Bootstrap.interval(small, s -> s[0] / small.length);
        Bootstrap.Interval narrow = Bootstrap.interval(large, s -> s[0] / large.length);
        assertTrue(wide.low() < 0.75 && 0.75 < wide.high(), wide.toString());
        assertTrue(narrow.low() < 0.75 && 0.75 < narrow.high(), narrow.toString());
        assertTrue(narrow.high() - narrow.low() < (wide.high() - wide.low()) / 5, wide + " " + narrow);
        // The binomial's 95% half-width for n = 4000, p = 0.75 is about 0.0134.
        assertEquals(0.0134, (narrow.high() - narrow.low()) / 2, 0.003);
        assertEquals(narrow, Bootstrap.interval(large, s -> s[0] / large.length), "seeded: the same every time");
    }

    @Test
    void reportsCarryIntervalsOfTheirHeadlineMetrics() {
        int[] gold = new int[200];
        float[][] probabilities = new float[200][];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = i % 2;
            boolean right = i % 5 != 0;
            probabilities[i] = right == (gold[i] == 1) ? new float[] {0.2f, 0.8f} : new float[] {0.8f, 0.2f};
        }
        ClassificationReport c = ClassificationReport.of(List.of("neg", "pos"), gold, probabilities);
        assertEquals(0.8, c.accuracy(), 1e-9);
        Bootstrap.Interval accuracy = c.intervals().get("accuracy");
        assertTrue(accuracy.low() < 0.8 && 0.8 < accuracy.high() && accuracy.high() - accuracy.low() < 0.15,
                accuracy.toString());
        Bootstrap.Interval macro = c.intervals().get("macro_f1");
        assertTrue(macro.low() < c.macroF1() && c.macroF1() < macro.high(), macro.toString());
        assertTrue(c.toTable().contains("accuracy  0.8000  (95% CI "), c.toTable());

        List<List<String>> goldTags = new ArrayList<>();
        List<List<String>> predicted = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            goldTags.add(List.of("B-PER", "I-PER", "O", "B-LOC"));
            predicted.add(s % 4 == 0 ? List.of("B-PER", "O", "O", "B-LOC") : List.of("B-PER", "I-PER", "O", "B-LOC"));
        }
        SpanReport spans = SpanReport.of(goldTags, predicted);
        Bootstrap.Interval f1 = spans.intervals().get("f1");
        assertTrue(f1.low() < spans.overall().f1() && spans.overall().f1() < f1.high(), f1.toString());
        assertTrue(spans.toTable().contains("95% CI over sentences: F1 "), spans.toTable());
    }

    /** Per example 1 where right; {@code rightEvery}: example i is right unless i is a multiple of it. */
    private static Bootstrap.Sample accuracy(int n, java.util.function.IntPredicate right) {
        double[][] stats = new double[n][1];
        for (int i = 0; i < n; i++) {
            stats[i][0] = right.test(i) ? 1 : 0;
        }
        return new Bootstrap.Sample("accuracy", true, stats, s -> s[0] / n);
    }

    @Test
    void pairedComparisonFindsARealDifferenceAndNoneBetweenEqualModels() {
        Bootstrap.Sample base = accuracy(1000, i -> i % 4 != 0);                    // 75%
        Bootstrap.Sample better = accuracy(1000, i -> i % 4 != 0 || i % 8 == 0);   // 87.5%: right wherever base is
        Bootstrap.Comparison c = Bootstrap.paired(base, better);
        assertEquals(0.125, c.difference(), 1e-12);
        assertTrue(c.interval().low() > 0.10 && c.interval().high() < 0.15, c.toString());
        assertEquals(2.0 / (Bootstrap.RESAMPLES + 1), c.p(), 1e-12, "never worse in any resample");
        assertTrue(c.significant());

        Bootstrap.Comparison same = Bootstrap.paired(base, accuracy(1000, i -> i % 4 != 0));
        assertEquals(0, same.difference());
        assertEquals(1.0, same.p(), "every resample ties");
        assertTrue(!same.significant());

        // the same accuracy from different examples: a difference of 0, not significant
        Bootstrap.Comparison shifted = Bootstrap.paired(base, accuracy(1000, i -> (i + 1) % 4 != 0));
        assertEquals(0, shifted.difference(), 1e-12);
        assertTrue(shifted.p() > 0.5, shifted.toString());
        assertEquals(shifted, Bootstrap.paired(base, accuracy(1000, i -> (i + 1) % 4 != 0)), "seeded");
    }

    @Test
    void pairedComparisonNeedsTheSameExamples() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.paired(accuracy(10, i -> true),
                accuracy(11, i -> true)));
        Bootstrap.Sample a = accuracy(10, i -> true).of(Bootstrap.fingerprint(List.of("x", "y")));
        Bootstrap.Sample b = accuracy(10, i -> true).of(Bootstrap.fingerprint(List.of("x", "z")));
        assertTrue(!a.comparableWith(b), "as many examples, but others");
        assertTrue(a.comparableWith(accuracy(10, i -> false).of(Bootstrap.fingerprint(List.of("x", "y")))));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.paired(a, b));
        assertTrue(Bootstrap.fingerprint(List.of("ab", "c")) != Bootstrap.fingerprint(List.of("a", "bc")),
                "items are kept apart");
    }
}
