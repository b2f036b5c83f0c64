package rnn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Carves a dev set out of a training set: a seeded shuffle, then the first share becomes dev. */
public final class DevSplit {
    /** The two parts; together they hold every example once. */
    public record Parts<T>(List<T> train, List<T> dev) {
    }

    private DevSplit() {
    }

    /** Holds out {@code round(fraction x size)} examples (at least one, and at least one left to train on). */
    public static <T> Parts<T> carve(List<T> examples, double fraction, long seed) {
        List<T> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        int devSize = (int) Math.round(fraction * shuffled.size());
        devSize = Math.max(1, Math.min(shuffled.size() - 1, devSize));
        return new Parts<>(List.copyOf(shuffled.subList(devSize, shuffled.size())),
                List.copyOf(shuffled.subList(0, devSize)));
    }
}
