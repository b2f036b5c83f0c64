package rnn.nn;

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
        if (!denseF(sequence)) {
            target.reshape('c', steps, b, features).assign(sequence.permute(2, 0, 1));
            return;
        }
        Floats from = Floats.of(sequence);
        Floats to = Floats.of(target);
        int block = (int) (b * features);
        for (int t = 0; t < steps; t++) {
            int base = t * block;
            for (int r = 0; r < b; r++) {
                int row = base + r * (int) features;
                for (int j = 0; j < features; j++) {
                    to.set(row + j, from.get(base + r + j * (int) b));
                }
            }
        }
    }

    /** {@code sequence[r][j][t] = source[t x batch + r][j]}; {@code sequence} must be dense 'f'. */
    static void toNcw(INDArray source, INDArray sequence) {
        long b = sequence.size(0);
        long features = sequence.size(1);
        long steps = sequence.size(2);
        if (!denseF(sequence)) {
            sequence.assign(source.reshape('c', steps, b, features).permute(1, 2, 0));
            return;
        }
        Floats from = Floats.of(source);
        Floats to = Floats.of(sequence);
        int block = (int) (b * features);
        for (int t = 0; t < steps; t++) {
            int base = t * block;
            for (int j = 0; j < features; j++) {
                int column = base + j * (int) b;
                for (int r = 0; r < b; r++) {
                    to.set(column + r, from.get(base + r * (int) features + j));
                }
            }
        }
    }

    private static boolean denseF(INDArray a) {
        return a.ordering() == 'f' && a.offset() == 0 && !a.isView()
                && Shape.hasDefaultStridesForShape(a) && a.length() == a.data().length();
    }
}
