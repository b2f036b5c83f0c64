package rnn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Carves a dev set out of a training set, in one of three ways: at random, by whole groups, or by
 * the highest ids of each label. Both parts keep the examples' original order.
 */
public final class DevSplit {
    /** The two parts; together they hold every example once. */
    public record Parts<T>(List<T> train, List<T> dev) {
    }

    private DevSplit() {
    }

    /**
     * A seeded shuffle, then the first {@code round(fraction x size)} examples (at least one, and
     * at least one left to train on) are dev.
     */
    public static <T> Parts<T> carve(List<T> examples, double fraction, long seed) {
        List<T> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        int devSize = (int) Math.round(fraction * shuffled.size());
        devSize = Math.max(1, Math.min(shuffled.size() - 1, devSize));
        return new Parts<>(List.copyOf(shuffled.subList(devSize, shuffled.size())),
                List.copyOf(shuffled.subList(0, devSize)));
    }

    /**
     * Whole groups: the groups in a seeded shuffle go to dev until it holds at least
     * {@code round(fraction x size)} examples; at least one group stays in train. An example whose
     * group is null is a group of its own.
     */
    public static <T> Parts<T> carveGroups(List<T> examples, Function<T, String> group, double fraction, long seed) {
        Map<Object, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            String g = group.apply(examples.get(i));
            members.computeIfAbsent(g != null ? g : (Object) Integer.valueOf(i), k -> new ArrayList<>()).add(i);
        }
        if (members.size() < 2) {
            throw new DataException("cannot carve a dev set by group: all " + examples.size()
                    + " examples are in one group");
        }
        List<List<Integer>> groups = new ArrayList<>(members.values());
        Collections.shuffle(groups, new Random(seed));
        int target = Math.max(1, (int) Math.round(fraction * examples.size()));
        Set<Integer> dev = new HashSet<>();
        for (int g = 0; g < groups.size() - 1 && dev.size() < target; g++) {
            dev.addAll(groups.get(g));
        }
        return split(examples, dev);
    }

    /**
     * The examples with the highest ids of each label: {@code round(fraction x count)} of every
     * label (at least one where a label has two or more examples), ties broken by position.
     */
    public static <T> Parts<T> carveTopIds(List<T> examples, Function<T, String> label, ToLongFunction<T> id,
                                           double fraction) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(label.apply(examples.get(i)), k -> new ArrayList<>()).add(i);
        }
        Set<Integer> dev = new HashSet<>();
        for (List<Integer> indices : byLabel.values()) {
            if (indices.size() < 2) {
                continue;
            }
            int take = Math.max(1, Math.min(indices.size() - 1, (int) Math.round(fraction * indices.size())));
            indices.stream()
                    .sorted(Comparator.<Integer>comparingLong(i -> id.applyAsLong(examples.get(i))).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(take)
                    .forEach(dev::add);
        }
        if (dev.isEmpty()) {
            throw new DataException("cannot carve a dev set by id: no label has two examples");
        }
        return split(examples, dev);
    }

    private static <T> Parts<T> split(List<T> examples, Set<Integer> devIndices) {
        List<T> train = new ArrayList<>(examples.size() - devIndices.size());
        List<T> dev = new ArrayList<>(devIndices.size());
        for (int i = 0; i < examples.size(); i++) {
            (devIndices.contains(i) ? dev : train).add(examples.get(i));
        }
        return new Parts<>(List.copyOf(train), List.copyOf(dev));
    }
}
