package rnn.nn.crf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The CRF arithmetic against brute force over every path of short sentences. */
class LinearChainCrfTest {
    private static final int TAGS = 3;
    private static final int LENGTH = 4;

    private final Random random = new Random(5);
    private final double[][] transitions = randomMatrix(TAGS, TAGS);
    private final double[] start = randomMatrix(1, TAGS)[0];
    private final double[] end = randomMatrix(1, TAGS)[0];
    private final double[][] emissions = randomMatrix(LENGTH, TAGS);
    private final LinearChainCrf crf = new LinearChainCrf(transitions, start, end);

    private double[][] randomMatrix(int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    private static List<int[]> allPaths(int length) {
        List<int[]> paths = new ArrayList<>();
        int total = (int) Math.pow(TAGS, length);
        for (int n = 0; n < total; n++) {
            int[] path = new int[length];
            for (int t = 0, rest = n; t < length; t++, rest /= TAGS) {
                path[t] = rest % TAGS;
            }
            paths.add(path);
        }
        return paths;
    }

    @Test
    void partitionSumsEveryPath() {
        double[] scores = allPaths(LENGTH).stream().mapToDouble(p -> crf.score(emissions, p)).toArray();
        assertEquals(LinearChainCrf.logSumExp(scores), crf.logPartition(emissions), 1e-12);
        double[][] one = {emissions[0]};
        double[] singles = allPaths(1).stream().mapToDouble(p -> crf.score(one, p)).toArray();
        assertEquals(LinearChainCrf.logSumExp(singles), crf.logPartition(one), 1e-12);
    }

    @Test
    void marginalsAreEachStepsShareOfEveryPathsProbability() {
        double logZ = crf.logPartition(emissions);
        double[][] expected = new double[LENGTH][TAGS];
        for (int[] p : allPaths(LENGTH)) {
            double probability = Math.exp(crf.score(emissions, p) - logZ);
            for (int t = 0; t < LENGTH; t++) {
                expected[t][p[t]] += probability;
            }
        }
        double[][] marginals = crf.marginals(emissions);
        for (int t = 0; t < LENGTH; t++) {
            assertArrayEquals(expected[t], marginals[t], 1e-12);
            assertEquals(1.0, java.util.Arrays.stream(marginals[t]).sum(), 1e-12);
        }
    }

    @Test
    void viterbiFindsTheBestPath() {
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int[] p : allPaths(LENGTH)) {
            double s = crf.score(emissions, p);
            if (s > bestScore) {
                bestScore = s;
                best = p;
            }
        }
        assertArrayEquals(best, crf.viterbi(emissions));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        int[] gold = {2, 0, 0, 1};
        LinearChainCrf.Gradients g = crf.gradients(emissions, gold);
        assertEquals(crf.logPartition(emissions) - crf.score(emissions, gold), g.nll(), 1e-12);
        double h = 1e-6;
        for (int t = 0; t < LENGTH; t++) {
            for (int k = 0; k < TAGS; k++) {
                int tt = t;
                int kk = k;
                assertEquals(numeric(() -> emissions[tt][kk], v -> emissions[tt][kk] = v, gold, h), g.emissions()[t][k],
                        1e-6, "emission " + t + "," + k);
            }
        }
        for (int i = 0; i < TAGS; i++) {
            int ii = i;
            assertEquals(numeric(() -> start[ii], v -> start[ii] = v, gold, h), g.start()[i], 1e-6, "start " + i);
            assertEquals(numeric(() -> end[ii], v -> end[ii] = v, gold, h), g.end()[i], 1e-6, "end " + i);
            for (int j = 0; j < TAGS; j++) {
                int jj = j;
                assertEquals(numeric(() -> transitions[ii][jj], v -> transitions[ii][jj] = v, gold, h),
                        g.transitions()[i][j], 1e-6, "transition " + i + "," + j);
            }
        }
    }

    @Test
    void forbiddenMovesNeverWin() {
        double[][] t = new double[TAGS][TAGS];
        t[0][1] = LinearChainCrf.FORBIDDEN;   // tag 1 may not follow tag 0
        double[] s = new double[TAGS];
        double[][] e = {{5, 0, 0}, {0, 5, 4.9}};   // the emissions alone would pick 0 then 1
        assertArrayEquals(new int[] {0, 2}, new LinearChainCrf(t, s, new double[TAGS]).viterbi(e));
    }

    private double numeric(java.util.function.DoubleSupplier get, java.util.function.DoubleConsumer set, int[] gold,
                           double h) {
        double original = get.getAsDouble();
        set.accept(original + h);
        double plus = crf.logPartition(emissions) - crf.score(emissions, gold);
        set.accept(original - h);
        double minus = crf.logPartition(emissions) - crf.score(emissions, gold);
        set.accept(original);
        return (plus - minus) / (2 * h);
    }
}
