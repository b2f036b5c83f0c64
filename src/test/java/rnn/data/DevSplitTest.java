package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DevSplitTest {
    @Test
    void holdsOutTheFractionWithoutOverlap() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(i);
        }
        DevSplit.Parts<Integer> parts = DevSplit.carve(all, 0.2, 9);
        assertEquals(5, parts.dev().size());
        assertEquals(20, parts.train().size());
        Set<Integer> union = new HashSet<>(parts.train());
        union.addAll(parts.dev());
        assertEquals(25, union.size());
        assertEquals(parts.dev(), DevSplit.carve(all, 0.2, 9).dev());
    }

    @Test
    void keepsAtLeastOneExampleOnEachSide() {
        DevSplit.Parts<String> parts = DevSplit.carve(List.of("a", "b"), 0.01, 1);
        assertEquals(1, parts.dev().size());
        assertEquals(1, parts.train().size());
    }
}
