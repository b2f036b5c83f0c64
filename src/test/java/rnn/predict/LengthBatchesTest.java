package rnn.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LengthBatchesTest {
    @Test
    void longestFirstInBatchesTiesInInputOrderEmptyLeftOut() {
        int[] lengths = {3, 7, 0, 3, 9, 1};
        assertEquals(List.of(List.of(4, 1), List.of(0, 3), List.of(5)), LengthBatches.longestFirst(lengths, 2));
        assertEquals(List.of(List.of(4, 1, 0, 3, 5)), LengthBatches.longestFirst(lengths, 10));
    }

    @Test
    void nothingToBatch() {
        assertEquals(List.of(), LengthBatches.longestFirst(new int[] {0, 0}, 4));
        assertThrows(IllegalArgumentException.class, () -> LengthBatches.longestFirst(new int[] {1}, 0));
    }
}
