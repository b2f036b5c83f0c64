package rnn.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationReportTest {
    @Test
    void computesAccuracyPrecisionRecallF1AndConfusion() {
        // gold:      a a a b b c
        // predicted: a a b b c c
        int[] gold = {0, 0, 0, 1, 1, 2};
        float[][] p = {{.9f, .1f, 0}, {.8f, .1f, .1f}, {.2f, .7f, .1f}, {.1f, .8f, .1f}, {.1f, .3f, .6f},
            {.1f, .1f, .8f}};
        ClassificationReport r = ClassificationReport.of(List.of("a", "b", "c"), gold, p);
        assertEquals(4.0 / 6, r.accuracy(), 1e-12);
        assertArrayEquals(new long[] {2, 1, 0}, r.confusion()[0]);
        assertArrayEquals(new long[] {0, 1, 1}, r.confusion()[1]);
        assertArrayEquals(new long[] {0, 0, 1}, r.confusion()[2]);
        ClassificationReport.ClassScores a = r.classes().get(0);
        assertEquals(1.0, a.precision(), 1e-12);
        assertEquals(2.0 / 3, a.recall(), 1e-12);
        assertEquals(0.8, a.f1(), 1e-12);
        ClassificationReport.ClassScores c = r.classes().get(2);
        assertEquals(0.5, c.precision(), 1e-12);
        assertEquals(1.0, c.recall(), 1e-12);
        double f1b = 0.5;
        assertEquals((0.8 + f1b + 2.0 / 3) / 3, r.macroF1(), 1e-12);
        double logLoss = -(Math.log(.9) + Math.log(.8) + Math.log(.2) + Math.log(.8) + Math.log(.3) + Math.log(.8)) / 6;
        assertEquals(logLoss, r.logLoss(), 1e-6);
    }

    @Test
    void tableShowsEveryClassAndTheMatrix() {
        ClassificationReport r = ClassificationReport.of(List.of("neg", "pos"), new int[] {0, 1},
                new float[][] {{.6f, .4f}, {.3f, .7f}});
        String table = r.toTable();
        assertTrue(table.contains("accuracy  1.0000"), table);
        assertTrue(table.contains("neg"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("pos\\s+0\\s+1")), table);
    }
}
