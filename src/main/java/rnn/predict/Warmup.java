package rnn.predict;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import rnn.nn.CellKernels;

/**
 * Runs a model's kind of computation on made-up input in a background thread while the real
 * model loads, so that the JVM has loaded, and largely compiled, the code of the first real
 * batches by the time they come: a fresh JVM ran its first tagging batch 5 to 10 times slower
 * than later ones. Best effort: a failure in the warm-up ends it quietly (the real run reports
 * its own errors), and {@link #close} only asks it to stop, never waits.
 */
public final class Warmup implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();

    private Warmup() {
    }

    /** Starts warming up: {@code pass} is made in the background thread, then run until {@link #close}. */
    public static Warmup start(Supplier<Runnable> pass) {
        Warmup warmup = new Warmup();
        Thread thread = new Thread(() -> {
            try {
                CellKernels.warmUp();   // pure Java: runs while ND4J starts
                Runnable run = pass.get();
                while (!warmup.stop.get()) {
                    run.run();
                }
            } catch (RuntimeException | LinkageError e) {
                // Nothing to report: the real run does the same work and reports what goes wrong.
            }
        }, "rnn-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return warmup;
    }

    /** Asks the warm-up to stop after the pass it is running. */
    @Override
    public void close() {
        stop.set(true);
    }
}
