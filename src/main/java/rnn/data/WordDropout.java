package rnn.data;

import java.util.SplittableRandom;

import rnn.text.Vocabulary;

/**
 * Word dropout for training batches: each token id reads as {@code <unk>} with a fixed
 * probability, so that the {@code <unk>} embedding, which words unseen in training get, is learnt
 * from the contexts real words stand in. The draws are seeded; a resumed run draws anew.
 */
public final class WordDropout {
    private final double rate;
    private final SplittableRandom random;

    public WordDropout(double rate, long seed) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("word dropout rate must be in [0, 1): " + rate);
        }
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    /** Whether any token is ever dropped. */
    public boolean active() {
        return rate > 0;
    }

    /** {@code tokens} itself when the rate is 0, else a copy with the dropped ids set to {@code <unk>}. */
    public int[] apply(int[] tokens) {
        if (rate == 0) {
            return tokens;
        }
        int[] out = tokens.clone();
        for (int i = 0; i < out.length; i++) {
            if (random.nextDouble() < rate) {
                out[i] = Vocabulary.UNK_INDEX;
            }
        }
        return out;
    }
}
