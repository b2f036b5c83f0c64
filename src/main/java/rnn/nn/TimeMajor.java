package rnn.nn;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Copies between DL4J's NCW sequences {@code [batch, features, time]} and the time-major matrix
 * {@code [time x batch, features]} (row-major) that the fused layers compute on. For the usual
 * dense 'f'-ordered NCW array each time step is a column-major {@code [batch, features]} block,
 * so the copy is a block transpose done here in one pass; ND4J's general strided assignment is
 * several times slower. Other layouts fall back to it.
 */
final class TimeMajor {
    private TimeMajor() {
    }

    /** {@code target[t x batch + r][j] = sequence[r][j][t]}. */
    static void fromNcw(INDArray sequence, INDArray target) {
        long b = sequence.size(0);
        long features = sequence.size(1);
        long steps = sequence.size(2);
        if (!isDenseF(sequence)) {
            target.reshape('c', steps, b, features).assign(sequence.permute(2, 0, 1));
            return;
        }
        transposeSteps(sequence, target, (int) steps, (int) features, (int) b);
    }

    /** {@code sequence[r][j][t] = source[t x batch + r][j]}; {@code sequence} must be dense 'f'. */
    static void toNcw(INDArray source, INDArray sequence) {
        long b = sequence.size(0);
        long features = sequence.size(1);
        long steps = sequence.size(2);
        if (!isDenseF(sequence)) {
            sequence.assign(source.reshape('c', steps, b, features).permute(1, 2, 0));
            return;
        }
        transposeSteps(source, sequence, (int) steps, (int) b, (int) features);
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

    /** Whether {@code a} is a dense 'f'-ordered array: for NCW, one {@code [features, batch]} block per step. */
    static boolean isDenseF(INDArray a) {
        return a.ordering() == 'f' && a.offset() == 0 && !a.isView()
                && Shape.hasDefaultStridesForShape(a) && a.length() == a.data().length();
    }

    /** {@code a} itself if it is dense 'f' ({@link #isDenseF}), else such a copy. */
    static INDArray denseF(INDArray a) {
        return isDenseF(a) ? a : a.dup('f');
    }
}
