package rnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class BucketedBatchIteratorTest {
    private static List<EncodedExample> examples(int n) {
        List<EncodedExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] tokens = new int[1 + (i * 7) % 13];
            tokens[0] = i + 2;   // a unique first token identifies the example
            out.add(new EncodedExample(tokens, i % 2));
        }
        return out;
    }

    private static List<Integer> firstTokens(BucketedBatchIterator<EncodedExample> it) {
        List<Integer> ids = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            for (int b = 0; b < ds.getFeatures().size(0); b++) {
                ids.add(ds.getFeatures().getInt(b, 0));
            }
        }
        return ids;
    }

    @Test
    void batchHasIdsMaskAndOneHotLabels() {
        DataSet ds = BucketedBatchIterator.toDataSet(List.of(new EncodedExample(new int[] {5, 6, 7}, 1),
                new EncodedExample(new int[] {9}, 0)), 2);
        assertArrayEquals(new float[][] {{5, 6, 7}, {9, 0, 0}}, ds.getFeatures().toFloatMatrix());
        assertArrayEquals(new float[][] {{1, 1, 1}, {1, 0, 0}}, ds.getFeaturesMaskArray().toFloatMatrix());
        assertArrayEquals(new float[][] {{0, 1}, {1, 0}}, ds.getLabels().toFloatMatrix());
    }

    @Test
    void everyExampleAppearsOnceEachEpoch() {
        BucketedBatchIterator<EncodedExample> it = BucketedBatchIterator.forClassification(examples(100), 8, 2, true, 3);
        List<Integer> ids = firstTokens(it);
        assertEquals(100, ids.size());
        assertEquals(100, ids.stream().distinct().count());
        assertEquals(13, it.batchCount());
    }

    @Test
    void shuffleDependsOnlyOnSeedAndEpoch() {
        BucketedBatchIterator<EncodedExample> a = BucketedBatchIterator.forClassification(examples(100), 8, 2, true, 3);
        BucketedBatchIterator<EncodedExample> b = BucketedBatchIterator.forClassification(examples(100), 8, 2, true, 3);
        a.setEpoch(4);
        b.setEpoch(4);
        List<Integer> epoch4 = firstTokens(a);
        assertEquals(epoch4, firstTokens(b));
        a.setEpoch(5);
        assertNotEquals(epoch4, firstTokens(a));
    }

    @Test
    void batchesGroupSimilarLengths() {
        BucketedBatchIterator<EncodedExample> it = BucketedBatchIterator.forClassification(examples(400), 16, 2, true, 1);
        long padded = 0;
        long real = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            padded += ds.getFeaturesMaskArray().length();
            real += ds.getFeaturesMaskArray().sumNumber().longValue();
        }
        assertTrue(padded < real * 1.15, "padding should stay small: " + padded + " cells for " + real + " tokens");
    }

    @Test
    void withoutShuffleKeepsInputOrder() {
        BucketedBatchIterator<EncodedExample> it = BucketedBatchIterator.forClassification(examples(20), 8, 2, false, 0);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i + 2);
        }
        assertEquals(expected, firstTokens(it));
    }
}
