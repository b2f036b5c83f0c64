package rnn.nn.memory;

import java.nio.FloatBuffer;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between DL4J's NCW sequences {@code [batch, features, time]} and the time-major matrix
 * {@code [time x batch, features]} (row-major) that the fused layers compute on.
 *
 * <p>Two NCW layouts are read and written fast. rnn's token embedding writes its sequences
 * <em>time-major</em>: a row-major {@code [time, batch, features]} array seen through a permuted
 * NCW view ({@link #ncwView}), so that the recurrent layer above reads it as its input matrix
 * without a copy ({@link #matrixView}). For a dense 'f'-ordered NCW array (what most other layers
 * make) each time step is a column-major {@code [batch, features]} block, so the copy is a block
 * transpose done here in one pass; ND4J's general strided assignment goes element by element.
 * Other layouts, and every layout when the host kernels are off ({@link Backend}), fall back to it.
 */
public final class TimeMajor {
    private TimeMajor() {
    }

    /** {@code target[t x batch + r][j] = sequence[r][j][t]}. */
    public static void fromNcw(INDArray sequence, INDArray target) {
        long b = sequence.size(0);
        long features = sequence.size(1);
        long steps = sequence.size(2);
        if (isTimeMajor(sequence)) {
            copyRows(matrixView(sequence), target);
            return;
        }
        if (!isDenseF(sequence) || !isDenseRowMajor(target) || !Backend.hostKernels(false)) {
            target.reshape('c', steps, b, features).assign(sequence.permute(2, 0, 1));
            return;
        }
        transposeSteps(sequence, target, (int) steps, (int) features, (int) b);
    }

    /** {@code sequence[r][j][t] = source[t x batch + r][j]}. */
    public static void toNcw(INDArray source, INDArray sequence) {
        long b = sequence.size(0);
        long features = sequence.size(1);
        long steps = sequence.size(2);
        if (isTimeMajor(sequence)) {
            copyRows(source, matrixView(sequence));
            return;
        }
        if (!isDenseF(sequence) || !isDenseRowMajor(source) || !Backend.hostKernels(false)) {
            sequence.assign(source.reshape('c', steps, b, features).permute(1, 2, 0));
            return;
        }
        transposeSteps(source, sequence, (int) steps, (int) b, (int) features);
    }

    /** {@code to = from} for matrices of one shape: one bulk copy when both are dense row-major of one type. */
    private static void copyRows(INDArray from, INDArray to) {
        if (isDenseRowMajor(from) && isDenseRowMajor(to) && from.dataType() == to.dataType()
                && Backend.hostKernels(false)) {
            Floats.copy(from, to);
        } else {
            to.assign(from);
        }
    }

    /** Whether a matrix is dense and row-major: its memory holds its rows one after another. */
    private static boolean isDenseRowMajor(INDArray m) {
        return m.rank() == 2 && m.offset() == 0 && m.length() == m.data().length()
                && (m.size(1) == 1 || m.stride(1) == 1) && (m.size(0) == 1 || m.stride(0) == m.size(1));
    }

    /**
     * Transposes each of {@code steps} consecutive {@code rows x columns} row-major blocks of
     * {@code from} into {@code to}, a block at a time in Java arrays (element by element, the
     * reads of one side stride through memory).
     */
    private static void transposeSteps(INDArray from, INDArray to, int steps, int rows, int columns) {
        int block = rows * columns;
        if (from.dataType() == DataType.FLOAT && to.dataType() == DataType.FLOAT) {
            FloatBuffer source = Floats.floatBuffer(from);
            FloatBuffer target = Floats.floatBuffer(to);
            float[] in = new float[block];
            float[] out = new float[block];
            for (int t = 0; t < steps; t++) {
                source.get(t * block, in, 0, block);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        out[j * rows + i] = in[i * columns + j];
                    }
                }
                target.put(t * block, out, 0, block);
            }
            return;
        }
        Floats source = Floats.of(from);
        Floats target = Floats.of(to);
        double[] in = new double[block];
        double[] out = new double[block];
        for (int t = 0; t < steps; t++) {
            source.get(t * block, in, block);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    out[j * rows + i] = in[i * columns + j];
                }
            }
            target.set(t * block, out, block);
        }
    }

    /**
     * A mask {@code [batch, time]} (or any shape of that many values, row-major) time-major:
     * {@code out[t x batch + r] = mask[r][t]}. (One copy out of ND4J: its {@code toFloatMatrix}
     * makes a view per row.)
     */
    public static float[] maskValues(INDArray mask, int batch, int steps) {
        float[] byRow = mask.castTo(DataType.FLOAT).reshape('c', batch, steps).dup('c').data().asFloat();
        float[] out = new float[batch * steps];
        for (int r = 0; r < batch; r++) {
            for (int t = 0; t < steps; t++) {
                out[t * batch + r] = byRow[r * steps + t];
            }
        }
        return out;
    }

    /** Whether {@code a} is a dense 'f'-ordered array: for NCW, one {@code [features, batch]} block per step. */
    public static boolean isDenseF(INDArray a) {
        if (a.offset() != 0 || a.length() != a.data().length()) {
            return false;
        }
        long stride = 1;   // column-major: each dimension's stride is the product of the sizes before it
        for (int d = 0; d < a.rank(); d++) {
            if (a.size(d) > 1 && a.stride(d) != stride) {
                return false;
            }
            stride *= a.size(d);
        }
        return true;
    }

    /** {@code a} itself if it is dense 'f' ({@link #isDenseF}), else such a copy. */
    public static INDArray denseF(INDArray a) {
        if (isDenseF(a)) {
            return a;
        }
        if (!isTimeMajor(a)) {
            return a.dup('f');
        }
        INDArray out = Nd4j.createUninitialized(a.dataType(), a.shape(), 'f');
        toNcw(matrixView(a), out);
        return out;
    }

    /**
     * Whether an NCW sequence lies in memory time-major: as a dense row-major {@code [time,
     * batch, features]} array (see {@link #ncwView}).
     */
    public static boolean isTimeMajor(INDArray a) {
        if (a.rank() != 3 || a.offset() != 0 || a.length() != a.data().length()) {
            return false;
        }
        long b = a.size(0);
        long features = a.size(1);
        return (b == 1 || a.stride(0) == features) && (features == 1 || a.stride(1) == 1)
                && (a.size(2) == 1 || a.stride(2) == b * features);
    }

    /**
     * A time-major NCW sequence {@code [batch, features, time]} in a workspace, holding a copy of
     * the time-major matrix {@code rows} ({@code [time x batch, features]}): how rnn's layers hand
     * their outputs, and their gradients, to the layers next to them.
     */
    public static INDArray sequenceOf(INDArray rows, long batch, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        INDArray out = workspaceMgr.createUninitialized(type, rows.dataType(),
                new long[] {rows.size(0) / batch, batch, rows.size(1)}, 'c');
        INDArray sequence = ncwView(out);
        toNcw(rows, sequence);
        return sequence;
    }

    /** The NCW view {@code [batch, features, time]} of a row-major {@code [time, batch, features]} array. */
    public static INDArray ncwView(INDArray timeMajor) {
        return timeMajor.permute(1, 2, 0);
    }

    /** The time-major matrix {@code [time x batch, features]} of a sequence: {@link #matrixView} or a copy. */
    public static INDArray matrix(INDArray sequence) {
        if (isTimeMajor(sequence)) {
            return matrixView(sequence);
        }
        INDArray out = Nd4j.createUninitialized(sequence.dataType(), sequence.size(2) * sequence.size(0),
                sequence.size(1));
        fromNcw(sequence, out);
        return out;
    }

    /** The matrix {@code [time x batch, features]} over a time-major sequence's memory: a view, no copy. */
    public static INDArray matrixView(INDArray timeMajorSequence) {
        long rows = timeMajorSequence.size(2) * timeMajorSequence.size(0);
        long features = timeMajorSequence.size(1);
        return Nd4j.create(timeMajorSequence.data(), new long[] {rows, features}, new long[] {features, 1}, 0, 'c');
    }
}
