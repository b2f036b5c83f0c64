package rnn.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to the memory of a dense, zero-offset ND4J array from Java, in float or double
 * precision; the recurrent kernels are written once against it (double precision is what the
 * gradient checks use). Indices are into the array's buffer in its own ordering.
 */
interface Floats {
    double get(int i);

    void set(int i, double value);

    /**
     * A copy of an array's values in row-major order, in double precision (ND4J's
     * {@code toDoubleMatrix} makes a view per row, which is slow for many rows).
     */
    static double[] rowMajor(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** A view of {@code array}'s memory; the array must own its buffer from offset 0. */
    static Floats of(INDArray array) {
        if (array.offset() != 0 || array.isView()) {
            throw new IllegalArgumentException("kernel arrays must be dense and start at offset 0");
        }
        if (array.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = array.data().asNioDouble();
            return new Floats() {
                @Override public double get(int i) { return b.get(i); }
                @Override public void set(int i, double value) { b.put(i, value); }
            };
        }
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer b = array.data().asNioFloat();
            return new Floats() {
                @Override public double get(int i) { return b.get(i); }
                @Override public void set(int i, double value) { b.put(i, (float) value); }
            };
        }
        throw new IllegalArgumentException("recurrent kernels need FLOAT or DOUBLE arrays, got " + array.dataType());
    }
}
