package rnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import rnn.text.Vocabulary;

class WordDropoutTest {
    private static int[] tokens(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> 2 + i % 50);
        return out;
    }

    @Test
    void dropsAboutTheRateOfTokensToUnkAndKeepsTheRest() {
        int[] in = tokens(20_000);
        int[] out = new WordDropout(0.25, 7).apply(in);
        long dropped = Arrays.stream(out).filter(t -> t == Vocabulary.UNK_INDEX).count();
        assertTrue(dropped > 4_700 && dropped < 5_300, "about a quarter: " + dropped);
        for (int i = 0; i < in.length; i++) {
            assertTrue(out[i] == in[i] || out[i] == Vocabulary.UNK_INDEX);
        }
        assertEquals(2, in[0], "the input is not changed");
        assertArrayEquals(out, new WordDropout(0.25, 7).apply(in), "seeded");
    }

    @Test
    void rateZeroIsTheInputItselfAndARateOfOneIsRefused() {
        int[] in = tokens(10);
        assertSame(in, new WordDropout(0, 1).apply(in));
        assertThrows(IllegalArgumentException.class, () -> new WordDropout(1.0, 1));
    }

    @Test
    void aLanguageModelsStreamDropsInputsButNotTheTokensToPredict() {
        TokenStream stream = new TokenStream(tokens(401), "test");
        DataSet plain = stream.asRows(4);
        DataSet dropped = stream.asRows(4, new WordDropout(0.5, 3));
        assertEquals(plain.getLabels(), dropped.getLabels());
        double unk = dropped.getFeatures().eq(Vocabulary.UNK_INDEX).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .sumNumber().doubleValue();
        assertTrue(unk > 150 && unk < 250, "about half of 400 inputs: " + unk);
    }
}
