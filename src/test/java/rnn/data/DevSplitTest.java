package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Example i belongs to group i / 3 (eight groups of three, then one of one) and has label i % 2. */
    private static List<Integer> numbers(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    @Test
    void groupsStayWholeOnOneSide() {
        List<Integer> all = numbers(25);
        DevSplit.Parts<Integer> parts = DevSplit.carveGroups(all, i -> "g" + i / 3, 0.2, 7);
        Set<String> trainGroups = new HashSet<>(parts.train().stream().map(i -> "g" + i / 3).toList());
        Set<String> devGroups = new HashSet<>(parts.dev().stream().map(i -> "g" + i / 3).toList());
        assertTrue(java.util.Collections.disjoint(trainGroups, devGroups), trainGroups + " / " + devGroups);
        assertTrue(parts.dev().size() >= 5 && parts.dev().size() <= 7, "at least 20%, at most one group over: "
                + parts.dev());
        assertEquals(25, parts.train().size() + parts.dev().size());
        assertEquals(parts.dev().stream().sorted().toList(), parts.dev(), "original order kept");
        assertEquals(parts, DevSplit.carveGroups(all, i -> "g" + i / 3, 0.2, 7), "same seed, same split");
        assertNotEquals(parts.dev(), DevSplit.carveGroups(all, i -> "g" + i / 3, 0.2, 8).dev());
    }

    @Test
    void examplesWithoutAGroupAreGroupsOfTheirOwnButOneGroupCannotBeSplit() {
        DevSplit.Parts<Integer> parts = DevSplit.carveGroups(numbers(10), i -> null, 0.3, 1);
        assertEquals(3, parts.dev().size());
        DataException e = assertThrows(DataException.class, () -> DevSplit.carveGroups(numbers(4), i -> "one", 0.5, 1));
        assertEquals("cannot carve a dev set by group: all 4 examples are in one group", e.getMessage());
    }

    @Test
    void topIdsTakeTheHighestIdsOfEachLabel() {
        // labels alternate; ids run backwards, so the highest ids are the first examples
        List<Integer> all = numbers(20);
        DevSplit.Parts<Integer> parts = DevSplit.carveTopIds(all, i -> i % 2 == 0 ? "even" : "odd", i -> 100 - i, 0.2);
        assertEquals(List.of(0, 1, 2, 3), parts.dev());
        assertEquals(16, parts.train().size());
        assertFalse(parts.train().contains(0));
    }
}
