package rnn.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products straight through OpenBLAS's {@code cblas_?gemm} (the library ND4J itself
 * loads), on ND4J arrays and views in place. Calling it directly skips ND4J's per-op dispatch,
 * which costs more than the small {@code [batch, hidden] x [hidden, 4 hidden]} product of a
 * recurrent step, and takes strided views (a direction's column block) that {@code Nd4j.gemm}
 * refuses as output.
 */
public final class Blas {
    private Blas() {
    }

    /** Loads the OpenBLAS that the direct calls use (for reports of which library runs). */
    public static void loadNow() {
        openblas_nolapack.cblas_sdot(1, new float[] {1}, 1, new float[] {1}, 1);
    }

    /**
     * {@code c = alpha op(a) op(b) + beta c}, where op transposes when asked. Each matrix may be
     * row-major or column-major with any leading dimension (a view); all must share one type,
     * FLOAT or DOUBLE.
     */
    static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha,
                     double beta) {
        long m = c.size(0);
        long n = c.size(1);
        long k = transposeA ? a.size(0) : a.size(1);
        if ((transposeA ? a.size(1) : a.size(0)) != m || (transposeB ? b.size(1) : b.size(0)) != k
                || (transposeB ? b.size(0) : b.size(1)) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: a " + a.shapeInfoToString() + ", b "
                    + b.shapeInfoToString() + ", c " + c.shapeInfoToString());
        }
        if (!rowMajor(c)) {
            // A column-major C is the row-major C^T = op(b)^T op(a)^T.
            gemmRowMajor(b, !transposeB, a, !transposeA, c, n, m, k, alpha, beta, leading(c));
        } else {
            gemmRowMajor(a, transposeA, b, transposeB, c, m, n, k, alpha, beta, leading(c));
        }
    }

    private static void gemmRowMajor(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                                     long m, long n, long k, double alpha, double beta, long ldc) {
        // A column-major operand read as row-major is its own transpose, so its flag flips.
        int transA = rowMajor(a) == transposeA ? CblasTrans : CblasNoTrans;
        int transB = rowMajor(b) == transposeB ? CblasTrans : CblasNoTrans;
        int lda = (int) leading(a);
        int ldb = (int) leading(b);
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, transA, transB, (int) m, (int) n, (int) k, (float) alpha,
                    floats(a), lda, floats(b), ldb, (float) beta, floats(c), (int) ldc);
        } else if (c.dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, transA, transB, (int) m, (int) n, (int) k, alpha,
                    doubles(a), lda, doubles(b), ldb, beta, doubles(c), (int) ldc);
        } else {
            throw new IllegalArgumentException("gemm needs FLOAT or DOUBLE arrays, got " + c.dataType());
        }
    }

    /** Whether rows are contiguous (unit column stride), so the array reads as row-major. */
    private static boolean rowMajor(INDArray x) {
        return x.stride(1) == 1 && (x.size(0) == 1 || x.stride(0) >= x.size(1));
    }

    private static long leading(INDArray x) {
        return rowMajor(x) ? Math.max(x.stride(0), x.size(1)) : Math.max(x.stride(1), x.size(0));
    }

    /** The address of the array's first element; a view's buffer already starts at its offset. */
    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    private static DoublePointer doubles(INDArray x) {
        return new DoublePointer(x.data().addressPointer());
    }
}
