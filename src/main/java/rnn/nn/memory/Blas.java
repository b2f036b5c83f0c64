package rnn.nn.memory;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    /**
     * A matrix inside an array's memory, addressed without creating an ND4J view (which costs
     * more than the small product of a recurrent step): {@code rows x columns} from element
     * {@code offset} of {@code array}'s data, rows (or columns, when not {@code rowMajor}) {@code ld}
     * elements apart.
     */
    public record Matrix(INDArray array, long offset, int rows, int columns, int ld, boolean rowMajor) {
        /** Rows {@code [rowFrom, rowTo)} and {@code columns} columns from {@code columnFrom} of a dense row-major array. */
        public static Matrix rowBlock(INDArray dense, long rowFrom, long rowTo, long columnFrom, long columns) {
            long width = dense.size(1);
            if (dense.ordering() != 'c' || dense.stride(1) != 1 || (dense.size(0) > 1 && dense.stride(0) != width)) {
                throw new IllegalArgumentException("expected a dense row-major matrix, got " + dense.shapeInfoToString());
            }
            return new Matrix(dense, rowFrom * width + columnFrom, (int) (rowTo - rowFrom), (int) columns, (int) width,
                    true);
        }

        /** {@code columns} columns from {@code columnFrom} of a dense column-major ('f') matrix. */
        public static Matrix columnBlock(INDArray denseF, long columnFrom, long columns) {
            long height = denseF.size(0);
            if (denseF.stride(0) != 1 || (denseF.size(1) > 1 && denseF.stride(1) != height)) {
                throw new IllegalArgumentException("expected a dense column-major matrix, got "
                        + denseF.shapeInfoToString());
            }
            return new Matrix(denseF, columnFrom * height, (int) height, (int) columns, (int) height, false);
        }
    }

    /** {@code c = alpha op(a) op(b) + beta c} on matrices addressed in place; {@code c} must be row-major. */
    public static void gemm(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, double alpha, double beta) {
        int m = c.rows();
        int n = c.columns();
        int k = transposeA ? a.rows() : a.columns();
        if (!c.rowMajor() || (transposeA ? a.columns() : a.rows()) != m || (transposeB ? b.columns() : b.rows()) != k
                || (transposeB ? b.rows() : b.columns()) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: " + a + " x " + b + " -> " + c);
        }
        int transA = a.rowMajor() == transposeA ? CblasTrans : CblasNoTrans;
        int transB = b.rowMajor() == transposeB ? CblasTrans : CblasNoTrans;
        if (c.array().dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, transA, transB, m, n, k, (float) alpha, floats(a), a.ld(),
                    floats(b), b.ld(), (float) beta, floats(c), c.ld());
        } else if (c.array().dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, transA, transB, m, n, k, alpha, doubles(a), a.ld(),
                    doubles(b), b.ld(), beta, doubles(c), c.ld());
        } else {
            throw new IllegalArgumentException("gemm needs FLOAT or DOUBLE arrays, got " + c.array().dataType());
        }
    }

    private static FloatPointer floats(Matrix x) {
        return floats(x.array()).position(x.offset());
    }

    private static DoublePointer doubles(Matrix x) {
        return doubles(x.array()).position(x.offset());
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
    public static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha,
                     double beta) {
        if (!Backend.hostKernels(false)) {
            gemmWithOps(a, transposeA, b, transposeB, c, alpha, beta);
            return;
        }
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

    /**
     * The same product through ND4J's ops, which run on any backend ({@link Backend}); {@code c}
     * may be a strided view, which ND4J's own {@code gemm} refuses as output.
     */
    private static void gemmWithOps(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                                    double alpha, double beta) {
        INDArray product = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b).castTo(c.dataType());
        if (alpha != 1) {
            product.muli(alpha);
        }
        if (beta == 0) {
            c.assign(product);
        } else {
            c.muli(beta).addi(product);
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
        Backend.checkHostAccess();
        return new FloatPointer(x.data().addressPointer());
    }

    private static DoublePointer doubles(INDArray x) {
        Backend.checkHostAccess();
        return new DoublePointer(x.data().addressPointer());
    }
}
