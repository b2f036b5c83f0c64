package rnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SkipGramTest {
    // ids 0-1: "the", "a"; 2-4: animals; 5-7: vehicles; 8-11: what only animals do; 12-15: what only vehicles do
    private static final int WORDS = 16;

    /** Sentences "the|a ANIMAL ANIMAL-VERB ANIMAL-VERB" and "the|a VEHICLE VEHICLE-VERB VEHICLE-VERB". */
    private static int[][] corpus(int sentences, long seed) {
        Random random = new Random(seed);
        List<int[]> documents = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            boolean animal = random.nextBoolean();
            int noun = (animal ? 2 : 5) + random.nextInt(3);
            int verbs = animal ? 8 : 12;
            documents.add(new int[] {random.nextInt(2), noun, verbs + random.nextInt(4), verbs + random.nextInt(4)});
        }
        return documents.toArray(int[][]::new);
    }

    private static long[] counts(int[][] documents) {
        long[] counts = new long[WORDS];
        for (int[] d : documents) {
            for (int id : d) {
                counts[id]++;
            }
        }
        return counts;
    }

    private static double cosine(float[] v, int size, int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < size; i++) {
            dot += v[a * size + i] * v[b * size + i];
            na += v[a * size + i] * v[a * size + i];
            nb += v[b * size + i] * v[b * size + i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Without subsampling: every word of this small corpus is frequent enough to be mostly dropped. */
    @Test
    void wordsSharingContextsEndCloserThanWordsThatDoNot() {
        int[][] documents = corpus(3000, 1);
        int size = 16;
        float[] vectors = new SkipGram(size, 3, 5, 0, 0.025f, 5, 42, 1).train(documents, counts(documents), d -> { });
        int[] animals = {2, 3, 4};
        int[] vehicles = {5, 6, 7};
        for (int a : animals) {
            for (int b : animals) {
                for (int v : vehicles) {
                    if (a != b) {
                        assertTrue(cosine(vectors, size, a, b) > cosine(vectors, size, a, v) + 0.2,
                                "animals " + a + " and " + b + " against vehicle " + v);
                        assertTrue(cosine(vectors, size, v, vehicles[(v - 4) % 3]) > cosine(vectors, size, v, a) + 0.2,
                                "vehicles against animal " + a);
                    }
                }
            }
        }
    }

    @Test
    void oneWorkerRepeatsItsRunFromTheSeed() {
        int[][] documents = corpus(500, 2);
        long[] counts = counts(documents);
        float[] first = new SkipGram(8, 2, 3, 1e-3, 0.025f, 2, 7, 1).train(documents, counts, d -> { });
        float[] again = new SkipGram(8, 2, 3, 1e-3, 0.025f, 2, 7, 1).train(documents, counts, d -> { });
        float[] otherSeed = new SkipGram(8, 2, 3, 1e-3, 0.025f, 2, 8, 1).train(documents, counts, d -> { });
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, otherSeed));
    }

    @Test
    void twoWorkersTrainEveryDocumentAndLearnTheSameGroups() {
        int[][] documents = corpus(3000, 3);
        long[] done = new long[1];
        int size = 16;
        float[] vectors = new SkipGram(size, 3, 5, 0, 0.025f, 5, 42, 2)
                .train(documents, counts(documents), d -> done[0] = Math.max(done[0], d));
        assertEquals(5 * 3000 - (5 * 3000) % 256, done[0], "progress is told every 256 documents, across epochs");
        assertTrue(cosine(vectors, size, 2, 3) > cosine(vectors, size, 2, 5) + 0.2);
        assertTrue(cosine(vectors, size, 6, 7) > cosine(vectors, size, 6, 4) + 0.2);
    }

    @Test
    void noiseTableDrawsEachWordByItsCountToThePowerThreeQuarters() {
        int[] table = SkipGram.negatives(new long[] {1000, 100, 10});
        long[] drawn = new long[3];
        for (int id : table) {
            drawn[id]++;
        }
        double sum = Math.pow(1000, 0.75) + Math.pow(100, 0.75) + Math.pow(10, 0.75);
        assertEquals(Math.pow(1000, 0.75) / sum, drawn[0] / (double) table.length, 1e-4);
        assertEquals(Math.pow(100, 0.75) / sum, drawn[1] / (double) table.length, 1e-4);
        assertEquals(Math.pow(10, 0.75) / sum, drawn[2] / (double) table.length, 1e-4);
    }
}
