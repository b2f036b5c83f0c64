package rnn.nn.memory;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A layer's reusable dense row-major arrays, by name, outside DL4J's workspaces, so that they
 * outlive a forward pass until its backward pass and are not reallocated from batch to batch:
 * each name keeps one block of memory, and an array of a smaller shape is a view of its start.
 * A block too small is released at once for a larger one: batches of varying length would
 * otherwise pile up off-heap memory faster than the garbage collector, which does not see it,
 * frees it.
 */
public final class ScratchArrays {
    private final Map<String, INDArray> blocks = new HashMap<>();

    /** The array called {@code name}, {@code [rows, columns]} of {@code type}; its values are left as they were. */
    public INDArray get(String name, DataType type, long rows, long columns) {
        long length = rows * columns;
        INDArray block = blocks.get(name);
        if (block == null || block.length() < length || block.dataType() != type) {
            if (block != null && block.closeable()) {
                block.close();
            }
            try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                block = Nd4j.createUninitialized(type, new long[] {Math.max(length, 1)}, 'c');
            }
            blocks.put(name, block);
        }
        INDArray start = length == block.length() ? block : block.get(NDArrayIndex.interval(0, length));
        return start.reshape('c', rows, columns);
    }
}
