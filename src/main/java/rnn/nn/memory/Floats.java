package rnn.nn.memory;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element access to the memory of a dense, zero-offset ND4J array from Java, in float or double
 * precision; the recurrent kernels are written once against it (double precision is what the
 * gradient checks use). Indices are into the array's buffer in its own ordering. An instance
 * serves one thread (the float one copies in bulk through a scratch array).
 */
public interface Floats {
    double get(int i);

    void set(int i, double value);

    /** Reads {@code count} values from index {@code from} into {@code out}. */
    void get(int from, double[] out, int count);

    /** Writes {@code count} values of {@code values} from index {@code from}. */
    void set(int from, double[] values, int count);

    /**
     * A copy of an array's values in row-major order, in double precision (ND4J's
     * {@code toDoubleMatrix} makes a view per row, which is slow for many rows).
     */
    public static double[] rowMajor(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /**
     * The values of a dense row-major array, read straight from host memory when the host kernels
     * run ({@link Backend}), else through ND4J ({@link #rowMajor}).
     */
    public static double[] read(INDArray dense) {
        if (!Backend.hostKernels(false)) {
            return rowMajor(dense);
        }
        double[] values = new double[(int) dense.length()];
        of(dense).get(0, values, values.length);
        return values;
    }

    /**
     * Writes {@code values} over a dense row-major array, straight into host memory when the host
     * kernels run ({@link Backend}), else through ND4J.
     */
    public static void write(INDArray dense, double[] values) {
        if (!Backend.hostKernels(false)) {
            dense.assign(Nd4j.createFromArray(values).castTo(dense.dataType()).reshape('c', dense.shape()));
            return;
        }
        of(dense).set(0, values, values.length);
    }

    /**
     * A view of {@code array}'s memory, indexed as its buffer lays the elements out; the array must
     * be dense (no gaps), which a contiguous view of a larger array also is.
     */
    public static Floats of(INDArray array) {
        if (array.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = new DoublePointer(address(array)).capacity(array.length()).asBuffer();
            return new Floats() {
                @Override public double get(int i) { return b.get(i); }
                @Override public void set(int i, double value) { b.put(i, value); }
                @Override public void get(int from, double[] out, int count) { b.get(from, out, 0, count); }
                @Override public void set(int from, double[] values, int count) { b.put(from, values, 0, count); }
            };
        }
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer b = floatBuffer(array);
            return new Floats() {
                private float[] scratch = new float[0];   // bulk copies go through it, then widen

                @Override public double get(int i) { return b.get(i); }
                @Override public void set(int i, double value) { b.put(i, (float) value); }

                @Override
                public void get(int from, double[] out, int count) {
                    float[] f = scratch(count);
                    b.get(from, f, 0, count);
                    for (int k = 0; k < count; k++) {
                        out[k] = f[k];
                    }
                }

                @Override
                public void set(int from, double[] values, int count) {
                    float[] f = scratch(count);
                    for (int k = 0; k < count; k++) {
                        f[k] = (float) values[k];
                    }
                    b.put(from, f, 0, count);
                }

                private float[] scratch(int count) {
                    if (scratch.length < count) {
                        scratch = new float[count];
                    }
                    return scratch;
                }
            };
        }
        throw new IllegalArgumentException("recurrent kernels need FLOAT or DOUBLE arrays, got " + array.dataType());
    }

    /**
     * Copies the memory of one dense array into another of the same type and length, in one
     * bulk copy (ND4J's {@code assign} between views walks them element by element).
     */
    public static void copy(INDArray from, INDArray to) {
        if (from.dataType() != to.dataType() || from.length() != to.length()) {
            throw new IllegalArgumentException("copy between arrays of different types or lengths: "
                    + from.shapeInfoToString() + " and " + to.shapeInfoToString());
        }
        if (from.dataType() == DataType.FLOAT) {
            floatBuffer(to).put(floatBuffer(from));
        } else if (from.dataType() == DataType.DOUBLE) {
            new DoublePointer(address(to)).capacity(to.length()).asBuffer()
                    .put(new DoublePointer(address(from)).capacity(from.length()).asBuffer());
        } else {
            throw new IllegalArgumentException("recurrent kernels need FLOAT or DOUBLE arrays, got " + from.dataType());
        }
    }

    /** The memory of a dense FLOAT array (see {@link #of}) as a buffer. */
    public static FloatBuffer floatBuffer(INDArray array) {
        return new FloatPointer(address(array)).capacity(array.length()).asBuffer();
    }

    /**
     * The address of a dense array's first element. A view's data buffer already starts at the
     * view's offset (so does {@link Blas}'s), while its NIO buffer starts at the parent's start.
     */
    private static Pointer address(INDArray array) {
        Backend.checkHostAccess();
        if (array.length() != array.data().length()) {
            throw new IllegalArgumentException("kernel arrays must be dense, got " + array.shapeInfoToString());
        }
        return array.data().addressPointer();
    }
}
