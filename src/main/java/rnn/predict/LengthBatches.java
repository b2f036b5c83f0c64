package rnn.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one batching rule of every predictor: inputs are sorted by length, longest first, and cut
 * into batches of at most {@code batchSize}, so each batch carries little padding; results go
 * back to input order. Longest first because the first batch then sizes DL4J's workspace and the
 * layers' scratch arrays for all later ones (shortest first made each batch outgrow them and
 * allocate again). Inputs of length 0 are left out: they never reach a network.
 */
public final class LengthBatches {
    private LengthBatches() {
    }

    /** Indices into {@code lengths}, grouped into batches, longest inputs first; ties keep input order. */
    public static List<List<Integer>> longestFirst(int[] lengths, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        List<Integer> order = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
        List<List<Integer>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            batches.add(List.copyOf(order.subList(start, Math.min(order.size(), start + batchSize))));
        }
        return batches;
    }
}
