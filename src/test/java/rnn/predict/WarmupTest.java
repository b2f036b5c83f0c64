package rnn.predict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void runsThePassUntilClosedThenStops() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Warmup warmup = Warmup.start(() -> () -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 500 && runs.get() < 3; i++) {
            Thread.sleep(20);
        }
        assertTrue(runs.get() >= 3, "the pass runs over and over");
        warmup.close();
        Thread.sleep(50);
        int afterClose = runs.get();
        Thread.sleep(100);
        assertTrue(runs.get() <= afterClose + 1, "at most the pass under way finishes after close");
    }

    @Test
    void aFailingPassEndsTheWarmupQuietly() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        Warmup warmup = Warmup.start(() -> {
            made.incrementAndGet();
            throw new IllegalStateException("no such model");
        });
        for (int i = 0; i < 500 && made.get() == 0; i++) {
            Thread.sleep(20);
        }
        warmup.close();   // nothing thrown here or in the background thread's caller
        assertTrue(made.get() == 1);
    }
}
