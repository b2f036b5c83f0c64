package rnn.nn.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BlasTest {
    private static INDArray matrix(DataType type, char order, long rows, long columns) {
        return Nd4j.rand(type, rows, columns).dup(order);
    }

    /** A [rows, columns] view that is the middle column block of a wider matrix. */
    private static INDArray block(DataType type, char order, long rows, long columns) {
        INDArray wide = matrix(type, order, rows, columns + 5);
        return wide.get(all(), interval(2, 2 + columns));
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT,c,c,c,false,false,false", "FLOAT,f,c,c,false,false,false", "FLOAT,c,f,c,false,false,false",
        "FLOAT,c,c,f,false,false,false", "FLOAT,f,f,f,true,true,false", "FLOAT,c,f,c,true,false,true",
        "DOUBLE,c,c,c,false,true,true", "DOUBLE,f,c,f,true,false,true", "DOUBLE,c,f,c,false,false,true"})
    void matchesNd4jMatrixProduct(DataType type, char orderA, char orderB, char orderC, boolean transposeA,
                                  boolean transposeB, boolean views) {
        check(type, orderA, orderB, orderC, transposeA, transposeB, views, 5, 7, 3);
    }

    /** Single rows and columns, where ND4J may report a degenerate stride. */
    @ParameterizedTest
    @CsvSource({"c,c,c,1,7,3", "c,f,c,1,7,3", "f,f,f,5,1,3", "c,c,c,1,1,3", "c,f,f,1,7,1"})
    void handlesSingleRowsAndColumns(char orderA, char orderB, char orderC, long m, long n, long k) {
        check(DataType.FLOAT, orderA, orderB, orderC, false, false, false, m, n, k);
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void multipliesBlocksAddressedInPlace(boolean transposeB) {
        // A row block of a row-major array times a column block of a column-major one, into a row block.
        INDArray a = matrix(DataType.FLOAT, 'c', 10, 9);
        INDArray b = matrix(DataType.FLOAT, 'f', transposeB ? 7 : 3, 20);
        INDArray c = matrix(DataType.FLOAT, 'c', 12, 15);
        INDArray aBlock = a.get(interval(4, 9), interval(2, 5));                                   // [5, 3]
        INDArray bBlock = b.get(all(), interval(6, transposeB ? 9 : 13));                          // [3, 7] or [7, 3]
        INDArray expected = c.get(interval(1, 6), interval(8, 15)).dup()
                .addi(aBlock.mmul(transposeB ? bBlock.transpose() : bBlock));
        Blas.gemm(Blas.Matrix.rowBlock(a, 4, 9, 2, 3), false, Blas.Matrix.columnBlock(b, 6, transposeB ? 3 : 7),
                transposeB, Blas.Matrix.rowBlock(c, 1, 6, 8, 7), 1.0, 1.0);
        assertTrue(expected.equalsWithEps(c.get(interval(1, 6), interval(8, 15)), 1e-4));
    }

    private static void check(DataType type, char orderA, char orderB, char orderC, boolean transposeA,
                              boolean transposeB, boolean views, long m, long n, long k) {
        long[] shapeA = transposeA ? new long[] {k, m} : new long[] {m, k};
        long[] shapeB = transposeB ? new long[] {n, k} : new long[] {k, n};
        INDArray a = views ? block(type, orderA, shapeA[0], shapeA[1]) : matrix(type, orderA, shapeA[0], shapeA[1]);
        INDArray b = views ? block(type, orderB, shapeB[0], shapeB[1]) : matrix(type, orderB, shapeB[0], shapeB[1]);
        INDArray c = views ? block(type, orderC, m, n) : matrix(type, orderC, m, n);
        INDArray before = c.dup();
        INDArray expected = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b).muli(0.5)
                .addi(before.mul(2));
        Blas.gemm(a, transposeA, b, transposeB, c, 0.5, 2.0);
        assertTrue(expected.equalsWithEps(c, 1e-4), "expected\n" + expected + "\ngot\n" + c);
    }
}
