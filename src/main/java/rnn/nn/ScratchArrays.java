package rnn.nn;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's reusable dense row-major arrays, by name, outside DL4J's workspaces, so that they
 * outlive a forward pass until its backward pass and are not reallocated from batch to batch.
 * An array of another shape is released at once: batches of varying length would otherwise pile
 * up off-heap memory faster than the garbage collector, which does not see it, frees it.
 */
final class ScratchArrays {
    private final Map<String, INDArray> arrays = new HashMap<>();

    /** The array called {@code name}, {@code [rows, columns]} of {@code type}; its values are left as they were. */
    INDArray get(String name, DataType type, long rows, long columns) {
        INDArray a = arrays.get(name);
        if (a == null || a.size(0) != rows || a.size(1) != columns || a.dataType() != type) {
            if (a != null && a.closeable()) {
                a.close();
            }
            try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                a = Nd4j.createUninitialized(type, new long[] {rows, columns}, 'c');
            }
            arrays.put(name, a);
        }
        return a;
    }
}
