package rnn.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import rnn.bundle.Bundle;
import rnn.nn.Networks;
import rnn.task.Task;
import rnn.task.registry.Tasks;

/**
 * The bundles an executor JVM has loaded: each distinct bundle is unpacked and loaded once per
 * JVM, whatever the number of partitions and tasks. A network is not safe for two threads, so
 * each task borrows a copy that shares the loaded parameters, and gives it back when done.
 */
public final class ExecutorBundles {
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorBundles() {
    }

    /** A bundle of {@code task} to predict with until the lease is closed. */
    public static Lease lease(BundleBytes bytes, Task task) {
        Loaded loaded = LOADED.computeIfAbsent(bytes.sha256(), sha -> load(bytes, task));
        Bundle idle = loaded.idle().poll();
        Bundle bundle = idle != null ? idle : copy(loaded.bundle());
        return new Lease(bundle, loaded.idle());
    }

    /** How many bundles this JVM has loaded from bytes. */
    public static int loads() {
        return LOADS.get();
    }

    private static Loaded load(BundleBytes bytes, Task task) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "rnn-bundles");
        Path dir = bytes.unpack(root);
        LOADS.incrementAndGet();
        return new Loaded(Tasks.load(dir.toString(), root, task, "rnn-spark"), new ConcurrentLinkedQueue<>());
    }

    private static Bundle copy(Bundle b) {
        return new Bundle(b.name(), b.manifest(), b.config(), Networks.sharingParameters(b.network()), b.tokens(),
                b.labels(), b.chars());
    }

    private record Loaded(Bundle bundle, Queue<Bundle> idle) {
    }

    /** A borrowed bundle whose network no other thread uses until {@link #close}. */
    public static final class Lease implements AutoCloseable {
        private final Bundle bundle;
        private final Queue<Bundle> idle;

        private Lease(Bundle bundle, Queue<Bundle> idle) {
            this.bundle = bundle;
            this.idle = idle;
        }

        public Bundle bundle() {
            return bundle;
        }

        @Override
        public void close() {
            idle.offer(bundle);
        }
    }
}
