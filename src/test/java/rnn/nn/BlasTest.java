package rnn.nn;

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
