package rnn.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A partition's outputs, computed a chunk of inputs at a time, so a partition of any size needs
 * memory for one chunk only. {@code onEnd} runs once the inputs are used up.
 */
final class ChunkedIterator<I, O> implements Iterator<O> {
    private final Iterator<I> inputs;
    private final int chunkSize;
    private final Function<List<I>, List<O>> compute;
    private final Runnable onEnd;
    private Iterator<O> current = Collections.emptyIterator();
    private boolean ended;

    ChunkedIterator(Iterator<I> inputs, int chunkSize, Function<List<I>, List<O>> compute, Runnable onEnd) {
        this.inputs = inputs;
        this.chunkSize = chunkSize;
        this.compute = compute;
        this.onEnd = onEnd;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (!inputs.hasNext()) {
                if (!ended) {
                    ended = true;
                    onEnd.run();
                }
                return false;
            }
            List<I> chunk = new ArrayList<>(chunkSize);
            while (chunk.size() < chunkSize && inputs.hasNext()) {
                chunk.add(inputs.next());
            }
            current = compute.apply(chunk).iterator();
        }
        return true;
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
