package rnn.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points of training, checkpointing and bundle writing where the reliability suite
 * (FaultInjectionTest) stops the process the way {@code kill -9} would: no shutdown hooks, no
 * flushing, files as they are. Inert unless the system property {@code rnn.fault} is
 * {@code POINT:N}, which halts the JVM the N-th time POINT is reached.
 */
public final class FaultPoint {
    /** After a training batch. */
    public static final String BATCH = "batch";
    /** After an epoch's checkpoint and best network are saved, before {@code state.json} names them. */
    public static final String CHECKPOINT = "checkpoint";
    /** After each file of a bundle is written, the manifest last. */
    public static final String BUNDLE_FILE = "bundle-file";
    /** Between the two renames that swap a forced run's bundle in. */
    public static final String SWAP = "swap";

    private static final String SPEC = System.getProperty("rnn.fault");
    private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

    private FaultPoint() {
    }

    public static void reached(String point) {
        if (SPEC == null || !SPEC.startsWith(point + ":")) {
            return;
        }
        int at = Integer.parseInt(SPEC.substring(point.length() + 1));
        if (REACHED.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet() == at) {
            Runtime.getRuntime().halt(137);   // 128 + SIGKILL, as a shell reports a kill -9
        }
    }
}
